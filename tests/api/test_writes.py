"""Every write endpoint × every role, and what a refused write leaves behind: nothing."""

import pytest

from meetings.models import ChecklistItem
from tests.factories import ChecklistItemFactory, MeetingFactory, MeetingSeriesFactory, TaskFactory
from working_groups.models import Activity, StatusUpdate, Task

pytestmark = pytest.mark.django_db

ROLES = ["secretariat", "focal_ncb", "focal_cc", "leadership", "anonymous"]
ALLOWED = {"secretariat", "focal_ncb"}


def _expected(role, ok):
    if role == "anonymous":
        return 401
    return ok if role in ALLOWED else 403


@pytest.fixture
def ncb_task(group_ncb):
    return TaskFactory(working_group=group_ncb, year=2026, title="Tổ chức AWGNCB 36")


@pytest.fixture
def ncb_item(group_ncb):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    return ChecklistItemFactory(meeting=MeetingFactory(series=series, number=36))


ACTIVITY = {
    "working_group": "AWGNCB",
    "kind": "meeting_attended",
    "title": "Tham dự Hội nghị AWGNCB 36 tại Hà Nội",
    "title_en": "Attended AWGNCB 36 in Ha Noi",
    "start_date": "2026-06-10",
    "end_date": "2026-06-12",
    "country": "VN",
}


@pytest.mark.parametrize("role", ROLES)
def test_log_activity_by_role(role, api_clients, group_ncb, group_cc):
    response = api_clients[role].post("/api/v1/activities/", ACTIVITY, format="json")

    assert response.status_code == _expected(role, 201), response.content.decode()
    created = Activity.objects.filter(title=ACTIVITY["title"])
    assert created.count() == (1 if response.status_code == 201 else 0)
    if response.status_code == 201:
        activity = created.get()
        assert response.json()["id"] == activity.pk
        assert activity.working_group == group_ncb
        # The token's owner is the author, in the row and in its history.
        author = {"secretariat": "secretariat", "focal_ncb": "focal-awgncb"}[role]
        assert activity.created_by.username == author
        assert activity.history.get().history_user.username == author


@pytest.mark.parametrize("role", ROLES)
def test_post_task_status_update_by_role(role, api_clients, ncb_task):
    body = {"status": "in_progress", "progress": 30, "note": "Đã gửi thư mời", "version": 1}

    response = api_clients[role].post(
        f"/api/v1/tasks/{ncb_task.pk}/status-updates/", body, format="json"
    )

    assert response.status_code == _expected(role, 201)
    ncb_task.refresh_from_db()
    changed = response.status_code == 201
    assert (ncb_task.status, ncb_task.progress, ncb_task.version) == (
        ("in_progress", 30, 2) if changed else ("not_started", 0, 1)
    )
    assert StatusUpdate.objects.filter(task=ncb_task).count() == (1 if changed else 0)
    assert ncb_task.history.count() == (2 if changed else 1)
    if changed:
        author = {"secretariat": "secretariat", "focal_ncb": "focal-awgncb"}[role]
        assert ncb_task.history.first().history_user.username == author
        assert StatusUpdate.objects.get(task=ncb_task).author.username == author
    if changed:
        assert response.json()["updates"][0]["note"] == "Đã gửi thư mời"


@pytest.mark.parametrize("role", ROLES)
def test_tick_checklist_item_by_role(role, api_clients, ncb_item):
    response = api_clients[role].patch(
        f"/api/v1/checklist-items/{ncb_item.pk}/", {"done": True}, format="json"
    )

    assert response.status_code == _expected(role, 200)
    ncb_item.refresh_from_db()
    assert ncb_item.done is (response.status_code == 200)
    assert (ncb_item.done_at is not None) is ncb_item.done
    if ncb_item.done:
        # Recorded as the token's owner: DRF hands the user to simple-history's middleware.
        assert (
            ncb_item.history.first().history_user.username
            == {
                "secretariat": "secretariat",
                "focal_ncb": "focal-awgncb",
            }[role]
        )


def test_the_owner_of_a_checklist_item_may_tick_it_whatever_the_group(
    api_clients, ncb_item, leadership_user
):
    ChecklistItem.objects.filter(pk=ncb_item.pk).update(owner=leadership_user)

    response = api_clients["leadership"].patch(
        f"/api/v1/checklist-items/{ncb_item.pk}/", {"done": True}, format="json"
    )

    assert (response.status_code, response.json()["done"]) == (200, True)


