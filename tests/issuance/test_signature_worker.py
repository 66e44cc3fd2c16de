"""End to end with a real Celery worker on Redis: leadership approves 2025 (number 01), renders
the PDF, signs it from the page; pyHanko validates the downloaded file. And a wrong password
through the same worker fails the job with its Vietnamese message and no file."""

from pathlib import Path

import pytest
from django.urls import reverse

from issuance.models import ReportSignature
from reports.models import AnnualReport, ReportRender
from reports.services import submit_report
from tests.issuance.conftest import validate_signature
from tests.workers import start_celery_worker, wait_for_status

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def worker_env(monkeypatch, demo_signing, signing_settings):
    # The worker is another process: it reads the SIGNING_* settings from its environment.
    for name, value in demo_signing.environment().items():
        monkeypatch.setenv(name, value)
    return monkeypatch


def approve_and_render(client, secretariat_user):
    report = AnnualReport.objects.create(
        year=2025, signer_name="Lê Công Thành", signer_title="Chủ tịch ASOEN Việt Nam"
    )
    submit_report(report=report, by=secretariat_user)
    client.post(reverse("reports:approve", args=[2025]))
    client.post(reverse("reports:render_request", args=[2025]), {"language": "vi"})
    render = wait_for_status(ReportRender.objects.get(), ("done", "failed"))
    assert render.status == "done", render.error
    return render


def test_worker_signs_the_approved_report_and_pyhanko_validates_it(
    worker_env, settings, leadership_client, secretariat_user, demo_signing
):
    with start_celery_worker(media_root=settings.MEDIA_ROOT):
        render = approve_and_render(leadership_client, secretariat_user)
        assert AnnualReport.objects.get().number_symbol == "01/BC-ASOEN"
        leadership_client.post(reverse("issuance:sign", args=[render.pk]))
        signature = wait_for_status(ReportSignature.objects.get(), ("done", "failed"))
    assert (signature.status, signature.error, signature.attempts) == ("done", "", 1)
    response = leadership_client.get(reverse("issuance:signature_download", args=[signature.pk]))
    data = b"".join(response.streaming_content)

    status = validate_signature(data, demo_signing.certificate_file)
    assert (status.bottom_line, status.coverage.name) == (True, "ENTIRE_FILE")
    assert data.startswith(Path(settings.MEDIA_ROOT, render.file.name).read_bytes())


def test_worker_fails_a_wrong_password_with_no_file(
    worker_env, settings, leadership_client, secretariat_user
):
    worker_env.setenv("SIGNING_PKCS12_PASSWORD", "mat-khau-sai")
    with start_celery_worker(media_root=settings.MEDIA_ROOT):
        render = approve_and_render(leadership_client, secretariat_user)
        files_before = sorted(Path(settings.MEDIA_ROOT).rglob("*.pdf"))
        leadership_client.post(reverse("issuance:sign", args=[render.pk]))
        signature = wait_for_status(ReportSignature.objects.get(), ("done", "failed"))
    assert signature.status == "failed"
    assert signature.error == ("Mật khẩu chứng thư số không đúng, hoặc tệp chứng thư số bị hỏng.")
    assert not signature.file
    assert sorted(Path(settings.MEDIA_ROOT).rglob("*.pdf")) == files_before
