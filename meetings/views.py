"""Meeting pages: register, month calendar, detail, create and edit. Checklist and document
views are in meetings.views_prep; calendar feeds in meetings.feeds."""

import calendar
import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from asoen_portal import access
from asoen_portal.pagination import paginate
from meetings.delegations import delegates_of
from meetings.filters import MeetingFilter
from meetings.forms import MeetingForm
from meetings.models import ChecklistItem, ChecklistTemplate
from meetings.selectors import meeting_queryset
from meetings.services import schedule_meeting, update_meeting


@login_required
def meeting_list(request):
    meeting_filter = MeetingFilter(request.GET, queryset=meeting_queryset())
    page = paginate(request, meeting_filter.qs)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "filter": meeting_filter,
            "page": page,
            "can_create": access.can_create_group_records(request.user),
        },
    )


CALENDAR_YEARS = range(1990, 2101)


def _month_param(request):
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
        datetime.date(year, month, 1)
    except (TypeError, ValueError, OverflowError) as error:
        raise Http404 from error
    # The grid also reaches into the months before and after: far years would overflow.
    if year not in CALENDAR_YEARS:
        raise Http404
    return year, month


def month_meetings(year, month):
    """Meetings dated within the month, and those that so far have only a planned month."""
    first = datetime.date(year, month, 1)
    last = datetime.date(year, month, calendar.monthrange(year, month)[1])
    dated = Q(start_date__lte=last, last_day__gte=first)
    undated = Q(start_date__isnull=True, year=year, month__lte=month, last_month__gte=month)
    return (
        meeting_queryset()
        .annotate(
            last_day=Coalesce("end_date", "start_date"),
            last_month=Coalesce("end_month", "month"),
        )
        .filter(dated | undated)
    )


def month_grid(year, month, meetings):
    """Weeks (Monday first) of {date, in_month, meetings} cells for the dated meetings."""
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(year, month):
        cells = []
        for day in week:
            on_day = [m for m in meetings if m.start_date <= day <= (m.end_date or m.start_date)]
            cells.append({"date": day, "in_month": day.month == month, "meetings": on_day})
        weeks.append(cells)
    return weeks


@login_required
def meeting_calendar(request):
    year, month = _month_param(request)
    meetings = list(month_meetings(year, month))
    dated = [m for m in meetings if m.start_date]
    first = datetime.date(year, month, 1)
    previous_month = first - datetime.timedelta(days=1)
    next_month = first + datetime.timedelta(days=calendar.monthrange(year, month)[1])
    return render(
        request,
        "meetings/meeting_calendar.html",
        {
            "first": first,
            "weeks": month_grid(year, month, dated),
            "undated": [m for m in meetings if not m.start_date],
            "has_meetings": bool(meetings),
            "previous_month": previous_month,
            "next_month": next_month,
            "weekdays": [datetime.date(2024, 1, day) for day in range(1, 8)],  # a Monday first
        },
    )


@login_required
def meeting_detail(request, pk):
    meeting = access.get_meeting_for_user(request.user, pk)
    checklist = list(
        ChecklistItem.objects.filter(meeting=meeting)
        .select_related("owner")
        .order_by("order", "deadline", "id")
    )
    can_edit = access.can_edit_meeting(request.user, meeting)
    for item in checklist:
        item.meeting = meeting
        item.can_edit = access.can_edit_checklist_item(request.user, item)
    activities = meeting.activities.select_related("working_group").order_by("-start_date", "-id")
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "can_edit": can_edit,
            "checklist": checklist,
            "checklist_done": sum(1 for item in checklist if item.done),
            "documents": meeting.documents.select_related("uploaded_by"),
            "activities": activities,
            "today": timezone.localdate(),
            "delegates": list(delegates_of(meeting)),
            "checklist_templates": list(ChecklistTemplate.objects.all())
            if can_edit and meeting.is_hosted
            else [],
        },
    )


def _meeting_fields(form):
    return {name: value for name, value in form.cleaned_data.items() if name in form.fields}


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create(request):
    access.require(access.can_create_group_records(request.user))
    form = MeetingForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = _meeting_fields(form)
        try:
            meeting = schedule_meeting(by=request.user, **fields)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_edit(request, pk):
    meeting = access.get_meeting_for_user(request.user, pk, write=True)
    form = MeetingForm(request.POST or None, instance=meeting, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            update_meeting(meeting=meeting, by=request.user, **_meeting_fields(form))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("meetings:detail", pk=meeting.pk)
    return render(request, "meetings/meeting_form.html", {"form": form, "meeting": meeting})
