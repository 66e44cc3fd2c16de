from rest_framework.pagination import PageNumberPagination


class PagePagination(PageNumberPagination):
    """The list pages' 25 rows by default; other systems may ask for up to 200 at a time."""

    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 200
