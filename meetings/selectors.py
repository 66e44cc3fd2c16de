"""Reads of meetings several pages share. Who may see or change them is asoen_portal.access."""

from django.contrib.auth.models import AbstractBaseUser as User
from django.db.models import QuerySet

from asoen_portal import access
from meetings.models import Meeting


def meeting_queryset() -> QuerySet[Meeting]:
    return Meeting.objects.select_related("series", "series__working_group")


def feed_meetings_for_user(user: User) -> QuerySet[Meeting]:
    """Meetings a user's personal calendar holds: those of the groups they follow."""
    return access.filter_followed(meeting_queryset(), user, group_field=access.GROUP_OF_MEETING)
