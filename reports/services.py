"""Writes for the annual report: narrative edits, the draft → submitted → approved workflow,
and render jobs (request, retry, run, requeue).

A render job is a ReportRender row; its state moves only through conditional updates
(pending → running → done/failed), so a duplicated or retried Celery message never renders
twice and a killed worker never leaves a half-written file.
"""

import logging
import os
import tempfile
import uuid
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asoen_portal.access import ensure_secretariat, is_leadership, is_secretariat
from reports.models import AnnualReport, ReportNarrative, ReportRender, render_path

logger = logging.getLogger(__name__)

BROKER_DOWN_NOTE = _(
    "Hàng đợi tạo báo cáo tạm thời không kết nối được; yêu cầu đã được lưu và sẽ tự động "
    "chạy khi hàng đợi hoạt động trở lại."
)
# A job still "running" after this long lost its worker (killed, out of memory): it is marked
# failed rather than requeued, because a report that kills a worker would loop forever; the
# user sees the error and may retry.
STALE_RUNNING_AFTER = timedelta(minutes=10)
# A pending job whose message reached the broker this long ago was probably lost with it.
LOST_PENDING_AFTER = timedelta(minutes=15)
# Give the request's own on_commit enqueue time to run before the beat task steps in.
NEVER_ENQUEUED_AFTER = timedelta(seconds=30)


def can_request_render(user):
    return is_secretariat(user) or is_leadership(user)


def can_edit_narratives(user):
    return is_secretariat(user)


# --- narratives and workflow -------------------------------------------------------------


def create_report(*, year, by):
    """Secretariat opens the report of a new year (heading fields take their defaults)."""
    ensure_secretariat(by)
    report = AnnualReport(year=year)
    report._history_user = by
    report.save()
    return report


def update_narrative(*, report, language, section, text, by):
    """Save one narrative section; refused on an approved (frozen) report."""
    if not can_edit_narratives(by):
        raise PermissionDenied
    if report.is_frozen:
        raise ValidationError(_("Báo cáo đã được phê duyệt; không thể sửa nội dung."))
    narrative = ReportNarrative.objects.filter(
        report=report, language=language, section=section
    ).first() or ReportNarrative(report=report, language=language, section=section)
    narrative.text = text.replace("\r\n", "\n").strip()
    narrative._history_user = by
    narrative.save()
    return narrative


def submit_report(*, report, by):
    """Secretariat: draft → submitted, for leadership to approve."""
    ensure_secretariat(by)
    if report.status != AnnualReport.Status.DRAFT:
        raise ValidationError(_("Chỉ báo cáo ở trạng thái dự thảo mới có thể trình."))
    report.status = AnnualReport.Status.SUBMITTED
    report.submitted_by, report.submitted_at = by, timezone.now()
    report._history_user = by
    report.save()
    return report


def approve_report(*, report, by):
    """Leadership: submitted → approved. An approved report is frozen and takes the next
    number of the document register (Số: 05/BC-ASOEN)."""
    if not is_leadership(by):
        raise PermissionDenied
    if report.status != AnnualReport.Status.SUBMITTED:
        raise ValidationError(_("Chỉ báo cáo đã trình mới có thể phê duyệt."))
    from issuance.register import number_report

    with transaction.atomic():  # the register number is taken only if the approval is saved
        report.status = AnnualReport.Status.APPROVED
        report.approved_by, report.approved_at = by, timezone.now()
        number_report(report=report, by=by)
        report._history_user = by
        report.save()
    return report


def return_report(*, report, by):
    """Leadership sends a submitted report back to the secretariat as a draft."""
    if not is_leadership(by):
        raise PermissionDenied
    if report.status != AnnualReport.Status.SUBMITTED:
        raise ValidationError(_("Chỉ báo cáo đã trình mới có thể trả lại."))
    report.status = AnnualReport.Status.DRAFT
    report._history_user = by
    report.save()
    return report


# --- render jobs -------------------------------------------------------------------------


def request_render(*, report, language, by):
    """Record a render job and enqueue it once the row is committed.

    If the broker is down the job stays pending with a note (shown to the user) and the beat
    task `reports.requeue_pending_jobs` enqueues it later.
    """
    if not can_request_render(by):
        raise PermissionDenied
    with transaction.atomic():
        render = ReportRender.objects.create(report=report, language=language, requested_by=by)
        transaction.on_commit(lambda: enqueue_render(render.pk))
    render.refresh_from_db()
    return render


def retry_render(*, render, by):
    """Put a failed job back in the queue (same row, so its history stays in one place)."""
    if not can_request_render(by):
        raise PermissionDenied
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


