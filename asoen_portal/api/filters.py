"""Filters of the registers whose pages have no FilterSet of their own (activities, tasks and
meetings reuse their pages' FilterSets). They offer what those pages filter by (status),
plus the year, the working group and a text search that ignores diacritics."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from asoen_portal.text import fold
from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
from heritage_parks.models import EcoSchoolAward, EscAwardRound, HeritagePark
from meetings.models import ChecklistItem
from reports.models import AnnualReport
from working_groups.models import FocalPerson, WorkingGroup


def folded_search(queryset, value: str, fields: list[str]):
    """Rows whose `fields` contain every word of `value`, diacritics and case ignored.

    These registers hold dozens of rows and keep no folded copy of their text (activities
    do: search_text), so the folding is done here, on the few columns searched."""
    words = fold(value).split()
    if not words:
        return queryset
    matching = [
        row["pk"]
        for row in queryset.order_by().values("pk", *fields)
        if all(word in fold(" ".join(str(row[f] or "") for f in fields)) for word in words)
    ]
    return queryset.filter(pk__in=matching)


class IntegerFilter(django_filters.NumberFilter):
    """A whole number: year=2025, not 2025.5 (a number filter would pass a decimal to the
    database's year lookup)."""

    field_class = forms.IntegerField


def _search(*fields):
    def method(self, queryset, name, value):
        return folded_search(queryset, value, list(fields))

    return method


def _group_filter(field_name="working_group"):
    return django_filters.ModelChoiceFilter(
        label=_("Nhóm công tác"),
        field_name=field_name,
        to_field_name="code",
        queryset=WorkingGroup.objects.all(),
    )


def _text_filter():
    return django_filters.CharFilter(label=_("Tìm kiếm"), method="filter_text")


class WorkingGroupFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=WorkingGroup.Kind.choices, label=_("Loại"))
    q = _text_filter()
    filter_text = _search("code", "name", "name_en")

    class Meta:
        model = WorkingGroup
        fields = ["kind", "q"]


class FocalPersonFilter(django_filters.FilterSet):
    group = _group_filter()
    role = django_filters.ChoiceFilter(choices=FocalPerson.Role.choices, label=_("Vai trò"))
    q = _text_filter()
    filter_text = _search("full_name", "position", "email")

    class Meta:
        model = FocalPerson
        fields = ["group", "role", "q"]


class ChecklistItemFilter(django_filters.FilterSet):
    meeting = IntegerFilter(field_name="meeting_id", label=_("Hội nghị"))
    done = django_filters.BooleanFilter(label=_("Đã xong"))

    class Meta:
        model = ChecklistItem
        fields = ["meeting", "done"]


class HeritageParkFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=HeritagePark.Status.choices, label=_("Trạng thái"))
    year = IntegerFilter(field_name="year_recognised", label=_("Năm công nhận"))
    q = _text_filter()
    filter_text = _search("name", "name_en", "province")

    class Meta:
        model = HeritagePark
        fields = ["status", "year", "q"]


class EcoSchoolAwardFilter(django_filters.FilterSet):
    year = IntegerFilter(label=_("Năm"))
    q = _text_filter()
    filter_text = _search("theme", "theme_en", "school", "province", "sponsor")

    class Meta:
        model = EcoSchoolAward
        fields = ["year", "q"]


class EscAwardRoundFilter(django_filters.FilterSet):
    year = IntegerFilter(label=_("Năm"))
    kind = django_filters.ChoiceFilter(choices=EscAwardRound.Kind.choices, label=_("Loại"))

    class Meta:
        model = EscAwardRound
        fields = ["year", "kind"]


class LegalInstrumentFilter(django_filters.FilterSet):
    # A date's year lookup builds dates from the year: only years a date can hold (else 500).
    year = IntegerFilter(
        field_name="issued_on__year", label=_("Năm ban hành"), min_value=1, max_value=9999
    )
    kind = django_filters.ChoiceFilter(
        choices=LegalInstrument.Kind.choices, label=_("Loại văn bản")
    )
    q = _text_filter()
    filter_text = _search("number", "issuer", "title", "title_en", "approves")

    class Meta:
        model = LegalInstrument
        fields = ["year", "kind", "q"]


class AseanDocumentFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=AseanDocument.Status.choices, label=_("Trạng thái")
    )
    year = IntegerFilter(label=_("Năm"))
    kind = django_filters.ChoiceFilter(choices=AseanDocument.Kind.choices, label=_("Loại"))
    group = _group_filter()
    q = _text_filter()
    filter_text = _search("code", "title", "title_en")

    class Meta:
        model = AseanDocument
        fields = ["status", "year", "kind", "group", "q"]


class PartnerFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(choices=Partner.Kind.choices, label=_("Loại"))
    is_priority = django_filters.BooleanFilter(label=_("Ưu tiên"))
    q = _text_filter()
    filter_text = _search("code", "name", "name_en")

    class Meta:
        model = Partner
        fields = ["kind", "is_priority", "q"]


class PartnerProjectFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(
        choices=PartnerProject.Status.choices, label=_("Trạng thái")
    )
    group = _group_filter()
    year = IntegerFilter(label=_("Năm"), method="filter_year")
    q = _text_filter()
    filter_text = _search("code", "title", "title_en")

    class Meta:
        model = PartnerProject
        fields = ["status", "group", "year", "q"]

    def filter_year(self, queryset, name, value):
        # A project runs over several years: those whose span contains `value`.
        return queryset.exclude(start_year__gt=value).exclude(end_year__lt=value)


class AnnualReportFilter(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=AnnualReport.Status.choices, label=_("Trạng thái"))

    class Meta:
        model = AnnualReport
        fields = ["status"]
