"""Import jobs always end: broker down at upload, the beat sweep, a job whose worker died."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from asoen_portal.exchange import services
from asoen_portal.exchange.services import BROKER_DOWN_NOTE, requeue_stalled_import_jobs
from asoen_portal.models import ImportJob
from tests.exchange.conftest import broker_at, upload, xlsx_bytes
from tests.exchange.test_tasks import many_rows
from working_groups.models import Activity

# Nothing listens there (this suite's port range, 8100-8199).
DEAD_BROKER = "redis://127.0.0.1:8197/0"


@pytest.fixture
def big_upload(monkeypatch):
    monkeypatch.setattr(services, "ASYNC_ROWS", 5)
    return upload(xlsx_bytes(many_rows(12)))


@pytest.mark.django_db(transaction=True)
def test_broker_down_at_upload_keeps_the_job_and_tells_the_user(
    secretariat_client, groups, big_upload
):
    # A real commit, so the on_commit enqueue runs inside the request as in production.
    with broker_at(DEAD_BROKER):
        response = secretariat_client.post(
            reverse("exchange:upload"), {"register": "activities", "file": big_upload}, follow=True
        )

    job = ImportJob.objects.get()
    assert response.status_code == 200
    assert (job.status, job.enqueued_at, job.note) == ("pending", None, str(BROKER_DOWN_NOTE))
    assert str(BROKER_DOWN_NOTE) in response.content.decode()


def _age(job, **fields):
    ImportJob.objects.filter(pk=job.pk).update(**fields)
    job.refresh_from_db()


def test_sweep_sends_jobs_the_broker_never_got_and_leaves_fresh_ones(
    groups, secretariat_user, big_upload
):
    old = services.create_import_job(
        register="activities", upload=big_upload, user=secretariat_user
    )
    _age(old, queued_at=timezone.now() - datetime.timedelta(minutes=2), note="x")
    fresh = services.create_import_job(
        register="activities", upload=big_upload, user=secretariat_user
    )

    assert requeue_stalled_import_jobs() == (1, 0)

    old.refresh_from_db()
    fresh.refresh_from_db()
    assert (old.status, old.note) == ("pending", "")
    assert old.enqueued_at is not None
    assert fresh.enqueued_at is None  # its own on_commit enqueue still has time to run


def test_sweep_sends_again_a_message_lost_with_the_broker(groups, secretariat_user, big_upload):
    job = services.create_import_job(
        register="activities", upload=big_upload, user=secretariat_user
    )
    lost_at = timezone.now() - datetime.timedelta(minutes=16)
    _age(job, queued_at=lost_at, enqueued_at=lost_at)

    assert requeue_stalled_import_jobs() == (1, 0)
    job.refresh_from_db()
    assert job.enqueued_at > lost_at


def test_sweep_keeps_jobs_pending_while_the_broker_is_down(groups, secretariat_user, big_upload):
    job = services.create_import_job(
        register="activities", upload=big_upload, user=secretariat_user
    )
    _age(job, queued_at=timezone.now() - datetime.timedelta(minutes=2))

    with broker_at(DEAD_BROKER):
        assert requeue_stalled_import_jobs() == (0, 0)

    job.refresh_from_db()
    assert (job.status, job.enqueued_at, job.note) == ("pending", None, str(BROKER_DOWN_NOTE))


def test_job_whose_worker_died_fails_with_a_message_and_can_be_retried(
    secretariat_client, groups, secretariat_user
):
    job = services.create_import_job(
        register="activities", upload=upload(xlsx_bytes(many_rows(12))), user=secretariat_user
    )
    silent_since = timezone.now() - datetime.timedelta(minutes=11)
    _age(job, status="running", total_rows=12, started_at=silent_since, heartbeat_at=silent_since)
    alive = services.create_import_job(
        register="activities", upload=upload(xlsx_bytes(many_rows(3))), user=secretariat_user
    )
    _age(alive, status="running", started_at=silent_since, heartbeat_at=timezone.now())

    assert requeue_stalled_import_jobs() == (0, 1)

    job.refresh_from_db()
    alive.refresh_from_db()
    assert alive.status == "running"  # slow, but it spoke up a moment ago
    assert (job.status, job.retryable) == ("failed", True)
    assert job.error == (
        "Tiến trình nhập dữ liệu bị dừng giữa chừng (quá 10 phút không có tiến triển); "
        "không có dòng nào được ghi. Hãy bấm «Chạy lại»."
    )
    page = secretariat_client.get(reverse("exchange:job", args=[job.pk])).content.decode()
    assert reverse("exchange:job-retry", args=[job.pk]) in page

    secretariat_client.post(reverse("exchange:job-retry", args=[job.pk]))

    job.refresh_from_db()
    assert (job.status, job.new_count, job.error, job.retryable) == ("previewed", 12, "", False)
    assert Activity.objects.count() == 0


def test_retry_refuses_a_job_whose_file_is_wrong(secretariat_client, groups, secretariat_user):
    job = services.create_import_job(
        register="activities", upload=upload(b"not a workbook"), user=secretariat_user
    )
    services.start_import_job(job=job)
    job.refresh_from_db()
    assert (job.status, job.retryable) == ("failed", False)

    secretariat_client.post(reverse("exchange:job-retry", args=[job.pk]))

    job.refresh_from_db()
    assert job.status == "failed"


def test_retry_is_for_the_secretariat_only(focal_client, groups, secretariat_user):
    job = services.create_import_job(
        register="activities", upload=upload(xlsx_bytes(many_rows(3))), user=secretariat_user
    )
    _age(job, status="failed", retryable=True)

    assert focal_client.post(reverse("exchange:job-retry", args=[job.pk])).status_code == 403
    job.refresh_from_db()
    assert job.status == "failed"


def test_unexpected_error_fails_the_job_without_a_500(secretariat_client, groups):
    secretariat_client.post(
        reverse("exchange:upload"),
        {"register": "activities", "file": upload(xlsx_bytes(many_rows(12)))},
    )
    job = ImportJob.objects.get()
    assert job.status == "previewed"
    job.file.storage.delete(job.file.name)  # the kept file vanished (disk, clean-up script)

    response = secretariat_client.post(reverse("exchange:job-confirm", args=[job.pk]))

    job.refresh_from_db()
    assert response.status_code == 302
    assert (job.status, job.retryable) == ("failed", True)
    assert job.error == "Lỗi hệ thống khi nhập dữ liệu; không có dòng nào được ghi. Hãy thử lại."
    assert Activity.objects.count() == 0
