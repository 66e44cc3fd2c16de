"""An import job's life: upload → preview (dry run) → confirm, each run ending, whatever happens.

Both runs go through `run_import_job` (see importing.import_sheet): the preview imports inside
a transaction that is always rolled back; the confirmed run imports again from the kept file
(so the rows are re-validated against the database as it is now) in one transaction that is
rolled back if a single row fails. Files with more than `ASYNC_ROWS` rows run in the Celery
task `exchange.run_import`.

Every job ends: when the broker is down the job stays pending with a note the page shows, and
the beat task `exchange.requeue_import_jobs` sends it again once the broker is back; a job
whose worker died (no progress for `STALE_RUNNING_AFTER`) is failed with a message and may be
retried. A dead worker's transaction dies with its connection, so nothing of it is written.
"""

import logging
from datetime import datetime, timedelta
from typing import Any

from django.contrib.auth.models import AbstractBaseUser as User
from django.core.files import File
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from asoen_portal import access
from asoen_portal.exchange.importing import import_sheet
from asoen_portal.exchange.progress import ProgressReporter
from asoen_portal.exchange.reading import ImportFileError, count_rows, read_upload
from asoen_portal.exchange.registry import get_register
from asoen_portal.models import ImportJob

logger = logging.getLogger(__name__)

ASYNC_ROWS = 2000
BROKER_DOWN_NOTE = gettext_lazy(
    "Hàng đợi xử lý nền tạm thời không kết nối được; tệp đã được lưu và sẽ tự động được xử lý "
    "khi hàng đợi hoạt động trở lại. Bạn không cần tải lên lại."
)
# Progress is written every 250 rows (a few seconds); this long without a sign of life means
# the worker was killed or ran out of memory. The job is failed, not run again on its own: a
# file that kills a worker would otherwise loop. The user may retry it.
STALE_RUNNING_AFTER = timedelta(minutes=10)


def create_import_job(
    *, register: str, upload: File, user: User, language: str = "vi"
) -> ImportJob:
    """Keep the uploaded file under MEDIA_ROOT/imports/ with a job row; nothing is read yet."""
    access.require(access.can_manage_registers(user))
    get_register(register)
    job = ImportJob(
        register=register,
        original_name=upload.name[:255],
        requested_by=user,
        language=language,
        queued_at=timezone.now(),
    )
    upload.seek(0)
    job.file.save(get_valid_filename(upload.name) or "import", ContentFile(upload.read()))
    return job


def start_import_job(*, job: ImportJob, confirm: bool = False) -> bool:
    """Run the preview (or, with `confirm`, the real import) now, or queue it if the file is
    large. Returns True when it was queued."""
    if confirm:
        claimed = ImportJob.objects.filter(
            pk=job.pk, status=ImportJob.Status.PREVIEWED, error_count=0, error=""
        ).update(
            status=ImportJob.Status.PENDING,
            confirmed=True,
            progress=0,
            processed_rows=0,
            queued_at=timezone.now(),
            enqueued_at=None,
        )
        if not claimed:
            return False
    elif not job.total_rows:
        _count_rows(job)
    return _dispatch(job)


def retry_import_job(*, job: ImportJob) -> bool:
    """Run again a job that failed for a reason outside its file; True when it was queued."""
    claimed = ImportJob.objects.filter(
        pk=job.pk, status=ImportJob.Status.FAILED, retryable=True
    ).update(
        status=ImportJob.Status.PENDING,
        retryable=False,
        error="",
        note="",
        progress=0,
        processed_rows=0,
        queued_at=timezone.now(),
        enqueued_at=None,
        started_at=None,
        finished_at=None,
    )
    if not claimed:
        return False
    return _dispatch(job)


def _dispatch(job: ImportJob) -> bool:
    job.refresh_from_db()
    if job.status != ImportJob.Status.PENDING:
        return False
    if job.total_rows > ASYNC_ROWS:
        transaction.on_commit(lambda: enqueue_import_job(job_id=job.pk))
        return True
    if claim_import_job(job_id=job.pk):
        run_import_job(job=ImportJob.objects.get(pk=job.pk))
    return False


