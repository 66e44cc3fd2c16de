"""Every kind of bad file gives a clear Vietnamese message before any row is imported."""

import io

import pytest

from asoen_portal.exchange.reading import MAX_BYTES, ImportFileError, read_upload
from tests.exchange.conftest import csv_bytes, xlsx_bytes

ROWS = [["Tiêu đề", "Từ ngày"], ["Hội nghị ASOEN 36", "28/07/2025"]]


def refusal(content, name):
    with pytest.raises(ImportFileError) as caught:
        read_upload(io.BytesIO(content), name)
    return caught.value.message


def test_xlsx_is_read_with_line_numbers_skipping_blank_rows():
    sheet = read_upload(io.BytesIO(xlsx_bytes(ROWS[:1] + [[None, None]] + ROWS[1:])), "a.xlsx")

    assert sheet.headers == ["Tiêu đề", "Từ ngày"]
    assert sheet.rows == [["Hội nghị ASOEN 36", "28/07/2025"]]
    assert sheet.line_numbers == [3]


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16"])
def test_csv_in_unicode_encodings_is_read(encoding):
    sheet = read_upload(io.BytesIO(csv_bytes(ROWS, encoding=encoding)), "a.csv")

    assert sheet.headers == ["Tiêu đề", "Từ ngày"]
    assert sheet.rows == [["Hội nghị ASOEN 36", "28/07/2025"]]


def test_semicolon_csv_is_read():
    sheet = read_upload(io.BytesIO(csv_bytes(ROWS, delimiter=";")), "a.csv")

    assert sheet.rows == [["Hội nghị ASOEN 36", "28/07/2025"]]


def test_windows_1258_csv_is_refused_with_advice():
    # "Hà Nội" as Excel on a Vietnamese Windows saves it: Windows-1258, tone marks combining.
    content = b"Tieu de\r\nH\xe0 N\xf4\xf2i\r\n"

    assert refusal(content, "a.csv") == (
        "Tệp CSV không dùng bảng mã UTF-8 (byte lạ ở vị trí 10). Trong Excel, hãy chọn "
        "Lưu thành → «CSV UTF-8 (Comma delimited)» rồi tải lên lại."
    )


def test_wrong_file_type_is_refused():
    assert refusal(b"%PDF-1.7", "bao-cao.pdf") == (
        "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv); tệp «bao-cao.pdf» không phải hai loại này."
    )


def test_old_xls_is_refused():
    assert refusal(b"\xd0\xcf\x11\xe0", "cu.xls") == (
        "Tệp .xls (Excel 97–2003) không được hỗ trợ; hãy mở tệp và lưu lại dạng .xlsx."
    )


def test_renamed_file_is_not_a_valid_xlsx():
    assert refusal(b"khong phai excel", "gia.xlsx") == (
        "Không đọc được tệp: đây không phải là tệp Excel .xlsx hợp lệ (có thể tệp bị hỏng)."
    )


def test_empty_file_is_refused():
    assert refusal(b"", "a.csv") == "Tệp trống: không có dòng tiêu đề và không có dữ liệu."


def test_header_only_file_is_refused():
    assert refusal(xlsx_bytes(ROWS[:1]), "a.xlsx") == (
        "Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào."
    )


def test_empty_first_row_is_refused():
    assert refusal(xlsx_bytes([[None, None]] + ROWS), "a.xlsx") == (
        "Dòng 1 phải là dòng tiêu đề cột (ví dụ «Tiêu đề», «Từ ngày»), nhưng đang trống."
    )


def test_merged_header_cells_are_refused():
    content = xlsx_bytes([["Thời gian", None], ["28/07/2025", "01/08/2025"]], merge="A1:B1")

    assert refusal(content, "a.xlsx") == (
        "Trang tính có ô bị gộp (A1:B1); mỗi ô phải giữ một giá trị riêng. Hãy bỏ gộp ô "
        "(Unmerge) và điền đủ tiêu đề, dữ liệu rồi tải lên lại."
    )


def test_formula_is_refused_naming_the_cell():
    content = xlsx_bytes(ROWS + [["Hội thảo", "=TODAY()"]])

    assert refusal(content, "a.xlsx") == (
        "Ô B3 chứa công thức «=TODAY()». Tệp nhập chỉ nhận giá trị: hãy sao chép và dán giá "
        "trị (Paste Special → Values) rồi tải lên lại."
    )


def test_csv_cell_starting_with_equals_is_refused():
    assert refusal(csv_bytes(ROWS + [["=1+1", ""]]), "a.csv") == (
        "Ô A3 bắt đầu bằng «=» («=1+1»), nên Excel sẽ coi là công thức khi mở tệp. Nếu đây là "
        "văn bản, hãy gõ thêm dấu nháy đơn (') ở đầu ô rồi tải lên lại."
    )


def test_data_under_an_empty_header_is_refused():
    content = xlsx_bytes([["Tiêu đề", None], ["Hội thảo", "ghi chú lạc"]])

    assert refusal(content, "a.xlsx") == "Cột B có dữ liệu nhưng không có tiêu đề ở dòng 1."


def test_repeated_header_is_refused():
    content = xlsx_bytes([["Tiêu đề", "Tiêu đề"], ["a", "b"]])

    assert refusal(content, "a.xlsx") == "Tiêu đề «Tiêu đề» xuất hiện hai lần (cột A và B)."


def test_file_over_the_limit_is_refused():
    content = b"Ti\xc3\xaau \xc4\x91\xe1\xbb\x81\n" + b"x" * (15 * 1024 * 1024)

    assert len(content) > MAX_BYTES
    assert refusal(content, "lon.csv") == (
        "Tệp lớn hơn giới hạn 10 MB; hãy chia thành nhiều tệp nhỏ hơn."
    )
