"""Cell converters for spreadsheets people type by hand: dates, choices and natural keys.

Every `clean()` raises `ValueError` with a Vietnamese sentence the preview shows next to the
row and column, so a secretary can fix the cell without knowing the database. Look-ups load
their whole (small) table once per import and answer from a dict, so a 10,000-row file costs
one query per related table instead of one per cell.
"""

import datetime
import re

from django.utils import translation
from django.utils.translation import gettext as _
from import_export import widgets

from asoen_portal.text import fold

LIST_SEPARATORS = re.compile(r"[;\n]+")
DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%d/%m/%y")


def _model(model):
    """Resources name models of other apps as "app.Model" to avoid import cycles."""
    if isinstance(model, str):
        from django.apps import apps

        return apps.get_model(model)
    return model


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


class TextWidget(widgets.CharWidget):
    """Text cells: numbers typed into a text column (a school called "19/5") stay as typed."""

    def clean(self, value, row=None, **kwargs):
        return _text(value)


class WholeNumberWidget(widgets.Widget):
    """Whole numbers: 2025, "2025" and Excel's 2025.0 are the same year."""

    def __init__(self, *, blank=None, **kwargs):
        self.blank = blank
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return self.blank
        try:
            number = float(text.replace(",", "."))
        except ValueError:
            raise ValueError(_("«{value}» không phải là số.").format(value=text)) from None
        if not number.is_integer() or number < 0:
            raise ValueError(_("«{value}» phải là số nguyên không âm.").format(value=text))
        return int(number)

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else value


class PartialDate(datetime.date):
    """A date known only to the month or the year, standing for its first day: "07/2025" is
    1 July 2025 with precision "month", "2025" is 1 January 2025 with precision "year"."""

    precision = "day"

    @classmethod
    def of(cls, value, precision):
        date = cls(value.year, value.month, value.day)
        date.precision = precision
        return date


PARTIAL_DATE = re.compile(r"^(?:(?P<month>\d{1,2})\s*[/.-]\s*)?(?P<year>\d{4})$")
#: Excel number formats that show a date as precisely as it is known.
DATE_NUMBER_FORMATS = {"day": "dd/mm/yyyy", "month": "mm/yyyy", "year": "yyyy"}


class VietnameseDateWidget(widgets.Widget):
    """Dates typed as dd/mm/yyyy text or stored as real Excel dates.

    With `partial`, the column also takes a month ("07/2025") or a year ("2025") alone and
    gives a PartialDate. An export renders text for CSV and, when import-export asks for
    native values (`force_native_type`, as for .xlsx), the date itself, which the writer
    stores as a real Excel date with a dd/mm/yyyy (or mm/yyyy, yyyy) number format.
    """

    def __init__(self, *, partial=False, **kwargs):
        self.partial = partial
        super().__init__(**kwargs)

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            return None
        for fmt in DATE_FORMATS:
            try:
                return datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
        partial = PARTIAL_DATE.match(text) if self.partial else None
        if partial and 1 <= int(partial["month"] or 1) <= 12:
            month = partial["month"]
            day = datetime.date(int(partial["year"]), int(month or 1), 1)
            return PartialDate.of(day, "month" if month else "year")
        if self.partial:
            raise ValueError(
                _(
                    "«{value}» không phải là ngày hợp lệ; hãy nhập theo dạng dd/mm/yyyy (ví dụ "
                    "28/07/2025), mm/yyyy khi chỉ biết tháng (07/2025) hoặc yyyy khi chỉ biết "
                    "năm (2025)."
                ).format(value=text)
            )
        raise ValueError(
            _(
                "«{value}» không phải là ngày hợp lệ; hãy nhập theo dạng dd/mm/yyyy, "
                "ví dụ 28/07/2025."
            ).format(value=text)
        )

    def render(self, value, obj=None, *, precision="day", **kwargs):
        if not value:
            return None if kwargs.get("force_native_type") else ""
        if kwargs.get("force_native_type"):
            return PartialDate.of(value, precision) if precision != "day" else value
        if precision == "year":
            return value.strftime("%Y")
        if precision == "month":
            return value.strftime("%m/%Y")
        return value.strftime("%d/%m/%Y")


