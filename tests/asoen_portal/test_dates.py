"""Dates read and are typed day first (dd/mm/yyyy) on Vietnamese and English pages alike.

Every date here has a day of 12 or less, so a month-first format would still be a valid date
and only the exact string (or the stored value) tells the two apart.
"""

import datetime

import pytest

from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory, TaskFactory
from working_groups.models import Task

LANGUAGES = ["vi", "en"]


@pytest.fixture
def client_in(secretariat_client):
    """The secretariat's client with the language switch set to `language`."""

    def switch(language):
        secretariat_client.cookies["django_language"] = language
        return secretariat_client

    return switch


def _page(client, url, language):
    response = client.get(url)
    assert response.status_code == 200
    assert response.headers["Content-Language"] == language
    return response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_task_deadline_reads_day_first(client_in, group_ncb, language):
    # The task pages use SHORT_DATE_FORMAT (asoen_portal/formats/).
    task = TaskFactory(working_group=group_ncb, due_date=datetime.date(2026, 6, 10))

    html = _page(client_in(language), f"/tasks/{task.pk}/", language)

    assert "10/06/2026" in html
    assert "06/10/2026" not in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_meeting_dates_read_day_first(client_in, group_ncb, language):
    # The meeting_when filter (asoen_portal/templatetags/portal.py), on the register and the
    # meeting's page.
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    meeting = MeetingFactory(
        series=series,
        number=36,
        start_date=datetime.date(2026, 6, 2),
        end_date=datetime.date(2026, 6, 4),
    )
    client = client_in(language)

    for url in (f"/meetings/{meeting.pk}/", "/meetings/"):
        html = _page(client, url, language)
        assert "02/06/2026–04/06/2026" in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize(
    ("start", "end", "precision", "shown"),
    [
        (datetime.date(2026, 6, 10), None, "day", "10/06/2026"),
        (datetime.date(2026, 6, 2), datetime.date(2026, 6, 4), "day", "02–04/06/2026"),
        (datetime.date(2026, 6, 10), datetime.date(2026, 7, 1), "day", "10/06–01/07/2026"),
        (datetime.date(2025, 12, 30), datetime.date(2026, 1, 2), "day", "30/12/2025–02/01/2026"),
        (datetime.date(2026, 3, 1), None, "month", "03/2026"),
    ],
)
def test_activity_dates_read_day_first(
    client_in, group_ncb, language, start, end, precision, shown
):
    # The activity_dates tag, on the activity list.
    ActivityFactory(
        working_group=group_ncb, start_date=start, end_date=end, date_precision=precision
    )

    html = _page(client_in(language), "/activities/", language)

    assert shown in html


def _post_task(client, due_date):
    return client.post(
        "/tasks/new/",
        {
            "year": 2026,
            "title": "Chuẩn bị Hội nghị AWGNCB 36",
            "due_date": due_date,
            "report_order": 100,
        },
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_typed_date_is_read_day_first(client_in, language):
    # DATE_INPUT_FORMATS: what a person types in the field, in either language.
    response = _post_task(client_in(language), "10/06/2026")

    task = Task.objects.get()
    assert response.status_code == 302
    assert task.due_date == datetime.date(2026, 6, 10)


@pytest.mark.parametrize("language", LANGUAGES)
def test_typed_month_first_date_is_refused(client_in, language):
    response = _post_task(client_in(language), "06/25/2026")

    assert response.status_code == 200
    assert "due_date" in response.context["form"].errors
    assert not Task.objects.exists()


@pytest.mark.parametrize("language", LANGUAGES)
def test_date_picker_posts_iso_dates(client_in, language):
    # The browser's date picker sends yyyy-mm-dd whatever the page language.
    _post_task(client_in(language), "2026-06-10")

    assert Task.objects.get().due_date == datetime.date(2026, 6, 10)


def test_edit_form_gives_the_date_picker_an_iso_value(secretariat_client, group_ncb):
    task = TaskFactory(working_group=group_ncb, due_date=datetime.date(2026, 6, 10))

    html = _page(secretariat_client, f"/tasks/{task.pk}/edit/", "vi")

    assert 'type="date" name="due_date" value="2026-06-10"' in html
