"""The number of SQL queries per page stays the same with 1 row and with many."""

import datetime

import pytest
from django.urls import reverse

from meetings.models import ChecklistItem
from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory


def _meetings(count, group):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group)
    other = MeetingSeriesFactory(code="ASOEN", kind="senior_officials")
    meetings = []
    for n in range(count):
        meeting = MeetingFactory(
            series=series if n % 2 else other,
            start_date=datetime.date(2026, 6, 1 + n % 28),
            end_date=datetime.date(2026, 6, 1 + n % 28),
            is_hosted=bool(n % 2),
        )
        meetings.append(meeting)
    # One meeting with only a planned month, for the calendar's second list.
    MeetingFactory(series=other, number=None, year=2026, month=6, start_date=None, end_date=None)
    return meetings


# session, user, groups, focal groups, count, page, the years with meetings, the group
# filter's choices
LIST_CASES = [(1, 8), (30, 8)]


@pytest.mark.parametrize(("rows", "queries"), LIST_CASES)
def test_meeting_list_query_count(
    focal_client, group_ncb, django_assert_num_queries, rows, queries
):
    _meetings(rows, group_ncb)
    with django_assert_num_queries(queries):
        response = focal_client.get(reverse("meetings:list"))
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 40])
def test_meeting_calendar_query_count(focal_client, group_ncb, django_assert_num_queries, rows):
    _meetings(rows, group_ncb)
    # session, user, the month's meetings, the nav's role checks (groups, focal groups)
    with django_assert_num_queries(5):
        response = focal_client.get(reverse("meetings:calendar"), {"year": 2026, "month": 6})
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 20])
def test_meeting_detail_query_count(
    focal_client, focal_user, group_ncb, django_assert_num_queries, rows
):
    (meeting,) = _meetings(2, group_ncb)[1:]
    for n in range(rows):
        ChecklistItem.objects.create(meeting=meeting, title=f"Việc {n}", owner=focal_user)
        ActivityFactory(meeting=meeting, working_group=group_ncb)
        meeting.delegates.create(full_name=f"Đại biểu {n}")
    # session, user, meeting, checklist, groups, focal groups, delegates, checklist templates,
    # documents, activities
    with django_assert_num_queries(10):
        response = focal_client.get(reverse("meetings:detail", args=[meeting.pk]))
    assert response.status_code == 200
