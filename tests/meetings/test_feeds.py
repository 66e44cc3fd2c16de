import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from meetings.models import ChecklistItem
from meetings.services import get_feed_token
from tests.factories import MeetingFactory, MeetingSeriesFactory


def _events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return {
        str(event["uid"]): (
            str(event["summary"]),
            event.decoded("dtstart"),
            event.decoded("dtend"),
        )
        for event in calendar.walk("VEVENT")
    }


@pytest.fixture(autouse=True)
def _today_in_2026(monkeypatch):
    # Feeds hold last year onwards; pin "today" so the fixtures' 2026 meetings stay in.
    monkeypatch.setattr("meetings.feeds.timezone.localdate", lambda: datetime.date(2026, 3, 1))


@pytest.fixture
def asoen_meeting():
    """A secretariat meeting with no group, and one with only a planned month."""
    series = MeetingSeriesFactory(code="ASOEN", kind="senior_officials")
    MeetingFactory(series=series, number=38, start_date=None, end_date=None, month=8)
    return MeetingFactory(
        series=series,
        number=37,
        title="Hội nghị ASOEN lần thứ 37",
        start_date=datetime.date(2026, 7, 27),
        end_date=datetime.date(2026, 7, 31),
        is_hosted=False,
    )


def test_user_feed_of_focal_point(client, focal_user, ncb_meeting, cc_meeting, asoen_meeting):
    ChecklistItem.objects.create(
        meeting=cc_meeting,
        title="Đã xong",
        owner=focal_user,
        deadline=datetime.date(2026, 6, 2),
        done=True,
    )
    item = ChecklistItem.objects.create(
        meeting=ncb_meeting,
        title="Gửi thư mời",
        owner=focal_user,
        deadline=datetime.date(2026, 5, 15),
    )
    token = get_feed_token(user=focal_user).token
    events = _events(client.get(reverse("meetings:user_feed", args=[token])))
    assert events == {
        f"meeting-{ncb_meeting.pk}@asoen.vn": (
            "AWGNCB 36: Hội nghị Nhóm công tác ASEAN về bảo tồn thiên nhiên lần thứ 36",
            datetime.date(2026, 6, 15),
            datetime.date(2026, 6, 18),
        ),
        f"checklist-{item.pk}@asoen.vn": (
            "Hạn: Gửi thư mời (AWGNCB 36)",
            datetime.date(2026, 5, 15),
            datetime.date(2026, 5, 16),
        ),
    }


def test_user_feed_of_leadership_holds_every_dated_meeting(
    client, leadership_user, ncb_meeting, cc_meeting, asoen_meeting
):
    token = get_feed_token(user=leadership_user).token
    events = _events(client.get(reverse("meetings:user_feed", args=[token])))
    assert sorted(events) == sorted(
        f"meeting-{m.pk}@asoen.vn" for m in (ncb_meeting, cc_meeting, asoen_meeting)
    )


def test_user_feed_event_details(client, secretariat_user, cc_meeting):
    token = get_feed_token(user=secretariat_user).token
    calendar = Calendar.from_ical(client.get(reverse("meetings:user_feed", args=[token])).content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["location"]) == "Kuala Lumpur, Malaysia"
    assert str(event["description"]) == "Tham dự · Dự kiến"
    assert str(event["status"]) == "TENTATIVE"
    assert str(event["url"]) == f"http://testserver/meetings/{cc_meeting.pk}/"
    assert str(calendar["x-wr-calname"]).startswith("Lịch ASOEN — ")


def test_user_feed_invalid_token_is_404(client, focal_user):
    get_feed_token(user=focal_user)
    assert client.get(reverse("meetings:user_feed", args=["nope"])).status_code == 404


def test_user_feed_old_token_stops_after_reset(client, focal_user):
    old = get_feed_token(user=focal_user).token
    client.force_login(focal_user, backend="django.contrib.auth.backends.ModelBackend")
    assert client.post(reverse("meetings:feed_reset")).status_code == 302
    client.logout()
    assert client.get(reverse("meetings:user_feed", args=[old])).status_code == 404
    new = get_feed_token(user=focal_user).token
    assert client.get(reverse("meetings:user_feed", args=[new])).status_code == 200


def test_user_feed_of_inactive_user_is_404(client, focal_user):
    token = get_feed_token(user=focal_user).token
    focal_user.is_active = False
    focal_user.save()
    assert client.get(reverse("meetings:user_feed", args=[token])).status_code == 404


def test_group_feed_by_token(client, focal_user, ncb_meeting, cc_meeting):
    token = get_feed_token(user=focal_user).token
    response = client.get(reverse("meetings:group_feed", args=["AWGCC"]), {"token": token})
    assert list(_events(response)) == [f"meeting-{cc_meeting.pk}@asoen.vn"]


def test_group_feed_with_session(focal_client, ncb_meeting, cc_meeting):
    response = focal_client.get(reverse("meetings:group_feed", args=["AWGNCB"]))
    assert list(_events(response)) == [f"meeting-{ncb_meeting.pk}@asoen.vn"]


@pytest.mark.parametrize("query", [{}, {"token": "wrong"}])
def test_group_feed_without_valid_token_is_404(client, ncb_meeting, query):
    response = client.get(reverse("meetings:group_feed", args=["AWGNCB"]), query)
    assert response.status_code == 404


def test_group_feed_unknown_group_is_404(secretariat_client):
    response = secretariat_client.get(reverse("meetings:group_feed", args=["NOPE"]))
    assert response.status_code == 404


def test_feed_settings_page_shows_urls(focal_client, focal_user, group_cc):
    response = focal_client.get(reverse("meetings:feeds"))
    token = get_feed_token(user=focal_user).token
    html = response.content.decode()
    assert f"http://testserver/meetings/feeds/user/{token}.ics" in html
    assert f"http://testserver/meetings/feeds/group/AWGNCB.ics?token={token}" in html
    assert "AWGCC.ics" not in html


def test_feed_settings_requires_login(anonymous_client):
    assert anonymous_client.get(reverse("meetings:feeds")).status_code == 302


def test_user_feed_answers_304_until_a_meeting_changes(client, focal_user, ncb_meeting):
    url = reverse("meetings:user_feed", args=[get_feed_token(user=focal_user).token])
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    ncb_meeting.status = "confirmed"
    ncb_meeting.save()
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response["ETag"] != etag


def test_group_feed_answers_304_until_a_meeting_is_added(focal_client, ncb_meeting):
    url = reverse("meetings:group_feed", args=["AWGNCB"])
    etag = focal_client.get(url)["ETag"]
    assert focal_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    MeetingFactory(
        series=ncb_meeting.series, number=37, start_date=datetime.date(2027, 6, 1), end_date=None
    )
    assert focal_client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 200
