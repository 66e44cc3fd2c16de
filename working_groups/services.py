"""Writes for activities, attachments and tasks: the business rules live here.

Views check access first (so a stranger gets 403 before any form is shown); every service
checks it again, because a rule that only a view enforces is skipped by the next caller.
"""

from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser as User
from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from asoen_portal import access
from asoen_portal.attachments import validate_attachment
from notifications import events as notification_events

from .models import Activity, Attachment, StatusUpdate, Task, WorkingGroup

ACTIVITY_LINKS = ("instruments", "documents", "projects", "programmes")


class VersionConflict(Exception):
    """Someone else saved the record since the form was loaded; `.current` is it as it now is."""

    def __init__(self, current):
        super().__init__(f"{current._meta.label} {current.pk} is now at version {current.version}")
        self.current = current


class TaskVersionConflict(VersionConflict):
    """Someone else changed the task (its plan or its status) since the form was loaded."""

    @property
    def task(self):
        return self.current


class ActivityVersionConflict(VersionConflict):
    """Someone else saved the activity since the form was loaded."""


def _lock_at_version(model, pk, expected_version, conflict):
    """The row, locked until the transaction ends, if it is still at `expected_version`.

    The lock makes a concurrent writer wait, then see the new version and conflict; every
    writer bumps the version, so neither of two saves from the same page state can win
    silently.
    """
    current = model.objects.select_for_update().get(pk=pk)
    if expected_version is not None and current.version != expected_version:
        raise conflict(current)
    return current


def _require_group(user: User, working_group: WorkingGroup | None) -> None:
    access.require(access.can_edit_group_records(user, working_group.pk if working_group else None))


def _set_links(activity: Activity, links: dict[str, Any]) -> None:
    for name in ACTIVITY_LINKS:
        if links.get(name) is not None:
            getattr(activity, name).set(links[name])


@transaction.atomic
def log_activity(*, author: User, files: Iterable[File] = (), **fields: Any) -> Activity:
    """Record a new activity, its links and attachments; the author must own its group."""
    links = {name: fields.pop(name, None) for name in ACTIVITY_LINKS}
    _require_group(author, fields.get("working_group"))
    activity = Activity(created_by=author, **fields)
    activity._history_user = author
    activity.save()
    _set_links(activity, links)
    add_attachments(activity=activity, uploads=files, by=author)
    return activity


@transaction.atomic
def update_activity(
    *,
    activity: Activity,
    by: User,
    expected_version: int | None = None,
    files: Iterable[File] = (),
    **fields: Any,
) -> Activity:
    """Change an activity, unless someone saved it since `expected_version` was read
    (ActivityVersionConflict). A focal point may neither edit another group's activity nor
    move their own one to another group."""
    links = {name: fields.pop(name, None) for name in ACTIVITY_LINKS}
    # Checked on the stored row: a bound form may already have changed the instance passed.
    activity = _lock_at_version(Activity, activity.pk, expected_version, ActivityVersionConflict)
    _require_group(by, activity.working_group)
    if "working_group" in fields:
        _require_group(by, fields["working_group"])
    for name, value in fields.items():
        setattr(activity, name, value)
    activity.version += 1
    activity._history_user = by
    activity.save()
    _set_links(activity, links)
    add_attachments(activity=activity, uploads=files, by=by)
    return activity


@transaction.atomic
def add_attachments(*, activity: Activity, uploads: Iterable[File], by: User) -> list[Attachment]:
    """Keep several uploaded files with an activity: all of them, or (on an error such as a
    full disk) none — the rows roll back and the files already stored are removed."""
    stored = []
    try:
        for upload in uploads:
            stored.append(add_attachment(activity=activity, upload=upload, by=by))
    except BaseException:
        for attachment in stored:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return stored


def add_attachment(*, activity: Activity, upload: File, by: User) -> Attachment:
    """Keep an uploaded file with an activity."""
    _require_group(by, activity.working_group)
    validate_attachment(upload)
    attachment = Attachment(
        activity=activity, original_name=upload.name[:255], size=upload.size, uploaded_by=by
    )
    attachment.file.save(upload.name, upload, save=False)
    attachment._history_user = by
    attachment.save()
    return attachment


@transaction.atomic
def create_task(*, by: User, **fields: Any) -> Task:
    _require_group(by, fields.get("working_group"))
    task = Task(**fields)
    task._history_user = by
    task.save()
    notification_events.task_changed(task=task, by=by, created=True)
    return task


# What the plan edit owns; status, progress and their time belong to update_task_status.
TASK_PLAN_FIELDS = frozenset(
    {
        "year",
        "working_group",
        "title",
        "title_en",
        "description",
        "description_en",
        "theme",
        "report_section",
        "meeting",
        "due_date",
        "report_order",
    }
)


@transaction.atomic
def update_task(
    *, task: Task, by: User, expected_version: int | None = None, **fields: Any
) -> Task:
    """Change a task's plan (title, deadline, group…), unless the task was changed since
    `expected_version` was read (TaskVersionConflict). Writes only the plan's fields, so a
    status saved at the same moment is never overwritten."""
    unknown = set(fields) - TASK_PLAN_FIELDS
    if unknown:
        raise ValueError(f"not plan fields: {sorted(unknown)}")
    task = _lock_at_version(Task, task.pk, expected_version, TaskVersionConflict)
    _require_group(by, task.working_group)
    if "working_group" in fields:
        _require_group(by, fields["working_group"])
    old_group_id = task.working_group_id
    for name, value in fields.items():
        setattr(task, name, value)
    task.version += 1
    task._history_user = by
    task.save(update_fields=[*fields, "version", "updated_at"])
    notification_events.task_changed(task=task, by=by, old_group_id=old_group_id)
    return task


@transaction.atomic
def update_task_status(
    *, task: Task, status: str, progress: int, note: str, by: User, expected_version: int
) -> Task:
    """Record a status change, unless someone saved one since `expected_version` was read.

    The conditional UPDATE is the lock: of two people saving at once (a status and a plan
    edit included), only the first matches the version; the second gets TaskVersionConflict
    carrying the task as it now is. Only the status fields are written.
    """
    _require_group(by, task.working_group)
    if status == Task.Status.DONE:
        progress = 100
    now = timezone.now()
    changed = Task.objects.filter(pk=task.pk, version=expected_version).update(
        status=status,
        progress=progress,
        last_status_at=now,
        updated_at=now,
        version=F("version") + 1,
    )
    task.refresh_from_db()
    if not changed:
        raise TaskVersionConflict(task)
    # The conditional UPDATE skips save() and so the model's audit trail: write it here.
    Task.history.bulk_history_create([task], update=True, default_user=by)
    StatusUpdate.objects.create(task=task, status=status, progress=progress, note=note, author=by)
    notification_events.task_changed(task=task, by=by, old_group_id=task.working_group_id)
    return task
