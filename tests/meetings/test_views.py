import datetime

import pytest
from django.urls import reverse

from meetings.models import Meeting
from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory


def test_meeting_list_shows_hosted_and_attended(secretariat_client, ncb_meeting, cc_meeting):
    response = secretariat_client.get(reverse("meetings:list"))
    assert response.status_code == 200
    assert [m.short_name for m in response.context["page"].object_list] == [
        "AWGNCB 36",
        "AWGCC 17",
    ]
    html = response.content.decode()
    assert html.count('class="badge badge--warning"') == 1
    assert html.count('class="badge badge--info"') == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"hosted": "hosted"}, ["AWGNCB 36"]),
        ({"hosted": "attended"}, ["AWGCC 17"]),
        ({"group": "AWGCC"}, ["AWGCC 17"]),
        ({"q": "khí hậu"}, ["AWGCC 17"]),
        ({"q": "AWGNCB 36"}, ["AWGNCB 36"]),
        ({"year": "2025"}, []),
        ({"status": "held"}, []),
        ({"kind": "working_group"}, ["AWGNCB 36", "AWGCC 17"]),
    ],
)
def test_meeting_list_filters(focal_client, ncb_meeting, cc_meeting, params, expected):
    response = focal_client.get(reverse("meetings:list"), params)
    assert [m.short_name for m in response.context["page"].object_list] == expected


def test_meeting_list_empty_state(leadership_client):
    response = leadership_client.get(reverse("meetings:list"))
    assert "Không có hội nghị nào khớp với bộ lọc." in response.content.decode()


def test_meeting_list_paginates(secretariat_client):
    series = MeetingSeriesFactory(code="ASOEN")
    MeetingFactory.create_batch(30, series=series)
    response = secretariat_client.get(reverse("meetings:list"), {"page": 2})
    assert len(response.context["page"].object_list) == 5
    assert response.context["page"].number == 2


def test_meeting_list_requires_login(anonymous_client):
    response = anonymous_client.get(reverse("meetings:list"))
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/?next=/meetings/"