def enqueue_render(render_id):
    """Send the job's message; True if the broker took it."""
    from kombu.exceptions import OperationalError as BrokerError

    from reports.tasks import render_annual_report

    try:
        render_annual_report.apply_async(args=[render_id])
    except (BrokerError, OSError) as exc:
        logger.warning("Broker unavailable, render %s stays pending: %s", render_id, exc)
        ReportRender.objects.filter(pk=render_id).update(note=str(BROKER_DOWN_NOTE))
        return False
    ReportRender.objects.filter(pk=render_id).update(enqueued_at=timezone.now(), note="")
    return True


def build_report_bytes(*, report, language):
    """The PDF of `report` in `language`: the same code the worker and build_report run."""
    from reports.content import build_content
    from reports.render_pdf import render_pdf

    return render_pdf(build_content(report, language))


def claim_render(render_id):
    """pending → running; False if another delivery of the message got there first."""
    return bool(
        ReportRender.objects.filter(pk=render_id, status=ReportRender.Status.PENDING).update(
            status=ReportRender.Status.RUNNING,
            started_at=timezone.now(),
            attempts=F("attempts") + 1,
            error="",
        )
    )


def run_render(render_id, *, final_attempt=True):
    """Claim the job, render it, store the file atomically and mark it done.

    Transient errors (database, file system) put the job back to pending and propagate so
    Celery retries with backoff; on the final attempt, or on any other error, it is failed
    with the error text and no file.
    """
    from django.db import OperationalError

    if not claim_render(render_id):
        return None
    render = ReportRender.objects.select_related("report").get(pk=render_id)
    name = None
    try:
        data = build_report_bytes(report=render.report, language=render.language)
        name = _store_atomically(render, data)
    except (OperationalError, OSError) as exc:
        _discard(name)
        if final_attempt:
            _fail(render_id, exc)
        else:
            ReportRender.objects.filter(pk=render_id, status=ReportRender.Status.RUNNING).update(
                status=ReportRender.Status.PENDING, error=_error_text(exc)
            )
        raise
    except Exception as exc:
        _discard(name)
        _fail(render_id, exc)
        logger.exception("Render %s failed", render_id)
        return False
    done = ReportRender.objects.filter(pk=render_id, status=ReportRender.Status.RUNNING).update(
        status=ReportRender.Status.DONE, file=name, finished_at=timezone.now(), error=""
    )
    if not done:
        _discard(name)  # the job was failed as stale meanwhile: keep no orphan file
        return False
    return True


def _error_text(exc):
    return f"{type(exc).__name__}: {exc}"[:2000]


def _fail(render_id, exc):
    ReportRender.objects.filter(pk=render_id, status=ReportRender.Status.RUNNING).update(
        status=ReportRender.Status.FAILED, error=_error_text(exc), finished_at=timezone.now()
    )


def _store_atomically(render, data):
    """Save the bytes under a new unique name; on a local disk write a temporary file and
    rename it, so the final name never holds a partial PDF."""
    field = render.file.field
    storage = field.storage
    filename = (
        f"bao-cao-{render.report.year}-{render.language}-{render.pk}-{uuid.uuid4().hex[:8]}.pdf"
    )
    name = storage.generate_filename(render_path(render, filename))
    if not isinstance(storage, FileSystemStorage):
        from django.core.files.base import ContentFile

        return storage.save(name, ContentFile(data))
    final = Path(storage.path(name))
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".partial-", suffix=".pdf")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, final)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return name


def _discard(name):
    if name:
        ReportRender._meta.get_field("file").storage.delete(name)


def requeue_stalled_jobs(now=None):
    """The beat task's work: enqueue jobs the broker never got or lost; fail jobs whose worker
    died. Returns (requeued, failed) counts."""
    now = now or timezone.now()
    failed = ReportRender.objects.filter(
        status=ReportRender.Status.RUNNING, started_at__lt=now - STALE_RUNNING_AFTER
    ).update(
        status=ReportRender.Status.FAILED,
        finished_at=now,
        error=str(
            _("Tiến trình tạo báo cáo bị dừng giữa chừng (quá {minutes} phút); hãy thử lại.")
        ).format(minutes=int(STALE_RUNNING_AFTER.total_seconds() // 60)),
    )
    stalled = ReportRender.objects.filter(status=ReportRender.Status.PENDING).filter(
        Q(enqueued_at__isnull=True, created_at__lt=now - NEVER_ENQUEUED_AFTER)
        | Q(enqueued_at__lt=now - LOST_PENDING_AFTER)
    )
    requeued = 0
    for render_id in stalled.values_list("pk", flat=True):
        if not enqueue_render(render_id):
            break  # broker still down: try the rest next minute
        requeued += 1
    return requeued, failed
