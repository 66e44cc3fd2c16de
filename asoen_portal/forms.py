"""Form pieces every app's forms share."""

import copy
from collections.abc import Callable, Iterable

import django_filters
from django import forms
from django.utils.choices import BaseChoiceIterator
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from asoen_portal.widgets import Select

# What DATE_INPUT_FORMATS (asoen_portal/formats/) reads, so the browser refuses nothing the
# server would take: day first with / . or -, eight digits (a phone's number pad has no "/"),
# or ISO. Escaped for the `v` flag Chromium compiles patterns with.
DATE_PATTERN = r"\d{1,2}[\/.\-]\d{1,2}[\/.\-]\d{4}|\d{8}|\d{4}-\d{1,2}-\d{1,2}"


class DateInput(forms.DateInput):
    """A text field for dd/mm/yyyy, whatever the browser's language.

    A type=date field follows the browser's locale (mm/dd/yyyy in an English Chromium), not
    the page's; the secretariat writes day first in both languages. The format hint is
    rendered with the field and tied to it (aria-describedby), so it needs no JavaScript.
    """

    input_type = "text"

    def __init__(self, attrs=None):
        defaults = {
            "placeholder": "dd/mm/yyyy",
            "inputmode": "numeric",
            "pattern": DATE_PATTERN,
            "autocomplete": "off",
            "size": 10,
            "maxlength": 10,
        }
        super().__init__(attrs={**defaults, **(attrs or {})}, format="%d/%m/%Y")

    def render(self, name, value, attrs=None, renderer=None):
        attrs = dict(attrs or {})
        hint_id = "{}_format".format(attrs.get("id") or f"id_{name}")
        attrs["aria-describedby"] = hint_id
        attrs["title"] = _("Ngày/tháng/năm, ví dụ 10/06/2026")
        return format_html(
            '{} <span class="field__help" id="{}">{}</span>',
            super().render(name, value, attrs, renderer),
            hint_id,
            attrs["title"],
        )


def year_choices(years: Iterable[int]) -> list[tuple[object, str]]:
    """A year select's options: "all years", then the given years (those with records)."""
    return [("", _("Tất cả các năm")), *((year, str(year)) for year in years)]


class YearFilter(django_filters.Filter):
    """A list's year filter: the select offers only the years that have records, newest first.

    `years` is called when the select is drawn, not when the filter is applied, so an API
    request or an export costs no extra query, and any year is accepted (a year with no
    records gives an empty list, not an error).
    """

    field_class = forms.IntegerField

    def __init__(self, *, years: Callable[[], Iterable[int]], **kwargs):
        # Bounded so that any year a date can hold (and the year after it) is a valid filter;
        # anything else is a bad request, not a server error.
        kwargs.setdefault("min_value", 1)
        kwargs.setdefault("max_value", 9998)
        super().__init__(widget=Select(choices=_YearChoices(years)), **kwargs)


class _YearChoices(BaseChoiceIterator):
    """The years, read once per form when first needed: the select walks its choices more
    than once while it renders (the options, then whether the first one is empty)."""

    def __init__(self, years: Callable[[], Iterable[int]]):
        self.years = years
        self.choices: list | None = None

    def __iter__(self):
        if self.choices is None:
            self.choices = year_choices(self.years())
        yield from self.choices


class RecordForm(forms.ModelForm):
    """A ModelForm that never changes the record it edits.

    A bound ModelForm writes the posted values into its instance while it validates, i.e.
    before the service has checked who may save them: a check that reads the record (its
    group, its owner) would then judge the posted values, not the stored ones. So the form
    validates a copy; the view hands `cleaned_data` to the service, which checks permission
    on the untouched record and then assigns the fields explicitly.
    """

    def __init__(self, *args, instance=None, **kwargs):
        super().__init__(*args, instance=copy.copy(instance), **kwargs)
