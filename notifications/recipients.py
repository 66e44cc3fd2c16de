"""Who receives what: the people behind each role, read from the same tables access.py uses."""

from collections.abc import Iterable

from django.contrib.auth import get_user_model

from asoen_portal.access import LEADERSHIP, SECRETARIAT


def _active_users():
    return get_user_model().objects.filter(is_active=True)


def secretariat_users():
    """The secretariat's staff (the Django group; IT superusers are not the daily audience)."""
    return _active_users().filter(groups__name=SECRETARIAT).distinct()


def leadership_users():
    return _active_users().filter(groups__name=LEADERSHIP).distinct()


def focal_users(group_ids: Iterable[int]):
    """Active accounts of the active focal persons of these working groups."""
    return (
        _active_users()
        .filter(focal_roles__working_group__in=list(group_ids), focal_roles__is_active=True)
        .distinct()
    )


def owners_of_group(group_id: int | None):
    """Who answers for a record of this group: its focal points, or the secretariat for the
    secretariat's own records (no group) and for a group with no one linked yet."""
    if group_id is not None:
        users = focal_users([group_id])
        if users.exists():
            return users
    return secretariat_users()
