"""Backup and restore of everything the portal keeps: the database (as Django fixtures, so an
archive made on the embedded SQLite restores into PostgreSQL and back) and MEDIA_ROOT
(attachments, meeting documents, rendered reports), in one .tar.gz with a manifest of counts
and SHA-256 checksums that restore verifies before it changes anything."""

import hashlib
import io
import json
import tarfile
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
DATABASE_MEMBER = "database.json"
MANIFEST_MEMBER = "manifest.json"
MEDIA_PREFIX = "media/"
# Rebuilt by migrate, or worth nothing in another installation.
EXCLUDED_MODELS = ["contenttypes", "auth.permission", "sessions", "axes"]
# Rows that `migrate` itself writes (data migrations: the default meeting checklist). A freshly
# migrated database holds them, so they do not make it "not empty"; restore replaces them with
# the archive's own (possibly edited, or deleted) rows. tests/asoen_portal/test_backup.py
# checks that this list names every table a migration fills.
SEEDED_BY_MIGRATIONS = ("meetings.ChecklistTemplate", "meetings.ChecklistTemplateItem")


class BackupError(Exception):
    """The archive is damaged, of another format, or the target is not empty."""


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def counted_models():
    """Models whose rows a backup carries, by label."""
    skip = {"contenttypes", "sessions", "axes"}
    return [
        model
        for model in apps.get_models()
        if model._meta.app_label not in skip
        and model._meta.label != "auth.Permission"
        and not model._meta.proxy
        and model._meta.managed
    ]


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in counted_models()}


def _media_files(root: Path):
    if not root.exists():
        return []
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".partial-"))


def create_backup(*, output: Path) -> dict:
    """Write the archive to `output` (via a temporary name, so a failed backup leaves no
    half archive) and return its manifest."""
    media_root = Path(settings.MEDIA_ROOT)
    outermost = not connection.in_atomic_block
    with transaction.atomic():  # one consistent snapshot of every table (PostgreSQL)
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        buffer = io.StringIO()
        call_command(
            "dumpdata",
            exclude=EXCLUDED_MODELS,
            natural_foreign=True,
            use_base_manager=True,  # archived rows too (the default managers leave them out)
            natural_primary=False,
            indent=None,
            stdout=buffer,
        )
        counts = row_counts()
    database = buffer.getvalue().encode()
    media = [
        {
            "path": str(path.relative_to(media_root)),
            "size": path.stat().st_size,
            "sha256": _file_sha256(path),
        }
        for path in _media_files(media_root)
    ]
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "database_vendor": connection.vendor,
        "migrations": sorted(
            f"{app}.{name}"
            for app, name in MigrationRecorder.Migration.objects.values_list("app", "name")
        ),
        "database": {"file": DATABASE_MEMBER, "sha256": _sha256(database), "counts": counts},
        "media": media,
    }
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile(dir=output.parent, prefix=".partial-", delete=False) as tmp:
        try:
            with tarfile.open(fileobj=tmp, mode="w:gz") as archive:
                _add_bytes(archive, MANIFEST_MEMBER, json.dumps(manifest, indent=2).encode())
                _add_bytes(archive, DATABASE_MEMBER, database)
                for item in media:
                    archive.add(media_root / item["path"], arcname=MEDIA_PREFIX + item["path"])
            tmp.flush()
            Path(tmp.name).replace(output)
        except BaseException:
            Path(tmp.name).unlink(missing_ok=True)
            raise
    return manifest


def _add_bytes(archive, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    archive.addfile(info, io.BytesIO(data))


def read_manifest(archive_path: Path) -> dict:
    with tarfile.open(archive_path, "r:gz") as archive:
        return json.loads(archive.extractfile(MANIFEST_MEMBER).read())


def verify_backup(archive_path: Path) -> dict:
    """Check every member against the manifest; the manifest, or BackupError."""
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            manifest = json.loads(archive.extractfile(MANIFEST_MEMBER).read())
            if manifest.get("format") != FORMAT:
                raise BackupError(f"unknown backup format {manifest.get('format')!r}")
            database = archive.extractfile(DATABASE_MEMBER).read()
            if _sha256(database) != manifest["database"]["sha256"]:
                raise BackupError("database.json does not match its checksum")
            for item in manifest["media"]:
                member = archive.extractfile(MEDIA_PREFIX + item["path"])
                if member is None or _sha256(member.read()) != item["sha256"]:
                    raise BackupError(f"media file {item['path']} does not match its checksum")
    except (tarfile.TarError, KeyError, OSError, ValueError) as exc:
        raise BackupError(f"unreadable backup archive: {exc}") from exc
    return manifest


@contextmanager
def _history_paused():
    """The archive already holds the audit trail; loading it (m2m links fire signals even on
    raw loads) must not add a second one. This runs in the one-off restore process."""
    before = getattr(settings, "SIMPLE_HISTORY_ENABLED", True)
    settings.SIMPLE_HISTORY_ENABLED = False
    try:
        yield
    finally:
        settings.SIMPLE_HISTORY_ENABLED = before


def restore_backup(*, archive_path: Path) -> dict:
    """Load a verified archive into this (migrated, empty but for SEEDED_BY_MIGRATIONS)
    database and MEDIA_ROOT.

    All or nothing for the database (one transaction); media files are written only after
    the rows loaded, and an existing file is never overwritten.
    """
    manifest = verify_backup(archive_path)
    occupied = {
        label: n for label, n in row_counts().items() if n and label not in SEEDED_BY_MIGRATIONS
    }
    if occupied:
        raise BackupError(
            "the target database is not empty: "
            + ", ".join(f"{k}={v}" for k, v in occupied.items())
        )
    media_root = Path(settings.MEDIA_ROOT)
    clashes = [i["path"] for i in manifest["media"] if (media_root / i["path"]).exists()]
    if clashes:
        raise BackupError(
            f"MEDIA_ROOT already holds {len(clashes)} of the files, e.g. {clashes[0]}"
        )
    with tarfile.open(archive_path, "r:gz") as archive, tempfile.TemporaryDirectory() as work:
        fixture = Path(work, "database.json")
        fixture.write_bytes(archive.extractfile(DATABASE_MEMBER).read())
        with transaction.atomic(), _history_paused():
            for label in reversed(SEEDED_BY_MIGRATIONS):  # children first
                apps.get_model(label)._base_manager.all().delete()
            call_command("loaddata", str(fixture), verbosity=0)
            counts = row_counts()
            expected = manifest["database"]["counts"]
            wrong = {k: (counts.get(k), v) for k, v in expected.items() if counts.get(k) != v}
            if wrong:
                raise BackupError(f"row counts differ after loading: {wrong}")
        for item in manifest["media"]:
            target = media_root / item["path"]
            target.parent.mkdir(parents=True, exist_ok=True)
            data = archive.extractfile(MEDIA_PREFIX + item["path"]).read()
            with target.open("xb") as handle:
                handle.write(data)
            if _file_sha256(target) != item["sha256"]:
                raise BackupError(f"media file {item['path']} was not written intact")
    return manifest
