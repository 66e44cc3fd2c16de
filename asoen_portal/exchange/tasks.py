"""Background imports for large files. Registered with Celery by
`app.autodiscover_tasks(["asoen_portal.exchange"])` in asoen_portal/celery.py."""

from celery import shared_task


@shared_task(name="exchange.run_import", acks_late=True)
def run_import(job_id):
    """Preview or import one job; the job row is claimed first, so a redelivered message or a
    second worker never runs it twice."""
    from asoen_portal.exchange.services import claim_import_job, run_import_job
    from asoen_portal.models import ImportJob

    if not claim_import_job(job_id=job_id):
        return
    job = ImportJob.objects.filter(pk=job_id).select_related("requested_by").first()
    if job is not None:
        run_import_job(job=job)
