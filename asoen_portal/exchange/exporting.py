"""Exports of a register (the list page's current filter) and blank import templates.

Headers are always the Vietnamese ones, whatever the interface language, so that any export
imports back unchanged. CSV is written as UTF-8 with a BOM: without it Excel on Windows opens
Vietnamese text as mojibake.
"""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from import_export.widgets import ManyToManyWidget

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


def filtered_queryset(*, register, params, request=None):
    """The register's rows the list page shows for `params` (its GET parameters)."""
    resource = register.resource_class()()
    queryset = resource._meta.model.objects.all()
    filterset_class = register.filterset_class()
    if filterset_class is not None:
        filterset = filterset_class(params, queryset=queryset, request=request)
        queryset = filterset.qs
    return queryset


def export_register(*, register, params=None, request=None, fmt="xlsx"):
    """Return (content bytes, content type, file name) for the filtered register."""
    register = get_register(register) if isinstance(register, str) else register
    queryset = filtered_queryset(register=register, params=params or {}, request=request)
    dataset = register.resource_class()().export(queryset)
    stamp = timezone.localdate().strftime("%Y%m%d")
    name = f"{register.slug}-{stamp}.{fmt}"
    if fmt == "csv":
        return write_csv(dataset.headers, dataset), FORMATS["csv"], name
    return write_xlsx(dataset.headers, dataset, title=str(register.label)), FORMATS["xlsx"], name


def write_csv(headers, rows):
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8-sig")


def write_xlsx(headers, rows, *, title, notes=None):
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers):
        letter = _letter(index)
        sheet.column_dimensions[letter].width = max(12, min(45, len(header) + 6))
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=header)
        cell.font = Font(bold=True)
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        sheet.append([_safe_cell(sheet, value) for value in row])
    if notes:
        guide = workbook.create_sheet(title=_("Hướng dẫn")[:31])
        for line in notes:
            guide.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _letter(index):
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)


def _safe_cell(sheet, value):
    from openpyxl.cell import WriteOnlyCell

    if isinstance(value, str) and value.startswith("="):
        # Text that looks like a formula stays text: openpyxl would otherwise write a formula.
        cell = WriteOnlyCell(sheet, value=value)
        cell.data_type = "s"
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
