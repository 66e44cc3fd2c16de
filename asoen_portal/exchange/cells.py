"""The one rule for text that a spreadsheet would run as a formula, for import and export alike.

Excel and LibreOffice start a formula at "=", "+", "-" or "@", also after leading spaces or
tabs, so `=HYPERLINK(...)` or ` +cmd|...` in a cell a user opens is a live formula
(CSV injection). Such text is kept as typed, but always marked as text on the way out:
- CSV: a leading apostrophe, the mark Excel itself uses for "this is text" and that the import
  removes again, so an export re-imports to the same value;
- XLSX: a string cell (never a formula cell) with the "quote prefix" style, Excel's own way
  of storing a cell typed with that apostrophe.
On the way in, a CSV cell or an XLSX text cell that looks like a formula without that mark is
refused (it would run when the file is opened again); with the mark it is imported as text.
"""

FORMULA_STARTS = ("=", "+", "-", "@")
TEXT_MARK = "'"


def looks_like_formula(value) -> bool:
    """True when a spreadsheet would read `value` as a formula (or as our text mark followed
    by one, so that marking stays reversible)."""
    if not isinstance(value, str):
        return False
    text = value.lstrip()
    if text.startswith(FORMULA_STARTS):
        return True
    return text.startswith(TEXT_MARK) and looks_like_formula(text[1:])


def mark_as_text(value):
    """A CSV cell for `value`: formula-like text gets the leading apostrophe."""
    if looks_like_formula(value):
        return TEXT_MARK + value
    return value


def unmark_text(value: str) -> str | None:
    """The text a marked CSV cell stands for, or None if `value` carries no mark."""
    text = value.strip()
    if text.startswith(TEXT_MARK) and looks_like_formula(text[1:]):
        return text[1:]
    return None


def column_letter(index: int) -> str:
    """The spreadsheet's name of the column at 0-based `index` (0 → "A", 26 → "AA"), as error
    messages and column widths both address it."""
    from openpyxl.utils import get_column_letter

    return get_column_letter(index + 1)
