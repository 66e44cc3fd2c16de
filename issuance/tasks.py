"""Celery tasks of the issuance app: thin wrappers around services."""

from celery import shared_task
from django.db import OperationalError

MAX_RETRIES = 3


@shared_task(
    name="issuance.sign_report_pdf",
    bind=True,
    autoretry_for=(OperationalError, OSError),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
)
def sign_report_pdf_task(self, signature_id):
    """Sign one ReportSignature job; a missing row means the job was deleted: nothing to do."""
    from issuance.models import ReportSignature
    from issuance.signatures import run_signature

    if not ReportSignature.objects.filter(pk=signature_id).exists():
        return None
    return run_signature(signature_id, final_attempt=self.request.retries >= MAX_RETRIES)


@shared_task(name="issuance.requeue_pending_signatures")
def requeue_pending_signatures_task():
    """Every minute (CELERY_BEAT_SCHEDULE): see signatures.requeue_stalled_signatures."""
    from issuance.signatures import requeue_stalled_signatures

    requeued, failed = requeue_stalled_signatures()
    return {"requeued": requeued, "failed": failed}
