"""The extensions and the folding function of the header search (asoen_portal.search).

asoen_fold(text) is lower(unaccent(text)), declared IMMUTABLE (unaccent itself is only STABLE,
as its dictionary could change) so an expression index could be built on it; the dictionary is
named explicitly, which makes that promise hold whatever the search_path. On SQLite the
extensions are skipped by Django and the function is Python's fold, registered on each
connection (asoen_portal.apps).
"""

from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations

CREATE_FOLD = """
CREATE OR REPLACE FUNCTION asoen_fold(text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$
"""


def create_fold(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE_FOLD)


def drop_fold(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP FUNCTION IF EXISTS asoen_fold(text)")


class Migration(migrations.Migration):
    dependencies = [("asoen_portal", "0003_api_token")]

    operations = [
        UnaccentExtension(),
        TrigramExtension(),
        migrations.RunPython(create_fold, drop_fold),
    ]
