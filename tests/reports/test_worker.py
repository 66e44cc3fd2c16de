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


def test_worker_renders_word_edition_listed_with_the_pdfs(worker, leadership_client, settings):
    """The page asks for both formats; the worker renders each; the page lists both and the
    Word file downloads as .docx with Word's content type."""
    import io

    from docx import Document as open_docx

    AnnualReport.objects.create(year=2025, signer_name="Lê Công Thành")
    url = reverse("reports:render_request", args=[2025])
    assert leadership_client.post(url, {"language": "vi", "format": "pdf"}).status_code == 302
    assert leadership_client.post(url, {"language": "vi", "format": "docx"}).status_code == 302
    jobs = {job.format: job for job in ReportRender.objects.all()}
    assert set(jobs) == {"pdf", "docx"}
    docx_job = wait_for_status(jobs["docx"], ("done", "failed"))
    pdf_job = wait_for_status(jobs["pdf"], ("done", "failed"))
    assert (docx_job.status, docx_job.error, docx_job.attempts) == ("done", "", 1)
    assert pdf_job.status == "done" and pdf_job.file.name.endswith(".pdf")
    assert docx_job.file.name.endswith(".docx")
    stored = Path(settings.MEDIA_ROOT, docx_job.file.name).read_bytes()
    assert stored[:2] == b"PK"

    detail = leadership_client.get(reverse("reports:detail", args=[2025])).content.decode()
    for job in (docx_job, pdf_job):
        assert reverse("reports:render_download", args=[job.pk]) in detail
    assert "Word (.docx)" in detail

    download = leadership_client.get(reverse("reports:render_download", args=[docx_job.pk]))
    assert download["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert download["Content-Disposition"] == 'attachment; filename="bao-cao-tong-ket-2025-vi.docx"'
    word = open_docx(io.BytesIO(b"".join(download.streaming_content)))
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in "".join(
        cell.text for table in word.tables for cell in table._cells
    )
