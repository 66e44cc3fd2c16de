"""Importing a spreadsheet into a register: upload → preview (dry run) → confirm, all-or-nothing.

Both runs go through `run_import_job`: the preview imports inside a transaction that is always
rolled back; the confirmed run imports again from the kept file (so the rows are re-validated
against the database as it is now) in one transaction that is rolled back if a single row
fails. Files with more than `ASYNC_ROWS` rows run in the Celery task `exchange.run_import`.
"""

import logging

from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from asoen_portal.exchange.reading import ImportFileError, read_upload
from asoen_portal.exchange.registry import get_register
from asoen_portal.models import ImportJob
from asoen_portal.text import fold

logger = logging.getLogger(__name__)

ASYNC_ROWS = 2000
MAX_STORED_ERRORS = 2000
RESULT_KINDS = {"new": "new", "update": "update", "skip": "unchanged"}


def create_import_job(*, register, upload, user, language="vi"):
    """Keep the uploaded file under MEDIA_ROOT/imports/ with a job row; nothing is read yet."""
    get_register(register)
    job = ImportJob(
        register=register,
        original_name=upload.name[:255],
        requested_by=user,
        language=language,
    )
    upload.seek(0)
    job.file.save(get_valid_filename(upload.name) or "import", ContentFile(upload.read()))
    return job


def start_import_job(*, job, confirm=False):
    """Run the preview (or, with `confirm`, the real import) now, or queue it if the file is
    large. Returns True when it was queued."""
    if confirm:
        claimed = ImportJob.objects.filter(
            pk=job.pk, status=ImportJob.Status.PREVIEWED, error_count=0, error=""
        ).update(status=ImportJob.Status.PENDING, confirmed=True, progress=0, processed_rows=0)
        if not claimed:
            return False
    elif not job.total_rows:
        _count_rows(job)
    job.refresh_from_db()
    if job.status == ImportJob.Status.FAILED:
        return False
    if job.total_rows > ASYNC_ROWS:
        from asoen_portal.exchange.tasks import run_import

        transaction.on_commit(lambda: run_import.delay(job.pk))
        return True
    if claim_import_job(job_id=job.pk):
        run_import_job(job=ImportJob.objects.get(pk=job.pk))
    return False


def _count_rows(job):
    with translation.override(job.language):
        try:
            with job.file.open("rb") as handle:
                sheet = read_upload(handle, job.original_name)
        except ImportFileError as error:
            _fail(job, error.message)
            return
    ImportJob.objects.filter(pk=job.pk).update(total_rows=len(sheet.rows))


def claim_import_job(*, job_id):
    """Take a pending job for this process; False if another process has it or it is gone."""
    return bool(
        ImportJob.objects.filter(pk=job_id, status=ImportJob.Status.PENDING).update(
            status=ImportJob.Status.RUNNING, started_at=timezone.now(), finished_at=None
        )
    )


def _fail(job, message):
    ImportJob.objects.filter(pk=job.pk).update(
        status=ImportJob.Status.FAILED, error=message, finished_at=timezone.now()
    )


def build_dataset(resource, sheet):
    """Map the file's headers (Vietnamese or English) onto the resource's columns."""
    import tablib

    aliases = resource.header_aliases()
    headers, ignored = [], []
    for header in sheet.headers:
        canonical = aliases.get(fold(header))
        if canonical is None:
            ignored.append(header)
            headers.append(header)
        elif canonical in headers:
            raise ImportFileError(
                _("Cột «{header}» trùng với cột «{canonical}» đã có trong tệp.").format(
                    header=header, canonical=canonical
                )
            )
        else:
            headers.append(canonical)
    missing = [
        column.column_name
        for column in resource.columns()
        if column.required and column.column_name not in headers
    ]
    if missing:
        raise ImportFileError(
            _("Thiếu cột bắt buộc: {columns}. Hãy tải tệp mẫu để xem đủ các cột.").format(
                columns=", ".join(f"«{name}»" for name in missing)
            )
        )
    return tablib.Dataset(*sheet.rows, headers=headers), ignored


def import_sheet(*, register, sheet, user, confirm, progress=None):
    """Import `sheet` into `register`; with `confirm` False (preview) nothing stays written,
    and with `confirm` True nothing is written unless every row is valid."""
    resource = get_register(register).resource_class()(
        user=user, progress=progress, line_numbers=sheet.line_numbers
    )
    dataset, ignored = build_dataset(resource, sheet)
    # One transaction, no savepoint per row: a preview is a real import rolled back at the
    # end, and a confirmed import is rolled back if any row failed.
    with transaction.atomic():
        result = resource.import_data(
            dataset,
            dry_run=False,
            raise_errors=False,
            use_transactions=False,
            collect_failed_rows=True,
            user=user,
            preview=not confirm,
        )
        if not confirm or result.has_errors() or result.has_validation_errors():
            transaction.set_rollback(True)
    summary = summarise(result, resource)
    summary["ignored_columns"] = ignored
    return summary


def summarise(result, resource):
    """Counts, one [row, result, label] per row, and row errors naming row and column."""
    counts = {"new": 0, "update": 0, "unchanged": 0, "error": 0}
    rows, errors = [], []
    failed = set()
    headers = {name: field.column_name for name, field in resource.fields.items()}
    for number, invalid in ((row.number, row) for row in result.invalid_rows):
        failed.add(number)
        for attribute, messages in invalid.error_dict.items():
            column = headers.get(attribute, "")
            errors += [
                {"row": resource.excel_row(number), "column": column, "message": message}
                for message in messages
            ]
    for number, row_errors in result.row_errors():
        failed.add(number)
        errors += [
            {
                "row": resource.excel_row(number),
                "column": "",
                "message": _("Không ghi được dòng này: {error}").format(error=error.error),
            }
            for error in row_errors
        ]
    for number, row_result in enumerate(result.rows, start=1):
        kind = "error" if number in failed else RESULT_KINDS.get(row_result.import_type, "error")
        counts[kind] += 1
        rows.append([resource.excel_row(number), kind, row_result.object_repr or ""])
    file_error = "; ".join(str(error.error) for error in result.base_errors)
    errors.sort(key=lambda error: error["row"])
    return {
        "counts": counts,
        "rows": rows,
        "errors": errors[:MAX_STORED_ERRORS],
        "file_error": file_error,
    }


class ProgressReporter:
    """Writes a running job's progress on a connection of its own, so the page polling the job
    sees it while the import's transaction is still open. SQLite would lock: no progress."""

    def __init__(self, job):
        self.job_id = job.pk
        self.total = max(job.total_rows, 1)
        self._connection = None

    def __call__(self, processed):
        if connection.vendor == "sqlite":
            return
        if self._connection is None:
            self._connection = connection.__class__(
                dict(connection.settings_dict), alias="import-progress"
            )
        percent = min(99, processed * 100 // self.total)
        with self._connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {ImportJob._meta.db_table} SET processed_rows = %s, progress = %s "
                "WHERE id = %s",
                [processed, percent, self.job_id],
            )

    def close(self):
        if self._connection is not None:
            self._connection.close()


def run_import_job(*, job):
    """Run a claimed job (status running): preview, or the real import if confirmed."""
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
        _fail(job, error.message)
        return
    except Exception:
        logger.exception("Import job %s failed", job.pk)
        _fail(job, _("Lỗi hệ thống khi nhập dữ liệu; không có dòng nào được ghi."))
        raise
    finally:
        reporter.close()
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
