"""End to end: a large upload is previewed and then imported by a real Celery worker
(subprocess) on real Redis, the page following the job row pending → previewed → done."""

import time

import pytest
from django.urls import reverse

from asoen_portal.exchange import services
from asoen_portal.models import ImportJob
from tests.exchange.conftest import upload, xlsx_bytes
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
    assert 'hx-trigger="every 2s"' in page

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
