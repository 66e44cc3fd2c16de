"""Signing jobs: leadership asks for an approved report's final PDF to be signed; a Celery
worker signs it (issuance.signing), validates the result and stores it beside the unsigned
file. The job is a ReportSignature row moved pending → running → done/failed by conditional
updates, as render jobs are, so a duplicated message never signs twice.
"""

import logging
import os
import tempfile
import uuid
from datetime import datetime, timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser as User
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from asoen_portal import access
from issuance.models import ReportSignature, signed_path
from reports.models import ReportRender

logger = logging.getLogger(__name__)

BROKER_DOWN_NOTE = _(
    "Hàng đợi ký số tạm thời không kết nối được; yêu cầu đã được lưu và sẽ tự động chạy khi "
    "hàng đợi hoạt động trở lại."
)
# Signing jobs stamp no heartbeat (signing takes seconds, retries included), so a job still
# running this long after it started lost its worker: it is failed, not requeued, so a PDF
# that kills the signer cannot loop. Render jobs use a heartbeat lease instead.
STALE_RUNNING_AFTER = timedelta(minutes=10)


def ensure_signable(render: ReportRender) -> None:
    """ValidationError unless `render` is a finished PDF of the approved report, made after
    the approval (so it carries the register number and the frozen content)."""
    from reports.models import AnnualReport, ReportRender

    report = render.report
    if report.status != AnnualReport.Status.APPROVED:
        raise ValidationError(_("Chỉ ký số báo cáo đã được phê duyệt."))
    if render.status != ReportRender.Status.DONE or not render.file:
        raise ValidationError(_("Chỉ ký số bản PDF đã tạo xong."))
    if render.format != ReportRender.Format.PDF:
        raise ValidationError(_("Chỉ ký số được tệp PDF."))
    if render.started_at is None or render.started_at < report.approved_at:
        raise ValidationError(
            _("Bản PDF này được tạo trước khi phê duyệt; hãy tạo lại bản PDF rồi ký.")
        )


def request_signature(*, render: ReportRender, by: User) -> ReportSignature:
    """Record a signing job for `render` and enqueue it once the row is committed."""
    access.require(access.can_sign_reports(by))
    ensure_signable(render)
    try:
        with transaction.atomic():
            signature = ReportSignature(render=render, requested_by=by)
            signature._history_user = by
            signature.save()
            transaction.on_commit(lambda: enqueue_signature(signature.pk))
    except IntegrityError as exc:  # uniq_active_signature_per_render
        raise ValidationError(_("Bản PDF này đang được ký; hãy chờ kết quả.")) from exc
    signature.refresh_from_db()
    return signature


def enqueue_signature(signature_id: int) -> bool:
    from issuance.tasks import sign_report_pdf_task

    return ReportSignature.enqueue(
        signature_id,
        lambda: sign_report_pdf_task.apply_async(args=[signature_id]),
        broker_down_note=BROKER_DOWN_NOTE,
    )


def claim_signature(signature_id: int) -> bool:
    """pending → running; False if another delivery of the message got there first."""
    return ReportSignature.claim(signature_id, attempts=F("attempts") + 1, error="")


def run_signature(signature_id: int, *, final_attempt: bool = True) -> bool | None:
    """Claim the job, sign and validate, store the signed file under a new name, mark it done.

    Bad input (certificate, password, source PDF) fails the job with its Vietnamese message
    and no file; database or disk errors go back to pending and propagate, for Celery's retry.
    """
    if not claim_signature(signature_id):
        return None
    # The job's messages are stored for every reader: in the portal's language, Vietnamese,
    # whatever language the thread that runs it last served.
    with translation.override(settings.LANGUAGE_CODE):
        return _sign(signature_id, final_attempt=final_attempt)


def _sign(signature_id: int, *, final_attempt: bool) -> bool:
    from django.db import OperationalError

    from issuance.signing import SigningError, sign_pdf_bytes

    signature = ReportSignature.objects.select_related("render__report").get(pk=signature_id)
    name = None
    try:
        ensure_signable(signature.render)
        with signature.render.file.open("rb") as handle:
            source = handle.read()
        signed = sign_pdf_bytes(source)
        name = _store_new_file(signature, signed.data)
    except (SigningError, ValidationError) as exc:
        _fail(signature_id, " ".join(getattr(exc, "messages", [str(exc)])))
        return False
    except (OperationalError, OSError) as exc:
        _discard(name)
        if final_attempt:
            _fail(signature_id, _("Lỗi hệ thống khi ký số: {error}").format(error=exc))
        else:
            ReportSignature.objects.filter(
                pk=signature_id, status=ReportSignature.Status.RUNNING
            ).update(status=ReportSignature.Status.PENDING)
        raise
    except Exception as exc:
        _discard(name)
        logger.exception("Signature %s failed", signature_id)
        _fail(signature_id, _("Lỗi không xác định khi ký số: {error}").format(error=exc))
        return False
    done = ReportSignature.objects.filter(
        pk=signature_id, status=ReportSignature.Status.RUNNING
    ).update(
        status=ReportSignature.Status.DONE,
        file=name,
        signer_subject=signed.signer_subject[:500],
        certificate_serial=signed.certificate_serial,
        signed_at=signed.signed_at,
        validation=signed.validation_summary,
        finished_at=timezone.now(),
        error="",
    )
    if not done:
        _discard(name)
        return False
    return True


def _fail(signature_id: int, message: str) -> None:
    ReportSignature.objects.filter(pk=signature_id, status=ReportSignature.Status.RUNNING).update(
        status=ReportSignature.Status.FAILED, error=str(message)[:2000], finished_at=timezone.now()
    )


def _store_new_file(signature: ReportSignature, data: bytes) -> str:
    """Write the signed bytes under a name nobody holds, atomically (temp file + rename, and
    the rename refuses to replace anything), so neither file can be overwritten."""
    storage = ReportSignature._meta.get_field("file").storage
    unsigned = Path(signature.render.file.name).stem
    filename = f"{unsigned}-da-ky-{signature.pk}-{uuid.uuid4().hex[:8]}.pdf"
    name = storage.generate_filename(signed_path(signature, filename))
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
        os.link(tmp, final)  # fails with FileExistsError rather than replace a file
    finally:
        Path(tmp).unlink(missing_ok=True)
    return name


def _discard(name: str | None) -> None:
    if name:
        ReportSignature._meta.get_field("file").storage.delete(name)


def requeue_stalled_signatures(now: datetime | None = None) -> tuple[int, int]:
    """The beat task's work, as for render jobs: enqueue jobs the broker never got or lost,
    fail jobs whose worker died. Returns (requeued, failed)."""
    now = now or timezone.now()
    with translation.override(settings.LANGUAGE_CODE):
        stopped = str(_("Tiến trình ký số bị dừng giữa chừng; hãy yêu cầu ký lại."))
    failed = ReportSignature.stale_running(now, STALE_RUNNING_AFTER).update(
        status=ReportSignature.Status.FAILED,
        finished_at=now,
        error=stopped,
    )
    return ReportSignature.requeue_lost(now, enqueue_signature), failed
