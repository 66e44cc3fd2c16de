"""Each role × each write action on meetings: secretariat and the group's focal point may,
another group's focal point and leadership get 403, anonymous users go to the login page."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import ChecklistItem, Meeting

ROLES = [
    ("secretariat_client", "ok"),
    ("focal_client", "ok"),
    ("other_focal_client", 403),
    ("leadership_client", 403),
    ("anonymous_client", "login"),
]


def _meeting_data(meeting):
    return {
        "series": meeting.series_id,
        "number": meeting.number,
        "title": "Tên mới",
        "status": "confirmed",
        "start_date": "2026-06-15",
        "end_date": "2026-06-17",
    }


def _actions(meeting, item):
    return {
        "edit_meeting": (reverse("meetings:edit", args=[meeting.pk]), _meeting_data(meeting)),
        "add_item": (
            reverse("meetings:checklist_add", args=[meeting.pk]),
            {"title": "In tài liệu", "owner_name": "Cục Bảo tồn", "order": 1},
        ),
        "edit_item": (
            reverse("meetings:checklist_edit", args=[item.pk]),
            {"title": "Đặt phòng họp lớn", "order": 0},
        ),
        "toggle_item": (reverse("meetings:checklist_toggle", args=[item.pk]), {"done": "1"}),
        "upload": (
            reverse("meetings:document_upload", args=[meeting.pk]),
            {"title": "Chương trình", "file": SimpleUploadedFile("agenda.pdf", b"%PDF-1.4")},
        ),
    }


def _effect(action, meeting, item):
    meeting.refresh_from_db()
    item.refresh_from_db()
    return {
        "edit_meeting": meeting.title == "Tên mới",
        "add_item": ChecklistItem.objects.filter(title="In tài liệu").exists(),
        "edit_item": item.title == "Đặt phòng họp lớn",
        "toggle_item": item.done,
        "upload": meeting.documents.filter(title="Chương trình").exists(),
    }[action]


@pytest.mark.parametrize(("role", "outcome"), ROLES)
@pytest.mark.parametrize(
    "action", ["edit_meeting", "add_item", "edit_item", "toggle_item", "upload"]
)
def test_meeting_write_actions_by_role(request, role, outcome, action, ncb_meeting, ncb_item):
    client = request.getfixturevalue(role)
    url, data = _actions(ncb_meeting, ncb_item)[action]
    response = client.post(url, data)
    if outcome == "ok":
        assert response.status_code == 302
        assert _effect(action, ncb_meeting, ncb_item) is True
    elif outcome == "login":
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/?next=")
        assert _effect(action, ncb_meeting, ncb_item) is False
    else:
        assert response.status_code == outcome
        assert _effect(action, ncb_meeting, ncb_item) is False


@pytest.mark.parametrize(("role", "status"), [(r, 403) for r, o in ROLES if o == 403])
def test_edit_forms_refused_on_get(request, role, status, ncb_meeting, ncb_item):
    client = request.getfixturevalue(role)
    for url in [
        reverse("meetings:edit", args=[ncb_meeting.pk]),
        reverse("meetings:checklist_add", args=[ncb_meeting.pk]),
        reverse("meetings:checklist_edit", args=[ncb_item.pk]),
        reverse("meetings:document_upload", args=[ncb_meeting.pk]),
    ]:
        assert client.get(url).status_code == status


@pytest.mark.parametrize(
    ("role", "status"),
    [
        ("secretariat_client", 302),
        ("focal_client", 302),
        ("leadership_client", 403),
        ("anonymous_client", 302),
    ],
)
def test_meeting_create_by_role(request, role, status, ncb_meeting):
    client = request.getfixturevalue(role)
    data = _meeting_data(ncb_meeting) | {"number": 50, "title": "AWGNCB 50"}
    response = client.post(reverse("meetings:create"), data)
    assert response.status_code == status
    assert Meeting.objects.filter(number=50).exists() is (
        role != "leadership_client" and role != "anonymous_client"
    )


def test_other_focal_cannot_schedule_in_foreign_series(other_focal_client, ncb_meeting):
    data = _meeting_data(ncb_meeting) | {"number": 51}
    response = other_focal_client.post(reverse("meetings:create"), data)
    assert response.status_code == 200
    assert "series" in response.context["form"].errors
    assert not Meeting.objects.filter(number=51).exists()


def test_owner_of_item_in_other_group_may_toggle_and_edit_it(
    other_focal_client, other_focal_user, ncb_meeting
):
    item = ChecklistItem.objects.create(
        meeting=ncb_meeting,
        title="Chuẩn bị phát biểu về khí hậu",
        owner=other_focal_user,
        deadline=datetime.date(2026, 6, 10),
    )
    response = other_focal_client.post(
        reverse("meetings:checklist_toggle", args=[item.pk]), {"done": "1"}
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.done is True
    response = other_focal_client.post(
        reverse("meetings:checklist_edit", args=[item.pk]),
        {"title": "Chuẩn bị phát biểu", "owner": other_focal_user.pk, "order": 0},
    )
    assert response.status_code == 302
    # Owning one item does not open the rest of the meeting.
    assert (
        other_focal_client.get(reverse("meetings:edit", args=[ncb_meeting.pk])).status_code == 403
    )


def test_group_less_meeting_is_secretariat_only(focal_client):
    from tests.factories import MeetingFactory, MeetingSeriesFactory

    meeting = MeetingFactory(series=MeetingSeriesFactory(code="ASOEN", kind="senior_officials"))
    assert focal_client.get(reverse("meetings:edit", args=[meeting.pk])).status_code == 403