def test_meeting_detail_shows_checklist_documents_activities(
    focal_client, ncb_meeting, ncb_item, group_ncb
):
    ncb_meeting.outcome = "Thông qua kế hoạch hành động đa dạng sinh học."
    ncb_meeting.save()
    ActivityFactory(meeting=ncb_meeting, working_group=group_ncb, title="Chủ trì AWGNCB 36")
    response = focal_client.get(reverse("meetings:detail", args=[ncb_meeting.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Thông qua kế hoạch hành động đa dạng sinh học." in html
    assert "Đặt phòng họp" in html
    assert "Chủ trì AWGNCB 36" in html
    assert reverse("meetings:checklist_toggle", args=[ncb_item.pk]) in html
    assert reverse("meetings:edit", args=[ncb_meeting.pk]) in html


def test_meeting_detail_hides_edit_links_from_other_group(
    other_focal_client, ncb_meeting, ncb_item
):
    html = other_focal_client.get(
        reverse("meetings:detail", args=[ncb_meeting.pk])
    ).content.decode()
    assert "Đặt phòng họp" in html
    assert reverse("meetings:checklist_toggle", args=[ncb_item.pk]) not in html
    assert reverse("meetings:edit", args=[ncb_meeting.pk]) not in html


def test_meeting_detail_unknown_is_404(secretariat_client):
    assert secretariat_client.get(reverse("meetings:detail", args=[999])).status_code == 404


def test_meeting_create_by_focal_point(focal_client, ncb_meeting):
    response = focal_client.post(
        reverse("meetings:create"),
        {
            "series": ncb_meeting.series_id,
            "number": 37,
            "title": "Hội nghị AWGNCB lần thứ 37",
            "is_hosted": "",
            "status": "planned",
            "year": 2027,
            "month": 6,
        },
    )
    meeting = Meeting.objects.get(number=37)
    assert response.status_code == 302
    assert response["Location"] == reverse("meetings:detail", args=[meeting.pk])
    assert (meeting.year, meeting.month, meeting.start_date, meeting.is_hosted) == (
        2027,
        6,
        None,
        False,
    )


def test_meeting_create_derives_year_from_date(secretariat_client, ncb_meeting):
    secretariat_client.post(
        reverse("meetings:create"),
        {
            "series": ncb_meeting.series_id,
            "number": 40,
            "title": "Hội nghị AWGNCB lần thứ 40",
            "status": "confirmed",
            "start_date": "2028-03-02",
            "end_date": "2028-03-04",
        },
    )
    meeting = Meeting.objects.get(number=40)
    assert (meeting.year, meeting.month, meeting.end_month) == (2028, 3, 3)


def test_meeting_create_rejects_end_before_start(secretariat_client, ncb_meeting):
    response = secretariat_client.post(
        reverse("meetings:create"),
        {
            "series": ncb_meeting.series_id,
            "title": "Sai ngày",
            "status": "planned",
            "start_date": "2028-03-04",
            "end_date": "2028-03-02",
        },
    )
    assert response.status_code == 200
    assert response.context["form"].errors["end_date"] == ["Ngày kết thúc phải sau ngày bắt đầu."]


def test_meeting_create_needs_year_or_date(secretariat_client, ncb_meeting):
    response = secretariat_client.post(
        reverse("meetings:create"),
        {"series": ncb_meeting.series_id, "title": "Không có ngày", "status": "planned"},
    )
    assert response.context["form"].errors["year"] == ["Cần có ngày bắt đầu hoặc năm dự kiến."]


def test_meeting_create_offers_only_own_series(focal_client, ncb_meeting, cc_meeting):
    response = focal_client.get(reverse("meetings:create"))
    assert list(response.context["form"].fields["series"].queryset) == [ncb_meeting.series]


def test_meeting_edit_updates_outcome(secretariat_client, cc_meeting):
    data = {
        "series": cc_meeting.series_id,
        "number": 17,
        "title": cc_meeting.title,
        "status": "held",
        "start_date": "2026-06-29",
        "end_date": "2026-07-01",
        "city": "Kuala Lumpur",
        "country": "MY",
        "outcome": "Thống nhất lộ trình thị trường các-bon.",
    }
    response = secretariat_client.post(reverse("meetings:edit", args=[cc_meeting.pk]), data)
    cc_meeting.refresh_from_db()
    assert response.status_code == 302
    assert (cc_meeting.status, cc_meeting.outcome, cc_meeting.end_month) == (
        "held",
        "Thống nhất lộ trình thị trường các-bon.",
        7,
    )


def test_meeting_edit_duplicate_number_is_form_error(secretariat_client, ncb_meeting):
    other = MeetingFactory(series=ncb_meeting.series, number=35, year=2025)
    data = {
        "series": ncb_meeting.series_id,
        "number": 36,
        "title": other.title,
        "status": "held",
        "year": 2025,
    }
    response = secretariat_client.post(reverse("meetings:edit", args=[other.pk]), data)
    assert response.status_code == 200
    assert response.context["form"].errors["number"] == ["AWGNCB đã có hội nghị lần thứ 36."]
    other.refresh_from_db()
    assert other.number == 35


def test_calendar_month_grid(focal_client, ncb_meeting, cc_meeting):
    MeetingFactory(
        series=ncb_meeting.series,
        number=None,
        year=2026,
        month=6,
        end_month=None,
        start_date=None,
        end_date=None,
        title="Hội thảo cập nhật Kế hoạch đa dạng sinh học ASEAN",
    )
    response = focal_client.get(reverse("meetings:calendar"), {"year": 2026, "month": 6})
    weeks = response.context["weeks"]
    # June 2026 starts on a Monday and ends on a Tuesday: five rows, Monday first.
    assert len(weeks) == 5
    assert weeks[0][0]["date"] == datetime.date(2026, 6, 1)
    assert weeks[-1][-1]["date"] == datetime.date(2026, 7, 5)
    by_day = {
        cell["date"]: [m.short_name for m in cell["meetings"]] for week in weeks for cell in week
    }
    assert by_day[datetime.date(2026, 6, 14)] == []
    assert by_day[datetime.date(2026, 6, 15)] == ["AWGNCB 36"]
    assert by_day[datetime.date(2026, 6, 17)] == ["AWGNCB 36"]
    assert by_day[datetime.date(2026, 6, 30)] == ["AWGCC 17"]
    assert by_day[datetime.date(2026, 7, 1)] == ["AWGCC 17"]
    assert [m.short_name for m in response.context["undated"]] == ["AWGNCB 2026"]


def test_calendar_lists_multi_month_plan_in_each_month(secretariat_client, ncb_meeting):
    MeetingFactory(
        series=MeetingSeriesFactory(code="COP-AATHP"),
        number=21,
        month=8,
        end_month=9,
        start_date=None,
        end_date=None,
    )
    for month, expected in [(7, []), (8, ["COP-AATHP 21"]), (9, ["COP-AATHP 21"])]:
        response = secretariat_client.get(
            reverse("meetings:calendar"), {"year": 2026, "month": month}
        )
        assert [m.short_name for m in response.context["undated"]] == expected


def test_calendar_bad_month_is_404(secretariat_client):
    response = secretariat_client.get(reverse("meetings:calendar"), {"year": 2026, "month": 13})
    assert response.status_code == 404


def test_calendar_empty_month(leadership_client):
    response = leadership_client.get(reverse("meetings:calendar"), {"year": 2030, "month": 1})
    assert "Tháng này chưa có hội nghị nào." in response.content.decode()


def test_meeting_list_export_keeps_filters(secretariat_client, ncb_meeting):
    html = secretariat_client.get(reverse("meetings:list"), {"hosted": "hosted"}).content.decode()
    assert "/data/export/meetings/?format=xlsx&amp;hosted=hosted" in html


def test_meeting_detail_links_activities(secretariat_client, ncb_meeting, group_ncb):
    activity = ActivityFactory(meeting=ncb_meeting, working_group=group_ncb)
    html = secretariat_client.get(
        reverse("meetings:detail", args=[ncb_meeting.pk])
    ).content.decode()
    assert reverse("working_groups:activity_detail", args=[activity.pk]) in html
