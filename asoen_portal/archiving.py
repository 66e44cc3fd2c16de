"""Archiving and restoring records: the portal's "delete", which can be undone.

An archived row keeps everything it had (an attachment keeps its file) and only gains
`archived_at`/`archived_by`; the default managers leave it out (see ArchivableModel), so it is
gone from every list, export, API response, feed, reminder and report fact at once. The
history (django-simple-history) records each archive and restore with who and when. A report
already approved keeps its frozen snapshot: archiving changes nothing in its text."""

from django.apps import apps
from django.contrib.auth.models import AbstractBaseUser as User
from django.db import transaction
from django.db.models import Model, QuerySet
from django.utils import timezone

from asoen_portal import access
from asoen_portal.models import ArchivableModel

ARCHIVE_FIELDS = ["archived_at", "archived_by", "updated_at"]


def archivable_models() -> list[type[ArchivableModel]]:
    """Every model whose rows can be archived, in the order the apps define them."""
    return [model for model in apps.get_models() if issubclass(model, ArchivableModel)]


def kind_of(model_or_record) -> str:
    """The name of a kind in URLs and on the "Archived" page: `app_label.model_name`."""
    return model_or_record._meta.label_lower


def model_of_kind(kind: str) -> type[ArchivableModel] | None:
    for model in archivable_models():
        if kind_of(model) == kind:
            return model
    return None


@transaction.atomic
def archive_record(*, record: ArchivableModel, by: User) -> ArchivableModel:
    """Take the record out of the portal (a second archive changes nothing)."""
    access.require(access.can_archive_record(by, record))
    if record.archived_at is None:
        record.archived_at = timezone.now()
        record.archived_by = by
        record._history_user = by
        record.save(update_fields=ARCHIVE_FIELDS)
    return record


@transaction.atomic
def restore_record(*, record: ArchivableModel, by: User) -> ArchivableModel:
    """Bring an archived record back, as it was."""
    access.require(access.can_archive_record(by, record))
    if record.archived_at is not None:
        record.archived_at = None
        record.archived_by = None
        record._history_user = by
        record.save(update_fields=ARCHIVE_FIELDS)
    return record


def archived_records(user: User, model: type[Model]) -> QuerySet:
    """The archived rows of one kind that `user` may restore, latest archived first."""
    queryset = model.objects_with_archived.archived().select_related("archived_by")
    return access.filter_archivable(queryset, user).order_by("-archived_at", "-pk")
