"""The chasing view: tasks never updated count as not updated, per group with the day of the
last update; leadership sees every group; focal points see their own groups first."""

import datetime

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.factories import MeetingFactory, MeetingSeriesFactory, TaskFactory
from working_groups.models import Task
from working_groups.services import update_task_status

pytestmark = pytest.mark.django_db


def test_seeded_tasks_never_updated_show_as_not_updated(secretariat_client):
    call_command("load_seed", verbosity=0)
    never = Task.objects.filter(
        status__in=["not_started", "in_progress"], last_status_at__isnull=True
    ).count()

    response = secretariat_client.get("/")

    assert never >= 20
    assert "Mọi nhiệm vụ đều được cập nhật gần đây" not in response.content.decode()
    rows = response.context["timeliness"]
    assert sum(row["never"] for row in rows) == never
    assert sum(row["stale"] for row in rows) == never


def test_timeliness_per_group_counts_and_last_update(
    leadership_client, group_ncb, group_cc, focal_user
):
    old = timezone.now() - datetime.timedelta(days=45)
    fresh = TaskFactory.create_batch(3, working_group=group_ncb)
    for task in fresh[:2]:
        update_task_status(
            task=task,
            status="in_progress",
            progress=20,
            note="",
            by=focal_user,
            expected_version=task.version,
        )
    quiet = TaskFactory(working_group=group_ncb, due_date=datetime.date(2026, 1, 15))
    Task.objects.filter(pk=quiet.pk).update(last_status_at=old)
    TaskFactory.create_batch(150, working_group=group_cc)
    TaskFactory(working_group=group_cc, status="done", last_status_at=old)

    response = leadership_client.get("/")

    rows = {row["code"]: row for row in response.context["timeliness"]}
    assert {k: (r["open"], r["overdue"], r["never"], r["stale"]) for k, r in rows.items()} == {
        "AWGNCB": (4, 1, 1, 2),
        "AWGCC": (150, 0, 150, 150),
    }
    assert rows["AWGNCB"]["last_update"].date() == timezone.now().date()
    assert rows["AWGCC"]["last_update"] == old
    assert 'id="timeliness-AWGCC"' in response.content.decode()


def test_focal_point_task_list_opens_on_their_group(focal_client, group_ncb, group_cc):
    TaskFactory.create_batch(5, working_group=group_ncb)
    TaskFactory.create_batch(17, working_group=group_cc)

    mine = focal_client.get("/tasks/")
    everyone = focal_client.get("/tasks/?group=")

    assert len(mine.context["rows"]) == 5
    assert '<option value="AWGNCB" selected>' in mine.content.decode()
    assert len(everyone.context["rows"]) == 22


def test_focal_point_of_two_groups_sees_both(focal_client, focal_user, group_ncb, group_cc):
    from tests.factories import FocalPersonFactory

    FocalPersonFactory(working_group=group_cc, user=focal_user)
    TaskFactory.create_batch(2, working_group=group_ncb)
    TaskFactory.create_batch(3, working_group=group_cc)
    TaskFactory.create_batch(4, working_group=None)

    landing = focal_client.get("/tasks/")

    assert len(landing.context["rows"]) == 5
    assert landing.content.decode().count('name="groups"') == 2  # kept when the form is sent


def test_secretariat_task_list_is_not_narrowed(secretariat_client, group_ncb):
    TaskFactory(working_group=group_ncb)
    assert secretariat_client.get("/tasks/").status_code == 200


def test_focal_dashboard_lists_their_groups_meetings_first(focal_client, group_ncb, group_cc):
    today = timezone.localdate()
    theirs = MeetingSeriesFactory(code="AWGCC", working_group=group_cc)
    mine = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    for n in range(10):
        MeetingFactory(
            series=theirs, start_date=today + datetime.timedelta(days=n + 1), end_date=None
        )
    MeetingFactory(
        series=mine, number=36, start_date=today + datetime.timedelta(days=60), end_date=None
    )

    meetings = focal_client.get("/").context["meetings"]

    assert [m.short_name for m in meetings][:1] == ["AWGNCB 36"]
    assert len(meetings) == 8
