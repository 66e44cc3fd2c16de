"""Tried as a new user would, in real Chromium with a real worker: leadership approves 2025,
the report gets number 01, renders the PDF, signs it with the demo certificate, downloads the
signed file (pyHanko validates it) and finds the number in the register."""

import io
import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

from asoen_portal.access import LEADERSHIP, SECRETARIAT
from reports.models import AnnualReport
from tests.factories import UserFactory
from tests.workers import start_celery_worker

pytestmark = [pytest.mark.browser, pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def demo_worker(monkeypatch, settings, tmp_path):
    from issuance.demo import create_demo_signing

    files = create_demo_signing(tmp_path / "signing")
    for name, value in files.environment().items():
        monkeypatch.setenv(name, value)
    with start_celery_worker(media_root=settings.MEDIA_ROOT):
        yield files


def test_leadership_approves_signs_and_downloads_the_signed_report(
    demo_worker, page, sign_in, artifacts
):
    UserFactory(username="leadership", groups=[LEADERSHIP])
    UserFactory(username="secretariat", groups=[SECRETARIAT])
    AnnualReport.objects.create(
        year=2025,
        status=AnnualReport.Status.SUBMITTED,
        signer_name="Lê Công Thành",
        signer_title="Chủ tịch ASOEN Việt Nam",
    )
    sign_in("leadership")
    page.goto("/reports/2025/")
    page.click("button:has-text('Phê duyệt')")
    assert "Số văn bản: 01/BC-ASOEN" in page.locator("#signatures").inner_text()

    page.click("button:has-text('Tạo tệp báo cáo')")  # the format select defaults to PDF
    page.locator("[data-status=done]").first.wait_for(timeout=90_000)
    page.reload()
    page.click("button:has-text('Ký số bản PDF này')")
    done = page.locator("#signatures [data-status=done]")
    done.wait_for(timeout=90_000)
    assert "chữ ký đã được kiểm tra hợp lệ" in page.locator("#signatures").inner_text()
    page.screenshot(path=os.path.join(artifacts, "leadership-signed.png"), full_page=True)

    with page.expect_download() as download_info:
        page.click("text=Tải về PDF đã ký")
    download = download_info.value
    assert download.suggested_filename == "bao-cao-tong-ket-2025-vi-da-ky-so.pdf"
    data = Path(download.path()).read_bytes()
    from asn1crypto import pem, x509

    root = x509.Certificate.load(pem.unarmor(demo_worker.certificate_file.read_bytes())[2])
    # pyHanko runs its own event loop; Playwright's sync API holds this thread's.
    with ThreadPoolExecutor(max_workers=1) as pool:
        status = pool.submit(
            validate_pdf_signature,
            PdfFileReader(io.BytesIO(data)).embedded_signatures[0],
            ValidationContext(trust_roots=[root], allow_fetching=False),
        ).result()
    assert (status.intact, status.valid, status.trusted) == (True, True, True)

    page.click("nav >> text=Sổ văn bản")
    page.wait_for_url("**/register/")
    row = page.locator("tbody tr").first
    assert "01/BC-ASOEN" in row.inner_text()
    assert "Lê Công Thành" in row.inner_text()
    page.screenshot(path=os.path.join(artifacts, "register.png"), full_page=True)
