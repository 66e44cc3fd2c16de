"""Records show their English names on English pages, without extra queries."""

import pytest
from django.utils import translation

from asoen_portal.templatetags.portal import tr
from tests.factories import ActivityFactory
from working_groups.models import Activity


@pytest.mark.parametrize(
    ("language", "title_en", "expected"),
    [
        ("vi", "Hosted AHP 8", "Tổ chức Hội nghị AHP 8"),
        ("en", "Hosted AHP 8", "Hosted AHP 8"),
        ("en", "", "Tổ chức Hội nghị AHP 8"),
    ],
)
def test_tr_picks_the_english_field_on_english_pages_when_filled(language, title_en, expected):
    activity = Activity(title="Tổ chức Hội nghị AHP 8", title_en=title_en)

    with translation.override(language):
        assert tr(activity, "title") == expected


def test_tr_falls_back_for_records_without_an_english_field():
    with translation.override("en"):
        assert tr(type("Item", (), {"title": "Đặt phòng họp"})(), "title") == "Đặt phòng họp"
        assert tr(None, "title") == ""


@pytest.mark.parametrize("rows", [1, 12])
def test_english_activity_list_shows_english_titles_in_constant_queries(
    secretariat_client, group_ncb, django_assert_num_queries, rows
):
    for n in range(rows):
        ActivityFactory(working_group=group_ncb, title=f"Hội thảo {n}", title_en=f"Workshop {n}")
    secretariat_client.cookies["django_language"] = "en"

    # session, user, roles; count, rows, the years with records, the group select
    with django_assert_num_queries(7):
        response = secretariat_client.get("/activities/")

    assert "Workshop 0" in response.content.decode()
    assert "Hội thảo 0" not in response.content.decode()


@pytest.mark.parametrize(
    ("fields", "vi", "en"),
    [
        ({"start_date": "2026-06-02", "end_date": "2026-06-05"}, "02/06/2026–05/06/2026", None),
        ({"start_date": "2026-06-02", "end_date": "2026-06-02"}, "02/06/2026", None),
        ({"month": 6}, "Tháng 6/2026 (dự kiến)", "6/2026 (planned)"),
        ({"month": 8, "end_month": 9}, "Tháng 8–9/2026 (dự kiến)", None),
        ({"status": "held"}, "Năm 2026", None),
        ({}, "Năm 2026 (dự kiến)", None),
    ],
)
def test_meeting_when_says_what_is_known(fields, vi, en):
    import datetime

    from asoen_portal.templatetags.portal import meeting_when
    from meetings.models import Meeting

    dates = {
        key: datetime.date.fromisoformat(value)
        for key, value in fields.items()
        if key.endswith("_date")
    }
    others = {key: value for key, value in fields.items() if not key.endswith("_date")}
    meeting = Meeting(year=2026, **{"status": "planned", **others, **dates})
    with translation.override("vi"):
        assert meeting_when(meeting) == vi
    if en:
        with translation.override("en"):
            assert meeting_when(meeting) == en
