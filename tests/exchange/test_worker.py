"""End to end: a large upload is previewed and then imported by a real Celery worker
(subprocess) on real Redis, the page following the job row pending → previewed → done."""

import datetime
import time

import pytest
from django.urls import reverse
from django.utils import timezone

from asoen_portal.exchange import services
from asoen_portal.models import ImportJob
from tests.exchange.conftest import broker_at, redis_server, upload, xlsx_bytes
from tests.exchange.test_tasks import many_rows
from tests.workers import WAIT_SECONDS, start_celery_worker, wait_for_status
from working_groups.models import Activity

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(settings):
    with start_celery_worker(
        media_root=settings.MEDIA_ROOT,
        # Registers exchange.run_import even where celery.py does not autodiscover it yet.
        include=["asoen_portal.exchange.tasks"],
    ) as process:
        yield process


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
    assert 'data-hx-trigger="every 2s"' in page

    job = wait_for_status(job, ("previewed", "failed"))
    assert (job.status, job.new_count, job.error_count) == ("previewed", 30, 0)
    assert Activity.objects.count() == 0

    secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))
    job = wait_for_status(job, ("done", "failed"))

    assert (job.status, job.new_count, job.progress) == ("done", 30, 100)
    assert Activity.objects.count() == 30
    assert {h.history_user for h in Activity.history.all()} == {secretariat_user}


def _follow(job, statuses):
    """Poll the job row like the job page does; the progress values seen while it ran."""
    seen = []
    deadline = time.monotonic() + WAIT_SECONDS
    while time.monotonic() < deadline:
        job.refresh_from_db()
        if job.status == "running":
            seen.append(job.progress)
        if job.status in statuses:
            return seen
        time.sleep(0.05)
    raise AssertionError(f"job still {job.status} after {WAIT_SECONDS}s")


@pytest.mark.django_db(transaction=True, databases=["default", "progress"])
def test_worker_imports_3000_rows_with_progress_moving(
    worker, secretariat_client, secretariat_user, groups
):
    assert services.ASYNC_ROWS < 3000
    secretariat_client.post(
        reverse("exchange:upload"),
        {"register": "activities", "file": upload(xlsx_bytes(many_rows(3000)))},
    )
    job = ImportJob.objects.get()
    assert (job.status, job.total_rows) == ("pending", 3000)
    assert job.enqueued_at is not None

    preview_progress = _follow(job, ("previewed", "failed"))
    assert (job.status, job.new_count, job.error_count) == ("previewed", 3000, 0)
    assert Activity.objects.count() == 0

    secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))
    confirm_progress = _follow(job, ("done", "failed"))

    assert (job.status, job.new_count, job.progress, job.processed_rows) == (
        "done",
        3000,
        100,
        3000,
    )
    # The page saw the import move while its transaction was open, not only 0 then 100.
    assert [p for p in preview_progress + confirm_progress if 0 < p < 100]
    assert confirm_progress == sorted(confirm_progress)  # never backwards
    assert Activity.objects.count() == 3000
    assert Activity.history.filter(history_user=secretariat_user).count() == 3000


OWN_REDIS_PORT = 8150


def test_redis_down_at_upload_job_waits_and_finishes_when_redis_is_back(
    settings, secretariat_client, groups, monkeypatch
):
    monkeypatch.setattr(services, "ASYNC_ROWS", 10)
    broker_url = f"redis://127.0.0.1:{OWN_REDIS_PORT}/0"
    with broker_at(broker_url):
        secretariat_client.post(
            reverse("exchange:upload"),
            {"register": "activities", "file": upload(xlsx_bytes(many_rows(30)))},
        )
        job = ImportJob.objects.get()
        assert (job.status, job.note) == ("pending", str(services.BROKER_DOWN_NOTE))

        with (
            redis_server(OWN_REDIS_PORT),
            start_celery_worker(
                media_root=settings.MEDIA_ROOT,
                include=["asoen_portal.exchange.tasks"],
                redis_url=broker_url,
            ),
        ):
            # What beat does every minute, a minute later.
            later = timezone.now() + datetime.timedelta(minutes=1)
            assert services.requeue_stalled_import_jobs(now=later) == (1, 0)
            job = wait_for_status(job, ("previewed", "failed"))
            assert (job.status, job.new_count, job.note) == ("previewed", 30, "")

            secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))
            job = wait_for_status(job, ("done", "failed"))

    assert (job.status, job.new_count) == ("done", 30)
    assert Activity.objects.count() == 30


@pytest.mark.django_db(transaction=True, databases=["default", "progress"])
def test_worker_killed_mid_import_writes_nothing_and_the_retry_finishes(
    settings, secretariat_client, groups
):
    include = ["asoen_portal.exchange.tasks"]
    with start_celery_worker(media_root=settings.MEDIA_ROOT, include=include) as process:
        secretariat_client.post(
            reverse("exchange:upload"),
            {"register": "activities", "file": upload(xlsx_bytes(many_rows(3000)))},
        )
        job = wait_for_status(ImportJob.objects.get(), ("previewed", "failed"))
        secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))
        deadline = time.monotonic() + WAIT_SECONDS
        while not (job.status == "running" and job.progress > 0):
            assert time.monotonic() < deadline, job.status
            time.sleep(0.02)
            job.refresh_from_db()
        process.kill()  # mid-import: rows written in its open transaction, not committed
        process.wait(timeout=30)

    assert Activity.objects.count() == 0
    later = timezone.now() + services.STALE_RUNNING_AFTER + datetime.timedelta(minutes=1)
    assert services.requeue_stalled_import_jobs(now=later) == (0, 1)
    job.refresh_from_db()
    assert (job.status, job.retryable) == ("failed", True)

    with start_celery_worker(media_root=settings.MEDIA_ROOT, include=include):
        secretariat_client.post(reverse("exchange:job-retry", args=[job.pk]))
        job = wait_for_status(job, ("done", "failed"))

    assert (job.status, job.new_count, job.confirmed) == ("done", 3000, True)
    assert Activity.objects.count() == 3000
