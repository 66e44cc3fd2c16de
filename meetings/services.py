"""Writes to meetings: scheduling, documents, the hosted-meeting checklist, feed tokens.
Each function refuses a user the access rules (meetings.selectors) do not allow."""

from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asoen_portal.access import can_edit_group
from meetings.models import CalendarFeedToken, ChecklistItem, Meeting, MeetingDocument
from meetings.selectors import can_edit_checklist_item, can_edit_meeting

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


def _check_fields(fields, allowed):
    unknown = set(fields) - allowed
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")


def _derive_dates(meeting):
    # A meeting with a date also has its year and month; a form asking for both would let
    # them disagree.
    if meeting.start_date:
        meeting.year = meeting.start_date.year
        meeting.month = meeting.start_date.month
        meeting.end_month = meeting.end_date.month if meeting.end_date else None


def schedule_meeting(*, by, series, title, year, **fields):
    """Create a meeting in `series`; `by` must be allowed to edit that series' group."""
    _check_fields(fields, MEETING_FIELDS)
    if not can_edit_group(by, series.working_group_id):
        raise PermissionDenied
    meeting = Meeting(series=series, title=title, year=year, **fields)
    _derive_dates(meeting)
    meeting.full_clean()
    meeting.save()
    return meeting


def update_meeting(*, meeting, by, **fields):
    """Change a meeting; moving it to another series needs edit rights on both groups."""
    _check_fields(fields, MEETING_FIELDS)
    if not can_edit_meeting(by, meeting):
        raise PermissionDenied
    new_series = fields.get("series")
    if new_series is not None and not can_edit_group(by, new_series.working_group_id):
        raise PermissionDenied
    for name, value in fields.items():
        setattr(meeting, name, value)
    _derive_dates(meeting)
    meeting.full_clean()
    meeting.save()
    return meeting


def check_attachment(file):
    """Refuse files of a type or size the secretariat does not keep."""
    extension = PurePath(file.name).suffix.lower().lstrip(".")
    if extension not in settings.ATTACHMENT_EXTENSIONS:
        raise ValidationError(
            _("Loại tệp không được phép. Chấp nhận: %(allowed)s."),
            code="extension",
            params={"allowed": ", ".join(settings.ATTACHMENT_EXTENSIONS)},
        )
    if file.size > settings.ATTACHMENT_MAX_BYTES:
        raise ValidationError(
            _("Tệp quá lớn (tối đa %(max)s)."),
            code="size",
            params={"max": filesizeformat(settings.ATTACHMENT_MAX_BYTES)},
        )


# Atomic: a file that cannot be stored (full disk) rolls the row back with it.
@transaction.atomic
def add_meeting_document(*, meeting, title, file, by):
    if not can_edit_meeting(by, meeting):
        raise PermissionDenied
    check_attachment(file)
    return MeetingDocument.objects.create(
        meeting=meeting, title=title or PurePath(file.name).name, file=file, uploaded_by=by
    )


def add_checklist_item(*, meeting, title, by, owner=None, owner_name="", deadline=None, order=0):
    """Add a preparation step to a meeting Vietnam hosts."""
    if not can_edit_meeting(by, meeting):
        raise PermissionDenied
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


def update_checklist_item(*, item, by, **fields):
    _check_fields(fields, CHECKLIST_FIELDS)
    if not can_edit_checklist_item(by, item):
        raise PermissionDenied
    for name, value in fields.items():
        setattr(item, name, value)
    item.full_clean()
    item.save()
    return item


@transaction.atomic
def set_checklist_item_done(*, item, done, by):
    """Tick or untick an item; done_at records when it was ticked."""
    if not can_edit_checklist_item(by, item):
        raise PermissionDenied
    if item.done == done:
        return item
    item.done = done
    item.done_at = timezone.now() if done else None
    item.save(update_fields=["done", "done_at", "updated_at"])
    return item


def get_feed_token(*, user):
    """The user's feed token, created on first use."""
    token, _created = CalendarFeedToken.objects.get_or_create(user=user)
    return token


def rotate_feed_token(*, user):
    """Issue a new token: every calendar subscribed with the old URL stops receiving updates."""
    token = get_feed_token(user=user)
    token.rotate()
    return token
