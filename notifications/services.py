"""Sending notices and e-mails, and the reads and writes of the bell and the preferences.

Apps call `notify(...)` explicitly from the service that made the change (never from a
signal), so each rule about who hears of what sits beside the change it is about.
Each recipient gets their own message in their own language: never a shared To/BCC list.
"""

import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Kind, Notice, NotificationPreference

logger = logging.getLogger(__name__)


@dataclass
class Message:
    """What to tell one person: a translatable text with its parameters, a link, and lines
    (record titles, already in the records' language) listed under it."""

    kind: str
    text: object  # a lazy translated string with {placeholders}
    params: dict = field(default_factory=dict)
    url: str = ""
    lines: Sequence[object] = ()

    def render(self) -> str:
        return str(self.text).format(**self.params)


def preference_for(user) -> NotificationPreference:
    preference = getattr(user, "_notification_preference", None)
    if preference is None:
        preference = NotificationPreference.objects.filter(user=user).first()
        preference = preference or NotificationPreference(user=user)
        user._notification_preference = preference
    return preference


def wants(user, kind: str) -> bool:
    return kind not in preference_for(user).muted_kinds


def absolute(url: str) -> str:
    return f"{settings.PORTAL_BASE_URL}{url}" if url.startswith("/") else url


def build_email(*, user, subject, body_lines: Sequence[str], url: str = "") -> EmailMessage:
    """One e-mail to one person, written in their language."""
    with translation.override(preference_for(user).language):
        body = render_to_string(
            "notifications/email/message.txt",
            {
                "user": user,
                "lines": [str(line) for line in body_lines],
                "url": absolute(url) if url else "",
                "profile_url": absolute("/profile/"),
            },
        )
        subject = str(subject)
    return EmailMessage(subject=subject, body=body, to=[user.email])


def send_emails(messages: Sequence[EmailMessage]) -> int:
    """Send over one connection; each message has a single recipient."""
    if not messages:
        return 0
    with get_connection() as connection:
        return connection.send_messages(list(messages))


def _notice_and_email(user, message: Message):
    with translation.override(preference_for(user).language):
        text = message.render()
        lines = [str(line) for line in message.lines]
    notice = Notice(recipient=user, kind=message.kind, message=text, url=message.url)
    email = None
    if user.email:
        email = build_email(
            user=user,
            subject=_subject(user, text),
            body_lines=[text, *(f"- {line}" for line in lines)],
            url=message.url,
        )
    return notice, email


def _subject(user, text):
    with translation.override(preference_for(user).language):
        prefix = str(translation.gettext("[Cổng ASOEN]"))
    first = text.split("\n", 1)[0]
    return f"{prefix} {first[:150]}"


def notify(*, recipients: Iterable, message: Message, exclude=None) -> list[Notice]:
    """A notice for each recipient who has not turned the kind off, and an e-mail to each who
    has an address. The mail goes out once the surrounding transaction commits, so a rolled
    back change announces nothing; a mail server that is down is logged, not raised, because
    the change itself has been saved and the notice is in the portal."""
    notices, emails = [], []
    seen = set()
    for user in recipients:
        if user.pk in seen or (exclude is not None and user.pk == exclude.pk):
            continue
        seen.add(user.pk)
        if not user.is_active or not wants(user, message.kind):
            continue
        notice, email = _notice_and_email(user, message)
        notices.append(notice)
        if email is not None:
            emails.append(email)
    Notice.objects.bulk_create(notices)

    def send():
        try:
            send_emails(emails)
        except Exception:  # noqa: BLE001 - SMTP errors are many; the notice is kept anyway
            logger.exception("Could not send %d notification e-mails", len(emails))

    transaction.on_commit(send)
    return notices


# --- the bell --------------------------------------------------------------------------


def unread_count(user) -> int:
    return Notice.objects.filter(recipient=user, read_at__isnull=True).count()


def mark_read(*, user, notice_ids: Iterable[int] | None = None) -> int:
    """Mark the user's notices read (all of them when no ids are given); others' are untouched."""
    queryset = Notice.objects.filter(recipient=user, read_at__isnull=True)
    if notice_ids is not None:
        queryset = queryset.filter(pk__in=list(notice_ids))
    return queryset.update(read_at=timezone.now())


def update_preferences(*, user, language: str, enabled_kinds: Iterable[str]):
    """Save the user's e-mail language and which kinds they receive."""
    enabled = set(enabled_kinds)
    preference, _created = NotificationPreference.objects.get_or_create(user=user)
    preference.language = language
    preference.muted_kinds = sorted(kind for kind in Kind.values if kind not in enabled)
    preference.save()
    user._notification_preference = preference
    return preference
