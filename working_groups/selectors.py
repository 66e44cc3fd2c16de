"""Reads several pages share: what is overdue, what is stale, what a list row needs."""

import datetime

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import ExtractMonth
from django.utils import timezone

from .models import Activity, Task

# A task nobody has reported on for this long shows as "chưa cập nhật".
STALE_AFTER_DAYS = 30
OPEN_STATUSES = [Task.Status.NOT_STARTED, Task.Status.IN_PROGRESS]


def today() -> datetime.date:
    return timezone.localdate()


def overdue_q(on: datetime.date | None = None) -> Q:
    """Open tasks whose deadline has passed."""
    return Q(status__in=OPEN_STATUSES, due_date__lt=on or today())


def stale_q(now: datetime.datetime | None = None) -> Q:
    """Open tasks with no status update in STALE_AFTER_DAYS days, or none at all: a task
    nobody has ever reported on is exactly what the secretariat has to chase."""
    limit = (now or timezone.now()) - datetime.timedelta(days=STALE_AFTER_DAYS)
    return Q(status__in=OPEN_STATUSES) & (
        Q(last_status_at__isnull=True) | Q(last_status_at__lt=limit)
    )


def stale_tasks(queryset: QuerySet[Task], now: datetime.datetime | None = None) -> QuerySet[Task]:
    return queryset.filter(stale_q(now))


def activity_years() -> list[int]:
    """The years some activity started in, newest first (what the year filter offers)."""
    return [day.year for day in Activity.objects.dates("start_date", "year", order="DESC")]


def task_years() -> list[int]:
    """The plan years that have tasks, newest first."""
    return list(Task.objects.order_by("-year").values_list("year", flat=True).distinct())


def activity_list_queryset() -> QuerySet[Activity]:
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


def task_list_queryset() -> QuerySet[Task]:
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


def activity_counts_by_month(activities: QuerySet, year: int) -> dict[int, int]:
    """{month: number of these activities starting in that month of `year`}, one GROUP BY."""
    rows = (
        activities.filter(start_date__year=year)
        .annotate(month=ExtractMonth("start_date"))
        .order_by()
        .values("month")
        .annotate(n=Count("id"))
    )
    return {row["month"]: row["n"] for row in rows}


def task_counts_by_status(tasks: QuerySet, by: str, order_by: tuple[str, ...]) -> list:
    """[(value of `by`, {status: count})] in `order_by` order, one GROUP BY: the rows of a
    chart of tasks by status (per group, per year)."""
    rows = tasks.order_by().values(*order_by, by, "status").annotate(n=Count("id"))
    grouped: dict = {}
    for row in rows.order_by(*order_by, by):
        grouped.setdefault(row[by], {})[row["status"]] = row["n"]
    return list(grouped.items())
