"""Turning an uploaded .xlsx or .csv into a header row and data rows — or a clear refusal.

Decisions, each checked before any row reaches the database:
- Only .xlsx and .csv. Files over `MAX_BYTES` (10 MB, roughly 100,000 activity rows) are
  refused; larger backlogs are split or go through `manage.py import`.
- .xlsx: the first sheet is read. Row 1 holds the headers. Merged cells anywhere are refused,
  because a merged range keeps its value only in its first cell and the others would import
  as empty. Formulas are refused, naming the cell: a file saved by a script or by some
  spreadsheet programs has no cached result, so reading "cached values" would import blanks
  or stale numbers; the user pastes values instead. Real Excel dates are kept as dates.
- .csv: UTF-8 with or without BOM, and UTF-16 with a BOM ("Unicode Text"). Other encodings
  are refused rather than guessed: Windows-1252 and Windows-1258 both decode almost any byte
  string, so a guess would import wrong diacritics silently. Delimiter: comma, semicolon or
  tab, detected from the header line. A cell starting with "=" is refused like a formula
  (it would become one when the file is opened in Excel again).
- Fully empty rows are skipped; every kept row remembers its line number in the file, which
  is the number error messages use.
"""

import csv
import io
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

MAX_BYTES = 10 * 1024 * 1024
EXTENSIONS = (".xlsx", ".csv")


class ImportFileError(Exception):
    """The file as a whole cannot be imported; the message says why, in Vietnamese."""

    def __init__(self, message):
        super().__init__(message)
        self.message = message


@dataclass
class Sheet:
    headers: list
    rows: list = field(default_factory=list)
    line_numbers: list = field(default_factory=list)


def column_letter(index):
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def read_upload(fileobj, name):
    """Read `fileobj` (binary) named `name`; raise ImportFileError on anything unusable."""
    lower = (name or "").lower()
    if lower.endswith(".xls"):
        raise ImportFileError(
            _("Tệp .xls (Excel 97–2003) không được hỗ trợ; hãy mở tệp và lưu lại dạng .xlsx.")
        )
    if not lower.endswith(EXTENSIONS):
        raise ImportFileError(
            _(
                "Chỉ nhận tệp Excel (.xlsx) hoặc CSV (.csv); tệp «{name}» không phải hai loại này."
            ).format(name=name)
        )
    data = fileobj.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise ImportFileError(
            _("Tệp lớn hơn giới hạn {limit} MB; hãy chia thành nhiều tệp nhỏ hơn.").format(
                limit=MAX_BYTES // (1024 * 1024)
            )
        )
    if not data.strip():
        raise ImportFileError(_("Tệp trống: không có dòng tiêu đề và không có dữ liệu."))
    raw_rows = _xlsx_rows(data) if lower.endswith(".xlsx") else _csv_rows(data)
    return _to_sheet(raw_rows)


def count_rows(fileobj, name):
    """The number of data rows `read_upload` would return; raises ImportFileError likewise."""
    return len(read_upload(fileobj, name).rows)


def _xlsx_rows(data):
    from openpyxl import load_workbook
    from openpyxl.worksheet.formula import ArrayFormula

    try:
        workbook = load_workbook(io.BytesIO(data), data_only=False)
    except Exception:
        raise ImportFileError(
            _("Không đọc được tệp: đây không phải là tệp Excel .xlsx hợp lệ (có thể tệp bị hỏng).")
        ) from None
    sheet = workbook.worksheets[0]
    merged = sorted(str(cell_range) for cell_range in sheet.merged_cells.ranges)
    if merged:
        raise ImportFileError(
            _(
                "Trang tính có ô bị gộp ({ranges}); mỗi ô phải giữ một giá trị riêng. "
                "Hãy bỏ gộp ô (Unmerge) và điền đủ tiêu đề, dữ liệu rồi tải lên lại."
            ).format(ranges=", ".join(merged[:5]))
        )
    rows = []
    for line, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        for index, value in enumerate(values):
            if isinstance(value, ArrayFormula) or (
                isinstance(value, str) and value.startswith("=")
            ):
                _refuse_formula(f"{column_letter(index)}{line}", value)
        rows.append((line, list(values)))
    workbook.close()
    return rows


def _refuse_formula(cell, value):
    text = getattr(value, "text", value)
    raise ImportFileError(
        _(
            "Ô {cell} chứa công thức «{formula}». Tệp nhập chỉ nhận giá trị: hãy sao chép và "
            "dán giá trị (Paste Special → Values) rồi tải lên lại."
        ).format(cell=cell, formula=str(text)[:60])
    )


def _decode(data):
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise ImportFileError(_("Tệp .csv chứa dữ liệu nhị phân; đây không phải là tệp CSV."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportFileError(
            _(
                "Tệp CSV không dùng bảng mã UTF-8 (byte lạ ở vị trí {position}). Trong Excel, "
                "hãy chọn Lưu thành → «CSV UTF-8 (Comma delimited)» rồi tải lên lại."
            ).format(position=error.start)
        ) from None


def _csv_rows(data):
    text = _decode(data)
    first_line = text.split("\n", 1)[0]
    delimiter = max(",;\t", key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows = []
    try:
        for line, values in enumerate(reader, start=1):
            for index, value in enumerate(values):
                if value.startswith("="):
                    _refuse_formula(f"{column_letter(index)}{line}", value)
            rows.append((line, values))
    except csv.Error as error:
        raise ImportFileError(
            _("Tệp CSV sai cấu trúc ở dòng {line}: {error}.").format(
                line=reader.line_num, error=error
            )
        ) from None
    return rows


def _clean(value):
    if isinstance(value, str):
        return value.strip()
    return "" if value is None else value


def _to_sheet(raw_rows):
    if not raw_rows or not any(_clean(v) != "" for v in raw_rows[0][1]):
        raise ImportFileError(
            _("Dòng 1 phải là dòng tiêu đề cột (ví dụ «Tiêu đề», «Từ ngày»), nhưng đang trống.")
        )
    header_cells = [str(_clean(v)) for v in raw_rows[0][1]]
    data = []
    for line, values in raw_rows[1:]:
        cleaned = [_clean(v) for v in values]
        if any(v != "" for v in cleaned):
            data.append((line, cleaned))
    width = max([len(header_cells)] + [len(values) for _line, values in data])
    header_cells += [""] * (width - len(header_cells))
    used = []
    seen = {}
    for index, header in enumerate(header_cells):
        has_data = any(index < len(values) and values[index] != "" for _line, values in data)
        if not header:
            if has_data:
                raise ImportFileError(
                    _("Cột {column} có dữ liệu nhưng không có tiêu đề ở dòng 1.").format(
                        column=column_letter(index)
                    )
                )
            continue
        if header in seen:
            raise ImportFileError(
                _("Tiêu đề «{header}» xuất hiện hai lần (cột {first} và {second}).").format(
                    header=header,
                    first=column_letter(seen[header]),
                    second=column_letter(index),
                )
            )
        seen[header] = index
        used.append(index)
    if not data:
        raise ImportFileError(_("Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào."))
    sheet = Sheet(headers=[header_cells[i] for i in used])
    for line, values in data:
        values = values + [""] * (width - len(values))
        sheet.rows.append([values[i] for i in used])
        sheet.line_numbers.append(line)
    return sheet
