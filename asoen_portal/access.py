"""Who may do what. Every view and queryset asks these helpers; buttons only mirror them.

Roles:
- secretariat (Django group "secretariat", or a superuser): creates and edits everything;
- focal point: a FocalPerson row linked to the user; edits records of their own groups;
- leadership (group "leadership"): reads everything, approves the annual report.
Every signed-in user may read every record.
"""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

SECRETARIAT = "secretariat"
LEADERSHIP = "leadership"


def _group_names(user):
    # Cached on the user object: one query per request however often a page asks.
    if not hasattr(user, "_asoen_group_names"):
        user._asoen_group_names = (
            frozenset(user.groups.values_list("name", flat=True))
            if user.is_authenticated
            else frozenset()
        )
    return user._asoen_group_names


def is_secretariat(user):
    return user.is_authenticated and (user.is_superuser or SECRETARIAT in _group_names(user))


def ensure_secretariat(user):
    """PermissionDenied unless the user is the secretariat."""
    if not is_secretariat(user):
        raise PermissionDenied


def is_leadership(user):
    return user.is_authenticated and LEADERSHIP in _group_names(user)


def focal_group_ids(user):
    """Ids of the working groups the user is an active focal person of."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_asoen_focal_group_ids"):
        from working_groups.models import FocalPerson

        user._asoen_focal_group_ids = frozenset(
            FocalPerson.objects.filter(user=user, is_active=True).values_list(
                "working_group_id", flat=True
            )
        )
    return user._asoen_focal_group_ids


def is_focal_point(user):
    return bool(focal_group_ids(user))


def can_edit_group(user, working_group_id):
    """May the user write records owned by this group (None = the secretariat's own)?"""
    if is_secretariat(user):
        return True
    return working_group_id is not None and working_group_id in focal_group_ids(user)


def editable_by(queryset, user, group_field="working_group"):
    """Narrow `queryset` to the rows the user may change."""
    if is_secretariat(user):
        return queryset
    ids = focal_group_ids(user)
    if not ids:
        return queryset.none()
    return queryset.filter(**{f"{group_field}__in": ids})


def get_for_user(queryset, user, *, pk, write=False, group_field="working_group"):
    """Fetch one row the user may read (404 if absent), or write (403 if not theirs).

    `group_field` is the path to the owning group, e.g. "series__working_group" for meetings.
    """
    obj = get_object_or_404(queryset, pk=pk)
    if write:
        owner = obj
        for attr in group_field.split("__"):
            owner = getattr(owner, attr) if owner is not None else None
        if not can_edit_group(user, owner.pk if owner is not None else None):
            raise PermissionDenied
    return obj


def can_manage_people(user):
    """Invite users, give and take roles, deactivate accounts: the secretariat's job in the
    portal (the admin is for IT staff)."""
    return is_secretariat(user)
