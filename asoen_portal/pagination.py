"""Pagination of every list page (and the exports' previews): one page size and a count
that stops at COUNT_CAP, so a register of 50,000 rows never counts them all."""

from functools import cached_property

from django.core.paginator import Paginator

PER_PAGE = 25
# Counting every row of a 50,000-row register costs more than rendering the page; past this
# many matches the page says "more than N" and people narrow the filters instead.
COUNT_CAP = 5000


class CappedPaginator(Paginator):
    @cached_property
    def count(self):
        # No ORDER BY: sorting every match only to count the first N would cost more than
        # the count itself.
        return self.object_list.order_by()[: COUNT_CAP + 1].count()

    @property
    def is_capped(self):
        return self.count > COUNT_CAP


def paginate(request, queryset, per_page=PER_PAGE):
    """The requested page; junk or out-of-range page numbers fall back to the first/last page."""
    return CappedPaginator(queryset, per_page).get_page(request.GET.get("page"))


class _ListPaginator(Paginator):
    """Rows already in memory: their count is their length, never capped."""

    is_capped = False


def paginate_list(request, rows: list, per_page=PER_PAGE):
    """The requested page of a list built in Python (the report's readiness lines)."""
    return _ListPaginator(rows, per_page).get_page(request.GET.get("page"))