def test_awgcc_focal_point_cannot_update_an_awgncb_task_and_nothing_changes(api_clients, ncb_task):
    before = Task.objects.values().get(pk=ncb_task.pk)

    response = api_clients["focal_cc"].post(
        f"/api/v1/tasks/{ncb_task.pk}/status-updates/",
        {"status": "done", "progress": 100, "note": "", "version": 1},
        format="json",
    )

    assert response.status_code == 403
    assert Task.objects.values().get(pk=ncb_task.pk) == before
    assert not StatusUpdate.objects.filter(task=ncb_task).exists()


def test_a_stale_version_is_a_409_with_the_task_as_it_now_is(api_clients, ncb_task):
    client = api_clients["focal_ncb"]
    url = f"/api/v1/tasks/{ncb_task.pk}/status-updates/"
    first = client.post(url, {"status": "in_progress", "progress": 50, "version": 1}, format="json")

    second = api_clients["secretariat"].post(
        url, {"status": "postponed", "progress": 0, "version": 1}, format="json"
    )

    assert (first.status_code, second.status_code) == (201, 409)
    assert (second.json()["status"], second.json()["version"]) == ("in_progress", 2)
    ncb_task.refresh_from_db()
    assert (ncb_task.status, ncb_task.updates.count()) == ("in_progress", 1)


def test_sequence_of_status_updates_next_year(api_clients, group_ncb):
    task = TaskFactory(working_group=group_ncb, year=2027)
    client = api_clients["focal_ncb"]
    url = f"/api/v1/tasks/{task.pk}/status-updates/"
    version = 1
    for progress in (10, 40, 70):
        response = client.post(
            url, {"status": "in_progress", "progress": progress, "version": version}, format="json"
        )
        assert response.status_code == 201
        version = response.json()["version"]
    done = client.post(url, {"status": "done", "progress": 5, "version": version}, format="json")

    # The service's rule: "done" means 100 %, whatever was sent.
    assert (done.json()["status"], done.json()["progress"], done.json()["version"]) == (
        "done",
        100,
        5,
    )
    assert [u["progress"] for u in done.json()["updates"]] == [100, 70, 40, 10]


def test_bad_input_is_a_400_with_the_forms_messages_and_nothing_saved(api_clients, ncb_task):
    bad_activity = dict(ACTIVITY, end_date="2026-06-01")
    activity = api_clients["focal_ncb"].post("/api/v1/activities/", bad_activity, format="json")
    status = api_clients["focal_ncb"].post(
        f"/api/v1/tasks/{ncb_task.pk}/status-updates/",
        {"status": "in_progress", "progress": 140, "version": 1},
        format="json",
    )
    tick = api_clients["focal_ncb"].patch(
        "/api/v1/checklist-items/999999/", {"done": True}, format="json"
    )

    assert activity.status_code == 400
    assert activity.json() == {"end_date": ["Ngày kết thúc không được trước ngày bắt đầu."]}
    assert status.status_code == 400
    assert list(status.json()) == ["progress"]
    assert tick.status_code == 404
    assert not Activity.objects.exists()
    ncb_task.refresh_from_db()
    assert ncb_task.version == 1


def test_a_focal_point_cannot_file_an_activity_without_a_group(api_clients, group_ncb):
    response = api_clients["focal_ncb"].post(
        "/api/v1/activities/", dict(ACTIVITY, working_group=None), format="json"
    )

    assert response.status_code == 403
    assert not Activity.objects.exists()


def test_browser_session_writes_need_the_csrf_token(focal_user, ncb_task):
    from rest_framework.test import APIClient

    client = APIClient(enforce_csrf_checks=True)
    client.force_login(focal_user, backend="django.contrib.auth.backends.ModelBackend")

    read = client.get(f"/api/v1/tasks/{ncb_task.pk}/")
    write = client.post(
        f"/api/v1/tasks/{ncb_task.pk}/status-updates/",
        {"status": "in_progress", "progress": 10, "version": 1},
        format="json",
    )

    assert (read.status_code, write.status_code) == (200, 403)
    ncb_task.refresh_from_db()
    assert ncb_task.version == 1
