"""The archival, accessible PDF, asserted from the file itself with pikepdf: PDF/A-3b XMP
identification, the OutputIntent, the structure tree and MarkInfo, the metadata, every font
embedded, and the source data attached (facts as JSON, annex as .xlsx)."""

import io
import json
import re

import pikepdf
import pytest

PDFAID = "{http://www.aiim.org/pdfa/ns/id/}"
DC = "{http://purl.org/dc/elements/1.1/}"
XMP = "{http://ns.adobe.com/xap/1.0/}"

# The module-scoped PDFs read the test database: without a django_db test here, pytest-django
# would not create it when this file runs alone.
pytestmark = pytest.mark.django_db


ANNEX_ACTIVITIES = 300


@pytest.fixture(scope="module")
def pdfs(seed_pdfs):
    return {language: pikepdf.open(io.BytesIO(data)) for language, data in seed_pdfs.items()}


@pytest.fixture(scope="module")
def busy_year_pdf(django_db_setup, django_db_blocker):
    """2026 with 300 activities: past the compact threshold, so the report has its annex."""
    import datetime

    from django.db import transaction

    from reports.models import AnnualReport
    from tests.factories import ActivityFactory, WorkingGroupFactory
    from tests.reports.conftest import build_pdf

    with django_db_blocker.unblock(), transaction.atomic():
        group = WorkingGroupFactory(code="AWGNCB")
        AnnualReport.objects.create(year=2026, signer_name="Lê Công Thành")
        for n in range(ANNEX_ACTIVITIES):
            ActivityFactory(
                working_group=group, start_date=datetime.date(2026, 1, 1) + datetime.timedelta(n)
            )
        data = build_pdf(2026, "vi")
        transaction.set_rollback(True)
    return pikepdf.open(io.BytesIO(data))


@pytest.mark.parametrize("language", ["vi", "en"])
def test_xmp_identifies_pdfa_3b(pdfs, language):
    meta = pdfs[language].open_metadata()
    assert (meta[f"{PDFAID}part"], meta[f"{PDFAID}conformance"]) == ("3", "B")
    assert pdfs[language].pdf_version == "1.7"


def test_metadata_title_author_subject_language_and_vietnam_creation_date(pdfs):
    vi = pdfs["vi"]
    meta = vi.open_metadata()
    title = "BÁO CÁO TỔNG KẾT CÔNG TÁC NĂM 2025, ĐỊNH HƯỚNG CÔNG TÁC NĂM 2026 CỦA ASOEN VIỆT NAM"
    assert meta[f"{DC}title"] == title
    assert meta[f"{DC}creator"] == ["BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"]
    assert meta[f"{DC}description"] == "Báo cáo tổng kết công tác năm 2025 của ASOEN VIỆT NAM"
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", meta[f"{XMP}CreateDate"])
    info = vi.docinfo
    assert str(info["/Title"]) == title
    assert str(info["/Author"]) == "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    assert str(info["/Subject"]).startswith("Báo cáo tổng kết công tác năm 2025")
    assert re.fullmatch(r"D:\d{14}\+07'00'?", str(info["/CreationDate"]))
    assert str(vi.Root.Lang) == "vi"
    en = pdfs["en"]
    assert str(en.Root.Lang) == "en"
    assert str(en.docinfo["/Author"]) == "MINISTRY OF AGRICULTURE AND ENVIRONMENT"
    assert str(en.docinfo["/Title"]).startswith("REPORT ON")


def test_output_intent_is_srgb_for_pdfa(pdfs):
    (intent,) = pdfs["vi"].Root.OutputIntents
    assert intent.S == "/GTS_PDFA1"
    profile = intent.DestOutputProfile
    assert profile.N == 3
    assert profile.read_bytes()[36:40] == b"acsp"  # an ICC profile's signature


def _structure_types(node, found):
    if isinstance(node, pikepdf.Array):
        for child in node:
            _structure_types(child, found)
    elif isinstance(node, pikepdf.Dictionary):
        if "/S" in node:
            found[str(node.S)] = found.get(str(node.S), 0) + 1
        if "/K" in node:
            _structure_types(node.K, found)
    return found


