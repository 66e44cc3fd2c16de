"""Who may do what: the one place the portal's permission rules are written.

Roles:
- secretariat (Django group "secretariat", or a superuser): creates and edits everything and
  keeps the registers (cooperation, programmes, imports);
- focal point: a FocalPerson row linked to the user; edits the records of their own groups;
- leadership (group "leadership"): reads everything, approves the annual report.
Every signed-in user may read every record.

Three kinds of helper, one naming scheme:
- `can_<verb>_<thing>(user, obj)` — may the user do it? (templates and views show or hide
  buttons with them; services call them before every write);
- `get_<thing>_for_user(user, pk, write=False)` — one row: 404 if it does not exist, 403 if
  `write` and the user may not change it;
- `filter_<which>(queryset, user, ...)` — the list querysets narrowed to what the user follows
  or may change.

Records of other apps are named by their label (as Django's own relations are), so this
module, which every app imports, imports none of them.
"""

from django.apps import apps
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

SECRETARIAT = "secretariat"
LEADERSHIP = "leadership"
# Path from a record to the working group that owns it, for each kind of group record.
GROUP_OF_ACTIVITY = "working_group"
GROUP_OF_MEETING = "series__working_group"


# --- roles ------------------------------------------------------------------------------


def _group_names(user) -> frozenset[str]:
    # Cached on the user object: one query per request however often a page asks.
    if not hasattr(user, "_asoen_group_names"):
        user._asoen_group_names = (
            frozenset(user.groups.values_list("name", flat=True))
            if user.is_authenticated
            else frozenset()
        )
    return user._asoen_group_names


def is_secretariat(user) -> bool:
    return user.is_authenticated and (user.is_superuser or SECRETARIAT in _group_names(user))


def is_leadership(user) -> bool:
    return user.is_authenticated and LEADERSHIP in _group_names(user)


def focal_group_ids(user) -> frozenset[int]:
    """Ids of the working groups the user is an active focal person of."""
    if not user.is_authenticated:
        return frozenset()
    if not hasattr(user, "_asoen_focal_group_ids"):
        user._asoen_focal_group_ids = frozenset(
            user.focal_roles.filter(is_active=True).values_list("working_group_id", flat=True)
        )
    return user._asoen_focal_group_ids


def is_focal_point(user) -> bool:
    return bool(focal_group_ids(user))


def follows_every_group(user) -> bool:
    """The secretariat and leadership follow every group: their dashboard, calendar feed and
    "my groups" lists hold everything; a focal point's hold their own groups."""
    return is_secretariat(user) or is_leadership(user)


def require(allowed: bool) -> None:
    """PermissionDenied unless `allowed` (the result of one of the can_ predicates)."""
    if not allowed:
        raise PermissionDenied


# --- records owned by a working group: activities, tasks, meetings ----------------------


def can_edit_group_records(user, working_group_id: int | None) -> bool:
    """May the user write records owned by this group (None = the secretariat's own)?"""
    if is_secretariat(user):
        return True
    return working_group_id is not None and working_group_id in focal_group_ids(user)


def can_create_group_records(user) -> bool:
    """Secretariat staff and focal points log activities and tasks and schedule meetings;
    leadership only reads."""
    return is_secretariat(user) or is_focal_point(user)


def can_edit_activity(user, activity) -> bool:
    return can_edit_group_records(user, activity.working_group_id)


def can_edit_task(user, task) -> bool:
    return can_edit_group_records(user, task.working_group_id)


def can_edit_meeting(user, meeting) -> bool:
    """A meeting belongs to its series' group; a series with no group (ASOEN, AMME, the
    Summit) is the secretariat's own."""
    return can_edit_group_records(user, meeting.series.working_group_id)


def can_edit_checklist_item(user, item) -> bool:
    """Editors of the meeting may change every item; the owner may change their own."""
    return (item.owner_id is not None and item.owner_id == user.pk) or can_edit_meeting(
        user, item.meeting
    )


def _owner_id(obj, group_field: str) -> int | None:
    for attr in group_field.split("__"):
        obj = getattr(obj, attr) if obj is not None else None
    return obj.pk if obj is not None else None


def _get_group_record(queryset, user, pk, *, write: bool, group_field: str):
    obj = get_object_or_404(queryset, pk=pk)
    if write:
        require(can_edit_group_records(user, _owner_id(obj, group_field)))
    return obj


def get_activity_for_user(user, pk, write: bool = False):
    queryset = apps.get_model("working_groups", "Activity").objects.select_related(
        "working_group", "meeting__series", "created_by"
    )
    return _get_group_record(queryset, user, pk, write=write, group_field=GROUP_OF_ACTIVITY)


def get_task_for_user(user, pk, write: bool = False):
    queryset = apps.get_model("working_groups", "Task").objects.select_related(
        "working_group", "meeting__series"
    )
    return _get_group_record(queryset, user, pk, write=write, group_field=GROUP_OF_ACTIVITY)


def get_meeting_for_user(user, pk, write: bool = False):
    queryset = apps.get_model("meetings", "Meeting").objects.select_related(
        "series", "series__working_group"
    )
    return _get_group_record(queryset, user, pk, write=write, group_field=GROUP_OF_MEETING)


