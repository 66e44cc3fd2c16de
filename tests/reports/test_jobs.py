"""Render-job mechanics: a double request is one job; the final write is inside the error
handling; a job whose worker died is shown as interrupted, with a retry, within minutes."""

import datetime
import threading

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from reports.jobs import _write_status, claim_render, fail_interrupted_renders
from reports.models import ReportRender
from reports.services import request_render, retry_render

pytestmark = pytest.mark.django_db


def test_a_double_click_makes_one_job(report, leadership_client, broker_down):
    url = reverse("reports:render_request", args=[report.year])
    for _ in range(2):
        assert leadership_client.post(url, {"language": "vi"}).status_code == 302
    assert ReportRender.objects.count() == 1


def test_same_request_within_seconds_returns_the_first_job(
    report, leadership_user, secretariat_user, broker_down
):
    first = request_render(report=report, language="vi", by=leadership_user)

    assert request_render(report=report, language="vi", by=leadership_user).pk == first.pk
    assert request_render(report=report, language="en", by=leadership_user).pk != first.pk
    assert request_render(report=report, language="vi", by=secretariat_user).pk != first.pk
    word = request_render(report=report, language="vi", by=leadership_user, file_format="docx")
    assert word.pk != first.pk and (first.format, word.format) == ("pdf", "docx")
    assert (
        request_render(report=report, language="vi", by=leadership_user, file_format="docx").pk
        == word.pk
    )
    assert ReportRender.objects.count() == 4


def test_a_request_after_the_window_or_after_a_failure_is_a_new_job(
    report, leadership_user, broker_down
):
    first = request_render(report=report, language="vi", by=leadership_user)
    ReportRender.objects.filter(pk=first.pk).update(
        created_at=first.created_at - datetime.timedelta(seconds=6)
    )
    second = request_render(report=report, language="vi", by=leadership_user)
    assert second.pk != first.pk
    ReportRender.objects.filter(pk=second.pk).update(status=ReportRender.Status.FAILED)
    third = request_render(report=report, language="vi", by=leadership_user)
    assert third.pk not in (first.pk, second.pk)


@pytest.mark.django_db(transaction=True)
def test_simultaneous_requests_make_one_job(report, leadership_user, broker_down):
    barrier = threading.Barrier(4)
    made = []

    def click():
        barrier.wait()
        try:
            made.append(request_render(report=report, language="vi", by=leadership_user).pk)
        finally:
            connection.close()

    threads = [threading.Thread(target=click) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert len(set(made)) == 1
    assert ReportRender.objects.count() == 1


def _running(report, *, heartbeat_ago, attempts=1):
    now = timezone.now()
    return ReportRender.objects.create(
        report=report,
        status="running",
        attempts=attempts,
        started_at=now - datetime.timedelta(minutes=5),
        heartbeat_at=now - heartbeat_ago,
    )


def test_a_job_whose_heartbeat_stopped_is_shown_interrupted_with_a_retry(report, leadership_client):
    job = _running(report, heartbeat_ago=datetime.timedelta(seconds=61))

    html = leadership_client.get(reverse("reports:render_status", args=[job.pk])).content.decode()

    job.refresh_from_db()
    assert job.status == "failed"
    assert "Tiến trình tạo báo cáo bị gián đoạn giữa chừng" in html
    assert reverse("reports:render_retry", args=[job.pk]) in html
    assert "data-hx-trigger" not in html  # polling stops


def test_a_job_with_a_fresh_heartbeat_keeps_running(report, leadership_client):
    # Started five minutes ago (a long report), but its worker stamped 10 s ago: alive.
    job = _running(report, heartbeat_ago=datetime.timedelta(seconds=10))

    html = leadership_client.get(reverse("reports:render_status", args=[job.pk])).content.decode()

    job.refresh_from_db()
    assert job.status == "running"
    assert "data-hx-trigger" in html


def test_a_run_that_lost_its_job_cannot_store_a_file(report, leadership_user, broker_down):
    job = ReportRender.objects.create(report=report, requested_by=leadership_user)
    first = claim_render(job.pk)
    later = timezone.now() + datetime.timedelta(minutes=2)
    assert fail_interrupted_renders(later) == 1
    retry_render(render=job, by=leadership_user)
    second = claim_render(job.pk)

    assert (first, second) == (1, 2)
    # The first run finishes late: its final write matches nothing, so run_render discards
    # its file; the second run owns the job.
    assert _write_status(job.pk, first, status="done", file="reports/2025/x.pdf") == 0
    assert _write_status(job.pk, second, status="done", file="reports/2025/y.pdf") == 1
    job.refresh_from_db()
    assert (job.status, job.file.name) == ("done", "reports/2025/y.pdf")
