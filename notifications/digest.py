"""The weekly digest: for each focal point, what their groups still owe — open tasks and open
preparation steps of their groups' hosted meetings. Sent once per ISO week (SentReminder)."""

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from meetings.models import ChecklistItem
from working_groups.models import FocalPerson, Task
from working_groups.selectors import OPEN_STATUSES

from .models import Kind, Notice
from .reminders import Due, _claim
from .services import build_email, preference_for, send_emails, wants

logger = logging.getLogger(__name__)


def digest_for(user, on: datetime.date) -> dict:
    """{"groups": [...codes], "tasks": [...], "items": [...]} of the user's groups."""
    group_ids = list(
        FocalPerson.objects.filter(user=user, is_active=True).values_list(
            "working_group_id", flat=True
        )
    )
    tasks = list(
        Task.objects.filter(working_group__in=group_ids, status__in=OPEN_STATUSES)
        .select_related("working_group")
        .order_by("due_date", "id")
    )
    items = list(
        ChecklistItem.objects.filter(
            meeting__series__working_group__in=group_ids, meeting__is_hosted=True, done=False
        )
        .select_related("meeting__series")
        .order_by("deadline", "id")
    )
    codes = sorted(
        FocalPerson.objects.filter(user=user, is_active=True).values_list(
            "working_group__code", flat=True
        )
    )
    return {"groups": codes, "tasks": tasks, "items": items}


def _when(day):
    return day.strftime("%d/%m/%Y") if day else _("chưa có hạn")


def digest_lines(digest: dict, on: datetime.date) -> list[str]:
    lines = [
        _("Việc còn mở của các nhóm {groups}:").format(groups=", ".join(digest["groups"])),
        "",
        _("Nhiệm vụ ({count}):").format(count=len(digest["tasks"])),
    ]
    for task in digest["tasks"]:
        late = _(" — QUÁ HẠN") if task.due_date and task.due_date < on else ""
        lines.append(
            f"- [{task.working_group.code}] {task.title} · {_('hạn')} {_when(task.due_date)}{late}"
        )
    lines += ["", _("Việc chuẩn bị hội nghị ({count}):").format(count=len(digest["items"]))]
    for item in digest["items"]:
        lines.append(
            f"- [{item.meeting.short_name}] {item.title} · {_('hạn')} {_when(item.deadline)}"
        )
    return lines


def send_weekly_digests(*, on: datetime.date) -> int:
    """One digest per active focal point per ISO week, on or after the digest weekday."""
    if on.weekday() < settings.REMINDER_DIGEST_WEEKDAY:
        return 0
    year, week, _day = on.isocalendar()
    window = f"{year}-W{week:02d}"
    users = {
        person.user
        for person in FocalPerson.objects.filter(
            is_active=True, user__isnull=False, user__is_active=True
        ).select_related("user")
    }
    sent = 0
    for user in sorted(users, key=lambda u: u.pk):
        if not wants(user, Kind.WEEKLY_DIGEST):
            continue
        due = Due(
            Kind.WEEKLY_DIGEST,
            f"user:{user.pk}",
            window,
            "",
            (),
            reverse("working_groups:task_list"),
        )
        try:
            sent += _send_digest(user, due, on)
        except Exception:  # noqa: BLE001 - rolled back; the next run retries this person
            logger.exception("Digest to user %s not sent", user.pk)
    return sent


def _send_digest(user, due, on) -> int:
    digest = digest_for(user, on)
    if not digest["tasks"] and not digest["items"]:
        return 0  # nothing owed: no mail, and a later run this week may still send one
    with transaction.atomic():
        if not _claim(user, due):
            return 0
        with translation.override(preference_for(user).language):
            lines = digest_lines(digest, on)
            subject = _(
                "[Cổng ASOEN] Tổng hợp tuần {week}: {tasks} nhiệm vụ, {items} việc chuẩn bị"
            ).format(week=due.window, tasks=len(digest["tasks"]), items=len(digest["items"]))
        Notice.objects.create(recipient=user, kind=Kind.WEEKLY_DIGEST, message=subject, url=due.url)
        if user.email:
            send_emails([build_email(user=user, subject=subject, body_lines=lines, url=due.url)])
    return 1
