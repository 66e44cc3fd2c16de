"""Writing an import's changed rows: on PostgreSQL one UPDATE … FROM (VALUES …) per 1,000 rows,
elsewhere Django's bulk_update.

Django's bulk_update writes each field as CASE WHEN id = 1 THEN … WHEN id = 2 THEN … END:
building those expressions in Python and matching them in the database both grow with rows ×
rows, and a 10,000-row update import spent half its time there even with only four columns.
A VALUES list is joined on the primary key instead: one pass, whatever the batch size.
"""

from django.db import connections

CHUNK = 1000
# Django's own bulk_update (SQLite, the embedded mode): its CASE grows with the batch.
FALLBACK_BATCH = 200


def update_in_bulk(model, instances, field_names, *, using="default"):
    """Write `field_names` of every instance (all already saved rows of `model`)."""
    if not instances or not field_names:
        return
    connection = connections[using]
    if connection.vendor != "postgresql":
        model.objects.using(using).bulk_update(instances, field_names, batch_size=FALLBACK_BATCH)
        return
    pk = model._meta.pk
    fields = [model._meta.get_field(name) for name in field_names]
    columns = [pk, *fields]
    quote = connection.ops.quote_name
    # Each value cast to its column's type: a VALUES list has no types of its own.
    row_sql = "(" + ", ".join(f"%s::{field.db_type(connection)}" for field in columns) + ")"
    assignments = ", ".join(f"{quote(f.column)} = v.{quote(f.column)}" for f in fields)
    names = ", ".join(quote(field.column) for field in columns)
    table, key = quote(model._meta.db_table), quote(pk.column)
    with connection.cursor() as cursor:
        for start in range(0, len(instances), CHUNK):
            chunk = instances[start : start + CHUNK]
            params = [
                field.get_db_prep_save(getattr(instance, field.attname), connection)
                for instance in chunk
                for field in columns
            ]
            cursor.execute(
                f"UPDATE {table} AS t SET {assignments} "
                f"FROM (VALUES {', '.join([row_sql] * len(chunk))}) AS v({names}) "
                f"WHERE t.{key} = v.{key}",
                params,
            )
