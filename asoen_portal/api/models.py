"""Personal API tokens. Imported by asoen_portal.models, so the model belongs to that app."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from asoen_portal.models import TimeStampedModel

# Shown in the token list so a user can tell their tokens apart without the secret.
PREFIX_LENGTH = 8


def new_token_key() -> str:
    return secrets.token_urlsafe(32)


def digest_token_key(key: str) -> str:
    # The key is 256 random bits: a plain SHA-256 cannot be brute-forced, and unlike a slow
    # password hash it lets every request find its token with one indexed lookup.
    return hashlib.sha256(key.encode()).hexdigest()


class ApiToken(TimeStampedModel):
    """A personal token another system uses to call the API as its owner.

    Only the SHA-256 digest of the key is stored; the key itself is shown once, when the
    token is created. Revoked tokens are kept (with when they were revoked) as a record of
    who had access."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("tài khoản"),
        on_delete=models.CASCADE,
        related_name="api_tokens",
    )
    name = models.CharField(
        _("tên gợi nhớ"), max_length=100, help_text=_("Ví dụ: hệ thống văn phòng điện tử")
    )
    prefix = models.CharField(_("ký tự đầu"), max_length=PREFIX_LENGTH)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    last_used_at = models.DateTimeField(_("dùng lần cuối lúc"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("thu hồi lúc"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("mã truy cập API")
        verbose_name_plural = _("mã truy cập API")
        indexes = [models.Index(fields=["user", "revoked_at"], name="api_token_user_idx")]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None
