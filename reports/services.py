"""Writes for the annual report: narrative edits, the draft → submitted → approved workflow,
and render jobs (request, retry, run, requeue).

A render job is a ReportRender row; its state moves only through conditional updates
(pending → running → done/failed), so a duplicated or retried Celery message never renders
twice and a killed worker never leaves a half-written file.
"""

import logging
import os
import tempfile
import threading
import uuid
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import Error as DatabaseError
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from asoen_portal import access
from notifications import events as notification_events
from reports.models import AnnualReport, ReportNarrative, ReportRender, render_path

logger = logging.getLogger(__name__)

BROKER_DOWN_NOTE = _(
    "Hàng đợi tạo báo cáo tạm thời không kết nối được; yêu cầu đã được lưu và sẽ tự động "
    "chạy khi hàng đợi hoạt động trở lại."
)
# A running job stamps heartbeat_at every REPORT_RENDER_HEARTBEAT_SECONDS; one whose stamp is
# older than REPORT_RENDER_LEASE_SECONDS
# lost its worker (killed, out of memory, database gone): it is marked failed rather than
# requeued, because a report that kills a worker would loop forever; the user sees that it
# was interrupted, with a retry button.
REPORT_STORAGE_FULL = _(
    "Máy chủ đã hết dung lượng lưu trữ nên chưa tạo được tệp báo cáo; hãy báo bộ phận công "
    "nghệ thông tin rồi bấm “Thử lại”."
)
INTERRUPTED_ERROR = _("Tiến trình tạo báo cáo bị gián đoạn giữa chừng; hãy bấm “Thử lại”.")
# A pending job whose message reached the broker this long ago was probably lost with it.
LOST_PENDING_AFTER = timedelta(minutes=15)
# A second request for the same report, language and user within this long is the same
# request (a double-click, a resubmitted form): it gets the first job, not a second render.
SAME_REQUEST_WITHIN = timedelta(seconds=5)
# Give the request's own on_commit enqueue time to run before the beat task steps in.
NEVER_ENQUEUED_AFTER = timedelta(seconds=30)


# --- narratives and workflow -------------------------------------------------------------


def create_report(*, year, by):
    """Secretariat opens the report of a new year (heading fields take their defaults)."""
    access.require(access.can_edit_reports(by))
    report = AnnualReport(year=year)
    report._history_user = by
    report.save()
    return report


def update_narrative(*, report, language, section, text, by):
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


def submit_report(*, report, by):
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


def approve_report(*, report, by):
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


def return_report(*, report, by):
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


def request_render(*, report, language, by, file_format=ReportRender.Format.PDF):
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


def retry_render(*, render, by):
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


def build_report_bytes(*, report, language, file_format=ReportRender.Format.PDF):
    """The PDF or Word file of `report` in `language`: the same code the worker and
    build_report run (an approved report is built from its snapshot, see reports.editions).
    The PDF carries the facts, heading and narratives it was built from (see pdf_archive)."""
    from reports.editions import build_document, report_content
    from reports.formats import renderer

    render = renderer(file_format)
    document = build_document(report, language)
    if file_format == ReportRender.Format.PDF:
        return render(document, source_data=report_content(report))
    return render(document)


def claim_render(render_id):
    """pending → running; the attempt number that owns the job, or None if another delivery
    of the message got there first. Every later write of this run matches that number, so a
    run that lost the job (failed as interrupted, then retried) can never store a file."""
    now = timezone.now()
    claimed = ReportRender.objects.filter(pk=render_id, status=ReportRender.Status.PENDING).update(
        status=ReportRender.Status.RUNNING,
        started_at=now,
        heartbeat_at=now,
        attempts=F("attempts") + 1,
        error="",
    )
    if not claimed:
        return None
    return ReportRender.objects.values_list("attempts", flat=True).get(pk=render_id)


def _owned(render_id, attempt):
    return ReportRender.objects.filter(
        pk=render_id, status=ReportRender.Status.RUNNING, attempts=attempt
    )


