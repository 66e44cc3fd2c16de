"""Each role × each write action, on records of AWGNCB (the focal_client's group)."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import ActivityFactory, TaskFactory
from working_groups.models import Activity, Attachment, StatusUpdate, Task

ROLES = ["secretariat_client", "focal_client", "other_focal_client", "leadership_client"]


def _activity_data(group, title="Hội thảo cập nhật Kế hoạch đa dạng sinh học ASEAN"):
    return {
        "start_date": "2026-06-10",
        "date_precision": "day",
        "working_group": group.pk if group else "",
        "kind": Activity.Kind.MEETING_HOSTED,
        "title": title,
        "report_order": 100,
        "version": 1,  # an edit posts the version its page showed; a new record ignores it
    }


def _task_data(group, title="Tổ chức Hội nghị AWGNCB 36"):
    return {
        "year": 2026,
        "working_group": group.pk,
        "title": title,
        "report_order": 100,
        "version": 1,
    }


@pytest.fixture
def as_role(request):
    def get(role):
        return request.getfixturevalue(role)

    return get


@pytest.mark.parametrize(
    ("role", "status", "created"),
    [
        ("secretariat_client", 302, 1),
        ("focal_client", 302, 1),
        # The group select does not offer AWGNCB to AWGCC's focal point: the form refuses it.
        ("other_focal_client", 200, 0),
        ("leadership_client", 403, 0),
    ],
)
def test_create_activity(as_role, group_ncb, role, status, created):
    response = as_role(role).post("/activities/new/", _activity_data(group_ncb))
    assert response.status_code == status
    assert Activity.objects.count() == created


def test_create_activity_form_offers_focal_point_only_their_groups(focal_client, group_cc):
    response = focal_client.get("/activities/new/")
    assert [g.code for g in response.context["form"].fields["working_group"].queryset] == ["AWGNCB"]


@pytest.mark.parametrize(
    ("role", "status", "title"),
    [
        ("secretariat_client", 302, "Đã sửa"),
        ("focal_client", 302, "Đã sửa"),
        ("other_focal_client", 403, "Gốc"),
        ("leadership_client", 403, "Gốc"),
    ],
)
def test_edit_activity(as_role, group_ncb, role, status, title):
    activity = ActivityFactory(working_group=group_ncb, title="Gốc")
    client = as_role(role)
    assert client.get(f"/activities/{activity.pk}/edit/").status_code == (
        200 if status == 302 else 403
    )
    response = client.post(f"/activities/{activity.pk}/edit/", _activity_data(group_ncb, "Đã sửa"))
    assert response.status_code == status
    activity.refresh_from_db()
    assert activity.title == title


@pytest.mark.parametrize(
    ("role", "status", "count"),
    [
        ("secretariat_client", 302, 1),
        ("focal_client", 302, 1),
        ("other_focal_client", 403, 0),
        ("leadership_client", 403, 0),
    ],
)
def test_add_attachment(as_role, group_ncb, role, status, count):
    activity = ActivityFactory(working_group=group_ncb)
    upload = SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4", content_type="application/pdf")
    response = as_role(role).post(f"/activities/{activity.pk}/attachments/", {"files": upload})
    assert response.status_code == status
    assert Attachment.objects.count() == count


@pytest.mark.parametrize(
    ("role", "status", "updates"),
    [
        ("secretariat_client", 302, 1),
        ("focal_client", 302, 1),
        ("other_focal_client", 403, 0),
        ("leadership_client", 403, 0),
    ],
)
def test_change_task_status(as_role, group_ncb, role, status, updates):
    task = TaskFactory(working_group=group_ncb)
    prefix = f"task{task.pk}"
    response = as_role(role).post(
        f"/tasks/{task.pk}/status/",
        {f"{prefix}-status": "in_progress", f"{prefix}-progress": 50, f"{prefix}-version": 1},
    )
    assert response.status_code == status
    assert StatusUpdate.objects.count() == updates


@pytest.mark.parametrize(
    ("role", "status", "created"),
    [
        ("secretariat_client", 302, 1),
        ("focal_client", 302, 1),
        ("other_focal_client", 200, 0),
        ("leadership_client", 403, 0),
    ],
)
def test_create_task(as_role, group_ncb, role, status, created):
    response = as_role(role).post("/tasks/new/", _task_data(group_ncb))
    assert response.status_code == status
    assert Task.objects.count() == created


@pytest.mark.parametrize(
    ("role", "status", "title"),
    [
        ("secretariat_client", 302, "Đã sửa"),
        ("focal_client", 302, "Đã sửa"),
        ("other_focal_client", 403, "Gốc"),
        ("leadership_client", 403, "Gốc"),
    ],
)
def test_edit_task(as_role, group_ncb, role, status, title):
    task = TaskFactory(working_group=group_ncb, title="Gốc")
    response = as_role(role).post(f"/tasks/{task.pk}/edit/", _task_data(group_ncb, "Đã sửa"))
    assert response.status_code == status
    task.refresh_from_db()
    assert task.title == title


def test_secretariat_may_file_an_activity_with_no_group(secretariat_client):
    assert secretariat_client.post("/activities/new/", _activity_data(None)).status_code == 302
    assert Activity.objects.get().working_group is None


def test_focal_point_must_choose_a_group(focal_client, group_ncb):
    data = _activity_data(group_ncb)
    data["working_group"] = ""
    response = focal_client.post("/activities/new/", data)
    assert response.status_code == 200
    assert response.context["form"].errors["working_group"] == ["Trường này là bắt buộc."]


def test_forbidden_page_explains_in_vietnamese(other_focal_client, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    response = other_focal_client.get(f"/tasks/{task.pk}/edit/")
    assert response.status_code == 403
    assert "Không có quyền truy cập" in response.content.decode()


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/activities/",
        "/activities/new/",
        "/activities/{activity}/",
        "/activities/{activity}/edit/",
        "/activities/{activity}/history/",
        "/activities/{activity}/attachments/",
        "/tasks/",
        "/tasks/new/",
        "/tasks/{task}/",
        "/tasks/{task}/edit/",
        "/tasks/{task}/status/",
        "/working-groups/",
        "/working-groups/AWGNCB/",
    ],
)
def test_anonymous_is_sent_to_sign_in(anonymous_client, group_ncb, url):
    activity = ActivityFactory(working_group=group_ncb)
    task = TaskFactory(working_group=group_ncb)
    url = url.format(activity=activity.pk, task=task.pk)
    for response in (anonymous_client.get(url), anonymous_client.post(url, {})):
        assert response.status_code == 302
        assert response["Location"] == f"/accounts/login/?next={url}"
    assert Activity.objects.count() == 1
    assert StatusUpdate.objects.count() == 0
