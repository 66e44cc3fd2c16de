"""A plan edit and a status update never overwrite each other; activities get the same
optimistic check (a stale form is refused, nothing typed is lost)."""

import threading

import pytest
from django.db import connection
from django.test import Client

from tests.factories import ActivityFactory, FocalPersonFactory, TaskFactory, UserFactory
from working_groups import services
from working_groups.models import Activity, StatusUpdate, Task

BACKEND = "django.contrib.auth.backends.ModelBackend"
CONFLICT = "Bản ghi vừa được người khác cập nhật trong lúc bạn sửa."


def _plan_post(task, **changes):
    data = {
        "year": task.year,
        "working_group": task.working_group_id or "",
        "title": task.title,
        "title_en": task.title_en,
        "description": task.description,
        "theme": task.theme,
        "report_section": task.report_section,
        "meeting": "",
        "due_date": task.due_date.isoformat() if task.due_date else "",
        "report_order": task.report_order,
        "version": task.version,
    }
    data.update(changes)
    return data


def _status_post(task, status, progress, version):
    prefix = f"task{task.pk}"
    return {
        f"{prefix}-status": status,
        f"{prefix}-progress": progress,
        f"{prefix}-note": "",
        f"{prefix}-version": version,
    }


def _assert_row_matches_history(task):
    task.refresh_from_db()
    latest = task.history.order_by("-history_date", "-history_id").first()
    assert (latest.title, latest.status, latest.progress, latest.version) == (
        task.title,
        task.status,
        task.progress,
        task.version,
    )


@pytest.mark.django_db
def test_a_stale_in_memory_task_saved_by_a_plan_edit_keeps_the_new_status(
    secretariat_user, focal_user, group_ncb
):
    task = TaskFactory(working_group=group_ncb, year=2026)
    stale = Task.objects.get(pk=task.pk)  # what the edit page loaded
    services.update_task_status(
        task=task, status="in_progress", progress=40, note="", by=focal_user, expected_version=1
    )

    services.update_task(task=stale, by=secretariat_user, title="Tổ chức AWGNCB 36 tại Việt Nam")

    task.refresh_from_db()
    assert (task.status, task.progress, task.title) == (
        "in_progress",
        40,
        "Tổ chức AWGNCB 36 tại Việt Nam",
    )
    _assert_row_matches_history(task)


