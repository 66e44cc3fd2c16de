"""iCalendar feeds that calendar apps subscribe to.

Calendar apps fetch a feed with no session cookie, so a feed is opened by the secret token in
its URL. The personal feed is /meetings/feeds/user/<token>.ics. A group's feed
(/meetings/feeds/group/<code>.ics) is opened by the same personal token, passed as ?token=:
meeting plans and notes are internal to the secretariat, so they are not public, yet a
secretariat officer who follows one group in Outlook or Google Calendar expects the link to keep
working outside the browser. Resetting the personal token closes both kinds of link at once.
"""

import datetime
import functools
import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Max
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from icalendar import Alarm, Calendar, Event, Timezone

from asoen_portal import access
from meetings.models import CalendarFeedToken, ChecklistItem, Meeting
from meetings.selectors import feed_meetings_for_user, meeting_queryset
from meetings.services import get_feed_token, rotate_feed_token
from working_groups.models import Task, WorkingGroup
from working_groups.selectors import OPEN_STATUSES

PRODID = "-//ASOEN Viet Nam//Cong ASOEN//VI"
UID_DOMAIN = "asoen.vn"
# A feed covers last year onwards: old meetings stay in the register, not in every phone.
YEARS_BACK = 1


def _meeting_event(meeting, link):
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{UID_DOMAIN}")
    event.add("summary", f"{meeting.short_name}: {meeting.title}")
    # The register knows dates, not hours: all-day events, DTEND is the day after (exclusive).
    end = meeting.end_date or meeting.start_date
    event.add("dtstart", meeting.start_date)
    event.add("dtend", end + datetime.timedelta(days=1))
    event.add("dtstamp", meeting.updated_at)
    location = ", ".join(part for part in (meeting.city, meeting.get_country_display()) if part)
    if location:
        event.add("location", location)
    role = _("Việt Nam chủ trì") if meeting.is_hosted else _("Tham dự")
    event.add("description", f"{role} · {meeting.get_status_display()}")
    event.add("url", link(meeting.pk))
    if meeting.status == Meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
    elif meeting.status == Meeting.Status.PLANNED:
        event.add("status", "TENTATIVE")
    else:
        event.add("status", "CONFIRMED")
    return event


def _alarm(days_before, text):
    """A display alarm `days_before` days ahead of an all-day deadline: calendar apps show
    it even when the portal's e-mail is filtered away."""
    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", text)
    alarm.add("trigger", datetime.timedelta(days=-days_before))
    return alarm


def _checklist_event(item, link):
    event = Event()
    event.add("uid", f"checklist-{item.pk}@{UID_DOMAIN}")
    event.add(
        "summary",
        _("Hạn: {title} ({meeting})").format(title=item.title, meeting=item.meeting.short_name),
    )
    event.add("dtstart", item.deadline)
    event.add("dtend", item.deadline + datetime.timedelta(days=1))
    event.add("dtstamp", item.updated_at)
    event.add("url", link(item.meeting_id))
    event.add_component(_alarm(settings.REMINDER_CHECKLIST_DUE_DAYS, event["summary"]))
    return event


def _task_event(task, request):
    event = Event()
    event.add("uid", f"task-{task.pk}@{UID_DOMAIN}")
    group = task.working_group.code if task.working_group_id else _("Văn phòng")
    event.add("summary", _("Hạn nhiệm vụ: {title} ({group})").format(title=task.title, group=group))
    event.add("dtstart", task.due_date)
    event.add("dtend", task.due_date + datetime.timedelta(days=1))
    event.add("dtstamp", task.updated_at)
    event.add(
        "url", request.build_absolute_uri(reverse("working_groups:task_detail", args=[task.pk]))
    )
    event.add_component(_alarm(settings.REMINDER_TASK_DUE_DAYS, event["summary"]))
    return event


def _feed_tasks(user):
    """Open tasks with a deadline that the user answers for (every group's for the
    secretariat and leadership)."""
    tasks = Task.objects.filter(status__in=OPEN_STATUSES, due_date__isnull=False).select_related(
        "working_group"
    )
    return access.filter_followed(tasks, user).order_by("due_date", "id")


def _detail_link(request):
    """pk -> absolute URL of the meeting page; reversing once, not once per event."""
    prefix = request.build_absolute_uri(reverse("meetings:list"))
    return lambda pk: f"{prefix}{pk}/"


