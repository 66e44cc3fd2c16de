"""Trigram index for the activity list's text search (LIKE '%…%' on search_text).

PostgreSQL only: the embedded SQLite mode has no pg_trgm and searches with a scan, which is
fine at its size. Kept out of the model state on purpose, so `makemigrations` stays clean on
both databases.
"""

from django.db import migrations


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    schema_editor.execute(
        "CREATE INDEX IF NOT EXISTS activity_search_trgm "
        "ON working_groups_activity USING gin (search_text gin_trgm_ops)"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS activity_search_trgm")


class Migration(migrations.Migration):
    dependencies = [("working_groups", "0002_english_descriptions")]

    operations = [migrations.RunPython(create_index, drop_index)]
