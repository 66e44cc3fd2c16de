"""The home page: what needs the signed-in person now, for their role, drawn from every app
(tasks, meetings and their checklists, activities, the year-end report). It lives with the
portal, not in an app, so that no app has to import the apps above it."""

import datetime

from django.contrib.auth.decorators import login_required
from django.db.models import Case, Count, F, Max, OuterRef, Q, QuerySet, Subquery, Value, When
from django.shortcuts import render
from django.utils.translation import gettext as _

from asoen_portal import access, charts
from meetings.models import ChecklistItem, Meeting
from reports.models import AnnualReport, ReportRender
from working_groups.models import Activity, Task
from working_groups.selectors import (
    OPEN_STATUSES,
    STALE_AFTER_DAYS,
    activity_counts_by_month,
    activity_list_queryset,
    stale_q,
    stale_tasks,
    task_counts_by_status,
    task_list_queryset,
    today,
)

# How far ahead the dashboard looks for deadlines and meetings.
DUE_SOON_DAYS = 30
MEETINGS_AHEAD_DAYS = 90
DASHBOARD_ROWS = 8


def dashboard_tasks_due(user, on: datetime.date | None = None) -> QuerySet[Task]:
    """Open tasks of my groups that are overdue or due within DUE_SOON_DAYS, soonest first."""
    on = on or today()
    queryset = access.filter_followed(task_list_queryset(), user).filter(
        status__in=OPEN_STATUSES,
        due_date__lte=on + datetime.timedelta(days=DUE_SOON_DAYS),
    )
    return queryset.order_by("due_date", "id")


def dashboard_stale_tasks(user) -> QuerySet[Task]:
    # Never-updated tasks first (NULLs first), then the longest silent.
    return stale_tasks(access.filter_followed(task_list_queryset(), user)).order_by(
        F("last_status_at").asc(nulls_first=True), "due_date", "id"
    )


def timeliness_by_group(user, on: datetime.date | None = None) -> list[dict]:
    """Per group (None = the secretariat's own), in one query: open tasks, overdue ones,
    never updated, not updated in STALE_AFTER_DAYS (never included), and the day of the
    group's last status update on any task. Focal points get their own groups' rows."""
    on = on or today()
    open_q = Q(status__in=OPEN_STATUSES)
    rows = (
        access.filter_followed(Task.objects.all(), user)
        .values("working_group__code", "working_group__order")
        .annotate(
            open=Count("id", filter=open_q),
            overdue=Count("id", filter=open_q & Q(due_date__lt=on)),
            never=Count("id", filter=open_q & Q(last_status_at__isnull=True)),
            stale=Count("id", filter=stale_q()),
            last_update=Max("last_status_at"),
        )
        .order_by("working_group__order", "working_group__code")
    )
    return [
        {
            "code": row["working_group__code"],
            "open": row["open"],
            "overdue": row["overdue"],
            "never": row["never"],
            "stale": row["stale"],
            "last_update": row["last_update"],
        }
        for row in rows
    ]


def upcoming_meetings(on: datetime.date | None = None, user=None) -> QuerySet[Meeting]:
    """Meetings in the next MEETINGS_AHEAD_DAYS, and this year's planned ones with no date yet
    whose month (if known) has not passed. A focal point's own groups' meetings come first."""
    on = on or today()
    dated = Q(start_date__gte=on, start_date__lte=on + datetime.timedelta(days=MEETINGS_AHEAD_DAYS))
    undated = Q(start_date__isnull=True, year=on.year) & (
        Q(month__isnull=True) | Q(month__gte=on.month)
    )
    meetings = (
        Meeting.objects.select_related("series")
        .filter(dated | undated)
        .exclude(status__in=[Meeting.Status.CANCELLED, Meeting.Status.HELD])
    )
    if user is not None and not access.follows_every_group(user):
        mine = Case(
            When(series__working_group__in=access.focal_group_ids(user), then=Value(0)),
            default=Value(1),
        )
        return meetings.order_by(mine, "start_date", "month", "id")
    return meetings.order_by("start_date", "month", "id")


def checklist_items_due(user, on: datetime.date | None = None) -> QuerySet[ChecklistItem]:
    """Open preparation steps of hosted meetings due within DUE_SOON_DAYS (or overdue).

    A focal point sees the steps of their groups' meetings and the steps they own.
    """
    on = on or today()
    queryset = ChecklistItem.objects.select_related("meeting__series", "owner").filter(
        done=False,
        meeting__is_hosted=True,
        deadline__lte=on + datetime.timedelta(days=DUE_SOON_DAYS),
    )
    if not access.follows_every_group(user):
        queryset = queryset.filter(
            Q(meeting__series__working_group__in=access.focal_group_ids(user)) | Q(owner=user)
        )
    return queryset.order_by("deadline", "id")


def latest_activities(user) -> QuerySet[Activity]:
    return access.filter_followed(activity_list_queryset(), user)


def task_progress_by_group(year: int) -> list[dict]:
    """Rows of (group code or None, {status: count}, total, percent done) for the year's tasks."""
    counts = (
        Task.objects.filter(year=year)
        .values("working_group__code", "working_group__order", "status")
        .annotate(n=Count("id"))
        .order_by("working_group__order", "working_group__code")
    )
    rows = {}
    for row in counts:
        code = row["working_group__code"]
        entry = rows.setdefault(code, {"code": code, "by_status": {}, "total": 0})
        entry["by_status"][row["status"]] = row["n"]
        entry["total"] += row["n"]
    result = []
    for entry in rows.values():
        done = entry["by_status"].get(Task.Status.DONE, 0)
        entry["done_percent"] = round(100 * done / entry["total"]) if entry["total"] else 0
        entry["segments"] = [
            (status, label, entry["by_status"].get(status, 0))
            for status, label in Task.Status.choices
        ]
        result.append(entry)
    return result


