"""Template filters for activities and tasks."""

from django import template

from working_groups.selectors import OPEN_STATUSES

register = template.Library()


@register.filter
def activity_dates(activity):
    """An activity's date(s) as precisely as they are known: 28/07–01/08/2025, 12/2025, 2025."""
    start, end = activity.start_date, activity.end_date
    precision = getattr(activity, "date_precision", "day")
    if precision == "year":
        return f"{start:%Y}"
    if precision == "month":
        return f"{start:%m/%Y}"
    if end and end != start:
        if (end.year, end.month) == (start.year, start.month):
            return f"{start:%d}–{end:%d/%m/%Y}"
        if end.year == start.year:
            return f"{start:%d/%m}–{end:%d/%m/%Y}"
        return f"{start:%d/%m/%Y}–{end:%d/%m/%Y}"
    return f"{start:%d/%m/%Y}"


@register.filter
def is_overdue(task, on):
    return bool(task.due_date and task.due_date < on and task.status in OPEN_STATUSES)
