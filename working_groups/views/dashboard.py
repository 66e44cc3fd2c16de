from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from asoen_portal import access

from .. import selectors


@login_required
def dashboard(request):
    """What needs the signed-in person now, for their role."""
    user = request.user
    on = selectors.today()
    tasks_due = list(selectors.dashboard_tasks_due(user, on)[: selectors.DASHBOARD_ROWS])
    context = {
        "today": on,
        "tasks_due": tasks_due,
        "stale_tasks": list(selectors.dashboard_stale_tasks(user)[: selectors.DASHBOARD_ROWS]),
        "meetings": list(selectors.upcoming_meetings(on)[: selectors.DASHBOARD_ROWS]),
        "checklist_items": list(
            selectors.checklist_items_due(user, on)[: selectors.DASHBOARD_ROWS]
        ),
        "activities": list(selectors.latest_activities(user)[: selectors.DASHBOARD_ROWS]),
        "is_focal_only": not (access.is_secretariat(user) or access.is_leadership(user)),
        "stale_days": selectors.STALE_AFTER_DAYS,
    }
    if access.is_leadership(user) or access.is_secretariat(user):
        report, render_job = selectors.year_end_report_state(on.year)
        context |= {
            "show_progress": True,
            "progress_rows": selectors.task_progress_by_group(on.year),
            "report": report,
            "report_render": render_job,
            "report_readiness_count": _readiness_count(report),
        }
    return render(request, "working_groups/dashboard.html", context)


def _readiness_count(report):
    """How many lines the report's readiness list has (reports.readiness), for leadership."""
    if report is None or report.is_frozen:
        return None
    from reports.readiness import check_readiness

    return len(check_readiness(report=report))
