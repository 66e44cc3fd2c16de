"""Filters for the meetings register. The list page and the data export apply the same
FilterSet to request.GET, so an export holds exactly the rows the user was looking at."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from asoen_portal.forms import YearFilter
from asoen_portal.widgets import Select
from meetings.models import Meeting, MeetingSeries
from working_groups.models import WorkingGroup


def meeting_years() -> list[int]:
    return list(Meeting.objects.order_by("-year").values_list("year", flat=True).distinct())


class MeetingFilter(django_filters.FilterSet):
    """year, hosted vs attended, status, series kind, working group, free text."""

    HOSTED_CHOICES = [("hosted", _("Việt Nam chủ trì")), ("attended", _("Tham dự"))]

    year = YearFilter(field_name="year", label=_("Năm"), years=meeting_years)
    hosted = django_filters.ChoiceFilter(
        choices=HOSTED_CHOICES,
        method="filter_hosted",
        label=_("Chủ trì / tham dự"),
        widget=Select,
    )
    status = django_filters.ChoiceFilter(
        choices=Meeting.Status.choices, label=_("Trạng thái"), widget=Select
    )
    kind = django_filters.ChoiceFilter(
        field_name="series__kind",
        choices=MeetingSeries.Kind.choices,
        label=_("Loại hội nghị"),
        widget=Select,
    )
    group = django_filters.ModelChoiceFilter(
        field_name="series__working_group",
        queryset=WorkingGroup.objects.only("id", "code"),
        to_field_name="code",
        label=_("Nhóm công tác"),
        widget=Select,
    )
    q = django_filters.CharFilter(method="filter_text", label=_("Tìm kiếm"))

    class Meta:
        model = Meeting
        fields = ["year", "hosted", "status", "kind", "group", "q"]

    def filter_hosted(self, queryset, name, value):
        if value == "hosted":
            return queryset.filter(is_hosted=True)
        if value == "attended":
            return queryset.filter(is_hosted=False)
        return queryset

    def filter_text(self, queryset, name, value):
        # Each word must appear somewhere: "AWGNCB 36" finds the 36th AWGNCB meeting.
        for word in value.split():
            condition = (
                Q(title__icontains=word)
                | Q(title_en__icontains=word)
                | Q(series__code__icontains=word)
                | Q(series__name__icontains=word)
                | Q(city__icontains=word)
                | Q(city_en__icontains=word)
            )
            if word.isdigit():
                condition |= Q(number=int(word))
            queryset = queryset.filter(condition)
        return queryset
