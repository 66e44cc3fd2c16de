"""Hostile spreadsheets: zip bombs, forged dimensions, huge sheets, XML entities and text
that a spreadsheet would run as a formula — each stopped while reading, with a clear message."""

import io
import re
import zipfile

import pytest

from asoen_portal.exchange import reading
from asoen_portal.exchange.reading import ImportFileError, read_upload
from tests.exchange.conftest import csv_bytes, xlsx_bytes

ROWS = [["Tiêu đề", "Từ ngày"], ["Hội nghị ASOEN 36", "28/07/2025"]]
TOO_LARGE = (
    "Tệp Excel khi giải nén lớn hơn 100 MB (có thể chứa rất nhiều ô trống hoặc dữ liệu lặp "
    "lại); không thể đọc an toàn. Hãy chép phần dữ liệu sang một tệp mới, hoặc chia thành "
    "nhiều tệp nhỏ hơn, rồi tải lên lại."
)
NOT_XLSX = "Không đọc được tệp: đây không phải là tệp Excel .xlsx hợp lệ (có thể tệp bị hỏng)."


def refusal(content, name="a.xlsx"):
    with pytest.raises(ImportFileError) as caught:
        read_upload(io.BytesIO(content), name)
    return caught.value.message


def with_sheet_xml(content, edit):
    """`content` (an .xlsx) with its first sheet's XML passed through `edit`."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            data = source.read(member)
            if member.filename == "xl/worksheets/sheet1.xml":
                data = edit(data)
            target.writestr(member, data, compress_type=zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_zip_bomb_is_refused_before_parsing():
    # 40 MB of sheet XML packed into about 40 kB: what the issue measured at 9-13 s and
    # 230 MB of a web worker.
    filler = b"<row><c><v>1</v></c></row>" * 1_500_000

    def edit(xml):
        return xml.replace(b"</sheetData>", filler + b"</sheetData>")

    content = with_sheet_xml(xlsx_bytes(ROWS), edit)
    assert len(content) < 200_000

    assert refusal(content) == TOO_LARGE


def test_total_unpacked_size_is_capped(monkeypatch):
    monkeypatch.setattr(reading, "MAX_UNPACKED_BYTES", 4096)

    message = refusal(xlsx_bytes(ROWS))

    assert message.startswith("Tệp Excel khi giải nén lớn hơn 0 MB")


def test_forged_dimension_does_not_pad_rows():
    # A dimension of the whole grid would make openpyxl yield 1,048,576 rows of 16,384 cells.
    def edit(xml):
        return re.sub(rb'<dimension ref="[^"]+"\s*/>', b'<dimension ref="A1:XFD1048576"/>', xml)

    content = with_sheet_xml(xlsx_bytes(ROWS), edit)
    assert b"XFD1048576" in zipfile.ZipFile(io.BytesIO(content)).read("xl/worksheets/sheet1.xml")

    sheet = read_upload(io.BytesIO(content), "a.xlsx")

    assert sheet.rows == [["Hội nghị ASOEN 36", "28/07/2025"]]


def test_rows_over_the_limit_are_refused_while_reading(monkeypatch):
    monkeypatch.setattr(reading, "MAX_ROWS", 100)
    rows = ROWS[:1] + [[f"Hội thảo {n}", "01/02/2025"] for n in range(150)]

    assert refusal(xlsx_bytes(rows)) == (
        "Trang tính có hơn 100 dòng. Hãy chia thành nhiều tệp, mỗi tệp tối đa 100 dòng (hoặc "
        "xoá các dòng trống có định dạng phía dưới dữ liệu)."
    )
    assert refusal(csv_bytes(rows), "a.csv").startswith("Trang tính có hơn 100 dòng.")


def test_default_row_limit_reads_with_thousands_separator():
    rows = ROWS[:1] + [["x", ""]] * (reading.MAX_ROWS + 5)

    assert refusal(csv_bytes(rows), "a.csv").startswith("Trang tính có hơn 50.000 dòng.")


def test_columns_over_the_limit_are_refused():
    rows = [["Tiêu đề"] + [f"Cột {n}" for n in range(reading.MAX_COLUMNS + 1)], ["a"]]

    assert refusal(xlsx_bytes(rows)) == (
        "Dòng 1 có hơn 200 cột; hãy xoá các cột thừa bên phải dữ liệu rồi tải lên lại."
    )


def test_cells_over_the_limit_are_refused(monkeypatch):
    monkeypatch.setattr(reading, "MAX_CELLS", 1000)
    rows = ROWS[:1] + [[f"Hội thảo {n}", "01/02/2025"] for n in range(600)]

    assert refusal(xlsx_bytes(rows)) == (
        "Trang tính có hơn 1.000 ô; hãy chia thành nhiều tệp nhỏ hơn rồi tải lên lại."
    )


def test_xml_entities_are_refused():
    # "Billion laughs": defusedxml refuses any entity declaration instead of expanding it.
    def edit(xml):
        doctype = b'<!DOCTYPE worksheet [<!ENTITY a "hahahahaha"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
        return xml.replace(b"?>", b"?>" + doctype, 1).replace(b"<v>", b"<v>&b;", 1)

    content = with_sheet_xml(xlsx_bytes(ROWS + [[1, 2]]), edit)

    assert refusal(content) == NOT_XLSX


def test_defusedxml_is_what_openpyxl_parses_with():
    from openpyxl.xml import DEFUSEDXML

    assert DEFUSEDXML is True


@pytest.mark.parametrize(
    "text", [" =1+1+cmd|' /C calc'!A0", "+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A2)", "\t=A1"]
)
def test_formula_like_text_is_refused_after_trimming(text):
    rows = ROWS + [[text, "01/02/2025"]]
    start = text.lstrip()[0]

    assert refusal(xlsx_bytes(rows)).startswith(f"Ô A3 bắt đầu bằng «{start}»")
    assert refusal(csv_bytes(rows), "a.csv").startswith(f"Ô A3 bắt đầu bằng «{start}»")


def test_formula_like_text_marked_as_text_is_imported_as_typed():
    def mark(sheet):
        sheet["A3"].data_type = "s"  # openpyxl would write it as a formula otherwise
        sheet["A3"].quotePrefix = True

    rows = ROWS + [['=HYPERLINK("http://x")', "01/02/2025"]]
    xlsx = read_upload(io.BytesIO(xlsx_bytes(rows, sheet_setup=mark)), "a.xlsx")
    csv_rows = [ROWS[0], ['\'=HYPERLINK("http://x")', "'-5"]]
    csv = read_upload(io.BytesIO(csv_bytes(csv_rows)), "a.csv")

    assert xlsx.rows[1] == ['=HYPERLINK("http://x")', "01/02/2025"]
    assert csv.rows == [['=HYPERLINK("http://x")', "-5"]]


def test_an_apostrophe_before_plain_text_is_kept():
    sheet = read_upload(io.BytesIO(csv_bytes([ROWS[0], ["'Tuyên bố'", ""]])), "a.csv")

    assert sheet.rows == [["'Tuyên bố'", ""]]