class YesNoWidget(widgets.Widget):
    """Yes/no columns: "Có"/"Không", "x", "yes", 1/0."""

    TRUE = {"co", "x", "yes", "y", "true", "1", "dung"}
    FALSE = {"khong", "no", "n", "false", "0", "sai", ""}

    def clean(self, value, row=None, **kwargs):
        if isinstance(value, bool):
            return value
        word = fold(_text(value))
        if word in self.TRUE:
            return True
        if word in self.FALSE:
            return False
        raise ValueError(
            _("«{value}» không hợp lệ; hãy ghi «Có» hoặc «Không».").format(value=value)
        )

    def render(self, value, obj=None, **kwargs):
        return "Có" if value else "Không"


class ChoiceWidget(widgets.Widget):
    """A choice written as its Vietnamese label, its English label or its stored code.

    Exports write the Vietnamese label, whatever the interface language, so a file exported
    by one user imports for another.
    """

    def __init__(self, choices, *, blank="", **kwargs):
        self.choices = choices
        self.blank = blank
        self._lookup = None
        super().__init__(**kwargs)

    def _labels(self, language):
        with translation.override(language):
            return {code: str(label) for code, label in self.choices.choices}

    def _table(self):
        if self._lookup is None:
            lookup = {}
            for language in ("en", "vi"):
                for code, label in self._labels(language).items():
                    lookup[fold(label)] = code
            for code, _label in self.choices.choices:
                lookup[fold(code)] = code
            self._lookup = lookup
        return self._lookup

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return self.blank
        code = self._table().get(fold(text))
        if code is None:
            allowed = ", ".join(label for label in self._labels("vi").values() if label)
            raise ValueError(
                _("«{value}» không có trong danh sách; hãy chọn một trong: {allowed}.").format(
                    value=text, allowed=allowed
                )
            )
        return code

    def render(self, value, obj=None, **kwargs):
        if not value:
            return ""
        return self._labels("vi").get(value, value)


class NaturalKeyWidget(widgets.ForeignKeyWidget):
    """A foreign key written as the related row's code ("AWGNCB", "276/NQ-CP").

    `missing` is the sentence for an unknown code, with {value} in it.
    """

    def __init__(self, model, field, *, missing, **kwargs):
        self.missing = missing
        self._cache = None
        super().__init__(_model(model), field=field, **kwargs)

    def key_of(self, obj):
        return getattr(obj, self.field)

    def normalise(self, text):
        return text.casefold()

    def _table(self):
        if self._cache is None:
            self._cache = {
                self.normalise(str(self.key_of(obj))): obj for obj in self.get_queryset(None)
            }
        return self._cache

    def get_queryset(self, value, row=None, *args, **kwargs):
        return self.model.objects.all()

    def lookup(self, text):
        obj = self._table().get(self.normalise(text))
        if obj is None:
            raise ValueError(str(self.missing).format(value=text))
        return obj

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        return self.lookup(text) if text else None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(self.key_of(value))


class MeetingWidget(NaturalKeyWidget):
    """A meeting written the way ASEAN papers name it: "AWGNCB 36", or "CAFBE 2025" when the
    series is not numbered (series code + year)."""

    def __init__(self, **kwargs):
        from meetings.models import Meeting

        super().__init__(
            Meeting,
            "short_name",
            missing=_(
                "Không có hội nghị «{value}»; hãy ghi mã chuỗi và lần thứ (ví dụ AWGNCB 36) "
                "hoặc mã chuỗi và năm (ví dụ CAFBE 2025)."
            ),
            **kwargs,
        )

    def normalise(self, text):
        return " ".join(text.upper().split())

    def get_queryset(self, value, row=None, *args, **kwargs):
        return self.model.objects.select_related("series")


class NaturalKeyListWidget(widgets.ManyToManyWidget):
    """Several related rows in one cell, separated by ";" (or line breaks): "276/NQ-CP; 372/NQ-CP".
    Commas are not separators because instrument titles and codes may contain them."""

    def __init__(self, model, field, *, missing, **kwargs):
        model = _model(model)
        super().__init__(model, separator="; ", field=field, **kwargs)
        self.single = NaturalKeyWidget(model, field, missing=missing)

    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        parts = [part.strip() for part in LIST_SEPARATORS.split(text) if part.strip()]
        found = {}
        for part in parts:
            obj = self.single.lookup(part)
            found[obj.pk] = obj
        return list(found.values())

    def render(self, value, obj=None, **kwargs):
        if value is None:
            return ""
        return self.separator.join(sorted(str(getattr(item, self.field)) for item in value.all()))
