from django.core.paginator import Paginator

PER_PAGE = 25


def paginate(request, queryset, per_page=PER_PAGE):
    """The requested page; junk or out-of-range page numbers fall back to the first/last page."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


def is_htmx(request):
    return request.headers.get("HX-Request") == "true"
