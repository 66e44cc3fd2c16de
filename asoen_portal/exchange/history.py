"""Audit history for imported rows, written in bulk at the end of an import.

django-simple-history writes one historical row per `save()` and one more per many-to-many
change, so an imported activity with instruments would get two or three entries and 10,000
rows would cost 50,000 extra queries. Instead, rows are saved with history switched off and
this collector writes exactly one entry per created or changed row — with its many-to-many
state, the importing user and the same date — in a few `bulk_create` calls, inside the
import's transaction. The result is what the admin or a form would have recorded.
"""

from django.utils import timezone
from simple_history.models import HistoricalRecords


class HistoryBatch:
    """Rows saved during an import, waiting for their history entries."""

    def __init__(self, model, user):
        self.model = model
        self.user = user
        self.created = {}
        self.changed = {}

    def mute(self, instance):
        """Stop simple_history from writing per-save and per-m2m-change entries for `instance`."""
        instance.skip_history_when_saving = True

    def add(self, instance, *, created):
        instance.__dict__.pop("skip_history_when_saving", None)
        if created:
            self.created[instance.pk] = instance
        elif instance.pk not in self.created:
            self.changed[instance.pk] = instance

    def write(self):
        """Write the entries; call inside the import's transaction, after the last row."""
        manager = self.model.history
        when = timezone.now()
        entries = []
        for objs, update in ((self.created, False), (self.changed, True)):
            if objs:
                entries += manager.bulk_history_create(
                    list(objs.values()),
                    batch_size=1000,
                    update=update,
                    default_user=self.user,
                    default_date=when,
                )
        self._write_m2m(entries)
        self.created.clear()
        self.changed.clear()
        return len(entries)

    def _write_m2m(self, entries):
        m2m_fields = getattr(self.model.history.model, "_history_m2m_fields", [])
        if not m2m_fields or not entries:
            return
        # A historical row keeps the tracked row's primary key in its own `id` column.
        entry_by_pk = {entry.id: entry for entry in entries}
        for field in m2m_fields:
            m2m_history_model = HistoricalRecords.m2m_models[field]
            through = field.remote_field.through
            source = field.m2m_field_name()
            attnames = [f.attname for f in through._meta.fields]
            rows = through.objects.filter(**{f"{source}__in": list(entry_by_pk)}).values(*attnames)
            m2m_history_model.objects.bulk_create(
                [
                    m2m_history_model(history=entry_by_pk[row[f"{source}_id"]], **row)
                    for row in rows
                ],
                batch_size=2000,
            )
