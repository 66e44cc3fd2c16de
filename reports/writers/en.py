"""The English edition's writer: dates, ranges and lists from Django's and Babel's locale
data (British English, as ASEAN documents write it), never hand-made month lists."""

from datetime import date

from babel.dates import format_interval
from babel.lists import format_list
from django.utils.formats import date_format

from reports.writers.base import Writer

LOCALE = "en_GB"


class EnglishWriter(Writer):
    language = "en"
    purpose_openings = ("To ",)
    purpose_joiner = ", "
    organised_words = ("host", "organis", "held")

    def long_date(self, day: date) -> str:
        return date_format(day, "j F Y")

    def date_range(self, start: date, end_: date | None) -> str:
        if end_ is None or end_ == start:
            return f"on {self.long_date(start)}"
        # Month names from Django's English locale; the dash between the days as CLDR writes it.
        if (start.year, start.month) == (end_.year, end_.month):
            return f"on {start.day}–{self.long_date(end_)}"
        first = date_format(start, "j F" if start.year == end_.year else "j F Y")
        return f"from {first} to {self.long_date(end_)}"

    def month_span(self, year: int, month: int | None, end_month: int | None = None) -> str:
        if month is None:
            return ""
        first = date(year, month, 1)
        if end_month and end_month != month:
            return format_interval(first, date(year, end_month, 1), "yMMMM", locale=LOCALE)
        return date_format(first, "F Y")

    def month_phrase(self, year: int, month: int | None, end_month: int | None = None) -> str:
        span = self.month_span(year, month, end_month)
        return f"in {span}" if span else ""

    def join_names(self, items: list[str]) -> str:
        items = [item for item in items if item]
        return format_list(items, locale=LOCALE) if items else ""
