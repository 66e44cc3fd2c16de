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
    pages = result.stdout.decode("utf-8").split("\f")
    # Drop each page's running header (its number) so a sentence across pages reads whole.
    raw = "\n".join(re.sub(r"^\s*\d+\s*\n", "", page, count=1) for page in pages)
    raw = re.sub(r"(\w)-\n", r"\1-", raw)  # a line broken after a hyphen: "TAF-\nGTEI"
    return " ".join(raw.split())


def build_pdf(year, language):
    from reports.models import AnnualReport
    from reports.services import build_report_bytes

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