@contextmanager
def _heartbeat(render_id, attempt):
    """While the block runs, a thread stamps heartbeat_at every few seconds, so a job whose
    worker died is recognised after the lease instead of after the longest possible render."""
    from django.db import connection

    stop = threading.Event()

    def beat():
        try:
            while not stop.wait(settings.REPORT_RENDER_HEARTBEAT_SECONDS):
                try:
                    _owned(render_id, attempt).update(heartbeat_at=timezone.now())
                except DatabaseError as exc:  # the database restarts: beat again later
                    logger.warning("Render %s heartbeat failed: %s", render_id, exc)
                    connection.close()
        finally:
            connection.close()  # this thread's own connection

    thread = threading.Thread(target=beat, name=f"render-{render_id}-heartbeat", daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        thread.join(timeout=10)


def _write_status(render_id, attempt, **fields):
    """A status write that survives one lost database connection (PostgreSQL restarted
    while the PDF was being made): reconnect once, then give up to the lease."""
    from django.db import connection

    for last_try in (False, True):
        try:
            return _owned(render_id, attempt).update(**fields)
        except DatabaseError:
            if last_try:
                raise
            connection.close()
    return 0


def run_render(render_id, *, final_attempt=True):
    """Claim the job, render it, store the file atomically and mark it done.

    Everything after the claim — the final write included — is inside the error handling:
    on any error the file written (if any) is deleted, so no PDF exists without a done row.
    Transient errors (database, file system) put the job back to pending and propagate so
    Celery retries with backoff; on the final attempt, or on any other error, it is failed
    with the error text. If even that write fails, the lease marks the job interrupted.
    """
    attempt = claim_render(render_id)
    if attempt is None:
        return None
    name = None
    try:
        with _heartbeat(render_id, attempt):
            render = ReportRender.objects.select_related("report").get(pk=render_id)
            data = build_report_bytes(
                report=render.report, language=render.language, file_format=render.format
            )
            name = _store_atomically(render, data)
            done = _write_status(
                render_id,
                attempt,
                status=ReportRender.Status.DONE,
                file=name,
                finished_at=timezone.now(),
                error="",
            )
    except (DatabaseError, OSError) as exc:
        _discard(name)
        _record_failure(render_id, attempt, exc, retry=not final_attempt)
        if final_attempt:
            _announce(render_id)
        raise
    except Exception as exc:
        _discard(name)
        _record_failure(render_id, attempt, exc, retry=False)
        logger.exception("Render %s failed", render_id)
        _announce(render_id)
        return False
    if not done:
        _discard(name)  # the job was failed as interrupted meanwhile: keep no orphan file
        return False
    _announce(render_id)
    return True


def _announce(render_id):
    render = ReportRender.objects.select_related("report", "requested_by").get(pk=render_id)
    notification_events.render_finished(render=render)


def _error_text(exc):
    from asoen_portal.storage import FULL_ERRNOS

    if isinstance(exc, OSError) and exc.errno in FULL_ERRNOS:
        return str(REPORT_STORAGE_FULL)
    return f"{type(exc).__name__}: {exc}"[:2000]


def _record_failure(render_id, attempt, exc, *, retry):
    fields = (
        {"status": ReportRender.Status.PENDING, "error": _error_text(exc)}
        if retry
        else {
            "status": ReportRender.Status.FAILED,
            "error": _error_text(exc),
            "finished_at": timezone.now(),
        }
    )
    try:
        _write_status(render_id, attempt, **fields)
    except DatabaseError:
        logger.exception("Render %s: could not record the failure; the lease will", render_id)


def _store_atomically(render, data):
    """Save the bytes under a new unique name; on a local disk write a temporary file and
    rename it, so the final name never holds a partial file."""
    from reports.formats import extension

    field = render.file.field
    storage = field.storage
    filename = (
        f"bao-cao-{render.report.year}-{render.language}-{render.pk}-{uuid.uuid4().hex[:8]}"
        f".{extension(render.format)}"
    )
    name = storage.generate_filename(render_path(render, filename))
    if not isinstance(storage, FileSystemStorage):
        from django.core.files.base import ContentFile

        return storage.save(name, ContentFile(data))
    final = Path(storage.path(name))
    final.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=final.parent, prefix=".partial-", suffix=final.suffix)
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


def fail_interrupted_renders(now=None, *, pks=None):
    """Mark failed, with a retry offered, the running jobs whose heartbeat stopped (the worker
    was killed or lost the database); returns how many."""
    now = now or timezone.now()
    expired = now - timedelta(seconds=settings.REPORT_RENDER_LEASE_SECONDS)
    interrupted = ReportRender.objects.filter(status=ReportRender.Status.RUNNING).filter(
        Q(heartbeat_at__lt=expired) | Q(heartbeat_at__isnull=True, started_at__lt=expired)
    )
    if pks is not None:
        interrupted = interrupted.filter(pk__in=pks)
    return interrupted.update(
        status=ReportRender.Status.FAILED,
        finished_at=now,
        error=str(INTERRUPTED_ERROR),
    )


def requeue_stalled_jobs(now=None):
    """The beat task's work: enqueue jobs the broker never got or lost; fail jobs whose worker
    died. Returns (requeued, failed) counts."""
    now = now or timezone.now()
    failed = fail_interrupted_renders(now)
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
