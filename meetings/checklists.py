"""Applying a checklist template to a hosted meeting: deadlines counted from the meeting's
date, owners resolved from the meeting's group. Kept apart from meetings.services, which
holds the one-item writes."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Case, Value, When
from django.utils.translation import gettext as _

from asoen_portal import access
from meetings.models import ChecklistItem, ChecklistTemplate, ChecklistTemplateItem, Meeting
from working_groups.models import FocalPerson


def reference_date(meeting: Meeting) -> datetime.date | None:
    """The day offsets count from: the opening day, or while only the month is planned, the
    first day of that month (so a June meeting can be prepared before its dates are set)."""
    if meeting.start_date:
        return meeting.start_date
    if meeting.month:
        return datetime.date(meeting.year, meeting.month, 1)
    return None


def _group_lead(meeting):
    """The account of the meeting group's lead focal person (or, failing one, the alternate)."""
    group_id = meeting.series.working_group_id
    if group_id is None:
        return None
    person = (
        FocalPerson.objects.filter(
            working_group_id=group_id,
            is_active=True,
            user__is_active=True,
            role__in=[FocalPerson.Role.LEAD, FocalPerson.Role.ALTERNATE],
        )
        .select_related("user")
        .order_by(Case(When(role=FocalPerson.Role.LEAD, then=Value(0)), default=Value(1)), "id")
        .first()
    )
    return person.user if person else None


@transaction.atomic
def apply_checklist_template(
    *, meeting: Meeting, template: ChecklistTemplate, by
) -> tuple[list[ChecklistItem], int]:
    """Add the template's steps to the meeting's checklist. A step already on the checklist
    (same title) is left as it is, so applying twice adds nothing. Returns (added, skipped)."""
    if not access.can_edit_meeting(by, meeting):
        raise PermissionDenied
    if not meeting.is_hosted:
        raise ValidationError(_("Chỉ hội nghị do Việt Nam chủ trì mới có danh mục chuẩn bị."))
    start = reference_date(meeting)
    if start is None:
        raise ValidationError(
            _("Hội nghị chưa có ngày hoặc tháng dự kiến: chưa tính được hạn các việc chuẩn bị.")
        )
    # Archived items too: their titles are still taken (restore one instead of a second copy).
    existing = set(
        ChecklistItem.objects_with_archived.filter(meeting=meeting).values_list("title", flat=True)
    )
    lead = _group_lead(meeting)
    added, skipped = [], 0
    for step in template.items.order_by("order", "offset_days", "id"):
        if step.title in existing:
            skipped += 1
            continue
        owner = lead if step.owner_kind == ChecklistTemplateItem.Owner.GROUP_LEAD else None
        item = ChecklistItem(
            meeting=meeting,
            title=step.title,
            owner=owner,
            owner_name=step.owner_name,
            deadline=start + datetime.timedelta(days=step.offset_days),
            order=step.order,
        )
        item._history_user = by
        item.save()
        added.append(item)
    return added, skipped
