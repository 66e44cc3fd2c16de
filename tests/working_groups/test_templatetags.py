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

    with django_assert_num_queries(6):
        response = secretariat_client.get("/activities/")

    assert "Workshop 0" in response.content.decode()
    assert "Hội thảo 0" not in response.content.decode()
