"""One import run over a read sheet: headers mapped, rows validated and written, summarised.

`import_sheet` is what every door uses (the /data/ pages through an ImportJob, `manage.py
import`, the benchmark): the preview is a real import rolled back at the end, and a confirmed
import is rolled back if a single row fails.
"""

from django.utils.translation import gettext as _

from asoen_portal.exchange.reading import ImportFileError
from asoen_portal.exchange.registry import get_register
from asoen_portal.text import fold

MAX_STORED_ERRORS = 2000
RESULT_KINDS = {"new": "new", "update": "update", "skip": "unchanged"}


def build_dataset(resource, sheet):
    """Map the file's headers (Vietnamese or English) onto the resource's columns."""
    import tablib

    aliases = resource.header_aliases()
    headers, ignored = [], []
    for header in sheet.headers:
        canonical = aliases.get(fold(header))
        if canonical is None:
            ignored.append(header)
            headers.append(header)
        elif canonical in headers:
            raise ImportFileError(
                _("Cột «{header}» trùng với cột «{canonical}» đã có trong tệp.").format(
                    header=header, canonical=canonical
                )
            )
        else:
            headers.append(canonical)
    missing = [
        column.column_name
        for column in resource.columns()
        if column.required and column.column_name not in headers
    ]
    if missing:
        raise ImportFileError(
            _("Thiếu cột bắt buộc: {columns}. Hãy tải tệp mẫu để xem đủ các cột.").format(
                columns=", ".join(f"«{name}»" for name in missing)
            )
        )
    return tablib.Dataset(*sheet.rows, headers=headers), ignored


def import_sheet(*, register, sheet, user, confirm, progress=None):
    """Import `sheet` into `register`; with `confirm` False (preview) nothing stays written,
    and with `confirm` True nothing is written unless every row is valid."""
    resource = get_register(register).resource_class()(
        user=user, progress=progress, line_numbers=sheet.line_numbers
    )
    dataset, ignored = build_dataset(resource, sheet)
    # import-export's own transaction: rolled back for the preview (a dry run that really
    # writes, so every row meets the database's checks), and for a confirmed import as soon
    # as one row failed to save or to validate.
    result = resource.import_data(
        dataset,
        dry_run=not confirm,
        raise_errors=False,
        use_transactions=True,
        rollback_on_validation_errors=True,
        collect_failed_rows=False,
        user=user,
    )
    summary = summarise(result, resource)
    summary["ignored_columns"] = ignored
    return summary


def summarise(result, resource):
    """Counts, one [row, result, label, changes] per row (changes: [column, old, new] of an
    updated row's changed cells), and row errors naming row and column."""
    counts = {"new": 0, "update": 0, "unchanged": 0, "error": 0}
    rows, errors = [], []
    failed = set()
    headers = {name: field.column_name for name, field in resource.fields.items()}
    for number, invalid in ((row.number, row) for row in result.invalid_rows):
        failed.add(number)
        for attribute, messages in invalid.error_dict.items():
            column = headers.get(attribute, "")
            errors += [
                {"row": resource.excel_row(number), "column": column, "message": message}
                for message in messages
            ]
    for number, row_errors in result.row_errors():
        failed.add(number)
        errors += [
            {
                "row": resource.excel_row(number),
                "column": "",
                "message": _("Không ghi được dòng này: {error}").format(error=error.error),
            }
            for error in row_errors
        ]
    for number, row_result in enumerate(result.rows, start=1):
        kind = "error" if number in failed else RESULT_KINDS.get(row_result.import_type, "error")
        counts[kind] += 1
        changes = getattr(row_result, "changes", []) if kind == "update" else []
        rows.append([resource.excel_row(number), kind, row_result.object_repr or "", changes])
    file_error = "; ".join(str(error.error) for error in result.base_errors)
    errors.sort(key=lambda error: error["row"])
    return {
        "counts": counts,
        "rows": rows,
        "errors": errors[:MAX_STORED_ERRORS],
        "file_error": file_error,
    }
