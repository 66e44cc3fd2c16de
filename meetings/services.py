"""Writes to meetings: scheduling, documents, the hosted-meeting checklist, feed tokens.
Each function refuses a user the access rules (asoen_portal.access) do not allow."""

import datetime
from pathlib import PurePath
from typing import Any

from django.contrib.auth.models import AbstractBaseUser as User
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asoen_portal import access
from asoen_portal.attachments import validate_attachment
from meetings.models import (
    CalendarFeedToken,
    ChecklistItem,
    Meeting,
    MeetingDocument,
    MeetingSeries,
)

MEETING_FIELDS = {
    "series",
    "number",
    "title",
    "title_en",
    "year",
    "month",
    "end_month",
    "start_date",
    "end_date",
    "city",
    "city_en",
    "country",
    "is_hosted",
    "status",
    "outcome",
    "notes",
}
CHECKLIST_FIELDS = {"title", "owner", "owner_name", "deadline", "order"}


def _check_fields(fields: dict[str, Any], allowed: set[str]) -> None:
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def _derive_dates(meeting: Meeting) -> None:
    # A meeting with a date also has its year and month; a form asking for both would let
    # them disagree.
    if meeting.start_date:
        meeting.year = meeting.start_date.year
        meeting.month = meeting.start_date.month
        meeting.end_month = meeting.end_date.month if meeting.end_date else None


def schedule_meeting(
    *, by: User, series: MeetingSeries, title: str, year: int, **fields: Any
) -> Meeting:
    """Create a meeting in `series`; `by` must be allowed to edit that series' group."""
    _check_fields(fields, MEETING_FIELDS)
    access.require(access.can_edit_group_records(by, series.working_group_id))
    meeting = Meeting(series=series, title=title, year=year, **fields)
    _derive_dates(meeting)
    meeting.full_clean()
    meeting.save()
    return meeting


def update_meeting(*, meeting: Meeting, by: User, **fields: Any) -> Meeting:
    """Change a meeting; moving it to another series needs edit rights on both groups."""
    _check_fields(fields, MEETING_FIELDS)
    access.require(access.can_edit_meeting(by, meeting))
    new_series = fields.get("series")
    if new_series is not None:
        access.require(access.can_edit_group_records(by, new_series.working_group_id))
    for name, value in fields.items():
        setattr(meeting, name, value)
    _derive_dates(meeting)
    meeting.full_clean()
    meeting.save()
    return meeting


# Atomic: a file that cannot be stored (full disk) rolls the row back with it.
@transaction.atomic
def add_meeting_document(*, meeting: Meeting, title: str, file: File, by: User) -> MeetingDocument:
    access.require(access.can_edit_meeting(by, meeting))
    validate_attachment(file)
    return MeetingDocument.objects.create(
        meeting=meeting, title=title or PurePath(file.name).name, file=file, uploaded_by=by
    )


def add_checklist_item(
    *,
    meeting: Meeting,
    title: str,
    by: User,
    owner: User | None = None,
    owner_name: str = "",
    deadline: datetime.date | None = None,
    order: int = 0,
) -> ChecklistItem:
    """Add a preparation step to a meeting Vietnam hosts."""
    access.require(access.can_edit_meeting(by, meeting))
    if not meeting.is_hosted:
        raise ValidationError(_("Chỉ hội nghị do Việt Nam chủ trì mới có danh mục chuẩn bị."))
    item = ChecklistItem(
        meeting=meeting,
        title=title,
        owner=owner,
        owner_name=owner_name,
        deadline=deadline,
        order=order,
    )
    item.full_clean()
    item.save()
    return item


def update_checklist_item(*, item: ChecklistItem, by: User, **fields: Any) -> ChecklistItem:
    _check_fields(fields, CHECKLIST_FIELDS)
    access.require(access.can_edit_checklist_item(by, item))
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def set_checklist_item_done(*, item: ChecklistItem, done: bool, by: User) -> ChecklistItem:
    """Tick or untick an item; done_at records when it was ticked."""
    access.require(access.can_edit_checklist_item(by, item))
    if item.done == done:
        return item
    item.done = done
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["done", "done_at", "updated_at"])
    return item


def get_feed_token(*, user: User) -> CalendarFeedToken:
    """The user's feed token, created on first use."""
    token, _created = CalendarFeedToken.objects.get_or_create(user=user)
    return token


def rotate_feed_token(*, user: User) -> CalendarFeedToken:
    """Issue a new token: every calendar subscribed with the old URL stops receiving updates."""
    token = get_feed_token(user=user)
    token.rotate()
    return token
