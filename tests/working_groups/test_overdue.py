"""A task is overdue the day after its deadline, not on it — in the task list's filter, the
task's page and the group page alike."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import TaskFactory
from working_groups.models import Task
from working_groups.selectors import overdue_q

OVERDUE_BADGE = '<span class="badge badge--overdue">'


@pytest.fixture
def deadlines(group_ncb):
    today = timezone.localdate()
    return {
        when: TaskFactory(working_group=group_ncb, title=f"Hạn {when}", due_date=day)
        for when, day in [
            ("yesterday", today - datetime.timedelta(days=1)),
            ("today", today),
            ("tomorrow", today + datetime.timedelta(days=1)),
        ]
    }


def test_overdue_means_the_deadline_has_passed(deadlines):
    overdue = Task.objects.filter(overdue_q())

    assert list(overdue) == [deadlines["yesterday"]]


def test_overdue_on_a_given_day_of_2026(group_ncb):
    due = TaskFactory(working_group=group_ncb, due_date=datetime.date(2026, 6, 10))

    assert not Task.objects.filter(overdue_q(datetime.date(2026, 6, 10))).exists()
    assert list(Task.objects.filter(overdue_q(datetime.date(2026, 6, 11)))) == [due]


def test_task_list_overdue_filter_leaves_out_tasks_due_today(secretariat_client, deadlines):
    response = secretariat_client.get("/tasks/", {"overdue": "on"})

    assert [task for task, _form in response.context["rows"]] == [deadlines["yesterday"]]


@pytest.mark.parametrize(("when", "badge"), [("yesterday", True), ("today", False)])
def test_task_page_marks_overdue_only_after_the_deadline(
    secretariat_client, deadlines, when, badge
):
    html = secretariat_client.get(f"/tasks/{deadlines[when].pk}/").content.decode()

    assert (OVERDUE_BADGE in html) is badge


def test_group_page_marks_only_the_passed_deadline(secretariat_client, deadlines, group_ncb):
    html = secretariat_client.get(f"/working-groups/{group_ncb.code}/").content.decode()

    assert html.count(OVERDUE_BADGE) == 1
