"""Request middleware of the project."""


class VietnameseByDefaultMiddleware:
    """Ignore the browser's Accept-Language so the portal opens in Vietnamese.

    Many ministry computers run an English browser; the portal's language is the user's
    explicit choice (the language switch sets Django's language cookie), not the browser's.
    Must sit before LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


class PrivateCacheMiddleware:
    """`Cache-Control: private, no-store` on every signed-in page and every download.

    Such responses hold one person's view (a secret feed token, unpublished drafts, uploaded
    files): no proxy and no shared computer's browser cache may keep them. A response that
    chose its own caching (the iCalendar feeds, for their ETag) keeps it.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        signed_in = user is not None and user.is_authenticated
        download = response.get("Content-Disposition", "").startswith("attachment")
        if (signed_in or download) and not response.has_header("Cache-Control"):
            response["Cache-Control"] = "private, no-store"
        return response