def enqueue_import_job(*, job_id: int) -> bool:
    """Send the job's message; True if the broker took it. If it is down, the job stays
    pending with a note the job page shows, and the sweep sends it later."""
    from asoen_portal.exchange.tasks import run_import_task

    return ImportJob.enqueue(
        job_id,
        lambda: run_import_task.apply_async(kwargs={"job_id": job_id}),
        broker_down_note=BROKER_DOWN_NOTE,
    )


def _count_rows(job: ImportJob) -> None:
    with translation.override(job.language):
        try:
            with job.file.open("rb") as handle:
                total = count_rows(handle, job.original_name)
        except ImportFileError as error:
            _fail(job.pk, error.message)
            return
    ImportJob.objects.filter(pk=job.pk).update(total_rows=total)


def claim_import_job(*, job_id: int) -> bool:
    """Take a pending job for this process; False if another process has it or it is gone."""
    now = timezone.now()
    return ImportJob.claim(job_id, started_at=now, heartbeat_at=now, finished_at=None, note="")


def _fail(job_id: int, message: str, *, retryable: bool = False) -> None:
    ImportJob.objects.filter(pk=job_id).update(
        status=ImportJob.Status.FAILED,
        error=message,
        retryable=retryable,
        finished_at=timezone.now(),
    )


def run_import_job(*, job: ImportJob) -> None:
    """Run a claimed job (status running): preview, or the real import if confirmed. The job
    always ends previewed, done or failed; an unexpected error is logged, not raised, since
    the job row already tells the user and the web request must not answer 500."""
    reporter = ProgressReporter(job)
    try:
        with translation.override(job.language):
            with job.file.open("rb") as handle:
                sheet = read_upload(handle, job.original_name)
            job.total_rows = len(sheet.rows)
            reporter.total = max(job.total_rows, 1)
            summary = import_sheet(
                register=job.register,
                sheet=sheet,
                user=job.requested_by,
                confirm=job.confirmed,
                progress=reporter,
            )
    except ImportFileError as error:
        _fail(job.pk, error.message)
        return
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        with translation.override(job.language):
            message = _("Lỗi hệ thống khi nhập dữ liệu; không có dòng nào được ghi. Hãy thử lại.")
        _fail(job.pk, message, retryable=True)
        return
    _finish(job, summary)


def _finish(job: ImportJob, summary: dict[str, Any]) -> None:
    counts = summary["counts"]
    has_errors = bool(counts["error"] or summary["file_error"])
    if job.confirmed:
        status = ImportJob.Status.FAILED if has_errors else ImportJob.Status.DONE
    else:
        status = ImportJob.Status.PREVIEWED
    ImportJob.objects.filter(pk=job.pk).update(
        status=status,
        total_rows=job.total_rows,
        processed_rows=job.total_rows,
        progress=100,
        new_count=counts["new"],
        update_count=counts["update"],
        unchanged_count=counts["unchanged"],
        error_count=counts["error"],
        row_errors=summary["errors"],
        row_results=summary["rows"],
        ignored_columns=summary["ignored_columns"],
        error=summary["file_error"],
        finished_at=timezone.now(),
    )
    if job.confirmed:
        from notifications import events

        events.import_finished(job=ImportJob.objects.select_related("requested_by").get(pk=job.pk))


def requeue_stalled_import_jobs(*, now: datetime | None = None) -> tuple[int, int]:
    """The beat task's work: send again the jobs the broker never got or lost; fail the jobs
    whose worker died. Returns (requeued, failed) counts."""
    now = now or timezone.now()
    failed = 0
    stale = ImportJob.stale_running(now, STALE_RUNNING_AFTER)
    for job in stale.only("pk", "language", "heartbeat_at"):
        with translation.override(job.language):
            message = _(
                "Tiến trình nhập dữ liệu bị dừng giữa chừng (quá {minutes} phút không có tiến "
                "triển); không có dòng nào được ghi. Hãy bấm «Chạy lại»."
            ).format(minutes=int(STALE_RUNNING_AFTER.total_seconds() // 60))
        # Conditional on the old heartbeat: a job that spoke up meanwhile is left alone.
        failed += ImportJob.objects.filter(
            pk=job.pk, status=ImportJob.Status.RUNNING, heartbeat_at=job.heartbeat_at
        ).update(status=ImportJob.Status.FAILED, error=message, retryable=True, finished_at=now)
    requeued = ImportJob.requeue_lost(now, lambda job_id: enqueue_import_job(job_id=job_id))
    return requeued, failed
