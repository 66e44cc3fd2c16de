"""The secretariat invites a new AWGCC focal point, who sets a password from the e-mailed link
and may then change AWGCC's tasks and nothing else."""

import re
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from tests.factories import MeetingFactory, MeetingSeriesFactory, TaskFactory
from working_groups.models import FocalPerson, StatusUpdate

pytestmark = pytest.mark.django_db
PASSWORD = "Rung-ngap-man-2026"


def _status_post(client, task):
    prefix = f"task{task.pk}"
    return client.post(
        f"/tasks/{task.pk}/status/",
        {f"{prefix}-status": "in_progress", f"{prefix}-progress": 40, f"{prefix}-version": 1},
    )


def test_invited_awgcc_focal_point_sets_password_and_edits_only_awgcc(
    secretariat_client, group_cc, group_ncb, django_capture_on_commit_callbacks
):
    cc_task = TaskFactory(working_group=group_cc, title="Tuyên bố chung ASEAN gửi COP31")
    ncb_task = TaskFactory(working_group=group_ncb, title="Chuẩn bị AWGNCB 36")
    office_task = TaskFactory(working_group=None, title="Kỷ niệm 30 năm ASOEN Việt Nam")
    ncb_meeting = MeetingFactory(
        series=MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb)
    )

    with django_capture_on_commit_callbacks(execute=True):
        invite = secretariat_client.post(
            "/people/invite/",
            {
                "email": "Pham.Minh@mae.gov.vn",
                "last_name": "Phạm Văn",
                "first_name": "Minh",
                "language": "vi",
                "focal_groups": [group_cc.pk],
                "focal_role": "lead",
            },
        )
    assert (invite.status_code, invite.url) == (302, "/people/")
    assert [m.to for m in mail.outbox] == [["pham.minh@mae.gov.vn"]]
    letter = mail.outbox[0]
    assert letter.subject == "[Cổng ASOEN] Mời bạn tham gia Cổng thông tin ASOEN Việt Nam"
    link = urlsplit(re.search(r"https?://\S+/accounts/reset/\S+/", letter.body).group(0)).path
    user = get_user_model().objects.get(email="pham.minh@mae.gov.vn")
    assert not user.has_usable_password()
    assert FocalPerson.objects.get(user=user).working_group == group_cc

    newcomer = Client()
    form_page = newcomer.get(link, follow=True)
    assert "Đặt mật khẩu" in form_page.content.decode()
    done = newcomer.post(
        form_page.redirect_chain[-1][0], {"new_password1": PASSWORD, "new_password2": PASSWORD}
    )
    assert done.status_code == 302
    signed_in = newcomer.post(
        "/accounts/login/", {"username": "pham.minh@mae.gov.vn", "password": PASSWORD}
    )
    assert (signed_in.status_code, signed_in.url) == (302, "/")

    assert _status_post(newcomer, cc_task).status_code == 302
    assert [_status_post(newcomer, t).status_code for t in (ncb_task, office_task)] == [403, 403]
    assert newcomer.get(f"/tasks/{ncb_task.pk}/edit/").status_code == 403
    assert newcomer.get(f"/meetings/{ncb_meeting.pk}/edit/").status_code == 403
    assert newcomer.get("/people/").status_code == 403
    assert newcomer.get("/data/").status_code == 403
    assert list(StatusUpdate.objects.values_list("task__title", flat=True)) == [cc_task.title]
    # The link works once.
    assert "không hợp lệ" in Client().get(link, follow=True).content.decode()


def test_invitation_in_english_and_duplicate_address_refused(
    secretariat_client, group_cc, django_capture_on_commit_callbacks
):
    data = {
        "email": "guest@mae.gov.vn",
        "last_name": "Nguyễn",
        "first_name": "Lan",
        "language": "en",
        "leadership": "on",
        "focal_role": "member",
    }
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post("/people/invite/", data)
    again = secretariat_client.post("/people/invite/", data)

    assert mail.outbox[0].subject == "[ASOEN Portal] You are invited to the ASOEN Vietnam Portal"
    assert "Open this link to set your password" in mail.outbox[0].body
    assert "Đã có tài khoản dùng địa chỉ guest@mae.gov.vn." in again.content.decode()
    assert len(mail.outbox) == 1


@pytest.mark.parametrize("role", ["focal_client", "leadership_client", "other_focal_client"])
def test_only_the_secretariat_manages_people(request, role, secretariat_user):
    client = request.getfixturevalue(role)
    pages = ["/people/", "/people/invite/", f"/people/{secretariat_user.pk}/roles/"]
    posts = [f"/people/{secretariat_user.pk}/active/", f"/people/{secretariat_user.pk}/resend/"]

    statuses = [client.get(url).status_code for url in pages]
    statuses += [client.post(url, {"active": "0"}).status_code for url in posts]

    assert statuses == [403] * 5
    secretariat_user.refresh_from_db()
    assert secretariat_user.is_active


def test_secretariat_resends_an_invitation_to_one_address(secretariat_client, group_cc):
    from tests.factories import UserFactory

    invited = UserFactory(username="cho@mae.gov.vn", email="cho@mae.gov.vn", password=None)
    invited.set_unusable_password()
    invited.save()

    response = secretariat_client.post(f"/people/{invited.pk}/resend/")

    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["cho@mae.gov.vn"]]
    assert "/accounts/reset/" in mail.outbox[0].body
