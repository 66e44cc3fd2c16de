"""Writes and reads of delegations: who attends a meeting for Vietnam and who pays for it.
The meeting's editors (its group's focal points, the secretariat) keep its delegation."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count, Q, QuerySet

from asoen_portal import access
from asoen_portal.archiving import archive_record
from meetings.models import Delegate, Meeting

DELEGATE_FIELDS = {
    "focal_person",
    "full_name",
    "unit",
    "role",
    "funding",
    "partner_project",
    "notes",
}


def _check(fields):
    unknown = set(fields) - DELEGATE_FIELDS
    if unknown:
        raise TypeError(f"unknown fields: {sorted(unknown)}")
    # A linked focal person with no name typed: the delegate carries the person's name.
    if fields.get("focal_person") is not None and not fields.get("full_name"):
        fields["full_name"] = fields["focal_person"].full_name


@transaction.atomic
def add_delegate(*, meeting: Meeting, by, **fields) -> Delegate:
    _check(fields)
    if not access.can_edit_meeting(by, meeting):
        raise PermissionDenied
    delegate = Delegate(meeting=meeting, **fields)
    delegate.full_clean()
    delegate._history_user = by
    delegate.save()
    return delegate


@transaction.atomic
def update_delegate(*, delegate: Delegate, by, **fields) -> Delegate:
    _check(fields)
    if not access.can_edit_meeting(by, delegate.meeting):
        raise PermissionDenied
    for name, value in fields.items():
        setattr(delegate, name, value)
    delegate.full_clean()
    delegate._history_user = by
    delegate.save()
    return delegate


def remove_delegate(*, delegate: Delegate, by) -> None:
    """Archived, not deleted: the message's "Undo" (or the "Archived" page) brings the
    delegate back."""
    archive_record(record=delegate, by=by)


def delegates_of(meeting: Meeting) -> QuerySet:
    return meeting.delegates.select_related("focal_person", "partner_project").order_by(
        "role", "full_name", "id"
    )


def delegation_summary(meetings: QuerySet) -> dict:
    """How many of these meetings had a delegation, how many delegates, and how many of them
    a partner paid for (the figures section II can quote)."""
    partner = [Delegate.Funding.PARTNER_PROJECT, Delegate.Funding.ASEAN_SECRETARIAT]
    totals = Delegate.objects.filter(meeting__in=meetings).aggregate(
        delegates=Count("id"),
        meetings=Count("meeting", distinct=True),
        partner_funded=Count("id", filter=Q(funding__in=partner)),
    )
    return totals
