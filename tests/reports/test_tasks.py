"""The render task run in-process: claim, atomic file, failure with its error, retry,
duplicate messages, and the beat task that requeues or fails stalled jobs."""

import datetime

from django.utils import timezone

from reports.jobs import BROKER_DOWN_NOTE, requeue_stalled_jobs
from reports.models import ReportRender
from reports.services import request_render, retry_render
from reports.tasks import render_annual_report


def _pdfs(settings):
    return sorted(p.name for p in (settings.MEDIA_ROOT / "reports").rglob("*") if p.is_file())


def test_render_task_renders_pdf_and_marks_job_done(report, secretariat_user, settings):
    job = ReportRender.objects.create(report=report, language="vi", requested_by=secretariat_user)
    render_annual_report.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.attempts, job.error) == ("done", 1, "")
    assert job.file.read(5) == b"%PDF-"
    assert len(_pdfs(settings)) == 1


def test_render_task_font_error_fails_job_without_file_then_retry_succeeds(
    report, secretariat_user, settings, django_capture_on_commit_callbacks
):
    settings.REPORT_FONT_FILES = {"Regular": "/nonexistent/Tinos-Regular.ttf"}
    job = ReportRender.objects.create(report=report, language="vi", requested_by=secretariat_user)
    render_annual_report.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error == "RenderError: Report font file not found: /nonexistent/Tinos-Regular.ttf"
    assert not job.file
    assert not (settings.MEDIA_ROOT / "reports").exists()

    del settings.REPORT_FONT_FILES
    with django_capture_on_commit_callbacks(execute=False):
        retry_render(render=job, by=secretariat_user)
    job.refresh_from_db()
    assert (job.status, job.error) == ("pending", "")
    render_annual_report.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("done", 2)
    assert len(_pdfs(settings)) == 1


def test_duplicate_message_does_not_render_twice(report, secretariat_user, settings):
    job = ReportRender.objects.create(report=report, language="en", requested_by=secretariat_user)
    render_annual_report.apply(args=[job.pk])
    render_annual_report.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("done", 1)
    assert len(_pdfs(settings)) == 1


def test_running_job_is_not_claimed_again(report, secretariat_user, settings):
    job = ReportRender.objects.create(
        report=report, status="running", started_at=timezone.now(), attempts=1
    )
    render_annual_report.apply(args=[job.pk])
    job.refresh_from_db()
    assert (job.status, job.attempts) == ("running", 1)
    assert not (settings.MEDIA_ROOT / "reports").exists()


def test_render_task_for_missing_job_returns_quietly(db):
    assert render_annual_report.apply(args=[987654]).result is None


def test_broker_down_keeps_job_pending_with_note(
    report, leadership_user, broker_down, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = request_render(report=report, language="vi", by=leadership_user)
    job.refresh_from_db()
    assert (job.status, job.enqueued_at, job.note) == ("pending", None, str(BROKER_DOWN_NOTE))


def test_beat_task_requeues_jobs_the_broker_never_got(report, leadership_user):
    job = ReportRender.objects.create(report=report, requested_by=leadership_user, note="x")
    ReportRender.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    fresh = ReportRender.objects.create(report=report, requested_by=leadership_user)
    assert requeue_stalled_jobs() == (1, 0)
    job.refresh_from_db()
    fresh.refresh_from_db()
    assert job.enqueued_at is not None
    assert job.note == ""
    assert fresh.enqueued_at is None  # its own on_commit enqueue still has time to run


def test_beat_task_leaves_jobs_pending_while_broker_is_down(report, broker_down):
    job = ReportRender.objects.create(report=report)
    ReportRender.objects.filter(pk=job.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=2)
    )
    assert requeue_stalled_jobs() == (0, 0)
    job.refresh_from_db()
    assert (job.status, job.enqueued_at, job.note) == ("pending", None, str(BROKER_DOWN_NOTE))


def test_beat_task_fails_jobs_whose_worker_died(report):
    started = timezone.now() - datetime.timedelta(minutes=2)
    job = ReportRender.objects.create(report=report, status="running", started_at=started)
    assert requeue_stalled_jobs() == (0, 1)
    job.refresh_from_db()
    assert job.status == "failed"
    assert job.error == "Tiến trình tạo báo cáo bị gián đoạn giữa chừng; hãy bấm “Thử lại”."