def get_checklist_item_for_user(user, pk, write: bool = False):
    item = get_object_or_404(
        apps.get_model("meetings", "ChecklistItem").objects.select_related(
            "owner", "meeting", "meeting__series", "meeting__series__working_group"
        ),
        pk=pk,
    )
    if write:
        require(can_edit_checklist_item(user, item))
    return item


def filter_editable(queryset, user, group_field: str = GROUP_OF_ACTIVITY):
    """The rows of `queryset` the user may change (`group_field` leads to the owning group;
    "pk" when the queryset holds the groups themselves)."""
    if is_secretariat(user):
        return queryset
    return queryset.filter(**{f"{group_field}__in": focal_group_ids(user)})


def filter_followed(queryset, user, group_field: str | None = GROUP_OF_ACTIVITY):
    """The rows of the groups the user follows (see follows_every_group). `group_field` None:
    records of a register no group owns, which only those who follow every group follow."""
    if follows_every_group(user):
        return queryset
    if group_field is None:
        return queryset.none()
    return queryset.filter(**{f"{group_field}__in": focal_group_ids(user)})


def filter_readable(queryset, user):
    """The rows the user may read: every record for a signed-in user (see the module's
    docstring), as on every list page; nothing for the anonymous."""
    if not user.is_authenticated:
        return queryset.none()
    return queryset


# --- the secretariat's registers: cooperation, programmes, imports and exports ----------


def can_manage_registers(user) -> bool:
    return is_secretariat(user)


def get_import_job_for_user(user, pk):
    """Only the secretariat, who imports, sees import jobs."""
    require(can_manage_registers(user))
    return get_object_or_404(
        apps.get_model("asoen_portal", "ImportJob").objects.select_related("requested_by"), pk=pk
    )


# --- archiving and restoring (the portal's "delete that can be undone") ----------------

# Path from each archivable group record to the group that owns it. Every other archivable
# record (instruments, ASEAN documents, partners, projects, parks, awards) is a register row.
ARCHIVE_OWNER = {
    "working_groups.activity": GROUP_OF_ACTIVITY,
    "working_groups.task": GROUP_OF_ACTIVITY,
    "working_groups.attachment": f"activity__{GROUP_OF_ACTIVITY}",
    "meetings.meeting": GROUP_OF_MEETING,
    "meetings.meetingdocument": f"meeting__{GROUP_OF_MEETING}",
    "meetings.checklistitem": f"meeting__{GROUP_OF_MEETING}",
    "meetings.delegate": f"meeting__{GROUP_OF_MEETING}",
}


def can_view_archive(user) -> bool:
    """The "Archived" page is for those who can archive: the secretariat and focal points."""
    return is_secretariat(user) or is_focal_point(user)


def can_archive_record(user, record) -> bool:
    """Archive a record (or remove a file) and restore it: the record's editors, i.e. the
    secretariat and the focal points of the owning group (not a checklist item's owner, who
    only ticks it); register rows only the secretariat. Restoring is the same right, so the
    one who archived by mistake can undo it."""
    group_field = ARCHIVE_OWNER.get(record._meta.label_lower)
    if group_field is None:
        return can_manage_registers(user)
    return can_edit_group_records(user, _owner_id(record, group_field))


def filter_archivable(queryset, user):
    """The rows of `queryset` (of one archivable model) the user may archive or restore."""
    group_field = ARCHIVE_OWNER.get(queryset.model._meta.label_lower)
    if group_field is None:
        return queryset if can_manage_registers(user) else queryset.none()
    return filter_editable(queryset, user, group_field)


def get_archivable_record_for_user(user, model, pk):
    """One row of an archivable model, archived or not: 404 if absent, 403 unless the user
    may archive and restore it."""
    record = get_object_or_404(model.objects_with_archived, pk=pk)
    require(can_archive_record(user, record))
    return record


# --- the annual report ------------------------------------------------------------------


def can_edit_reports(user) -> bool:
    """The secretariat opens a year's report, writes its narrative and submits it."""
    return is_secretariat(user)


def can_approve_reports(user) -> bool:
    """Leadership approves a submitted report or returns it to the secretariat."""
    return is_leadership(user)


def can_render_reports(user) -> bool:
    return is_secretariat(user) or is_leadership(user)


def get_report_for_user(user, year: int):
    """Every signed-in user may read a report; writes are checked by the services."""
    require(user.is_authenticated)
    return get_object_or_404(apps.get_model("reports", "AnnualReport"), year=year)


def get_render_for_user(user, pk):
    require(user.is_authenticated)
    return get_object_or_404(
        apps.get_model("reports", "ReportRender").objects.select_related("report"), pk=pk
    )


def can_manage_people(user):
    """Invite users, give and take roles, deactivate accounts: the secretariat's job in the
    portal (the admin is for IT staff)."""
    return is_secretariat(user)


# --- issuing official documents: the register of numbers, digital signatures -------------


def can_view_register(user) -> bool:
    """The register of outgoing numbers: the secretariat keeps it, leadership signs in it."""
    return is_secretariat(user) or is_leadership(user)


def can_sign_reports(user) -> bool:
    """Only leadership signs: the certificate is the signer's own."""
    return is_leadership(user)


def get_signature_for_user(user, pk):
    """Every signed-in user may read a report, so also its signed editions."""
    require(user.is_authenticated)
    return get_object_or_404(
        apps.get_model("issuance", "ReportSignature").objects.select_related("render__report"),
        pk=pk,
    )
