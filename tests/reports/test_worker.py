"""End to end: a real Celery worker (subprocess) on real Redis renders a job requested through
the page, and the job row moves pending → running → done with a PDF file."""

from pathlib import Path

import pytest
from django.urls import reverse

from reports.models import AnnualReport, ReportRender
from tests.workers import start_celery_worker, wait_for_status

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker(settings):
    with start_celery_worker(media_root=settings.MEDIA_ROOT) as process:
        yield process


def test_worker_renders_report_requested_from_the_page(worker, leadership_client, settings):
    AnnualReport.objects.create(year=2025, signer_name="Lê Công Thành")
    response = leadership_client.post(
        reverse("reports:render_request", args=[2025]), {"language": "vi"}
    )
    assert response.status_code == 302
    job = wait_for_status(ReportRender.objects.get(), ("done", "failed"))
    assert (job.status, job.error, job.attempts) == ("done", "", 1)
    assert job.enqueued_at is not None
    assert Path(settings.MEDIA_ROOT, job.file.name).read_bytes()[:5] == b"%PDF-"
    download = leadership_client.get(reverse("reports:render_download", args=[job.pk]))
    assert b"".join(download.streaming_content)[:5] == b"%PDF-"