def year_end_report_state(year: int) -> tuple[AnnualReport | None, ReportRender | None]:
    """The report of `year` (or the latest one) and its newest render job, if any, in one query.

    The render comes back as an unsaved ReportRender holding only what the dashboard shows
    (status and time): one query less on the page everyone opens first."""
    newest = ReportRender.objects.filter(report=OuterRef("pk")).order_by("-created_at", "-id")
    report = (
        AnnualReport.objects.filter(year__lte=year)
        .annotate(
            render_id=Subquery(newest.values("id")[:1]),
            render_status=Subquery(newest.values("status")[:1]),
            render_created_at=Subquery(newest.values("created_at")[:1]),
        )
        .order_by("-year")
        .first()
    )
    if report is None or report.render_id is None:
        return report, None
    render = ReportRender(
        id=report.render_id,
        report=report,
        status=report.render_status,
        created_at=report.render_created_at,
    )
    return report, render


@login_required
def dashboard(request):
    """What needs the signed-in person now, for their role."""
    user = request.user
    on = today()
    is_focal_only = not access.follows_every_group(user)
    tasks_due = list(dashboard_tasks_due(user, on)[:DASHBOARD_ROWS])
    context = {
        "today": on,
        "tasks_due": tasks_due,
        "stale_tasks": list(dashboard_stale_tasks(user)[:DASHBOARD_ROWS]),
        "meetings": list(upcoming_meetings(on, user)[:DASHBOARD_ROWS]),
        "timeliness": timeliness_by_group(user, on),
        "checklist_items": list(checklist_items_due(user, on)[:DASHBOARD_ROWS]),
        "activities": list(latest_activities(user)[:DASHBOARD_ROWS]),
        "is_focal_only": is_focal_only,
        "my_group_ids": access.focal_group_ids(user) if is_focal_only else frozenset(),
        "stale_days": STALE_AFTER_DAYS,
        **dashboard_charts(request, user, on),
    }
    if access.follows_every_group(user):
        report, render_job = year_end_report_state(on.year)
        context |= {
            "show_progress": True,
            "progress_rows": task_progress_by_group(on.year),
            "report": report,
            "report_render": render_job,
            "report_readiness_count": _readiness_count(report),
        }
    return render(request, "asoen_portal/dashboard.html", context)


def _readiness_count(report: AnnualReport | None) -> int | None:
    """How many lines the report's readiness list has (reports.readiness), for leadership:
    counted in the database, never cached, so a fix shows at once."""
    if report is None or report.is_frozen:
        return None
    from reports.readiness import count_readiness

    return count_readiness(report=report)


# --- charts (asoen_portal.charts draws them; each is fed by one GROUP BY query) ----------

CHART_YEARS = 6  # meetings attended vs hosted: this many years up to the chart's year


def chart_year(request, on: datetime.date) -> int:
    """The year the charts show: ?year= from 2000 to next year (whose tasks are planned
    already), else this year."""
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        return on.year
    return year if 2000 <= year <= on.year + 1 else on.year


def tasks_by_status_chart(user, year: int) -> charts.Chart:
    """The year's tasks of the groups I follow, per group and status (one query)."""
    rows = task_counts_by_status(
        access.filter_followed(Task.objects.filter(year=year), user),
        by="working_group__code",
        order_by=("working_group__order",),
    )
    return charts.stacked_bars(
        chart_id="chart-tasks",
        title=_("Nhiệm vụ năm {year} theo trạng thái và nhóm").format(year=year),
        rows=[(code or _("Văn phòng"), counts) for code, counts in rows],
        series=list(Task.Status.choices),
        empty_text=_("Chưa có nhiệm vụ nào cho năm {year}.").format(year=year),
        row_header=_("Nhóm"),
    )


def activities_by_month_chart(user, year: int) -> charts.Chart:
    """The year's activities of the groups I follow, per month of their start (one query)."""
    return charts.month_bars(
        chart_id="chart-activities",
        title=_("Hoạt động theo tháng năm {year}").format(year=year),
        year=year,
        counts=activity_counts_by_month(access.filter_followed(Activity.objects, user), year),
        series=("activities", _("Hoạt động")),
    )


def meetings_by_year_chart(year: int) -> charts.Chart:
    """Meetings held, attended abroad and hosted by Vietnam, per year (one query): only
    what happened, as in the report."""
    first = year - CHART_YEARS + 1
    counts = (
        Meeting.objects.filter(status=Meeting.Status.HELD, year__gte=first, year__lte=year)
        .values("year", "is_hosted")
        .annotate(n=Count("id"))
        .order_by("year")
    )
    by_year = {y: {} for y in range(first, year + 1)}
    for row in counts:
        by_year[row["year"]]["hosted" if row["is_hosted"] else "attended"] = row["n"]
    return charts.column_bars(
        chart_id="chart-meetings",
        title=_("Hội nghị đã tham dự và chủ trì theo năm ({first}–{last})").format(
            first=first, last=year
        ),
        groups=[(str(y), str(y), figures) for y, figures in by_year.items()],
        series=[("attended", _("Tham dự")), ("hosted", _("Việt Nam chủ trì"))],
        empty_text=_("Chưa có hội nghị nào đã diễn ra trong các năm này."),
        row_header=_("Năm"),
    )


def dashboard_charts(request, user, on: datetime.date) -> dict:
    year = chart_year(request, on)
    return {
        "chart_year": year,
        "chart_years": (year - 1 if year > 2000 else None, year + 1 if year <= on.year else None),
        "charts": [
            tasks_by_status_chart(user, year),
            activities_by_month_chart(user, year),
            meetings_by_year_chart(year),
        ],
    }
