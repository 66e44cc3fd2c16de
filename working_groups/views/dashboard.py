from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from asoen_portal import access

from .. import selectors


@login_required
def dashboard(request):
    """What needs the signed-in person now, for their role."""
    user = request.user
    on = selectors.today()
    is_focal_only = not (access.is_secretariat(user) or access.is_leadership(user))
    tasks_due = list(selectors.dashboard_tasks_due(user, on)[: selectors.DASHBOARD_ROWS])
    context = {
        "today": on,
        "tasks_due": tasks_due,
        "stale_tasks": list(selectors.dashboard_stale_tasks(user)[: selectors.DASHBOARD_ROWS]),
        "meetings": list(selectors.upcoming_meetings(on, user)[: selectors.DASHBOARD_ROWS]),
        "timeliness": selectors.timeliness_by_group(user, on),
        "checklist_items": list(
            selectors.checklist_items_due(user, on)[: selectors.DASHBOARD_ROWS]
        ),
        "activities": list(selectors.latest_activities(user)[: selectors.DASHBOARD_ROWS]),
        "is_focal_only": is_focal_only,
        "my_group_ids": access.focal_group_ids(user) if is_focal_only else frozenset(),
        "stale_days": selectors.STALE_AFTER_DAYS,
    }
    if access.is_leadership(user) or access.is_secretariat(user):
        report, render_job = selectors.year_end_report_state(on.year)
        context |= {
            "show_progress": True,
            "progress_rows": selectors.task_progress_by_group(on.year),
            "report": report,
            "report_render": render_job,
        }
    return render(request, "working_groups/dashboard.html", context)
