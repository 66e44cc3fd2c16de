"""Creating, revoking and checking personal API tokens."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils import timezone

from asoen_portal.models import API_TOKEN_PREFIX_LENGTH as PREFIX_LENGTH
from asoen_portal.models import ApiToken

from .keys import digest_token_key, new_token_key

# Writing last_used_at on every request would turn each read into a write; once a minute
# tells the user just as well whether a token is still in use.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


def create_api_token(*, user, name: str) -> tuple[ApiToken, str]:
    """A new token for `user`, and its key: the only time the key is available."""
    key = new_token_key()
    token = ApiToken.objects.create(
        user=user, name=name.strip(), prefix=key[:PREFIX_LENGTH], digest=digest_token_key(key)
    )
    return token, key


def revoke_api_token(*, token: ApiToken, by) -> ApiToken:
    """Stop a token from working. Only its owner revokes it (the secretariat uses the admin)."""
    if token.user_id != by.pk:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
    return token


def find_active_token(key: str) -> ApiToken | None:
    """The active token with this key, its user loaded; None if unknown or revoked."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest_token_key(key), revoked_at__isnull=True)
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    if token.last_used_at is None or token.last_used_at < now - LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).filter(
            Q(last_used_at__isnull=True) | Q(last_used_at__lt=now - LAST_USED_PRECISION)
        ).update(last_used_at=now)
    return token


def tokens_of(user):
    return ApiToken.objects.filter(user=user)
