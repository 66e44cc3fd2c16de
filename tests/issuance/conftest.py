"""Signing fixtures: a demo certificate set made once per session, an expired one, the
settings pointing at them, and an approved report with a PDF rendered after approval."""

import datetime

import pytest

from issuance.demo import create_demo_signing


@pytest.fixture(scope="session")
def demo_signing(tmp_path_factory):
    return create_demo_signing(tmp_path_factory.mktemp("signing"))


@pytest.fixture(scope="session")
def expired_signing(tmp_path_factory):
    start = datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
    return create_demo_signing(tmp_path_factory.mktemp("expired"), valid_from=start, valid_days=365)


@pytest.fixture
def signing_settings(settings, demo_signing):
    for name, value in demo_signing.environment().items():
        setattr(settings, name, value)
    settings.SIGNING_TRUST_ROOTS = []
    return settings


@pytest.fixture
def approved_render(db, secretariat_user, leadership_user):
    """The 2025 report, approved (number 01), with a Vietnamese PDF rendered afterwards."""
    from reports.jobs import run_render
    from reports.models import AnnualReport, ReportRender
    from reports.services import approve_report, submit_report

    report = AnnualReport.objects.create(
        year=2025, signer_name="Lê Công Thành", signer_title="Chủ tịch ASOEN Việt Nam"
    )
    submit_report(report=report, by=secretariat_user)
    approve_report(report=report, by=leadership_user)
    render = ReportRender.objects.create(report=report, language="vi", requested_by=leadership_user)
    assert run_render(render.pk) is True
    render.refresh_from_db()
    return render


def validate_signature(data, certificate_file):
    """pyHanko's validator on `data`'s only signature, trusting only `certificate_file`, with
    no network. In a thread of its own: pyHanko runs an event loop, and a browser test's
    Playwright (session-wide) may hold this thread's."""
    import io
    from concurrent.futures import ThreadPoolExecutor

    from asn1crypto import pem, x509
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    root = x509.Certificate.load(pem.unarmor(certificate_file.read_bytes())[2])
    reader = PdfFileReader(io.BytesIO(data))
    assert len(reader.embedded_signatures) == 1
    context = ValidationContext(trust_roots=[root], allow_fetching=False)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(validate_pdf_signature, reader.embedded_signatures[0], context).result()
