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
    # progress, report with its render, and one GROUP BY per chart (tasks by group and
    # status, activities by month, meetings attended/hosted by year)
    ("/", 11),
    # count, rows, the year select's years with records, the group select's options
    ("/activities/", 4),
    # … the group filter checks AWGNCB against the select's options: no lookup of its own
    ("/activities/?year=2025&group=AWGNCB&q=da+dang", 4),
    ("/tasks/", 4),
    ("/tasks/?overdue=on&group=AWGNCB", 4),
    # groups with counts, their focal persons
    ("/working-groups/", 2),
    # group, people, lead terms, programmes, tasks, activities, meetings, their delegates,
    # projects, and one GROUP BY per chart (tasks by year and status, activities by month)
    ("/working-groups/AWGNCB/", 11),
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
    # + its 3 charts
    with django_assert_num_queries(13):
        response = focal_client.get("/")
    assert len(response.context["tasks_due"]) == min(rows, 8)


@pytest.mark.parametrize("rows", [1, 25])
def test_task_list_with_status_controls_query_count_is_constant(
    focal_client, group_ncb, group_cc, django_assert_num_queries, rows
):
    """A focal point's task list: a status control on each of their group's rows, none on the
    other group's, and the same queries however many rows there are."""
    year = datetime.date.today().year
    for n in range(rows):
        TaskFactory(working_group=group_ncb, year=year, title=f"Nhiệm vụ NCB {n}")
        TaskFactory(working_group=group_cc, year=year, title=f"Nhiệm vụ CC {n}")
    # session, user, Django groups, focal groups, count, rows, the years with tasks, the group
    # select's options
    with django_assert_num_queries(8):
        response = focal_client.get("/tasks/", {"year": year})
    body = response.content.decode()
    shown = [task for task, can_edit in response.context["rows"] if can_edit]
    assert len(response.context["rows"]) == min(2 * rows, 25)
    assert {task.working_group_id for task in shown} == {group_ncb.pk}
    assert body.count('data-hx-trigger="toggle once"') == len(shown)
    assert "can_load_form" not in body  # the partial's comment stays a comment
    for task in shown:
        assert f'href="/tasks/{task.pk}/status/"' in body


@pytest.mark.parametrize("rows", [1, 25])
def test_secretariat_task_list_query_count_is_constant(
    secretariat_client, group_ncb, django_assert_num_queries, rows
):
    for n in range(rows):
        TaskFactory(working_group=group_ncb if n % 2 else None, title=f"Nhiệm vụ {n}")
    with django_assert_num_queries(BASE + 4):
        response = secretariat_client.get("/tasks/")
    # The secretariat may change every task, its own (no group) included.
    assert response.content.decode().count('data-hx-trigger="toggle once"') == rows


def test_task_status_form_loaded_on_demand_query_count(
    focal_client, group_ncb, django_assert_num_queries
):
    task = TaskFactory(working_group=group_ncb)
    # session, user, the task, focal groups (may write), Django groups (role check)
    with django_assert_num_queries(5):
        response = focal_client.get(f"/tasks/{task.pk}/status/", headers={"HX-Request": "true"})
    assert response.status_code == 200
