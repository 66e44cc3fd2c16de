"""Celery tasks of the reports app: thin wrappers around services."""

from celery import shared_task
from django.db import InterfaceError, OperationalError

MAX_RETRIES = 3


@shared_task(
    name="reports.render_annual_report",
    bind=True,
    autoretry_for=(OperationalError, InterfaceError, OSError),
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=MAX_RETRIES,
)
def render_annual_report(self, render_id):
    """Render one ReportRender job; a missing row means the job was deleted: nothing to do."""
    from reports.jobs import run_render
    from reports.models import ReportRender

    if not ReportRender.objects.filter(pk=render_id).exists():
        return None
    return run_render(render_id, final_attempt=self.request.retries >= MAX_RETRIES)


@shared_task(name="reports.requeue_pending_jobs")
def requeue_pending_jobs():
    """Every minute (CELERY_BEAT_SCHEDULE): see jobs.requeue_stalled_jobs."""
    from reports.jobs import requeue_stalled_jobs

    requeued, failed = requeue_stalled_jobs()
    return {"requeued": requeued, "failed": failed}
