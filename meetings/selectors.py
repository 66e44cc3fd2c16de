"""Reads of meetings that carry the access rules: which meetings and checklist items a user
may see or change. A meeting belongs to its series' working group; a meeting of a series with
no group (ASOEN, AMME, the Summit) is the secretariat's own."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from asoen_portal.access import (
    can_edit_group,
    focal_group_ids,
    get_for_user,
    is_leadership,
    is_secretariat,
)
from meetings.models import ChecklistItem, Meeting, MeetingSeries

GROUP_FIELD = "series__working_group"


def meeting_queryset():
    return Meeting.objects.select_related("series", "series__working_group")


def get_meeting_for_user(user, pk, *, write=False):
    """The meeting with `pk` (404 if absent); with write=True, 403 unless the user may edit it."""
    return get_for_user(meeting_queryset(), user, pk=pk, write=write, group_field=GROUP_FIELD)


def can_edit_meeting(user, meeting):
    return can_edit_group(user, meeting.series.working_group_id)


def editable_series(user):
    """Series the user may schedule a meeting in."""
    series = MeetingSeries.objects.select_related("working_group")
    if is_secretariat(user):
        return series
    return series.filter(working_group__in=focal_group_ids(user))


def can_edit_checklist_item(user, item):
    """Editors of the meeting may change every item; the owner may change their own."""
    return (item.owner_id is not None and item.owner_id == user.pk) or can_edit_meeting(
        user, item.meeting
    )


def get_checklist_item_for_user(user, pk, *, write=False):
    item = get_object_or_404(
        ChecklistItem.objects.select_related(
            "owner", "meeting", "meeting__series", "meeting__series__working_group"
        ),
        pk=pk,
    )
    if write and not can_edit_checklist_item(user, item):
        raise PermissionDenied
    return item


def feed_meetings_for_user(user):
    """Meetings a user's personal calendar holds: their groups' meetings, or all of them for
    the secretariat and leadership, who follow every group."""
    meetings = meeting_queryset()
    if is_secretariat(user) or is_leadership(user):
        return meetings
    return meetings.filter(series__working_group__in=focal_group_ids(user))
