"""Large files go through the Celery task `exchange.run_import`, claimed from the job row."""

import pytest

from asoen_portal.exchange import services
from asoen_portal.exchange.tasks import run_import_task
from asoen_portal.models import ImportJob
from tests.exchange.conftest import ACTIVITY_HEADERS, upload, xlsx_bytes
from working_groups.models import Activity


def many_rows(count):
    rows = [ACTIVITY_HEADERS]
    rows += [
        ["AWGNCB", "Khác", f"Hoạt động số {n}", f"{1 + n % 28:02d}/0{1 + n % 9}/2024", "", "VN"]
        for n in range(count)
    ]
    return rows


@pytest.fixture
def big_job(groups, secretariat_user, monkeypatch):
    monkeypatch.setattr(services, "ASYNC_ROWS", 5)
    job = services.create_import_job(
        register="activities", upload=upload(xlsx_bytes(many_rows(12))), user=secretariat_user
    )
    return job


def test_large_file_is_queued_not_run_in_the_request(big_job, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks:
        assert services.start_import_job(job=big_job) is True

    assert len(callbacks) == 1
    big_job.refresh_from_db()
    assert (big_job.status, big_job.total_rows) == ("pending", 12)


def test_task_previews_then_imports_through_the_job_row(big_job, secretariat_user):
    ImportJob.objects.filter(pk=big_job.pk).update(total_rows=12)

    run_import_task(job_id=big_job.pk)
    big_job.refresh_from_db()
    assert (big_job.status, big_job.new_count, big_job.progress) == ("previewed", 12, 100)
    assert Activity.objects.count() == 0

    ImportJob.objects.filter(pk=big_job.pk).update(status="pending", confirmed=True)
    run_import_task(job_id=big_job.pk)
    run_import_task(job_id=big_job.pk)  # a redelivered message finds the job taken and does nothing

    big_job.refresh_from_db()
    assert (big_job.status, big_job.new_count) == ("done", 12)
    assert Activity.objects.count() == 12
    assert {h.history_user for h in Activity.history.all()} == {secretariat_user}


def test_task_for_a_vanished_job_returns_quietly(db):
    run_import_task(job_id=987654)
