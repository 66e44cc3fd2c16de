"""Backup and restore: an archive of the database and MEDIA_ROOT restores into an empty
database with the same row counts, the same file checksums and a working download."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection

from asoen_portal.backups import SEEDED_BY_MIGRATIONS, read_manifest, row_counts
from asoen_portal.demo import generate_demo_data
from tests.factories import ActivityFactory
from working_groups.models import Attachment
from working_groups.services import add_attachment

pytestmark = pytest.mark.django_db
RESTORE_DB = "asoen_h10_restore"


@pytest.fixture
def world(secretariat_user):
    call_command("load_seed", stdout=io.StringIO())
    generate_demo_data(activities=600, meetings=40, tasks=80, year=2026)
    activity = ActivityFactory(title="Hội nghị AHP 8 — biên bản")
    upload = SimpleUploadedFile("biên-bản-AHP8.pdf", b"%PDF-1.4 " + os.urandom(40_000))
    attachment = add_attachment(activity=activity, upload=upload, by=secretariat_user)
    return attachment


@pytest.fixture
def empty_database():
    if connection.vendor != "postgresql":
        pytest.skip("restores into a second PostgreSQL database")
    params = connection.get_connection_params()
    params.pop("cursor_factory", None)
    params["dbname"] = "postgres"
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{RESTORE_DB}"')
        admin.execute(f'CREATE DATABASE "{RESTORE_DB}"')
    db = connection.settings_dict
    host = f"{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    yield f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{host}/{RESTORE_DB}"
    with psycopg.connect(**params, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{RESTORE_DB}" WITH (FORCE)')


def _manage(database_url, media_root, *args, code=None):
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "REDIS_URL": "",
    }
    command = [sys.executable, "manage.py", *args]
    if code:
        command += ["-c", code]
    return subprocess.run(
        command, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True, timeout=300
    )


AFTER_RESTORE = """
import hashlib, json
from django.test import Client
from django.contrib.auth import get_user_model
from asoen_portal.backups import row_counts
from working_groups.models import Attachment
attachment = Attachment.objects.get(original_name="biên-bản-AHP8.pdf")
client = Client()
client.force_login(get_user_model().objects.get(username="secretariat"),
                   backend="django.contrib.auth.backends.ModelBackend")
response = client.get(f"/activities/{attachment.activity_id}/attachments/{attachment.pk}/")
body = b"".join(response.streaming_content)
print(json.dumps({"counts": row_counts(), "status": response.status_code,
                  "sha256": hashlib.sha256(body).hexdigest()}))
"""


def test_backup_restores_into_an_empty_database(world, empty_database, tmp_path):
    archive = tmp_path / "asoen-backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    manifest = read_manifest(archive)
    counts = row_counts()
    assert manifest["database"]["counts"] == counts
    assert counts["working_groups.Activity"] == 601 + 28  # generated, one more, the seed's
    original = Path(settings.MEDIA_ROOT, world.file.name).read_bytes()
    assert {i["path"]: i["sha256"] for i in manifest["media"]} == {
        world.file.name: hashlib.sha256(original).hexdigest()
    }

    restored_media = tmp_path / "restored-media"
    result = _manage(empty_database, restored_media, "restore", str(archive))
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Backup restored" in result.stdout

    check = _manage(empty_database, restored_media, "shell", code=AFTER_RESTORE)
    assert check.returncode == 0, check.stderr[-3000:]
    after = json.loads(check.stdout.strip().splitlines()[-1])
    assert after["counts"] == counts
    assert after["status"] == 200
    assert after["sha256"] == hashlib.sha256(original).hexdigest()

    # Restoring twice is refused: the database is no longer empty.
    again = _manage(empty_database, tmp_path / "other-media", "restore", str(archive))
    assert again.returncode != 0
    assert "not empty" in again.stderr


def test_seeded_by_migrations_names_every_table_migrate_fills(db):
    # Outside a test's own rows, what the database holds was written by migrate, and restore
    # must not take it for another installation's data. (A transactional test that ran
    # before may have flushed the seeded rows, so fewer tables is fine; another one is not.)
    filled = {label for label, n in row_counts().items() if n}
    assert filled <= set(SEEDED_BY_MIGRATIONS)


def test_a_damaged_archive_is_refused_before_anything_changes(world, tmp_path):
    archive = tmp_path / "asoen-backup.tar.gz"
    call_command("backup", output=archive, stdout=io.StringIO())
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive, "r:gz") as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name.startswith("media/"):
                data = data[:-1] + b"!"
            target.addfile(member, io.BytesIO(data))

    with pytest.raises(CommandError, match="does not match its checksum"):
        call_command("restore", str(damaged), verify_only=True, stdout=io.StringIO())
    assert Attachment.objects.count() == 1