@pytest.mark.django_db
def test_plan_edit_posted_after_a_status_change_is_refused_and_keeps_what_was_typed(
    client, secretariat_user, focal_user, group_ncb
):
    task = TaskFactory(working_group=group_ncb, year=2026, title="Chuẩn bị AWGNCB 36")
    client.force_login(secretariat_user, BACKEND)
    loaded = Task.objects.get(pk=task.pk)  # the secretariat opens /tasks/<id>/edit/ (v1)
    focal = Client()
    focal.force_login(focal_user, BACKEND)
    saved = focal.post(
        f"/tasks/{task.pk}/status/", _status_post(task, "in_progress", 60, version=1)
    )
    assert saved.status_code == 302

    response = client.post(
        f"/tasks/{task.pk}/edit/", _plan_post(loaded, title="Chuẩn bị AWGNCB 36 (Hà Nội)")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert CONFLICT in html
    assert 'value="Chuẩn bị AWGNCB 36 (Hà Nội)"' in html  # nothing typed is lost
    assert 'name="version" value="2"' in html
    task.refresh_from_db()
    assert (task.title, task.status, task.progress, task.version) == (
        "Chuẩn bị AWGNCB 36",
        "in_progress",
        60,
        2,
    )
    # Saving again from the re-rendered form goes through and keeps the status.
    again = client.post(
        f"/tasks/{task.pk}/edit/", _plan_post(task, title="Chuẩn bị AWGNCB 36 (Hà Nội)")
    )
    assert again.status_code == 302
    task.refresh_from_db()
    assert (task.title, task.status, task.progress, task.version) == (
        "Chuẩn bị AWGNCB 36 (Hà Nội)",
        "in_progress",
        60,
        3,
    )
    _assert_row_matches_history(task)


@pytest.mark.django_db
def test_status_posted_from_a_page_loaded_before_a_plan_edit_is_refused(
    secretariat_user, focal_user, group_ncb
):
    task = TaskFactory(working_group=group_ncb, year=2026)
    services.update_task(task=task, by=secretariat_user, expected_version=1, title="Kế hoạch mới")

    with pytest.raises(services.TaskVersionConflict):
        services.update_task_status(
            task=task, status="done", progress=100, note="", by=focal_user, expected_version=1
        )
    task.refresh_from_db()
    assert (task.status, task.version) == ("not_started", 2)


ROUNDS = 12


@pytest.mark.django_db(transaction=True)
def test_simultaneous_plan_edits_and_status_saves_never_lose_a_write(group_ncb):
    secretariat = UserFactory(username="secretariat", groups=["secretariat"])
    focal = FocalPersonFactory(working_group=group_ncb, user__username="focal-awgncb").user
    task = TaskFactory(working_group=group_ncb, year=2026, title="Vòng 0")
    editor, updater = Client(), Client()
    editor.force_login(secretariat, BACKEND)
    updater.force_login(focal, BACKEND)
    statuses = ["in_progress", "postponed", "not_started"]

    for n in range(1, ROUNDS + 1):
        task.refresh_from_db()
        barrier = threading.Barrier(2)
        results = {}

        def post(name, client, url, data, results=results, barrier=barrier):
            barrier.wait()
            try:
                results[name] = client.post(url, data).status_code
            finally:
                connection.close()

        status = statuses[n % 3]
        threads = [
            threading.Thread(
                target=post,
                args=(
                    "plan",
                    editor,
                    f"/tasks/{task.pk}/edit/",
                    _plan_post(task, title=f"Vòng {n}"),
                ),
            ),
            threading.Thread(
                target=post,
                args=(
                    "status",
                    updater,
                    f"/tasks/{task.pk}/status/",
                    _status_post(task, status, n, version=task.version),
                ),
            ),
        ]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

        before = task.version
        task.refresh_from_db()
        plan_won, status_won = results["plan"] == 302, results["status"] == 302
        assert plan_won or status_won, results  # one of them always wins
        assert task.version == before + plan_won + status_won
        assert (task.title == f"Vòng {n}") == plan_won
        if status_won:
            assert (task.status, task.progress) == (status, n)
        last = StatusUpdate.objects.filter(task=task).first()
        if last:
            assert (task.status, task.progress) == (last.status, last.progress)
        _assert_row_matches_history(task)


@pytest.mark.django_db
def test_a_stale_activity_form_is_refused_and_keeps_what_was_typed(
    client, secretariat_user, group_ncb
):
    activity = ActivityFactory(working_group=group_ncb, title="Hội thảo AHP")
    first = services.update_activity(
        activity=activity, by=secretariat_user, expected_version=1, title="Hội thảo AHP 8"
    )
    assert first.version == 2
    client.force_login(secretariat_user, BACKEND)
    form = client.get(f"/activities/{activity.pk}/edit/").context["form"]
    data = {
        name: value
        for name, value in ((f.html_name, f.value()) for f in form)
        if value is not None and name != "files"
    }
    data.update(title="Hội thảo AHP 8 (Quảng Ninh)", version=1)  # loaded before the save

    response = client.post(f"/activities/{activity.pk}/edit/", data)

    assert response.status_code == 200
    assert CONFLICT in response.content.decode()
    assert 'value="Hội thảo AHP 8 (Quảng Ninh)"' in response.content.decode()
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("Hội thảo AHP 8", 2)
    data["version"] = 2
    assert client.post(f"/activities/{activity.pk}/edit/", data).status_code == 302
    activity.refresh_from_db()
    assert (activity.title, activity.version) == ("Hội thảo AHP 8 (Quảng Ninh)", 3)
    assert activity.history.count() == 3


@pytest.mark.django_db
def test_two_activity_saves_from_the_same_version_one_wins(secretariat_user, focal_user, group_ncb):
    activity = ActivityFactory(working_group=group_ncb)
    services.update_activity(activity=activity, by=focal_user, expected_version=1, title="A")
    with pytest.raises(services.ActivityVersionConflict) as conflict:
        services.update_activity(
            activity=activity, by=secretariat_user, expected_version=1, title="B"
        )
    assert conflict.value.current.title == "A"
    assert Activity.objects.get(pk=activity.pk).title == "A"
