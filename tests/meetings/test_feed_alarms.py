"""Calendar feeds carry alarms for deadlines, offer webcal:// links, and stay valid RFC 5545
when there is nothing in them yet."""

import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from meetings.services import get_feed_token
from tests.factories import (
    ChecklistItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    TaskFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _today_in_2026(monkeypatch):
    monkeypatch.setattr("meetings.feeds.timezone.localdate", lambda: datetime.date(2026, 3, 1))


def _feed(client, user):
    response = client.get(reverse("meetings:user_feed", args=[get_feed_token(user=user).token]))
    assert response.status_code == 200
    return response.content, Calendar.from_ical(response.content)


def test_checklist_and_task_deadlines_carry_a_display_alarm(
    client, focal_user, group_ncb, group_cc
):
    meeting = MeetingFactory(series=MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb))
    ChecklistItemFactory(
        meeting=meeting, owner=focal_user, title="Gửi thư mời", deadline=datetime.date(2026, 4, 17)
    )
    TaskFactory(working_group=group_ncb, title="Góp ý ACB", due_date=datetime.date(2026, 5, 4))
    TaskFactory(working_group=group_cc, title="Không phải của tôi", due_date="2026-05-04")
    TaskFactory(working_group=group_ncb, title="Đã xong", status="done", due_date="2026-05-04")

    raw, calendar = _feed(client, focal_user)

    alarms = {
        str(event["uid"]).split("-")[0]: (
            str(event["summary"]),
            [(str(a["action"]), a.decoded("trigger")) for a in event.walk("VALARM")],
        )
        for event in calendar.walk("VEVENT")
        if event.walk("VALARM")
    }
    assert alarms == {
        "checklist": (
            f"Hạn: Gửi thư mời ({meeting.short_name})",
            [("DISPLAY", datetime.timedelta(days=-3))],
        ),
        "task": ("Hạn nhiệm vụ: Góp ý ACB (AWGNCB)", [("DISPLAY", datetime.timedelta(days=-7))]),
    }
    assert b"TRIGGER:-P3D" in raw and b"TRIGGER:-P7D" in raw
    meeting_event = next(e for e in calendar.walk("VEVENT") if str(e["uid"]).startswith("meeting"))
    assert not meeting_event.walk("VALARM")  # meetings are not deadlines


def test_alarm_lead_time_follows_the_reminder_setting(client, focal_user, group_ncb, settings):
    settings.REMINDER_TASK_DUE_DAYS = 10
    TaskFactory(working_group=group_ncb, due_date=datetime.date(2026, 5, 4))

    raw, _calendar = _feed(client, focal_user)

    assert b"TRIGGER:-P10D" in raw


def test_empty_feed_is_still_a_valid_calendar(client):
    newcomer = UserFactory(username="moi-vao")

    raw, calendar = _feed(client, newcomer)

    assert calendar.walk("VEVENT") == []
    components = [c.name for c in calendar.subcomponents]
    assert components == ["VTIMEZONE"]  # RFC 5545: a VCALENDAR holds at least one component
    assert raw.startswith(b"BEGIN:VCALENDAR\r\n") and raw.endswith(b"END:VCALENDAR\r\n")
    for line in (b"VERSION:2.0", b"PRODID:", b"TZID:Asia/Ho_Chi_Minh"):
        assert line in raw
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))  # folded lines


def test_feed_page_offers_webcal_links(focal_client, focal_user):
    html = focal_client.get(reverse("meetings:feeds")).content.decode()
    token = get_feed_token(user=focal_user).token

    assert f'href="webcal://testserver/meetings/feeds/user/{token}.ics"' in html
    assert f'href="webcal://testserver/meetings/feeds/group/AWGNCB.ics?token={token}"' in html
