"""Render jobs of the annual report: enqueue, claim, run, store, sweep.

A render job is a ReportRender row (an asoen_portal.jobs.HeartbeatJob: claim, enqueue and
sweep are shared with the other jobs); each write of a run is conditional on the attempt that
claimed it, so a retried message never renders twice and a killed worker never leaves a
half-written file. Who may ask for a render is reports.services' business (request_render,
retry_render); this module only runs the job.
"""

import logging
import os
import tempfile
import threading
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import Error as DatabaseError
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from notifications import events as notification_events
from reports.models import AnnualReport, ReportRender, render_path

logger = logging.getLogger(__name__)

BROKER_DOWN_NOTE = _(
    "Hàng đợi tạo báo cáo tạm thời không kết nối được; yêu cầu đã được lưu và sẽ tự động "
    "chạy khi hàng đợi hoạt động trở lại."
)
REPORT_STORAGE_FULL = _(
    "Máy chủ đã hết dung lượng lưu trữ nên chưa tạo được tệp báo cáo; hãy báo bộ phận công "
    "nghệ thông tin rồi bấm “Thử lại”."
)
# A running job stamps heartbeat_at every REPORT_RENDER_HEARTBEAT_SECONDS; one whose stamp is
# older than REPORT_RENDER_LEASE_SECONDS lost its worker (killed, out of memory, database
# gone): it is marked failed rather than requeued, because a report that kills a worker would
# loop forever; the user sees that it was interrupted, with a retry button.
INTERRUPTED_ERROR = _("Tiến trình tạo báo cáo bị gián đoạn giữa chừng; hãy bấm “Thử lại”.")


def enqueue_render(render_id: int) -> bool:
    """Send the job's message; True if the broker took it."""
    from reports.tasks import render_annual_report

    return ReportRender.enqueue(
        render_id,
        lambda: render_annual_report.apply_async(args=[render_id]),
        broker_down_note=BROKER_DOWN_NOTE,
    )


def build_report_bytes(
    *, report: AnnualReport, language: str, file_format: str = ReportRender.Format.PDF
) -> bytes:
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


def claim_render(render_id: int) -> int | None:
    """pending → running; the attempt number that owns the job, or None if another delivery
    of the message got there first. Every later write of this run matches that number, so a
    run that lost the job (failed as interrupted, then retried) can never store a file."""
    now = timezone.now()
    if not ReportRender.claim(
        render_id, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1, error=""
    ):
        return None
    return ReportRender.objects.values_list("attempts", flat=True).get(pk=render_id)


def _owned(render_id: int, attempt: int) -> QuerySet[ReportRender]:
    return ReportRender.objects.filter(
        pk=render_id, status=ReportRender.Status.RUNNING, attempts=attempt
    )


@contextmanager
def _heartbeat(render_id: int, attempt: int) -> Iterator[None]:
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


def _write_status(render_id: int, attempt: int, **fields: object) -> int:
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


def run_render(render_id: int, *, final_attempt: bool = True) -> bool | None:
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


def _announce(render_id: int) -> None:
    render = ReportRender.objects.select_related("report", "requested_by").get(pk=render_id)
    notification_events.render_finished(render=render)


def _error_text(exc: BaseException) -> str:
    from asoen_portal.storage import FULL_ERRNOS

    if isinstance(exc, OSError) and exc.errno in FULL_ERRNOS:
        return str(REPORT_STORAGE_FULL)
    return f"{type(exc).__name__}: {exc}"[:2000]


def _record_failure(render_id: int, attempt: int, exc: BaseException, *, retry: bool) -> None:
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


def _store_atomically(render: ReportRender, data: bytes) -> str:
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


def _discard(name: str | None) -> None:
    if name:
        ReportRender._meta.get_field("file").storage.delete(name)


def fail_interrupted_renders(
    now: datetime | None = None, *, pks: Iterable[int] | None = None
) -> int:
    """Mark failed, with a retry offered, the running jobs whose heartbeat stopped (the worker
    was killed or lost the database); returns how many."""
    now = now or timezone.now()
    lease = timedelta(seconds=settings.REPORT_RENDER_LEASE_SECONDS)
    interrupted = ReportRender.stale_running(now, lease)
    if pks is not None:
        interrupted = interrupted.filter(pk__in=pks)
    return interrupted.update(
        status=ReportRender.Status.FAILED,
        finished_at=now,
        error=str(INTERRUPTED_ERROR),
    )


def requeue_stalled_jobs(now: datetime | None = None) -> tuple[int, int]:
    """The beat task's work: enqueue jobs the broker never got or lost; fail jobs whose worker
    died. Returns (requeued, failed) counts."""
    now = now or timezone.now()
    failed = fail_interrupted_renders(now)
    return ReportRender.requeue_lost(now, enqueue_render), failed
