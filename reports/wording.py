"""How the report words dates and records, in the language that is active.

Every phrase is a translatable template (Vietnamese source, English in `reports/locale`), so the
gathering code in `content.py` stays free of language: it calls these helpers inside
`translation.override(language)`.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _

MONTHS_EN = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def is_english():
    return (get_language() or "vi").startswith("en")


def pick(vi, en):
    """The record's English text in the English edition, falling back to the Vietnamese."""
    return en if is_english() and en else vi


def _day(d):
    # Decree 30/2020 writes days below 10 and months 1-2 with a leading zero ("ngày 01 tháng 01").
    return f"{d:02d}"


def _month(m):
    return f"{m:02d}" if m < 3 else str(m)


def long_date(date):
    """ "ngày 12 tháng 9 năm 2025" / "12 September 2025"."""
    if is_english():
        return f"{date.day} {MONTHS_EN[date.month - 1]} {date.year}"
    return f"ngày {_day(date.day)} tháng {_month(date.month)} năm {date.year}"


def place_date_line(place, date):
    """The italic line under the heading: "Hà Nội, ngày 26 tháng 12 năm 2025"."""
    if date is None:
        return place
    return f"{place}, {long_date(date)}"


def date_range(start, end):
    """A meeting's dates as the 2025 report writes them.

    "ngày 26 tháng 12 năm 2025", "trong các ngày 02-04 tháng 9 năm 2025",
    "từ ngày 28 tháng 7 đến ngày 01 tháng 8 năm 2025"; in English "2-4 September 2025".
    """
    if start is None:
        return ""
    if end is None or end == start:
        return long_date(start) if not is_english() else f"on {long_date(start)}"
    en = is_english()
    if (start.year, start.month) == (end.year, end.month):
        if en:
            return f"on {start.day}-{end.day} {MONTHS_EN[start.month - 1]} {start.year}"
        return (
            f"trong các ngày {_day(start.day)}-{_day(end.day)} "
            f"tháng {_month(start.month)} năm {start.year}"
        )
    if en:
        first = f"{start.day} {MONTHS_EN[start.month - 1]}"
        if start.year != end.year:
            first += f" {start.year}"
        return f"from {first} to {long_date(end)}"
    first = f"ngày {_day(start.day)} tháng {_month(start.month)}"
    if start.year != end.year:
        first += f" năm {start.year}"
    return f"từ {first} đến {long_date(end)}"


def month_span(year, month, end_month=None):
    """A planned meeting's month: "Tháng 6/2026", "Tháng 8-9/2026" / "June 2026"; nothing
    when only the year is known (the report's year says it)."""
    if month is None:
        return ""
    if is_english():
        if end_month and end_month != month:
            return f"{MONTHS_EN[month - 1]}-{MONTHS_EN[end_month - 1]} {year}"
        return f"{MONTHS_EN[month - 1]} {year}"
    if end_month and end_month != month:
        return _("Tháng {month}-{end_month}/{year}").format(
            month=month, end_month=end_month, year=year
        )
    return _("Tháng {month}/{year}").format(month=month, year=year)


def count(n):
    """Counts as the report writes them: "06 Nhóm công tác", "19 thành phố"."""
    return f"{n:02d}" if not is_english() else str(n)


def join_list(items, sep="; "):
    return sep.join(item for item in items if item)


def with_code(name, code):
    """ "Quỹ Môi trường toàn cầu (GEF)", unless the name already carries the code."""
    if not code or code in name:
        return name
    return f"{name} ({code})"


def country_name(country_choice, code):
    """The country's label in the active language ("Malaysia", "Lào" / "Laos")."""
    if not code:
        return ""
    return str(country_choice(code).label)


def place(city, country):
    """ "Langkawi, Malaysia"; either part may be missing."""
    return ", ".join(part for part in (city, country) if part)