@pytest.mark.parametrize("language", ["vi", "en"])
def test_tagged_structure_has_headings_paragraphs_lists_and_the_annex_table(pdfs, language):
    pdf = pdfs[language]
    assert pdf.Root.MarkInfo.Marked is True
    types = _structure_types(pdf.Root.StructTreeRoot.K, {})
    assert types["/H1"] == 1  # the title
    assert types["/H2"] >= 5  # sections I-V and the annex
    assert types["/H3"] >= 5
    assert types["/P"] > 15
    assert types["/L"] == types["/LI"] > 20  # the narratives' bullets


def test_annex_is_a_tagged_table_with_a_row_per_activity(busy_year_pdf):
    types = _structure_types(busy_year_pdf.Root.StructTreeRoot.K, {})
    # The heading and closing blocks are tables too; the annex adds a header and 300 rows.
    assert types["/TR"] >= ANNEX_ACTIVITIES + 1
    assert types["/TH"] % 4 == 0  # the header row, repeated on every page of the annex


def _fonts(pdf):
    for page in pdf.pages:
        for font in page.Resources.get("/Font", {}).values():
            yield font
            yield from font.get("/DescendantFonts", [])


@pytest.mark.parametrize("language", ["vi", "en"])
def test_every_font_is_embedded(pdfs, language):
    fonts = [font for font in _fonts(pdfs[language]) if "/FontDescriptor" in font]
    assert fonts
    for font in fonts:
        descriptor = font.FontDescriptor
        assert any(key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")), (
            font.get("/BaseFont")
        )
    names = {str(font.BaseFont) for font in fonts}
    assert all(re.match(r"/[A-Z]{6}\+(Tinos|LiberationSerif)", name) for name in names), names


def test_source_data_attached_as_json(pdfs):
    pdf = pdfs["vi"]
    assert list(pdf.attachments) == ["du-lieu-bao-cao-2025-vi.json"]
    spec = pdf.attachments["du-lieu-bao-cao-2025-vi.json"]
    assert spec.obj.AFRelationship == "/Source"
    assert str(spec.get_file().obj.Subtype) == "/application/json"
    # The content the edition was built from (reports.editions.report_content), not the
    # rendered sections: the year's facts, the heading fields and the narratives.
    source = json.loads(spec.get_file().read_bytes())
    assert sorted(source) == ["facts", "header", "narratives"]
    facts = source["facts"]
    assert facts["year"] == source["header"]["year"] == 2025
    assert source["header"]["issuing_body"] == "BỘ NÔNG NGHIỆP VÀ MÔI TRƯỜNG"
    assert facts["results"] and facts["plans"]
    assert all(fact["key"] for fact in facts["results"] + facts["plans"])
    assert "Pù Mát" in json.dumps(facts, ensure_ascii=False)
    # PDF/A-3 wants each attachment listed in the catalog's /AF too.
    assert {str(spec.UF) for spec in pdf.Root.AF} == {"du-lieu-bao-cao-2025-vi.json"}


def test_annex_attached_as_xlsx_with_every_row(busy_year_pdf):
    import openpyxl

    attachments = busy_year_pdf.attachments
    assert sorted(attachments) == [
        "du-lieu-bao-cao-2026-vi.json",
        "phu-luc-hoat-dong-2026-vi.xlsx",
    ]
    source = json.loads(attachments["du-lieu-bao-cao-2026-vi.json"].get_file().read_bytes())
    annex = attachments["phu-luc-hoat-dong-2026-vi.xlsx"]
    assert annex.obj.AFRelationship == "/Data"
    assert str(annex.get_file().obj.Subtype) == (
        "/application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    sheet = openpyxl.load_workbook(io.BytesIO(annex.get_file().read_bytes())).active
    rows = list(sheet.values)
    assert rows[0] == ("PHỤ LỤC: DANH MỤC HOẠT ĐỘNG NĂM 2026", None, None, None)
    assert rows[1] == ("Ngày", "Nhóm", "Hoạt động", "Địa điểm")
    assert len(rows) - 2 == len(source["facts"]["annex"]) == ANNEX_ACTIVITIES
    assert rows[2][:2] == ("01/01/2026", "AWGNCB")
    assert rows[-1][0] == "27/10/2026"
    assert {str(spec.UF) for spec in busy_year_pdf.Root.AF} == set(attachments)
