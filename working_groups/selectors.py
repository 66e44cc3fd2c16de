"""Reads several pages share: what is overdue, what is stale, what a list row needs."""

import datetime

from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from asoen_portal import access

from .models import Activity, Task

# A task nobody has reported on for this long shows as "chưa cập nhật".
STALE_AFTER_DAYS = 30
OPEN_STATUSES = [Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS]


def today():
    return timezone.localdate()


def overdue_q(on=None):
    """Open tasks whose deadline has passed."""
    return Q(status__in=OPEN_STATUSES, due_date__lt=on or today())


def stale_tasks(queryset, now=None):
    """Open tasks with no status update in STALE_AFTER_DAYS days (counting from creation)."""
    limit = (now or timezone.now()) - datetime.timedelta(days=STALE_AFTER_DAYS)
    return queryset.alias(last_news=Coalesce("last_status_at", "created_at")).filter(
        status__in=OPEN_STATUSES, last_news__lt=limit
    )


def activity_list_queryset():
    """Activities with what a list row shows, in one query."""
    return Activity.objects.select_related("working_group").only(
        "id",
        "title",
        "title_en",
        "kind",
        "theme",
        "start_date",
        "end_date",
        "date_precision",
        "city",
        "country",
        "working_group__id",
        "working_group__code",
        "working_group__name",
        "working_group__name_en",
    )


def task_list_queryset():
    """Tasks with what a list row (task list, dashboard panels) shows, in one query: not the
    descriptions, which can be long and no list shows."""
    return Task.objects.select_related("working_group").only(
        "id",
        "year",
        "title",
        "title_en",
        "due_date",
        "status",
        "progress",
        "last_status_at",
        "working_group__id",
        "working_group__code",
    )


def get_activity_for_user(user, pk, *, write=False):
    """One activity the user may read (404 if absent) or write (403 if not their group's)."""
    queryset = Activity.objects.select_related("working_group", "meeting__series", "created_by")
    return access.get_for_user(queryset, user, pk=pk, write=write)


def get_task_for_user(user, pk, *, write=False):
    queryset = Task.objects.select_related("working_group", "meeting__series")
    return access.get_for_user(queryset, user, pk=pk, write=write)


def may_create_records(user):
    """Secretariat staff and focal points log activities and tasks; leadership only reads."""
    return access.is_secretariat(user) or access.is_focal_point(user)


def scope_to_user_groups(queryset, user, group_field="working_group"):
    """What "my groups" means on the dashboard: everything for the secretariat and leadership,
    the focal point's own groups for a focal point."""
    if access.is_secretariat(user) or access.is_leadership(user):
        return queryset
    return queryset.filter(**{f"{group_field}__in": access.focal_group_ids(user)})


# How far ahead the dashboard looks for deadlines and meetings.
DUE_SOON_DAYS = 30
MEETINGS_AHEAD_DAYS = 90
DASHBOARD_ROWS = 8


def dashboard_tasks_due(user, on=None):
    """Open tasks of my groups that are overdue or due within DUE_SOON_DAYS, soonest first."""
    on = on or today()
    queryset = scope_to_user_groups(task_list_queryset(), user).filter(
        status__in=OPEN_STATUSES,
        due_date__lte=on + datetime.timedelta(days=DUE_SOON_DAYS),
    )
    return queryset.order_by("due_date", "id")


def dashboard_stale_tasks(user):
    return stale_tasks(scope_to_user_groups(task_list_queryset(), user)).order_by(
        Coalesce("last_status_at", "created_at"), "id"
    )


def upcoming_meetings(on=None):
    """Meetings in the next MEETINGS_AHEAD_DAYS, and this year's planned ones with no date yet
    whose month (if known) has not passed."""
    from meetings.models import Meeting

    on = on or today()
    dated = Q(start_date__gte=on, start_date__lte=on + datetime.timedelta(days=MEETINGS_AHEAD_DAYS))
    undated = Q(start_date__isnull=True, year=on.year) & (
        Q(month__isnull=True) | Q(month__gte=on.month)
    )
    return (
        Meeting.objects.select_related("series")
        .filter(dated | undated)
        .exclude(status__in=[Meeting.Status.CANCELLED, Meeting.Status.HELD])
        .order_by("start_date", "month", "id")
    )


def checklist_items_due(user, on=None):
    """Open preparation steps of hosted meetings due within DUE_SOON_DAYS (or overdue).

    A focal point sees the steps of their groups' meetings and the steps they own.
    """
    from meetings.models import ChecklistItem

    on = on or today()
    queryset = ChecklistItem.objects.select_related("meeting__series", "owner").filter(
        done=False,
        meeting__is_hosted=True,
        deadline__lte=on + datetime.timedelta(days=DUE_SOON_DAYS),
    )
    if not (access.is_secretariat(user) or access.is_leadership(user)):
        queryset = queryset.filter(
            Q(meeting__series__working_group__in=access.focal_group_ids(user)) | Q(owner=user)
        )
    return queryset.order_by("deadline", "id")


def latest_activities(user):
    return scope_to_user_groups(activity_list_queryset(), user)


def task_progress_by_group(year):
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


def year_end_report_state(year):
    """The report of `year` (or the latest one) and its newest render job, if any, in one query.

    The render comes back as an unsaved ReportRender holding only what the dashboard shows
    (status and time): one query less on the page everyone opens first."""
    from reports.models import AnnualReport, ReportRender

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
