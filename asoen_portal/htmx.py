"""Requests made by HTMX (the live parts of a page) get a fragment instead of a whole page."""

from django.http import HttpRequest


def is_htmx(request: HttpRequest) -> bool:
    return request.headers.get("HX-Request") == "true"
