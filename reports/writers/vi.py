"""The Vietnamese edition's writer: dates and counts as Decree 30/2020 and the 2025 report
write them ("ngày 02 tháng 9 năm 2025", "03 Vườn di sản")."""

from datetime import date

from babel.lists import format_list

from reports.writers.base import Writer


def _day(d: int) -> str:
    # Decree 30/2020 writes days below 10 and months 1-2 with a leading zero ("ngày 01 tháng 01").
    return f"{d:02d}"


def _month(m: int) -> str:
    return f"{m:02d}" if m < 3 else str(m)


class VietnameseWriter(Writer):
    language = "vi"
    purpose_openings = ("Nhằm ", "nhằm ")
    organised_words = ("tổ chức",)

    def long_date(self, day: date) -> str:
        return f"ngày {_day(day.day)} tháng {_month(day.month)} năm {day.year}"

    def date_range(self, start: date, end_: date | None) -> str:
        if end_ is None or end_ == start:
            return self.long_date(start)
        if (start.year, start.month) == (end_.year, end_.month):
            return (
                f"trong các ngày {_day(start.day)}-{_day(end_.day)} "
                f"tháng {_month(start.month)} năm {start.year}"
            )
        first = f"ngày {_day(start.day)} tháng {_month(start.month)}"
        if start.year != end_.year:
            first += f" năm {start.year}"
        return f"từ {first} đến {self.long_date(end_)}"

    def month_span(self, year: int, month: int | None, end_month: int | None = None) -> str:
        """ "tháng 6/2026", "tháng 8-9/2026"; nothing when only the year is known."""
        if month is None:
            return ""
        if end_month and end_month != month:
            return f"tháng {month}-{end_month}/{year}"
        return f"tháng {month}/{year}"

    def count(self, n: int) -> str:
        return f"{n:02d}"

    def join_names(self, items: list[str]) -> str:
        """ "A, B và C" (Babel's Vietnamese list pattern)."""
        items = [item for item in items if item]
        return format_list(items, locale="vi") if items else ""