def _not_modified(request, *querysets):
    """A 304 when nothing in the feed changed since the app's last fetch: calendar apps poll
    every few minutes, and a feed of hundreds of events is the costly part to build."""
    parts = [get_language() or ""]
    for queryset in querysets:
        state = queryset.order_by().aggregate(count=Count("pk"), latest=Max("updated_at"))
        parts += [str(state["count"]), str(state["latest"])]
    etag = hashlib.sha256("|".join(parts).encode()).hexdigest()[:32]
    return etag, get_conditional_response(request, etag=quote_etag(etag))


@functools.cache
def _timezone(tzid):
    return Timezone.from_tzid(tzid)


def _calendar_response(name, events, etag):
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    # RFC 5545 wants at least one component in a VCALENDAR: the time zone is always there,
    # so a feed with no event yet is still a calendar every app accepts.
    cal.add_component(_timezone(settings.TIME_ZONE))
    for event in events:
        cal.add_component(event)
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "private, max-age=900"
    response["ETag"] = quote_etag(etag)
    return response


def _dated(meetings):
    since = timezone.localdate().year - YEARS_BACK
    return meetings.filter(start_date__isnull=False, year__gte=since).order_by("start_date", "id")


def _user_for_token(token):
    feed_token = get_object_or_404(
        CalendarFeedToken.objects.select_related("user"), token=token, user__is_active=True
    )
    return feed_token.user


def user_feed(request, token):
    """The user's groups' meetings (all meetings for secretariat and leadership) and the
    checklist deadlines they own."""
    user = _user_for_token(token)
    meetings = _dated(feed_meetings_for_user(user))
    items = (
        ChecklistItem.objects.filter(owner=user, done=False, deadline__isnull=False)
        .select_related("meeting", "meeting__series")
        .order_by("deadline", "id")
    )
    tasks = _feed_tasks(user)
    etag, not_modified = _not_modified(request, meetings, items, tasks)
    if not_modified:
        return not_modified
    link = _detail_link(request)
    events = [_meeting_event(m, link) for m in meetings]
    events += [_checklist_event(item, link) for item in items]
    events += [_task_event(task, request) for task in tasks]
    name = _("Lịch ASOEN — {name}").format(name=user.get_full_name())
    return _calendar_response(name, events, etag)


def group_feed(request, code):
    """A working group's meetings, for a signed-in user or a valid ?token=."""
    if not request.user.is_authenticated:
        token = request.GET.get("token")
        if not token:
            raise Http404
        _user_for_token(token)
    group = get_object_or_404(WorkingGroup, code=code)
    meetings = _dated(meeting_queryset().filter(series__working_group=group))
    etag, not_modified = _not_modified(request, meetings)
    if not_modified:
        return not_modified
    link = _detail_link(request)
    events = [_meeting_event(m, link) for m in meetings]
    return _calendar_response(_("Lịch ASOEN — {code}").format(code=group.code), events, etag)


def _feed_urls(request, token):
    user = request.user
    groups = access.filter_followed(
        WorkingGroup.objects.order_by("order", "code"), user, group_field="pk"
    )
    personal = reverse("meetings:user_feed", args=[token.token])
    group_urls = [
        (group, reverse("meetings:group_feed", args=[group.code]) + f"?token={token.token}")
        for group in groups
    ]
    return request.build_absolute_uri(personal), [
        (group, request.build_absolute_uri(url), webcal(request.build_absolute_uri(url)))
        for group, url in group_urls
    ]


def webcal(url):
    """The webcal:// form of a feed URL: a click opens the subscription in the calendar app."""
    return "webcal://" + url.split("://", 1)[1]


@login_required
def feed_settings(request):
    token = get_feed_token(user=request.user)
    personal_url, group_urls = _feed_urls(request, token)
    return render(
        request,
        "meetings/calendarfeedtoken_detail.html",
        {
            "token": token,
            "personal_url": personal_url,
            "personal_webcal": webcal(personal_url),
            "group_urls": group_urls,
        },
    )


@login_required
@require_POST
def feed_reset(request):
    rotate_feed_token(user=request.user)
    messages.success(
        request, _("Đã tạo địa chỉ lịch mới. Các lịch đăng ký bằng địa chỉ cũ sẽ ngừng cập nhật.")
    )
    return redirect("meetings:feeds")
