"""Turning an uploaded .xlsx or .csv into a header row and data rows — or a clear refusal.

Decisions, each checked before any row reaches the database:
- Only .xlsx and .csv. Files over `MAX_BYTES` (10 MB) are refused; larger backlogs are split.
- Hostile files are stopped while they are read, not after: an .xlsx is a zip, so the sizes
  its members unpack to are checked first (`MAX_UNPACKED_BYTES` in all, and no member
  unpacking more than `MAX_RATIO` times its packed size: 100 kB of zip can hold gigabytes of
  sheet XML); then the sheet is streamed with openpyxl's read-only mode (rows are parsed one
  at a time, never a whole workbook in memory) and reading stops as soon as the sheet passes
  `MAX_ROWS`, `MAX_COLUMNS` or `MAX_CELLS`. The sheet's own "dimension" is not trusted (a
  forged one would make openpyxl pad every row to 16,384 cells). The XML is parsed by
  defusedxml (openpyxl uses it when installed): no entity expansion, no external entities.
- .xlsx: the first sheet is read. Row 1 holds the headers. Merged cells anywhere are refused,
  because a merged range keeps its value only in its first cell and the others would import
  as empty. Formulas are refused, naming the cell: a file saved by a script or by some
  spreadsheet programs has no cached result, so reading "cached values" would import blanks
  or stale numbers; the user pastes values instead. Real Excel dates are kept as dates.
- Text that a spreadsheet would run as a formula (= + - @, also after spaces: see cells.py)
  is imported only when marked as text — Excel's apostrophe, which is what the exports
  write — and refused otherwise, naming the cell.
- .csv: UTF-8 with or without BOM, and UTF-16 with a BOM ("Unicode Text"). Other encodings
  are refused rather than guessed: Windows-1252 and Windows-1258 both decode almost any byte
  string, so a guess would import wrong diacritics silently. Delimiter: comma, semicolon or
  tab, detected from the header line.
- Fully empty rows are skipped; every kept row remembers its line number in the file, which
  is the number error messages use.
"""

import csv
import io
import re
import threading
import zipfile
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from asoen_portal.exchange.cells import column_letter, looks_like_formula, unmark_text

MAX_BYTES = 10 * 1024 * 1024
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
MAX_RATIO = 100
# Members this small may pack as tightly as they like (a theme, an empty sheet).
RATIO_FROM_BYTES = 1024 * 1024
MAX_ROWS = 50_000
MAX_COLUMNS = 200
MAX_CELLS = 1_500_000
EXTENSIONS = (".xlsx", ".csv")
MERGE_CELL = re.compile(rb"<(?:\w+:)?mergeCell\b[^>]*?\bref=\"([^\"]+)\"")
ROW_TAG = re.compile(rb"<(?:\w+:)?row\b")
CHUNK = 1024 * 1024


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


def _read_bytes(fileobj, name):
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
    return data, lower.endswith(".xlsx")


def read_upload(fileobj, name):
    """Read `fileobj` (binary) named `name`; raise ImportFileError on anything unusable."""
    data, is_xlsx = _read_bytes(fileobj, name)
    raw_rows = _xlsx_rows(data) if is_xlsx else _csv_rows(data)
    return _to_sheet(_within_limits(raw_rows))


def count_rows(fileobj, name):
    """About how many data rows the file has, cheaply (to choose between running the import
    in the request and queueing it): the sheet's row tags or the CSV's lines, less the header.
    The sizes are checked as for a real read; the exact count comes from the run."""
    data, is_xlsx = _read_bytes(fileobj, name)
    if not is_xlsx:
        return max(data.count(b"\n") - 1, 0)
    archive, workbook, sheet = _open_first_sheet(data)
    try:
        with archive.open(sheet._worksheet_path) as stream:
            return max(_count_rows_tags(stream) - 1, 0)
    except (KeyError, zipfile.BadZipFile, OSError):
        raise _not_xlsx() from None
    finally:
        workbook.close()


