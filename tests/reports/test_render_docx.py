"""The Word edition, asserted from the .docx itself (python-docx reads it back): A4, Decree 30
margins, Times New Roman, the page number field from page 2, the draft mark, and the same
text as the document tree and the PDF edition."""

import io
import re
import shutil
import subprocess
from collections import Counter

import pytest
from django.core.management import call_command
from django.db import transaction
from docx import Document as open_docx
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph
from pypdf import PdfReader

from reports.render_docx import render_docx
from tests.reports.conftest import build_pdf, pdf_text

# The module-scoped files read the test database: see test_render_pdf.py.
pytestmark = pytest.mark.django_db

LANGUAGES = ("vi", "en")
MM = 72 / 25.4  # PDF points per millimetre
DRAFT_MARKS = {"DỰ THẢO", "DRAFT"}


def build_docx(year, language):
    from reports.jobs import build_report_bytes
    from reports.models import AnnualReport

    report = AnnualReport.objects.get(year=year)
    return build_report_bytes(report=report, language=language, file_format="docx")


@pytest.fixture(scope="module")
def seed_editions(django_db_setup, django_db_blocker):
    """The 2025 seed report's tree, .docx and PDF in both languages; the seed is rolled back."""
    from reports.editions import build_document
    from reports.models import AnnualReport

    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_seed", stdout=io.StringIO())
        report = AnnualReport.objects.get(year=2025)
        editions = {
            language: {
                "tree": build_document(report, language),
                "docx": build_docx(2025, language),
                "pdf": build_pdf(2025, language),
            }
            for language in LANGUAGES
        }
        transaction.set_rollback(True)
    return editions


def docx_paragraphs(data):
    """Every paragraph's text, the tables' cells included, in order (python-docx reads a
    non-breaking hyphen as "-" and a line break as a newline)."""
    word = open_docx(io.BytesIO(data))
    return [Paragraph(p, word).text for p in word.element.body.iter(qn("w:p"))]


def docx_words(data):
    return " ".join(docx_paragraphs(data)).split()


def edition_words(pdf):
    """words() of a PDF edition without its running heads: each page's number (from page 2)
    and the draft mark."""
    out = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    kept = []
    for number, page in enumerate(out.stdout.decode("utf-8").split("\f"), start=1):
        lines = [line for line in page.splitlines() if line.strip() not in DRAFT_MARKS]
        stripped = [line.strip() for line in lines]
        if number > 1 and str(number) in stripped:
            del lines[stripped.index(str(number))]
        kept.extend(lines)
    return words("\n".join(kept))


def words(text):
    """The words of `text` for comparing editions. Case aside: both print the agency's and
    signer's lines in capitals by style, and pdftotext reads the capitals. Dashes aside: where
    a PDF line ends at a dash ("ASEAN–" / "Japan") pdftotext cannot tell a joined word from
    two, and LibreOffice writes a non-breaking hyphen as U+2011."""
    return Counter(w for w in re.split(r"[\s\-\u2011\u2013\u2014]+", text.casefold()) if w)


@pytest.mark.parametrize("language", LANGUAGES)
def test_page_is_a4_with_decree_30_margins(seed_editions, language):
    word = open_docx(io.BytesIO(seed_editions[language]["docx"]))
    assert len(word.sections) == 1
    section = word.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    margins = [section.top_margin, section.bottom_margin, section.left_margin]
    assert [round(m.mm) for m in [*margins, section.right_margin]] == [20, 20, 30, 15]


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_font_is_times_new_roman_at_13_to_14_pt_in_the_body(seed_editions, language):
    word = open_docx(io.BytesIO(seed_editions[language]["docx"]))
    for part in (word.styles.element, word.element):
        for fonts in part.iter(qn("w:rFonts")):
            # No theme font: in Word a theme font wins over the named one.
            assert not [name for name in fonts.attrib if name.lower().endswith("theme")]
            assert set(fonts.attrib.values()) == {"Times New Roman"}
    normal = word.styles["Normal"]
    assert (normal.font.name, normal.font.size.pt) == ("Times New Roman", 14)
    for level in (1, 2, 3):
        assert word.styles[f"Heading {level}"].font.size.pt == 14
    # Body paragraphs (outside the heading and closing tables) keep 13-14 pt.
    sizes = {
        run.font.size.pt
        for paragraph in word.paragraphs
        for run in paragraph.runs
        if run.font.size is not None
    }
    assert sizes <= {13, 14}
    tag = {"vi": "vi-VN", "en": "en-GB"}[language]
    assert word.styles.element.find(f".//{qn('w:lang')}").get(qn("w:val")) == tag


