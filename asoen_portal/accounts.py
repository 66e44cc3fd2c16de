"""Sign-in and password-reset views: Django's own, with throttles that protect an account
without letting a stranger lock it (see the AXES_* and LOGIN_* settings)."""

import hashlib
import logging
import time
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.core.cache import cache
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


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


def count_and_check(key: str, limit: int, window_seconds: int) -> bool:
    """Count one use of `key` in a fixed window; False once the count passes `limit`."""
    cache.add(key, 0, timeout=window_seconds)
    try:
        used = cache.incr(key)
    except ValueError:  # the key expired between add and incr: a new window starts
        cache.set(key, 1, timeout=window_seconds)
        used = 1
    return used <= limit


class PasswordResetView(auth_views.PasswordResetView):
    """Django's reset form, throttled per address and per IP so it cannot be used to flood
    a colleague's mailbox (or the ministry's mail server)."""

    def form_valid(self, form):
        window = settings.PASSWORD_RESET_WINDOW_MINUTES * 60
        address = form.cleaned_data["email"].strip().lower()
        digest = hashlib.sha256(address.encode()).hexdigest()[:32]  # no address in the cache
        ip_ok = count_and_check(
            f"reset-ip:{client_ip(self.request)}", settings.PASSWORD_RESET_REQUESTS_PER_IP, window
        )
        address_ok = ip_ok and count_and_check(
            f"reset-address:{digest}", settings.PASSWORD_RESET_MAILS_PER_ADDRESS, window
        )
        if ip_ok and address_ok:
            return super().form_valid(form)
        logger.warning("Password reset throttled (ip %s)", client_ip(self.request))
        # The same answer whether or not the address has an account: nothing is revealed.
        form.add_error(
            "email",
            _(
                "Đã có quá nhiều yêu cầu đặt lại mật khẩu; vui lòng thử lại sau {minutes} phút "
                "hoặc liên hệ Văn phòng ASOEN Việt Nam."
            ).format(minutes=settings.PASSWORD_RESET_WINDOW_MINUTES),
        )
        response = self.form_invalid(form)
        response.status_code = 429
        return response
