"""Dates are typed day first (dd/mm/yyyy) in both languages; year filters offer the years that
have records."""

import datetime

import pytest
from django.utils import translation

from asoen_portal.forms import DateInput
from meetings.filters import MeetingFilter
from meetings.models import ChecklistItem
from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory, TaskFactory
from working_groups.filters import ActivityFilter, TaskFilter

pytestmark = pytest.mark.django_db


@pytest.fixture
def hosted_meeting(group_ncb):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb, name="Hội nghị AWGNCB")
    return MeetingFactory(series=series, number=36, year=2026, is_hosted=True)


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("typed", ["10/06/2026", "10.06.2026", "10062026", "2026-06-10"])
def test_a_date_typed_day_first_is_stored_as_that_day(
    secretariat_client, hosted_meeting, language, typed
):
    secretariat_client.cookies["django_language"] = language
    response = secretariat_client.post(
        f"/meetings/{hosted_meeting.pk}/checklist/new/",
        {"title": "Đặt phòng họp", "owner_name": "", "deadline": typed, "order": 0},
    )
    assert response.status_code == 302
    assert ChecklistItem.objects.get().deadline == datetime.date(2026, 6, 10)


@pytest.mark.parametrize(
    ("language", "hint"),
    [("vi", "Ngày/tháng/năm, ví dụ 10/06/2026"), ("en", "Day/month/year, e.g. 10/06/2026")],
)
def test_date_input_is_text_with_a_dd_mm_yyyy_hint(language, hint):
    with translation.override(language):
        html = DateInput().render(
            "deadline", datetime.date(2026, 6, 10), attrs={"id": "id_deadline"}
        )
    assert html == (
        '<input type="text" name="deadline" value="10/06/2026" placeholder="dd/mm/yyyy"'
        ' inputmode="numeric"'
        ' pattern="\\d{1,2}[\\/.\\-]\\d{1,2}[\\/.\\-]\\d{4}|\\d{8}|\\d{4}-\\d{1,2}-\\d{1,2}"'
        ' autocomplete="off" size="10" maxlength="10" id="id_deadline"'
        f' aria-describedby="id_deadline_format" title="{hint}">'
        f' <span class="field__help" id="id_deadline_format">{hint}</span>'
    )


def test_the_checklist_form_shows_a_dd_mm_yyyy_field(secretariat_client, hosted_meeting):
    body = secretariat_client.get(f"/meetings/{hosted_meeting.pk}/checklist/new/").content
    assert b'type="date"' not in body
    assert b'name="deadline" placeholder="dd/mm/yyyy"' in body


def _years(filterset):
    return [value for value, _label in filterset.form.fields["year"].widget.choices]


def test_year_filters_offer_only_years_with_records_newest_first(group_ncb, hosted_meeting):
    ActivityFactory(working_group=group_ncb, start_date=datetime.date(2019, 3, 1))
    ActivityFactory(working_group=group_ncb, start_date=datetime.date(2025, 7, 28))
    ActivityFactory(working_group=group_ncb, start_date=datetime.date(2025, 1, 2))
    TaskFactory(working_group=group_ncb, year=2024)
    TaskFactory(working_group=group_ncb, year=2026)
    assert _years(ActivityFilter({})) == ["", 2025, 2019]
    assert _years(TaskFilter({})) == ["", 2026, 2024]
    assert _years(MeetingFilter({})) == ["", 2026]


def test_a_year_without_records_filters_to_nothing(secretariat_client, group_ncb):
    TaskFactory(working_group=group_ncb, year=2026)
    response = secretariat_client.get("/tasks/?year=2030")
    assert list(response.context["page"].object_list) == []
    response = secretariat_client.get("/api/v1/tasks/?year=2030")
    assert (response.status_code, response.json()["count"]) == (200, 0)


@pytest.mark.parametrize("year", ["0", "9999", "100000000000"])
def test_a_year_no_date_can_hold_is_a_bad_request(secretariat_client, year):
    response = secretariat_client.get("/api/v1/activities/", {"year": year})
    assert response.status_code == 400
