"""Request middleware of the project."""

import time

from django.core.exceptions import BadRequest


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


class RejectNulBytesMiddleware:
    """400 for a NUL byte in the path or the query string.

    PostgreSQL text cannot hold NUL, so such a value reaching a query (a feed token, a group
    code, a search) would end as a 500; no honest link or form ever sends one. The API answers
    in JSON, as its schema promises for every error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path_info or any(
            "\x00" in key or "\x00" in value
            for key, values in request.GET.lists()
            for value in values
        ):
            if request.path_info.startswith("/api/"):
                from django.http import JsonResponse
                from django.utils.translation import gettext as _

                return JsonResponse({"detail": _("Yêu cầu chứa ký tự không hợp lệ.")}, status=400)
            raise BadRequest("NUL byte in the request")
        return self.get_response(request)


class IdleSessionMiddleware:
    """Renew a signed-in session's expiry (SESSION_COOKIE_AGE) while its user is active.

    Saving the session on every request (SESSION_SAVE_EVERY_REQUEST) would cost a write per
    page and per HTMX poll; renewing at most once a minute keeps the idle timeout within a
    minute of exact for a fraction of the writes.
    """

    RENEW_EVERY_SECONDS = 60
    KEY = "_asoen_renewed_at"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = time.time()
            renewed = request.session.get(self.KEY)
            if renewed is None and user.last_login:
                renewed = user.last_login.timestamp()  # signing in set the first expiry
            if renewed is None or now - renewed >= self.RENEW_EVERY_SECONDS:
                request.session[self.KEY] = now  # marks the session modified: saved, renewed
        return self.get_response(request)
