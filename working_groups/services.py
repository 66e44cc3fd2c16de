"""Writes for activities, attachments and tasks: the business rules live here.

Views check access first (so a stranger gets 403 before any form is shown); every service
checks it again, because a rule that only a view enforces is skipped by the next caller.
"""

import os

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _

from asoen_portal import access
from notifications import events as notification_events

from .models import Activity, Attachment, StatusUpdate, Task

ACTIVITY_LINKS = ("instruments", "documents", "projects", "programmes")


class TaskVersionConflict(Exception):
    """Someone else changed the task's status since the form was loaded."""

    def __init__(self, task):
        super().__init__(f"task {task.pk} is now at version {task.version}")
        self.task = task


def _require_group(user, working_group):
    if not access.can_edit_group(user, working_group.pk if working_group else None):
        raise PermissionDenied


def _set_links(activity, links):
    for name in ACTIVITY_LINKS:
        if links.get(name) is not None:
            getattr(activity, name).set(links[name])


@transaction.atomic
def log_activity(*, author, files=(), **fields):
    """Record a new activity, its links and attachments; the author must own its group."""
    links = {name: fields.pop(name, None) for name in ACTIVITY_LINKS}
    _require_group(author, fields.get("working_group"))
    activity = Activity(created_by=author, **fields)
    activity._history_user = author
    activity.save()
    _set_links(activity, links)
    for upload in files:
        add_attachment(activity=activity, upload=upload, by=author)
    return activity


@transaction.atomic
def update_activity(*, activity, by, files=(), **fields):
    """Change an activity. A focal point may neither edit another group's activity nor move
    their own one to another group."""
    links = {name: fields.pop(name, None) for name in ACTIVITY_LINKS}
    _require_group(by, activity.working_group)
    if "working_group" in fields:
        _require_group(by, fields["working_group"])
    for name, value in fields.items():
        setattr(activity, name, value)
    activity._history_user = by
    activity.save()
    _set_links(activity, links)
    for upload in files:
        add_attachment(activity=activity, upload=upload, by=by)
    return activity


def validate_attachment(upload):
    """Refuse files of a type or size the secretariat does not keep (message in Vietnamese)."""
    extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
    allowed = settings.ATTACHMENT_EXTENSIONS
    if extension not in allowed:
        raise ValidationError(
            _(
                "Tệp “{name}” có định dạng không được chấp nhận. Chỉ nhận các định dạng: {allowed}."
            ).format(name=upload.name, allowed=", ".join(allowed)),
            code="attachment_type",
        )
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Tệp “{name}” quá lớn ({size}); dung lượng tối đa là {limit}.").format(
                name=upload.name, size=filesizeformat(upload.size), limit=filesizeformat(limit)
            ),
            code="attachment_size",
        )


def add_attachment(*, activity, upload, by):
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
def create_task(*, by, **fields):
    _require_group(by, fields.get("working_group"))
    task = Task(**fields)
    task._history_user = by
    task.save()
    notification_events.task_changed(task=task, by=by, created=True)
    return task


@transaction.atomic
def update_task(*, task, by, **fields):
    """Change a task's plan (title, deadline, group…); status goes through update_task_status."""
    _require_group(by, task.working_group)
    if "working_group" in fields:
        _require_group(by, fields["working_group"])
    old_group_id = task.working_group_id
    for name, value in fields.items():
        setattr(task, name, value)
    task._history_user = by
    task.save()
    notification_events.task_changed(task=task, by=by, old_group_id=old_group_id)
    return task


@transaction.atomic
def update_task_status(*, task, status, progress, note, by, expected_version):
    """Record a status change, unless someone saved one since `expected_version` was read.

    The conditional UPDATE is the lock: of two people saving at once, only the first matches
    the version; the second gets TaskVersionConflict carrying the task as it now is.
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
