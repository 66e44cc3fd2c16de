"""Background imports for large files, and the sweep that makes every import job end.
Registered with Celery by `app.autodiscover_tasks(["asoen_portal.exchange"])` in
asoen_portal/celery.py; the sweep runs every minute (CELERY_BEAT_SCHEDULE)."""

import logging

from celery import shared_task

logger = logging.getLogger(__name__)


@shared_task(name="exchange.run_import", acks_late=True)
def run_import_task(*, job_id):
    """Preview or import one job; the job row is claimed first, so a redelivered message or a
    second worker never runs it twice."""
    from asoen_portal.exchange.services import claim_import_job, run_import_job
    from asoen_portal.models import ImportJob

    if not claim_import_job(job_id=job_id):
        logger.info("Import job %s is gone or taken; nothing to do", job_id)
        return
    job = ImportJob.objects.filter(pk=job_id).select_related("requested_by").first()
    if job is not None:
        run_import_job(job=job)


@shared_task(name="exchange.requeue_import_jobs")
def requeue_import_jobs_task():
    """See services.requeue_stalled_import_jobs."""
    from asoen_portal.exchange.services import requeue_stalled_import_jobs

    requeued, failed = requeue_stalled_import_jobs()
    return {"requeued": requeued, "failed": failed}
