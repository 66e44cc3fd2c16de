"""The PDF's format, asserted from the PDF itself: A4, Decree 30 margins, embedded Tinos,
page numbers from page 2."""

import re
import subprocess

import pytest
from pypdf import PdfReader

from tests.reports.conftest import pdf_text

# The module-scoped PDFs read the test database: without a django_db test here, pytest-django
# would not create it when this module runs alone, and the fixture would reach DATABASE_URL.
pytestmark = pytest.mark.django_db

MM = 72 / 25.4  # PDF points per millimetre
DRAFT_WORDS = {"DỰ", "THẢO", "DRAFT"}  # the mark in the top-right margin of a draft


@pytest.fixture(scope="module")
def vi_pdf(seed_pdfs, tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "report-vi.pdf"
    path.write_bytes(seed_pdfs["vi"])
    return path


def test_page_size_is_a4(vi_pdf):
    reader = PdfReader(vi_pdf)
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width / MM), round(height / MM)) == (210, 297)


def _word_boxes(path):
    """(page number, xMin, yMin, xMax, yMax, word) from pdftotext -bbox, in millimetres."""
    html = subprocess.run(
        ["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True, text=True
    ).stdout
    boxes = []
    for number, page in enumerate(html.split("<page ")[1:], start=1):
        for match in re.finditer(
            r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', page
        ):
            x0, y0, x1, y1 = (float(v) / MM for v in match.groups()[:4])
            boxes.append((number, x0, y0, x1, y1, match.group(5)))
    return boxes


def test_body_text_stays_inside_decree_30_margins(vi_pdf):
    boxes = _word_boxes(vi_pdf)
    # The heading table on page 1 may reach into the left margin, as printed decrees do.
    body = [b for b in boxes if not (b[0] == 1 and b[2] < 75) and b[5] not in DRAFT_WORDS]
    left = min(b[1] for b in body)
    right = max(b[3] for b in body)
    top = min(b[2] for b in body if b[0] > 1 and not b[5].isdigit())
    bottom = max(b[4] for b in body)
    assert 29.5 <= left <= 36  # left margin 30-35 mm (+ the first-line indent)
    assert 210 - 20 <= right <= 210 - 15 + 1  # (+ a glyph's side bearing)  # right margin 15-20 mm
    assert 20 <= top <= 27  # top margin 20-25 mm
    assert 297 - 25 <= bottom <= 297 - 20 + 0.5  # bottom margin 20-25 mm


def test_page_numbers_centred_at_the_top_from_page_two(vi_pdf):
    boxes = _word_boxes(vi_pdf)
    first_page_top = min((b for b in boxes if b[0] == 1), key=lambda b: b[2])
    assert not first_page_top[5].isdigit()
    second = [b for b in boxes if b[0] == 2 and b[5] == "2"]
    number = min(second, key=lambda b: b[2])
    assert number[2] < 20  # in the top margin
    centre_of_text_block = (30 + (210 - 15)) / 2
    assert abs((number[1] + number[3]) / 2 - centre_of_text_block) < 3


def test_tinos_is_embedded_in_every_style_used(vi_pdf):
    out = subprocess.run(
        ["pdffonts", str(vi_pdf)], capture_output=True, check=True, text=True
    ).stdout
    rows = [line.split() for line in out.splitlines()[2:]]
    names = {row[0].split("+")[-1] for row in rows}
    assert names == {"Tinos", "Tinos-Bold", "Tinos-Italic", "Tinos-Bold-Italic"}
    # columns: name type encoding emb sub uni object ID
    assert all(row[-5] == "yes" for row in rows)


def test_english_edition_has_english_heading(seed_pdfs):
    text = pdf_text(seed_pdfs["en"])
    assert text.startswith("MINISTRY OF AGRICULTURE AND ENVIRONMENT ASOEN VIET NAM")
    assert "SOCIALIST REPUBLIC OF VIET NAM Independence - Freedom - Happiness" in text


def _raw_pages(data):
    out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return [page for page in out.stdout.decode("utf-8").split("\f") if page.strip()]


@pytest.mark.parametrize(("language", "mark"), [("vi", "DỰ THẢO"), ("en", "DRAFT")])
def test_report_not_approved_says_draft_on_every_page(seed_pdfs, language, mark):
    pages = _raw_pages(seed_pdfs[language])
    assert len(pages) > 3
    assert all(mark in page for page in pages)


def test_approved_report_carries_no_draft_mark(seeded, secretariat_user, leadership_user):
    from reports.models import AnnualReport
    from reports.services import approve_report, submit_report
    from tests.reports.conftest import build_pdf

    report = AnnualReport.objects.get(year=2025)
    submit_report(report=report, by=secretariat_user)
    approve_report(report=report, by=leadership_user)
    text = "".join(_raw_pages(build_pdf(2025, "vi")))
    assert "DỰ THẢO" not in text
    assert "Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 (AMME 18)" in " ".join(text.split())
