"""Reminders and the weekly digest, as of a given day: what beat runs daily and what
`manage.py send_reminders --at` runs.

Idempotence: each reminder is a SentReminder row (kind, object, window, recipient) inserted in
the transaction that sends the recipient's mail. A second run finds the row and skips; two
runs racing block on the unique index and the loser skips; a mail server that fails rolls the
rows back, so the next run tries again. The window is the date the reminder is about (the
deadline, or the day of the last update), so moving a deadline starts a new window.
"""

import datetime
import logging
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.db.models.functions import Coalesce, TruncDate
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from meetings.models import ChecklistItem
from working_groups.models import Task
from working_groups.selectors import OPEN_STATUSES

from . import recipients
from .models import Kind, Notice, SentReminder
from .services import build_email, send_emails, wants

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Due:
    """One thing to remind one person of."""

    kind: str
    object_key: str
    window: str
    text: object
    params: tuple
    url: str

    def render(self) -> str:
        return str(self.text).format(**dict(self.params))


TEXTS = {
    Kind.TASK_DUE_SOON: _("Nhiệm vụ “{title}” ({group}) đến hạn ngày {due}."),
    Kind.TASK_OVERDUE: _("Nhiệm vụ “{title}” ({group}) đã quá hạn từ ngày {due}."),
    Kind.TASK_STALE: _("Nhiệm vụ “{title}” ({group}) chưa được cập nhật từ ngày {since}."),
    Kind.CHECKLIST_DUE_SOON: _("Việc chuẩn bị “{title}” ({meeting}) đến hạn ngày {due}."),
    Kind.CHECKLIST_OVERDUE: _("Việc chuẩn bị “{title}” ({meeting}) đã quá hạn từ ngày {due}."),
}


def _ddmmyyyy(day: datetime.date) -> str:
    return day.strftime("%d/%m/%Y")


def _task_due(kind, task, window_day, **params) -> Due:
    group = task.working_group.code if task.working_group_id else "Văn phòng ASOEN"
    return Due(
        kind=kind,
        object_key=f"task:{task.pk}",
        window=window_day.isoformat(),
        text=TEXTS[kind],
        params=tuple({"title": task.title, "group": group, **params}.items()),
        url=reverse("working_groups:task_detail", args=[task.pk]),
    )


def task_reminders(on: datetime.date) -> Iterable[tuple[int | None, Due]]:
    """(owning group id, Due) for open tasks due soon, overdue, or not updated for long."""
    open_tasks = Task.objects.filter(status__in=OPEN_STATUSES).select_related("working_group")
    soon = on + datetime.timedelta(days=settings.REMINDER_TASK_DUE_DAYS)
    for task in open_tasks.filter(due_date__gte=on, due_date__lte=soon):
        yield (
            task.working_group_id,
            _task_due(Kind.TASK_DUE_SOON, task, task.due_date, due=_ddmmyyyy(task.due_date)),
        )
    for task in open_tasks.filter(due_date__lt=on):
        yield (
            task.working_group_id,
            _task_due(Kind.TASK_OVERDUE, task, task.due_date, due=_ddmmyyyy(task.due_date)),
        )
    # "No news" counts from creation for a task never updated, so a task entered today is not
    # chased tomorrow; the window is the day of the last news, so each quiet spell is one
    # reminder.
    limit = on - datetime.timedelta(days=settings.REMINDER_TASK_STALE_DAYS)
    stale = open_tasks.annotate(
        last_news=TruncDate(Coalesce("last_status_at", "created_at"))
    ).filter(last_news__lte=limit)
    for task in stale:
        yield (
            task.working_group_id,
            _task_due(Kind.TASK_STALE, task, task.last_news, since=_ddmmyyyy(task.last_news)),
        )


def checklist_reminders(on: datetime.date):
    """(owner user or None, group id, Due) for open steps of hosted meetings."""
    items = ChecklistItem.objects.filter(
        done=False, meeting__is_hosted=True, deadline__isnull=False
    ).select_related("meeting__series", "owner")
    soon = on + datetime.timedelta(days=settings.REMINDER_CHECKLIST_DUE_DAYS)
    for item in items.filter(Q(deadline__lte=soon)):
        kind = Kind.CHECKLIST_OVERDUE if item.deadline < on else Kind.CHECKLIST_DUE_SOON
        due = Due(
            kind=kind,
            object_key=f"checklist:{item.pk}",
            window=item.deadline.isoformat(),
            text=TEXTS[kind],
            params=tuple(
                {
                    "title": item.title,
                    "meeting": item.meeting.short_name,
                    "due": _ddmmyyyy(item.deadline),
                }.items()
            ),
            url=reverse("meetings:detail", args=[item.meeting_id]),
        )
        yield item.owner, item.meeting.series.working_group_id, due


def collect(on: datetime.date) -> dict:
    """{user: [Due, ...]}: everything due for each person on `on`."""
    by_user = defaultdict(list)
    users = {}
    owners_cache = {}

    def owners(group_id):
        if group_id not in owners_cache:
            owners_cache[group_id] = list(recipients.owners_of_group(group_id))
        return owners_cache[group_id]

    def add(user, due):
        users[user.pk] = user
        by_user[user.pk].append(due)

    for group_id, due in task_reminders(on):
        for user in owners(group_id):
            add(user, due)
    for owner, group_id, due in checklist_reminders(on):
        # The step's owner answers for it; with no owner, the meeting's group does.
        for user in [owner] if owner is not None and owner.is_active else owners(group_id):
            add(user, due)
    return {users[pk]: dues for pk, dues in by_user.items()}


def _claim(user, due: Due) -> bool:
    """Insert the SentReminder row; False if this reminder was sent already."""
    try:
        with transaction.atomic():
            _row, created = SentReminder.objects.get_or_create(
                kind=due.kind, object_key=due.object_key, window=due.window, recipient=user
            )
    except IntegrityError:  # another process inserted it between our read and our write
        return False
    return created


def _send_to(user, dues: list[Due]) -> int:
    """Claim the user's new reminders, then one notice per reminder and one e-mail in all."""
    with transaction.atomic():
        new = [due for due in dues if _claim(user, due)]
        if not new:
            return 0
        from .services import preference_for

        with translation.override(preference_for(user).language):
            texts = [due.render() for due in new]
            subject = ngettext(
                "[Cổng ASOEN] {count} việc cần chú ý",
                "[Cổng ASOEN] {count} việc cần chú ý",
                len(new),
            ).format(count=len(new))
        Notice.objects.bulk_create(
            Notice(recipient=user, kind=due.kind, message=text, url=due.url)
            for due, text in zip(new, texts, strict=True)
        )
        if user.email:
            # Inside the transaction: if the server refuses, the claims roll back and the
            # next run sends them.
            send_emails(
                [build_email(user=user, subject=subject, body_lines=[f"- {t}" for t in texts])]
            )
    return len(new)


def send_due_reminders(*, on: datetime.date) -> dict[str, int]:
    """Send every reminder due on `on` that was not sent before. Returns counts."""
    sent = people = 0
    for user, dues in collect(on).items():
        wanted = [due for due in dues if wants(user, due.kind)]
        if not wanted:
            continue
        try:
            count = _send_to(user, wanted)
        except Exception:  # noqa: BLE001 - rolled back; the next run retries this person
            logger.exception("Reminders to user %s not sent", user.pk)
            continue
        sent += count
        people += bool(count)
    return {"reminders": sent, "recipients": people}
