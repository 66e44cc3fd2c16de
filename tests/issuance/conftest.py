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
    from reports.models import AnnualReport, ReportRender
    from reports.services import approve_report, run_render, submit_report

    report = AnnualReport.objects.create(
        year=2025, signer_name="Lê Công Thành", signer_title="Chủ tịch ASOEN Việt Nam"
    )
    submit_report(report=report, by=secretariat_user)
    approve_report(report=report, by=leadership_user)
    render = ReportRender.objects.create(report=report, language="vi", requested_by=leadership_user)
    assert run_render(render.pk) is True
    render.refresh_from_db()
    return render
