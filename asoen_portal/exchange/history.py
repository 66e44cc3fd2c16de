"""Audit history for imported rows, written in bulk at the end of an import.

django-simple-history writes one historical row per `save()` and one more per many-to-many
change, so an imported activity with instruments would get two or three entries and 10,000
rows would cost 50,000 extra queries. Instead, rows are saved with history switched off and
this collector writes exactly one entry per created or changed row — with its many-to-many
state, the importing user and the same date — inside the import's transaction: the rows are
copied as stored into the history table by one INSERT … SELECT per 1,000 rows (PostgreSQL
and SQLite both take RETURNING), instead of building an object per row in Python. The
result is what the admin or a form would have recorded.
"""

from django.db import connection
from django.utils import timezone
from simple_history.models import HistoricalRecords

COPY_CHUNK = 1000


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
        when = timezone.now()
        entry_ids = {}  # tracked row pk → its new historical row's history_id
        for objs, history_type in ((self.created, "+"), (self.changed, "~")):
            pks = list(objs)
            for start in range(0, len(pks), COPY_CHUNK):
                entry_ids.update(self._copy(pks[start : start + COPY_CHUNK], history_type, when))
        self._write_m2m(entry_ids)
        self.created.clear()
        self.changed.clear()
        return len(entry_ids)

    def _copy(self, pks, history_type, when):
        """One INSERT … SELECT copying the rows as stored into the history table: the same
        entries `bulk_history_create` makes, without building 10,000 objects in Python."""
        if not pks:
            return {}
        history = self.model.history.model
        columns = [field.column for field in history.tracked_fields]
        quote = connection.ops.quote_name
        source_pk = quote(self.model._meta.pk.column)
        tracked = ", ".join(quote(column) for column in columns)
        sql = (
            f"INSERT INTO {quote(history._meta.db_table)} ({tracked}, history_date, "
            "history_user_id, history_change_reason, history_type) "
            f"SELECT {tracked}, %s, %s, %s, %s FROM {quote(self.model._meta.db_table)} "
            f"WHERE {source_pk} IN ({', '.join(['%s'] * len(pks))}) "
            f"RETURNING {quote(history._meta.pk.column)}, {source_pk}"
        )
        user_id = self.user.pk if self.user is not None else None
        with connection.cursor() as cursor:
            cursor.execute(sql, [when, user_id, "", history_type, *pks])
            return {pk: history_id for history_id, pk in cursor.fetchall()}

    def _write_m2m(self, entry_ids):
        m2m_fields = getattr(self.model.history.model, "_history_m2m_fields", [])
        if not m2m_fields or not entry_ids:
            return
        for field in m2m_fields:
            m2m_history_model = HistoricalRecords.m2m_models[field]
            through = field.remote_field.through
            source = field.m2m_field_name()
            attnames = [f.attname for f in through._meta.fields]
            pks = list(entry_ids)
            for start in range(0, len(pks), COPY_CHUNK):
                chunk = pks[start : start + COPY_CHUNK]
                rows = through.objects.filter(**{f"{source}__in": chunk}).values(*attnames)
                m2m_history_model.objects.bulk_create(
                    [
                        m2m_history_model(history_id=entry_ids[row[f"{source}_id"]], **row)
                        for row in rows
                    ],
                    batch_size=2000,
                )
