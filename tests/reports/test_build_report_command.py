"""`manage.py build_report YEAR [--lang] [--format] --output FILE`: the worker's code, run
synchronously; the file is the archival PDF."""

import io

import pikepdf
import pytest
from django.core.management import CommandError, call_command

from reports.models import AnnualReport

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("language", "title"), [("vi", "BÁO CÁO"), ("en", "REPORT")])
def test_build_report_writes_the_pdfa_edition(tmp_path, language, title):
    AnnualReport.objects.create(year=2026, signer_name="Lê Công Thành", number_symbol="02/BC-ASOEN")
    output = tmp_path / f"bao-cao-{language}.pdf"
    out = io.StringIO()
    call_command(
        "build_report",
        "2026",
        "--lang",
        language,
        "--format",
        "pdf",
        "--output",
        output,
        stdout=out,
    )
    pdf = pikepdf.open(output)
    assert pdf.open_metadata()["{http://www.aiim.org/pdfa/ns/id/}part"] == "3"
    assert str(pdf.Root.Lang) == language
    assert str(pdf.docinfo["/Title"]).startswith(title)
    assert out.getvalue() == f"{output}: {output.stat().st_size} bytes\n"


def test_build_report_refuses_a_missing_year_and_an_unknown_format(tmp_path):
    with pytest.raises(CommandError, match="Chưa có báo cáo năm 2031"):
        call_command("build_report", "2031", "--output", tmp_path / "x.pdf")
    AnnualReport.objects.create(year=2026)
    with pytest.raises(CommandError, match="invalid choice: 'odt'"):
        call_command("build_report", "2026", "--format", "odt", "--output", tmp_path / "x.odt")
    assert not (tmp_path / "x.pdf").exists()
