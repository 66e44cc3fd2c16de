"""Writes for the annual report: narrative edits, the draft → submitted → approved workflow,
and the requests for render jobs (request, retry). How a job runs, is stored and is swept
when its worker dies is in reports.jobs.
"""

from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser as User
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asoen_portal import access
from notifications import events as notification_events
from reports.jobs import enqueue_render
from reports.models import AnnualReport, ReportNarrative, ReportRender

# A second request for the same report, language and user within this long is the same
# request (a double-click, a resubmitted form): it gets the first job, not a second render.
SAME_REQUEST_WITHIN = timedelta(seconds=5)


# --- narratives and workflow -------------------------------------------------------------


def create_report(*, year: int, by: User) -> AnnualReport:
    """Secretariat opens the report of a new year (heading fields take their defaults)."""
    access.require(access.can_edit_reports(by))
    report = AnnualReport(year=year)
    report._history_user = by
    report.save()
    return report


def update_narrative(
    *, report: AnnualReport, language: str, section: str, text: str, by: User
) -> ReportNarrative:
    """Save one narrative section; only while the report is a draft (once submitted, leadership
    reads what was submitted; once approved, it is frozen)."""
    access.require(access.can_edit_reports(by))
    if report.is_frozen:
        raise ValidationError(_("Báo cáo đã được phê duyệt; không thể sửa nội dung."))
    if report.status != AnnualReport.Status.DRAFT:
        raise ValidationError(
            _("Báo cáo đang trình lãnh đạo; chỉ sửa được nội dung sau khi báo cáo được trả lại.")
        )
    narrative = ReportNarrative.objects.filter(
        report=report, language=language, section=section
    ).first() or ReportNarrative(report=report, language=language, section=section)
    narrative.text = text.replace("\r\n", "\n").strip()
    narrative._history_user = by
    narrative.save()
    return narrative


def submit_report(*, report: AnnualReport, by: User) -> AnnualReport:
    """Secretariat: draft → submitted, for leadership to approve."""
    access.require(access.can_edit_reports(by))
    if report.status != AnnualReport.Status.DRAFT:
        raise ValidationError(_("Chỉ báo cáo ở trạng thái dự thảo mới có thể trình."))
    report.status = AnnualReport.Status.SUBMITTED
    report.submitted_by, report.submitted_at = by, timezone.now()
    report._history_user = by
    report.save()
    notification_events.report_submitted(report=report, by=by)
    return report


def approve_report(*, report: AnnualReport, by: User) -> AnnualReport:
    """Leadership: submitted → approved. The facts, narratives and heading fields are frozen
    into the report's snapshot, which every later render reads instead of the records; the
    report takes the next number of the document register (Số: 05/BC-ASOEN)."""
    from issuance.register import number_report
    from reports.editions import content_hash, live_content

    access.require(access.can_approve_reports(by))
    with transaction.atomic():  # the register number is taken only if the approval is saved
        report = AnnualReport.objects.select_for_update().get(pk=report.pk)
        if report.status != AnnualReport.Status.SUBMITTED:
            raise ValidationError(_("Chỉ báo cáo đã trình mới có thể phê duyệt."))
        report.status = AnnualReport.Status.APPROVED
        report.approved_by, report.approved_at = by, timezone.now()
        # Numbered before the snapshot, so the frozen heading carries "Số: 01/BC-ASOEN".
        number_report(report=report, by=by)
        report.snapshot = live_content(report)
        report.snapshot_hash = content_hash(report.snapshot)
        report._history_user = by
        report.save()
    notification_events.report_decided(report=report, by=by, approved=True)
    return report


def return_report(*, report: AnnualReport, by: User) -> AnnualReport:
    """Leadership sends a submitted (or approved) report back to the secretariat as a draft;
    the snapshot is released, so the draft reads the records again."""
    access.require(access.can_approve_reports(by))
    if report.status not in (AnnualReport.Status.SUBMITTED, AnnualReport.Status.APPROVED):
        raise ValidationError(_("Chỉ báo cáo đã trình mới có thể trả lại."))
    report.status = AnnualReport.Status.DRAFT
    report.snapshot, report.snapshot_hash = None, ""
    report.approved_by, report.approved_at = None, None
    report._history_user = by
    report.save()
    notification_events.report_decided(report=report, by=by, approved=False)
    return report


# --- render jobs -------------------------------------------------------------------------


def request_render(
    *, report: AnnualReport, language: str, by: User, file_format: str = ReportRender.Format.PDF
) -> ReportRender:
    """Record a render job and enqueue it once the row is committed.

    If the broker is down the job stays pending with a note (shown to the user) and the beat
    task `reports.requeue_pending_jobs` enqueues it later.
    """
    access.require(access.can_render_reports(by))
    with transaction.atomic():
        # The report row's lock queues a double-click's second request behind the first, so
        # it sees the job the first one made and returns that instead of rendering twice.
        AnnualReport.objects.select_for_update().filter(pk=report.pk).first()
        recent = (
            ReportRender.objects.filter(
                report=report,
                language=language,
                format=file_format,
                requested_by=by,
                created_at__gte=timezone.now() - SAME_REQUEST_WITHIN,
            )
            .exclude(status=ReportRender.Status.FAILED)
            .first()
        )
        if recent is not None:
            return recent
        render = ReportRender.objects.create(
            report=report, language=language, format=file_format, requested_by=by
        )
        transaction.on_commit(lambda: enqueue_render(render.pk))
    render.refresh_from_db()
    return render


def retry_render(*, render: ReportRender, by: User) -> ReportRender:
    """Put a failed job back in the queue (same row, so its history stays in one place)."""
    access.require(access.can_render_reports(by))
    with transaction.atomic():
        updated = ReportRender.objects.filter(
            pk=render.pk, status=ReportRender.Status.FAILED
        ).update(
            status=ReportRender.Status.PENDING,
            error="",
            note="",
            enqueued_at=None,
            started_at=None,
            finished_at=None,
        )
        if not updated:
            raise ValidationError(_("Chỉ có thể thử lại lượt tạo báo cáo bị lỗi."))
        transaction.on_commit(lambda: enqueue_render(render.pk))
    render.refresh_from_db()
    return render
