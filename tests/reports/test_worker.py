"""End to end: a real Celery worker (subprocess) on real Redis renders a job requested through
the page, and the job row moves pending → running → done with a PDF file."""

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connection
from django.urls import reverse

from reports.models import AnnualReport, ReportRender

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

    app.control.purge()  # messages left by earlier tests (their rows are gone) go first
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


def _wait_until_finished(job):
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status in ("done", "failed"):
            return job
        time.sleep(0.5)
    raise AssertionError(f"job still {job.status} after {WAIT_SECONDS}s")


def test_worker_renders_report_requested_from_the_page(worker, leadership_client, settings):
    AnnualReport.objects.create(year=2025, signer_name="Lê Công Thành")
    response = leadership_client.post(
        reverse("reports:render_request", args=[2025]), {"language": "vi"}
    )
    assert response.status_code == 302
    job = _wait_until_finished(ReportRender.objects.get())
    assert (job.status, job.error, job.attempts) == ("done", "", 1)
    assert job.enqueued_at is not None
    assert Path(settings.MEDIA_ROOT, job.file.name).read_bytes()[:5] == b"%PDF-"
    download = leadership_client.get(reverse("reports:render_download", args=[job.pk]))
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"
