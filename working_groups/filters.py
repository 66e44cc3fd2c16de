"""List filters for activities and tasks, shared by the list pages and the exports.

They depend on request.GET only (never on the user), so an export of a filtered list holds
exactly the rows the page showed.
"""

import datetime

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from asoen_portal.forms import YearFilter
from asoen_portal.models import Theme
from asoen_portal.text import fold
from asoen_portal.widgets import Select

from . import selectors
from .models import Activity, Task, WorkingGroup


def _groups(request):
    # The select shows each group's code (its __str__); its other columns are never read.
    return WorkingGroup.objects.only("id", "code")


class _FetchedChoices(django_filters.fields.ModelChoiceIterator):
    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.field.rows():
            yield self.choice(obj)

    def __len__(self):
        return len(self.field.rows()) + (self.field.empty_label is not None)


class _FetchedModelChoiceField(django_filters.fields.ModelChoiceField):
    """Checks the submitted code against the rows its select shows: one query for both (a
    filtered list looked the group up, then fetched every group for the select). For short
    tables only, such as the working groups."""

    iterator = _FetchedChoices

    def rows(self) -> list:
        if getattr(self, "_rows", None) is None:
            self._rows = list(self.queryset)
        return self._rows

    def to_python(self, value):
        if value in self.empty_values:
            return None
        key = self.to_field_name or "pk"
        for obj in self.rows():
            if str(getattr(obj, key)) == str(value):
                return obj
        raise forms.ValidationError(
            self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
        )


class GroupChoiceFilter(django_filters.ModelChoiceFilter):
    field_class = _FetchedModelChoiceField


class ActivityFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm kiếm"), method="filter_text")
    year = YearFilter(label=_("Năm"), years=selectors.activity_years, method="filter_year")
    group = GroupChoiceFilter(
        label=_("Nhóm công tác"),
        field_name="working_group",
        to_field_name="code",
        queryset=_groups,
        empty_label=_("Tất cả nhóm"),
        widget=Select,
    )
    kind = django_filters.ChoiceFilter(
        label=_("Loại hoạt động"),
        choices=Activity.Kind.choices,
        empty_label=_("Tất cả loại"),
        widget=Select,
    )
    theme = django_filters.ChoiceFilter(
        label=_("Chủ đề"), choices=Theme.choices, empty_label=_("Tất cả chủ đề"), widget=Select
    )

    class Meta:
        model = Activity
        fields = ["q", "year", "group", "kind", "theme"]

    def filter_text(self, queryset, name, value):
        # search_text is kept folded (no diacritics, lower case): fold the query the same way
        # so "xuan thuy" and "Xuân Thủy" both match; every word must appear.
        for word in fold(value).split():
            queryset = queryset.filter(search_text__contains=word)
        return queryset

    def filter_year(self, queryset, name, value: int):  # the hint types the API's parameter
        # A date range rather than start_date__year, so the start_date indexes are used.
        return queryset.filter(
            start_date__gte=datetime.date(value, 1, 1),
            start_date__lt=datetime.date(value + 1, 1, 1),
        )


class TaskFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(label=_("Tìm kiếm"), method="filter_text")
    year = YearFilter(label=_("Năm"), years=selectors.task_years)
    group = GroupChoiceFilter(
        label=_("Nhóm chủ trì"),
        field_name="working_group",
        to_field_name="code",
        queryset=_groups,
        empty_label=_("Tất cả nhóm"),
        widget=Select,
    )
    # Several groups at once: a focal point's default view of their own groups (hidden field).
    # The API schema: each value is a group code (the path ending in it is not a model field
    # the schema generator can follow).
    groups = extend_schema_field(OpenApiTypes.STR)(
        django_filters.ModelMultipleChoiceFilter(
            # The multiple filter looks values up by to_field_name, so the path must end in it.
            field_name="working_group__code",
            to_field_name="code",
            queryset=_groups,
            widget=forms.MultipleHiddenInput,
        )
    )
    status = django_filters.ChoiceFilter(
        label=_("Trạng thái"),
        choices=Task.Status.choices,
        empty_label=_("Tất cả trạng thái"),
        widget=Select,
    )
    overdue = django_filters.BooleanFilter(
        label=_("Quá hạn"), method="filter_overdue", widget=forms.CheckboxInput
    )
    stale = django_filters.BooleanFilter(
        label=_("Chưa cập nhật 30 ngày"), method="filter_stale", widget=forms.CheckboxInput
    )

    class Meta:
        model = Task
        fields = ["q", "year", "group", "groups", "status", "overdue", "stale"]

    def filter_text(self, queryset, name, value):
        return queryset.filter(title__icontains=value)

    def filter_overdue(self, queryset, name, value):
        # An unticked box means "any", not "only tasks that are on time".
        return queryset.filter(selectors.overdue_q()) if value else queryset

    def filter_stale(self, queryset, name, value):
        return selectors.stale_tasks(queryset) if value else queryset
