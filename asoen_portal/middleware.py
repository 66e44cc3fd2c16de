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
