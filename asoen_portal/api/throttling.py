"""Rate limits: per token for other systems, per account for the browser."""

from django.core.cache import caches
from rest_framework.throttling import SimpleRateThrottle

from asoen_portal.models import ApiToken


class ApiTokenRateThrottle(SimpleRateThrottle):
    """One budget per token, so one runaway script cannot starve the owner's other tokens
    or the browser; session requests share one budget per account."""

    scope = "api_token"

    def __init__(self):
        # Resolved here, not at import: the cache must be the one settings name (Redis when
        # the portal runs with Redis, so every gunicorn worker counts against the same budget).
        self.cache = caches["api_throttle"]
        super().__init__()

    def get_cache_key(self, request, view):
        if isinstance(request.auth, ApiToken):
            ident = f"token-{request.auth.digest[:16]}"
        elif request.user and request.user.is_authenticated:
            ident = f"user-{request.user.pk}"
        else:
            ident = f"anon-{self.get_ident(request)}"
        return self.cache_format % {"scope": self.scope, "ident": ident}
