"""End to end: a large upload is previewed and then imported by a real Celery worker
(subprocess) on real Redis, the page following the job row pending → previewed → done."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse

from asoen_portal.exchange import services
from asoen_portal.models import ImportJob
from tests.exchange.conftest import upload, xlsx_bytes
from tests.exchange.test_tasks import many_rows
from working_groups.models import Activity

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

WAIT_SECONDS = 90


def _database_url():
    db = connection.settings_dict
    return (
        f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or '127.0.0.1'}:"
        f"{db['PORT'] or 5432}/{db['NAME']}"
    )


@pytest.fixture
def worker(settings):
    if not django_settings.REDIS_URL or connection.vendor != "postgresql":
        pytest.skip("needs REDIS_URL and PostgreSQL, so the worker process sees the test rows")
    from asoen_portal.celery import app

    app.control.purge()
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": django_settings.REDIS_URL,
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    celery = Path(sys.executable).with_name("celery")
    process = subprocess.Popen(
        [
            str(celery),
            "-A",
            "asoen_portal",
            "worker",
            # Registers exchange.run_import even where celery.py does not autodiscover it yet.
            "--include",
            "asoen_portal.exchange.tasks",
            "--pool=solo",
            "--loglevel=WARNING",
            "--without-mingle",
            "--without-gossip",
            "--without-heartbeat",
        ],
        cwd=django_settings.BASE_DIR,
        env=env,
    )
    yield process
    process.terminate()
    process.wait(timeout=30)


def _wait_for(job, statuses):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in statuses:
            return job
        time.sleep(0.5)
    raise AssertionError(f"job still {job.status} after {WAIT_SECONDS}s")


def test_worker_previews_and_imports_a_large_file(
    worker, secretariat_client, secretariat_user, groups, monkeypatch
):
    monkeypatch.setattr(services, "ASYNC_ROWS", 10)
    secretariat_client.post(
        reverse("exchange:upload"),
        {"register": "activities", "file": upload(xlsx_bytes(many_rows(30)))},
    )
    job = ImportJob.objects.get()
    page = secretariat_client.get(reverse("exchange:job", args=[job.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page

    job = _wait_for(job, ("previewed", "failed"))
    assert (job.status, job.new_count, job.error_count) == ("previewed", 30, 0)
    assert Activity.objects.count() == 0

    secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))
    job = _wait_for(job, ("done", "failed"))

    assert (job.status, job.new_count, job.progress) == ("done", 30, 100)
    assert Activity.objects.count() == 30
    assert {h.history_user for h in Activity.history.all()} == {secretariat_user}
