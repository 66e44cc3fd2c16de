from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from asoen_portal import charts

from .. import selectors
from ..models import Activity, FocalPerson, Task, WorkingGroup

GROUP_PAGE_ROWS = 10


def _count(queryset):
    """A correlated COUNT per group, so two counts do not multiply each other through joins."""
    counted = queryset.filter(working_group=OuterRef("pk")).order_by().values("working_group")
    return Coalesce(Subquery(counted.annotate(n=Count("id")).values("n")), 0)


def _active_people():
    return Prefetch(
        "focal_persons",
        queryset=FocalPerson.objects.filter(is_active=True).select_related("unit"),
        to_attr="active_people",
    )


def _group_meetings(group):
    # meetings sits above working_groups (a series belongs to a group), so this page reaches
    # the meetings through the relation activities already have rather than importing them.
    meetings = Activity._meta.get_field("meeting").related_model.objects
    return (
        meetings.filter(series__working_group=group)
        .select_related("series")
        .order_by("-year", "-start_date", "-id")
    )


@login_required
def group_list(request):
    year = selectors.today().year
    groups = (
        WorkingGroup.objects.select_related("focal_unit")
        .prefetch_related(_active_people())
        .annotate(
            open_tasks=_count(Task.objects.filter(status__in=selectors.OPEN_STATUSES)),
            activities_this_year=_count(Activity.objects.filter(start_date__year=year)),
        )
    )
    return render(request, "working_groups/group_list.html", {"groups": groups, "year": year})


@login_required
def group_detail(request, code):
    group = get_object_or_404(
        WorkingGroup.objects.select_related("focal_unit").prefetch_related(
            _active_people(), "lead_terms", "programmes"
        ),
        code=code,
    )
    year = selectors.today().year
    tasks = Task.objects.filter(working_group=group).filter(
        Q(year__gte=year) | Q(status__in=selectors.OPEN_STATUSES)
    )
    return render(
        request,
        "working_groups/group_detail.html",
        {
            "group": group,
            "tasks": list(
                tasks.only(
                    "id", "year", "title", "title_en", "due_date", "status", "progress"
                ).order_by("-year", "due_date", "id")[: GROUP_PAGE_ROWS * 2]
            ),
            "activities": list(
                selectors.activity_list_queryset().filter(working_group=group)[:GROUP_PAGE_ROWS]
            ),
            "meetings": list(
                _group_meetings(group)
                # Who went for Vietnam: one query for the page's meetings.
                .prefetch_related("delegates")[:GROUP_PAGE_ROWS]
            ),
            "projects": list(group.projects.select_related("channel")),
            "today": selectors.today(),
            "charts": _group_charts(group, year),
        },
    )


def _group_charts(group, year: int) -> list[charts.Chart]:
    """The group's tasks by status for each year, and its activities per month of this year:
    one GROUP BY query each."""
    rows = selectors.task_counts_by_status(
        Task.objects.filter(working_group=group), by="year", order_by=()
    )
    return [
        charts.stacked_bars(
            chart_id="chart-group-tasks",
            title=_("Nhiệm vụ của nhóm theo năm và trạng thái"),
            rows=[(str(task_year), counts) for task_year, counts in rows],
            series=list(Task.Status.choices),
            empty_text=_("Nhóm chưa có nhiệm vụ nào."),
            row_header=_("Năm"),
        ),
        charts.month_bars(
            chart_id="chart-group-activities",
            title=_("Hoạt động của nhóm theo tháng năm {year}").format(year=year),
            year=year,
            counts=selectors.activity_counts_by_month(
                Activity.objects.filter(working_group=group), year
            ),
            series=("activities", _("Hoạt động")),
        ),
    ]