def _fields(header):
    return "".join(t.text or "" for t in header._element.iter(qn("w:instrText"))).split()


@pytest.mark.parametrize(("language", "mark"), [("vi", "DỰ THẢO"), ("en", "DRAFT")])
def test_page_number_from_page_two_and_draft_mark_on_every_page(seed_editions, language, mark):
    word = open_docx(io.BytesIO(seed_editions[language]["docx"]))
    section = word.sections[0]
    assert section.different_first_page_header_footer
    assert _fields(section.header) == ["PAGE"]
    assert _fields(section.first_page_header) == []
    for header in (section.header, section.first_page_header):
        assert mark in "".join(p.text for p in header.paragraphs)
    assert seed_editions[language]["tree"].draft_mark == mark


def test_approved_report_has_no_draft_mark(seeded, secretariat_user, leadership_user):
    from reports.models import AnnualReport
    from reports.services import approve_report, submit_report

    report = AnnualReport.objects.get(year=2025)
    submit_report(report=report, by=secretariat_user)
    approve_report(report=report, by=leadership_user)
    section = open_docx(io.BytesIO(build_docx(2025, "vi"))).sections[0]
    headers = "".join(
        p.text for h in (section.header, section.first_page_header) for p in h.paragraphs
    )
    assert "DỰ THẢO" not in headers
    assert _fields(section.header) == ["PAGE"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_docx_holds_every_line_of_the_tree(seed_editions, language):
    tree = seed_editions[language]["tree"]
    paragraphs = docx_paragraphs(seed_editions[language]["docx"])
    body = "\n".join(paragraphs)
    lines = [line for line in tree.text().splitlines() if line.strip()]
    assert len(lines) > 50
    for line in lines:
        assert line in body, line
    letterhead = tree.letterhead
    for text in (
        letterhead.issuing_body,
        letterhead.issuing_unit,
        letterhead.number_line,
        letterhead.national_name,
        letterhead.motto,
        letterhead.place_date,
        tree.recipients_label,
    ):
        assert text in paragraphs
    assert [f"- {r}" for r in tree.recipients] == [p for p in paragraphs if p.startswith("- ")][
        -len(tree.recipients) :
    ]


@pytest.mark.parametrize("language", LANGUAGES)
def test_docx_and_pdf_editions_have_the_same_words(seed_editions, language):
    """Word for word the same text as the PDF (see words())."""
    edition = seed_editions[language]
    word = words(" ".join(docx_paragraphs(edition["docx"])))
    pdf = edition_words(edition["pdf"])
    assert sum(word.values()) > 2000
    assert word - pdf == Counter() and pdf - word == Counter()


@pytest.mark.parametrize(
    ("language", "facts"),
    [
        (
            "vi",
            [
                "Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 (AMME 18)",
                "BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2025",
                "Hà Nội, ngày 26 tháng 12 năm 2025",
                "Lê Công Thành",
            ],
        ),
        ("en", ["18th ASEAN Ministerial Meeting on the Environment", "Le Cong Thanh"]),
    ],
)
def test_key_facts_of_2025_in_both_editions(seed_editions, language, facts):
    word = " ".join(docx_words(seed_editions[language]["docx"]))
    pdf = pdf_text(seed_editions[language]["pdf"])
    for fact in facts:
        assert fact in word and fact in pdf, fact


def test_next_year_report_renders_its_own_facts(seeded):
    """2026, a year the seed only plans: the .docx says what the tree of 2026 says."""
    from reports.editions import build_document
    from reports.models import AnnualReport

    report = AnnualReport.objects.create(year=2026, signer_name="Lê Công Thành")
    tree = build_document(report, "vi")
    body = "\n".join(docx_paragraphs(build_docx(2026, "vi")))
    assert "2026" in tree.title and tree.title in body
    for line in tree.text().splitlines():
        assert line in body
    assert re.search(r"Chưa có kết quả nào được ghi nhận", body)


def test_build_report_command_writes_docx(seeded, tmp_path):
    output = tmp_path / "bao-cao.docx"
    call_command(
        "build_report",
        "2025",
        "--lang",
        "en",
        "--format",
        "docx",
        "--output",
        str(output),
        stdout=io.StringIO(),
    )
    word = open_docx(output)
    assert word.core_properties.title == word.paragraphs[0].text
    assert "REPORT ON THE WORK OF ASOEN VIET NAM IN 2025" in word.paragraphs[0].text


def _soffice():
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("needs LibreOffice Writer (libreoffice-writer-nogui, installed by make test)")
    return path


@pytest.fixture(scope="module")
def libreoffice_pdfs(seed_editions, tmp_path_factory):
    """Both .docx converted to PDF by LibreOffice, as a user opening the Word file sees them."""
    folder = tmp_path_factory.mktemp("docx")
    sources = []
    for language in LANGUAGES:
        source = folder / f"bao-cao-{language}.docx"
        source.write_bytes(seed_editions[language]["docx"])
        sources.append(str(source))
    subprocess.run(
        [_soffice(), "--headless", f"-env:UserInstallation=file://{folder}/profile"]
        + ["--convert-to", "pdf", "--outdir", str(folder / "out"), *sources],
        check=True,
        capture_output=True,
        timeout=300,
    )
    return {language: (folder / "out" / f"bao-cao-{language}.pdf") for language in LANGUAGES}


def _pages(path):
    out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return [page for page in out.stdout.decode("utf-8").split("\f") if page.strip()]


def test_libreoffice_opens_the_word_file_with_vietnamese_letters(libreoffice_pdfs):
    path = libreoffice_pdfs["vi"]
    text = " ".join(pdf_text(path.read_bytes()).split())
    for phrase in (
        "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG ASOEN VIỆT NAM",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc",
        "Hà Nội, ngày 26 tháng 12 năm 2025",
        "BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2025, ĐỊNH HƯỚNG CÔNG TÁC NĂM 2026",
        "Hội nghị Bộ trưởng Môi trường ASEAN lần thứ 18 (AMME 18)",
        "Nơi nhận:",
        "Lê Công Thành",
    ):
        assert phrase in text, phrase
    reader = PdfReader(path)
    assert len(reader.pages) > 3
    for page in reader.pages:
        assert (
            round(float(page.mediabox.width) / MM),
            round(float(page.mediabox.height) / MM),
        ) == (
            210,
            297,
        )
    fonts = subprocess.run(["pdffonts", str(path)], capture_output=True, check=True, text=True)
    rows = [line.split() for line in fonts.stdout.splitlines()[2:]]
    # Times New Roman is not on this machine: LibreOffice takes its metric twin, embedded.
    assert rows and all(
        row[0].split("+")[-1].startswith(("LiberationSerif", "Tinos")) for row in rows
    )
    assert all(row[-5] == "yes" for row in rows)


@pytest.mark.parametrize(("language", "mark"), [("vi", "DỰ THẢO"), ("en", "DRAFT")])
def test_libreoffice_numbers_pages_from_two_and_marks_every_page(libreoffice_pdfs, language, mark):
    pages = _pages(libreoffice_pdfs[language])
    assert all(mark in page for page in pages)
    heads = [[line.strip() for line in page.splitlines() if line.strip()][:3] for page in pages]
    assert not any(line.isdigit() for line in heads[0])
    assert [head[0] for head in heads[1:]] == [str(n) for n in range(2, len(pages) + 1)]


@pytest.mark.parametrize("language", LANGUAGES)
def test_libreoffice_reads_the_same_words_as_the_pdf_edition(
    seed_editions, libreoffice_pdfs, language
):
    word = edition_words(libreoffice_pdfs[language].read_bytes())
    assert sum(word.values()) > 2000
    assert word == edition_words(seed_editions[language]["pdf"])


def test_annex_of_two_thousand_rows_keeps_every_row_and_repeats_its_header(seed_editions):
    """A year at real size: the copied annex rows each hold their own activity, in order."""
    import dataclasses

    from reports.document import Annex

    tree = seed_editions["vi"]["tree"]
    rows = [
        [f"{1 + n % 28:02d}/{1 + n % 12:02d}/2026", "AWGCC", f"Hoạt động SEA-MaP số {n}", "Huế"]
        for n in range(2000)
    ]
    annex = Annex(title="PHỤ LỤC", headers=["Ngày", "Nhóm", "Hoạt động", "Địa điểm"], rows=rows)
    word = open_docx(io.BytesIO(render_docx(dataclasses.replace(tree, annex=annex))))
    table = word.tables[-1]
    assert [[cell.text for cell in row.cells] for row in table.rows] == [annex.headers, *rows]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(
        row.cells[2].paragraphs[0].style.name == "Annex Table Text" for row in table.rows[1:]
    )
    assert word.paragraphs[-1].text == "PHỤ LỤC"
    assert word.paragraphs[-1].paragraph_format.page_break_before
