"""Queries per list page stay the same however many rows there are."""

import datetime

import pytest

from tests.factories import (
    ActivityFactory,
    ChecklistItemFactory,
    FocalPersonFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    TaskFactory,
    WorkingGroupFactory,
)

# Per request, before the page's own queries: the session, the user and the user's Django
# groups (role checks; a secretariat user needs no focal-group lookup).
BASE = 3


def _fill(group, rows):
    today = datetime.date.today()
    series = MeetingSeriesFactory(code=f"{group.code}-S", working_group=group)
    for n in range(rows):
        other = WorkingGroupFactory(code=f"G{n}")
        FocalPersonFactory(working_group=other)
        FocalPersonFactory(working_group=group)
        ActivityFactory(working_group=group)
        TaskFactory(
            working_group=group, due_date=today - datetime.timedelta(days=1), year=today.year
        )
        meeting = MeetingFactory(
            series=series, start_date=today + datetime.timedelta(days=n + 1), end_date=None
        )
        ChecklistItemFactory(meeting=meeting, deadline=today)


PAGES = [
    # (url, queries the page itself makes)
    # tasks due, stale tasks, meetings, timeliness per group, checklist, activities,
    # progress, report, its render
    ("/", 8),
    # count, rows, the group select's options
    ("/activities/", 3),
    # … and the group filter's lookup of AWGNCB
    ("/activities/?year=2025&group=AWGNCB&q=da+dang", 4),
    ("/tasks/", 3),
    ("/tasks/?overdue=on&group=AWGNCB", 4),
    # groups with counts, their focal persons
    ("/working-groups/", 2),
    # group, people, lead terms, programmes, tasks, activities, meetings, their delegates,
    # projects
    ("/working-groups/AWGNCB/", 9),
]


@pytest.mark.parametrize("rows", [1, 12])
@pytest.mark.parametrize(("url", "queries"), PAGES)
def test_list_page_query_count_is_constant(
    secretariat_client, group_ncb, django_assert_num_queries, url, queries, rows
):
    _fill(group_ncb, rows)
    with django_assert_num_queries(BASE + queries):
        response = secretariat_client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("rows", [1, 12])
def test_focal_point_dashboard_query_count_is_constant(
    focal_client, group_ncb, django_assert_num_queries, rows
):
    _fill(group_ncb, rows)
    # session, user, Django groups, focal groups + the dashboard's 6 panels (no leadership panel)
    with django_assert_num_queries(10):
        response = focal_client.get("/")
    assert len(response.context["tasks_due"]) == min(rows, 8)