def _too_large():
    return ImportFileError(
        _(
            "Tệp Excel khi giải nén lớn hơn {limit} MB (có thể chứa rất nhiều ô trống hoặc dữ "
            "liệu lặp lại); không thể đọc an toàn. Hãy chép phần dữ liệu sang một tệp mới, hoặc "
            "chia thành nhiều tệp nhỏ hơn, rồi tải lên lại."
        ).format(limit=MAX_UNPACKED_BYTES // (1024 * 1024))
    )


def _not_xlsx():
    return ImportFileError(
        _("Không đọc được tệp: đây không phải là tệp Excel .xlsx hợp lệ (có thể tệp bị hỏng).")
    )


def _open_archive(data):
    """The .xlsx as a zip whose declared sizes are within the limits. Python's zipfile never
    unpacks more than a member's declared size (it stops with a CRC error), so checking the
    declared sizes bounds what any later read costs."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        raise _not_xlsx() from None
    if len(members) > 10_000 or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise _too_large()
    for member in members:
        if member.file_size > RATIO_FROM_BYTES and member.file_size > MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise _too_large()
    return archive


def _chunks(stream):
    # Overlapping chunks, so a tag split across two reads is still found.
    tail = b""
    while chunk := stream.read(CHUNK):
        yield tail + chunk
        tail = chunk[-256:]


def _count_rows_tags(stream):
    # A tag wholly inside a chunk's overlap was counted with the chunk before: count only the
    # tags that end past it.
    count, tail = 0, b""
    while chunk := stream.read(CHUNK):
        data = tail + chunk
        count += sum(1 for match in ROW_TAG.finditer(data) if match.end() > len(tail))
        tail = chunk[-256:]
    return count


def _merged_ranges(archive, path):
    found = set()
    try:
        with archive.open(path) as stream:
            for chunk in _chunks(stream):
                found.update(ref.decode("ascii", "replace") for ref in MERGE_CELL.findall(chunk))
    except (KeyError, zipfile.BadZipFile, OSError):
        raise _not_xlsx() from None
    return sorted(found)


_OPENING = threading.Lock()


def _load_without_dimensions(data):
    """openpyxl's read-only sheet reads its <dimension> as it opens; a sheet that has none
    (every file openpyxl writes in write-only mode: the portal's own exports) is then parsed
    in full just to find that out, before it is parsed again for its rows — 2 s of a
    10,000-row file, at each of upload, preview and confirm. The dimension is reset right
    after anyway (it may be forged), so it is not read at all. The lock keeps the swapped
    method from outliving a concurrent opening."""
    from openpyxl import load_workbook
    from openpyxl.worksheet._read_only import ReadOnlyWorksheet

    with _OPENING:
        real = ReadOnlyWorksheet.__dict__["_get_size"]
        ReadOnlyWorksheet._get_size = lambda sheet: None
        try:
            return load_workbook(io.BytesIO(data), read_only=True, data_only=False)
        finally:
            ReadOnlyWorksheet._get_size = real


def _open_first_sheet(data):
    """(archive, workbook, first sheet) of a checked .xlsx, opened read-only (streaming)."""
    archive = _open_archive(data)
    try:
        workbook = _load_without_dimensions(data)
        sheet = workbook.worksheets[0]
    except Exception:
        raise _not_xlsx() from None
    sheet.reset_dimensions()  # the file's own dimension may be forged
    return archive, workbook, sheet


def _xlsx_rows(data):
    """(line, values) per row of the first sheet, streamed; refuses merges and formulas."""
    archive, workbook, sheet = _open_first_sheet(data)
    try:
        merged = _merged_ranges(archive, sheet._worksheet_path)
        if merged:
            raise ImportFileError(
                _(
                    "Trang tính có ô bị gộp ({ranges}); mỗi ô phải giữ một giá trị riêng. "
                    "Hãy bỏ gộp ô (Unmerge) và điền đủ tiêu đề, dữ liệu rồi tải lên lại."
                ).format(ranges=", ".join(merged[:5]))
            )
        for line, cells in enumerate(_parsed_rows(sheet), start=1):
            yield line, [_xlsx_value(cell, line, index) for index, cell in enumerate(cells)]
    finally:
        workbook.close()


def _parsed_rows(sheet):
    from openpyxl.utils.exceptions import InvalidFileException

    rows = sheet.iter_rows()
    while True:
        try:
            cells = next(rows)
        except StopIteration:
            return
        except (InvalidFileException, ValueError, KeyError, SyntaxError, zipfile.BadZipFile):
            # defusedxml refusing entities, a truncated or CRC-failing member, broken XML.
            raise _not_xlsx() from None
        yield cells


def _xlsx_value(cell, line, index):
    from openpyxl.worksheet.formula import ArrayFormula

    value = cell.value
    if cell.data_type == "f" or isinstance(value, ArrayFormula):
        _refuse_formula(f"{column_letter(index)}{line}", value)
    # Marked as text (Excel's apostrophe, our exports), it is imported as typed.
    if looks_like_formula(value) and not getattr(cell.style_array, "quotePrefix", False):
        _refuse_formula_text(f"{column_letter(index)}{line}", value)
    return value


def _within_limits(raw_rows):
    cells = 0
    for line, values in raw_rows:
        if line > MAX_ROWS:
            raise ImportFileError(
                _(
                    "Trang tính có hơn {limit} dòng. Hãy chia thành nhiều tệp, mỗi tệp tối đa "
                    "{limit} dòng (hoặc xoá các dòng trống có định dạng phía dưới dữ liệu)."
                ).format(limit=f"{MAX_ROWS:,}".replace(",", "."))
            )
        if len(values) > MAX_COLUMNS:
            raise ImportFileError(
                _(
                    "Dòng {line} có hơn {limit} cột; hãy xoá các cột thừa bên phải dữ liệu rồi "
                    "tải lên lại."
                ).format(line=line, limit=MAX_COLUMNS)
            )
        cells += len(values)
        if cells > MAX_CELLS:
            raise ImportFileError(
                _(
                    "Trang tính có hơn {limit} ô; hãy chia thành nhiều tệp nhỏ hơn rồi tải lên lại."
                ).format(limit=f"{MAX_CELLS:,}".replace(",", "."))
            )
        yield line, values


def _refuse_formula(cell, value):
    text = getattr(value, "text", value)
    raise ImportFileError(
        _(
            "Ô {cell} chứa công thức «{formula}». Tệp nhập chỉ nhận giá trị: hãy sao chép và "
            "dán giá trị (Paste Special → Values) rồi tải lên lại."
        ).format(cell=cell, formula=str(text)[:60])
    )


def _refuse_formula_text(cell, value):
    raise ImportFileError(
        _(
            "Ô {cell} bắt đầu bằng «{start}» («{text}»), nên Excel sẽ coi là công thức khi mở "
            "tệp. Nếu đây là văn bản, hãy gõ thêm dấu nháy đơn (') ở đầu ô rồi tải lên lại."
        ).format(cell=cell, start=value.lstrip()[:1], text=value.strip()[:60])
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
    try:
        for line, values in enumerate(reader, start=1):
            yield line, [_csv_value(value, line, index) for index, value in enumerate(values)]
    except csv.Error as error:
        raise ImportFileError(
            _("Tệp CSV sai cấu trúc ở dòng {line}: {error}.").format(
                line=reader.line_num, error=error
            )
        ) from None


def _csv_value(value, line, index):
    if not looks_like_formula(value):
        return value
    text = unmark_text(value)
    if text is None:
        _refuse_formula_text(f"{column_letter(index)}{line}", value)
    return text


def _clean(value):
    if isinstance(value, str):
        return value.strip()
    return "" if value is None else value


def _to_sheet(raw_rows):
    raw_rows = iter(raw_rows)
    _line, first = next(raw_rows, (1, []))
    if not any(_clean(v) != "" for v in first):
        raise ImportFileError(
            _("Dòng 1 phải là dòng tiêu đề cột (ví dụ «Tiêu đề», «Từ ngày»), nhưng đang trống.")
        )
    header_cells = [str(_clean(v)) for v in first]
    data = []
    for line, values in raw_rows:
        cleaned = [_clean(v) for v in values]
        while cleaned and cleaned[-1] == "":
            cleaned.pop()
        if cleaned:
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
