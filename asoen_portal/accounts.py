"""Sign-in and password-reset views: Django's own, with throttles that protect an account
without letting a stranger lock it (see the AXES_* and LOGIN_* settings)."""

import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.db.models import Sum
from django.utils import timezone


def recent_username_failures(username: str) -> int:
    """Failed sign-ins for `username` from every IP within axes' cool-off period."""
    from axes.models import AccessAttempt

    if not username:
        return 0
    since = timezone.now() - timedelta(hours=settings.AXES_COOLOFF_TIME)
    total = AccessAttempt.objects.filter(username=username, attempt_time__gte=since).aggregate(
        total=Sum("failures_since_start")
    )["total"]
    return total or 0


def client_ip(request) -> str:
    """The client's IP address as the nearest trusted proxy saw it.

    Each of TRUSTED_PROXY_COUNT proxies appends the address it got the request from to
    X-Forwarded-For, so the client is that many entries from the right; anything further left
    was written by the client and is not trusted.
    """
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [
            part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        ]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


class LoginView(auth_views.LoginView):
    """Django's sign-in; an account under a distributed attack is slowed, never locked."""

    slowed = False

    def post(self, request, *args, **kwargs):
        username = request.POST.get("username", "")[:150]
        if recent_username_failures(username) >= settings.LOGIN_USERNAME_SLOWDOWN_AFTER:
            # Bounded, per attempt: guessing from many IPs becomes slow, while the owner
            # signing in with the right password waits a moment and gets in.
            self.slowed = True
            time.sleep(settings.LOGIN_SLOWDOWN_SECONDS)
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["slowed"] = self.slowed
        context["failure_limit"] = settings.AXES_FAILURE_LIMIT
        context["cooloff_minutes"] = round(settings.AXES_COOLOFF_TIME * 60)
        return context
