"""Helpers for the report tests: PDF text extraction and the seeded 2025 report."""

import io
import re
import subprocess

import pytest
from django.core.management import call_command
from django.db import transaction


def pdf_text(data, *extra_args):
    """pdftotext of PDF bytes, with lines joined so phrases split across lines still match."""
    result = subprocess.run(
        ["pdftotext", *extra_args, "-", "-"], input=data, capture_output=True, check=True
    )
    text = result.stdout.decode("utf-8")
    # The draft mark in each page's margin is not part of the text a sentence runs through.
    text = re.sub(r"^\s*(DỰ THẢO|DRAFT)\s*$\n?", "", text, flags=re.MULTILINE)
    pages = text.split("\f")
    # Drop each page's running header (its number) so a sentence across pages reads whole.
    raw = "\n".join(re.sub(r"^\s*\d+\s*\n", "", page, count=1) for page in pages)
    raw = re.sub(r"(\w)-\n", r"\1-", raw)  # a line broken after a hyphen: "TAF-\nGTEI"
    return " ".join(raw.split())


def build_pdf(year, language):
    from reports.jobs import build_report_bytes
    from reports.models import AnnualReport

    return build_report_bytes(report=AnnualReport.objects.get(year=year), language=language)


@pytest.fixture(scope="module")
def seed_pdfs(django_db_setup, django_db_blocker):
    """The 2025 report built from `load_seed`, in both languages; the seed is rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seed", stdout=io.StringIO())
        pdfs = {language: build_pdf(2025, language) for language in ("vi", "en")}
        transaction.set_rollback(True)
    return pdfs


@pytest.fixture
def seeded(db):
    call_command("load_seed", stdout=io.StringIO())


@pytest.fixture
def report(db):
    from reports.models import AnnualReport, ReportNarrative

    report = AnnualReport.objects.create(
        year=2025, signer_name="Lê Công Thành", signer_title="Chủ tịch ASOEN Việt Nam"
    )
    ReportNarrative.objects.create(
        report=report,
        language="vi",
        section=ReportNarrative.Section.PROPOSALS,
        text="1. Về tổ chức\n\n- Duy trì cơ chế phối hợp.",
    )
    return report


@pytest.fixture
def broker_down():
    """Point the Celery app at a port where nothing listens (in this suite's port range)."""
    from asoen_portal.celery import app

    saved = (app.conf.broker_url, app.conf.broker_transport_options)
    app.conf.broker_url = "redis://127.0.0.1:8249/0"
    app.conf.broker_transport_options = {}
    app._pool = None
    app.amqp._producer_pool = None
    yield
    app.conf.broker_url, app.conf.broker_transport_options = saved
    app._pool = None
    app.amqp._producer_pool = None
