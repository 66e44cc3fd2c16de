"""Exports of a register (the list page's current filter) and blank import templates.

Headers are always the Vietnamese ones, whatever the interface language, so that any export
imports back unchanged. CSV is written as UTF-8 with a BOM: without it Excel on Windows opens
Vietnamese text as mojibake. Text that a spreadsheet would run as a formula is marked as text
(cells.py), in CSV and XLSX alike. In .xlsx, dates are real Excel dates shown dd/mm/yyyy (or
mm/yyyy, yyyy for a date known only to the month or year), so sorting and filtering work and
no locale misreads them; the CSV keeps dd/mm/yyyy text, which the import reads back.
"""

import csv
import datetime
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.widgets import ManyToManyWidget

from asoen_portal.exchange.cells import column_letter, looks_like_formula, mark_as_text
from asoen_portal.exchange.registry import get_register
from asoen_portal.exchange.widgets import (
    ChoiceWidget,
    NaturalKeyWidget,
    VietnameseDateWidget,
    WholeNumberWidget,
    YesNoWidget,
)

FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "csv": "text/csv; charset=utf-8",
}


def export_dataset(*, register, params=None, request=None, native=False):
    """The register's rows the list page shows for `params` (its GET parameters), as a
    tablib.Dataset; with `native`, dates stay dates and numbers numbers (for .xlsx)."""
    register = get_register(register) if isinstance(register, str) else register
    resource = register.resource_class()()
    return resource.export(
        filterset_class=register.filterset_class(),
        params=params or {},
        request=request,
        force_native_type=native,
    )


def export_register(*, register, params=None, request=None, fmt="xlsx"):
    """Return (content bytes, content type, file name) for the filtered register."""
    register = get_register(register) if isinstance(register, str) else register
    dataset = export_dataset(
        register=register, params=params, request=request, native=fmt == "xlsx"
    )
    stamp = timezone.localdate().strftime("%Y%m%d")
    name = f"{register.slug}-{stamp}.{fmt}"
    if fmt == "csv":
        return write_csv(dataset.headers, dataset), FORMATS["csv"], name
    return write_xlsx(dataset.headers, dataset, title=str(register.label)), FORMATS["xlsx"], name


def write_csv(headers, rows):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows([mark_as_text(value) for value in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(headers, rows, *, title, notes=None):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers):
        letter = column_letter(index)
        sheet.column_dimensions[letter].width = max(12, min(45, len(header) + 6))
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_xlsx_cell(sheet, value) for value in row])
    if notes:
        guide = workbook.create_sheet(title=_("Hướng dẫn")[:31])
        for line in notes:
            guide.append([_xlsx_cell(guide, value) for value in line])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _xlsx_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    from asoen_portal.exchange.widgets import DATE_NUMBER_FORMATS

    if isinstance(value, datetime.datetime):
        # Excel has no time zones: the wall-clock time in Hà Nội is what a reader expects.
        if timezone.is_aware(value):
            value = timezone.localtime(value).replace(tzinfo=None)
        cell = WriteOnlyCell(sheet, value=value)
        cell.number_format = "dd/mm/yyyy hh:mm"
        return cell
    if isinstance(value, datetime.date):
        precision = getattr(value, "precision", "day")
        cell = WriteOnlyCell(sheet, value=datetime.date(value.year, value.month, value.day))
        cell.number_format = DATE_NUMBER_FORMATS[precision]
        return cell
    if looks_like_formula(value):
        # A string cell, never a formula, with the quote prefix Excel gives a cell typed
        # with a leading apostrophe: editing it in Excel keeps it text.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
        cell.quotePrefix = True
        return cell
    return value


def describe_column(column):
    """How to fill one column, for the template's guide sheet."""
    widget = column.widget
    if isinstance(widget, VietnameseDateWidget):
        return _("Ngày dạng dd/mm/yyyy (ví dụ 28/07/2025) hoặc ô ngày của Excel.")
    if isinstance(widget, ChoiceWidget):
        return _("Một trong: {choices}.").format(choices="; ".join(widget._labels("vi").values()))
    if isinstance(widget, ManyToManyWidget):
        return _("Các mã cách nhau bằng dấu chấm phẩy (;).")
    if isinstance(widget, NaturalKeyWidget):
        return _("Mã đã có trong cổng (ví dụ AWGNCB, AWGNCB 36, 276/NQ-CP).")
    if isinstance(widget, WholeNumberWidget):
        return _("Số nguyên.")
    if isinstance(widget, YesNoWidget):
        return _("«Có» hoặc «Không».")
    if column.readonly:
        return _("Do cổng điền khi xuất; để trống khi thêm dòng mới.")
    return _("Văn bản.")


def blank_template(*, register):
    """An .xlsx with the header row only, plus a guide sheet describing every column.

    The example values live in the guide, not as a data row, so a template filled in a hurry
    never imports an example by mistake.
    """
    register = get_register(register) if isinstance(register, str) else register
    resource = register.resource_class()()
    columns = resource.columns()
    notes = [[_("Cột"), _("Bắt buộc"), _("Cách ghi")]]
    notes += [
        [column.column_name, _("Có") if column.required else "", describe_column(column)]
        for column in columns
    ]
    notes.append([])
    notes.append(
        [_("Mỗi bản ghi được nhận diện bởi: {key}.").format(key=resource.key_description())]
    )
    content = write_xlsx(
        [column.column_name for column in columns], [], title=str(register.label), notes=notes
    )
    return content, FORMATS["xlsx"], f"mau-{register.slug}.xlsx"
