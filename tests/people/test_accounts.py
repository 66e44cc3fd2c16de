"""Roles given and taken, deactivation, the profile page, "forgot password" from the login
page in the user's language, and the password change."""

import re

import pytest
from django.core import mail
from django.test import Client

from asoen_portal import access
from notifications.models import Kind, NotificationPreference
from tests.factories import FocalPersonFactory, UserFactory
from working_groups.models import FocalPerson

pytestmark = pytest.mark.django_db


def _sign_in(username, password):
    """Through the login page, as a person would (axes needs the request)."""
    return Client().post("/accounts/login/", {"username": username, "password": password})


def test_roles_are_given_and_taken(secretariat_client, group_ncb, group_cc, focal_user):
    response = secretariat_client.post(
        f"/people/{focal_user.pk}/roles/",
        {"leadership": "on", "focal_groups": [group_cc.pk], "focal_role": "alternate"},
    )

    assert response.status_code == 302
    focal_user = type(focal_user).objects.get(pk=focal_user.pk)
    assert access.is_leadership(focal_user) and not access.is_secretariat(focal_user)
    assert access.focal_group_ids(focal_user) == {group_cc.pk}
    roles = FocalPerson.objects.filter(user=focal_user).order_by("working_group__code")
    assert [(p.working_group.code, p.is_active, p.role) for p in roles] == [
        ("AWGCC", True, "alternate"),
        ("AWGNCB", False, "lead"),  # ended, not deleted: the history stays
    ]
    assert roles.get(working_group=group_ncb).history.count() == 2


def test_people_list_shows_roles_in_constant_queries(
    secretariat_client, group_ncb, django_assert_max_num_queries
):
    for n in range(60):
        FocalPersonFactory(working_group=group_ncb, user__username=f"nguoi-{n}")
    with django_assert_max_num_queries(8):
        response = secretariat_client.get("/people/")
    assert response.content.decode().count('<tr id="user-') == 50  # first page of 61


def test_deactivated_user_cannot_sign_in_and_secretariat_cannot_lock_itself(
    secretariat_client, secretariat_user, focal_user
):
    locked = secretariat_client.post(f"/people/{focal_user.pk}/active/", {"active": "0"})
    myself = secretariat_client.post(f"/people/{secretariat_user.pk}/active/", {"active": "0"})

    assert locked.status_code == myself.status_code == 302
    focal_user.refresh_from_db()
    secretariat_user.refresh_from_db()
    assert (focal_user.is_active, secretariat_user.is_active) == (False, True)
    assert _sign_in("focal-awgncb", "asoen-test-pass").status_code == 200  # form again


def test_superusers_are_not_managed_from_the_portal(secretariat_client):
    it = UserFactory(username="it-admin", is_superuser=True)
    assert secretariat_client.get(f"/people/{it.pk}/roles/").status_code == 404


def test_profile_saves_name_language_and_kinds(focal_client, focal_user):
    focal_client.post(
        "/profile/",
        {
            "profile-last_name": "Trần Thị",
            "profile-first_name": "Bình",
            "profile-email": "binh@mae.gov.vn",
            "save_profile": "1",
        },
    )
    focal_client.post(
        "/profile/",
        {"prefs-language": "en", "prefs-enabled_kinds": [Kind.TASK_OVERDUE], "save_preferences": 1},
    )

    focal_user.refresh_from_db()
    assert (focal_user.get_full_name(), focal_user.email) == ("Bình Trần Thị", "binh@mae.gov.vn")
    preference = NotificationPreference.objects.get(user=focal_user)
    assert preference.language == "en"
    assert Kind.TASK_OVERDUE not in preference.muted_kinds
    assert len(preference.muted_kinds) == len(Kind.values) - 1
    page = focal_client.get("/profile/").content.decode()
    assert 'href="/accounts/password_change/"' in page


def test_forgot_password_from_the_login_page_in_the_users_language(
    client, focal_user, django_capture_on_commit_callbacks
):
    focal_user.email = "focal@mae.gov.vn"
    focal_user.save()
    NotificationPreference.objects.create(user=focal_user, language="en")

    login = client.get("/accounts/login/").content.decode()
    assert 'href="/accounts/password_reset/"' in login and "Quên mật khẩu?" in login
    client.post("/accounts/password_reset/", {"email": "focal@mae.gov.vn"})

    assert [m.subject for m in mail.outbox] == ["[ASOEN Portal] Password reset"]
    assert "choose a new password" in mail.outbox[0].body
    path = re.search(r"http://[^/]+(/accounts/reset/\S+/)", mail.outbox[0].body).group(1)
    page = client.get(path, follow=True)
    client.post(
        page.redirect_chain[-1][0],
        {"new_password1": "Vuon-di-san-2026", "new_password2": "Vuon-di-san-2026"},
    )
    assert _sign_in("focal-awgncb", "Vuon-di-san-2026").status_code == 302


def test_password_change_page(focal_client):
    response = focal_client.post(
        "/accounts/password_change/",
        {
            "old_password": "asoen-test-pass",
            "new_password1": "Xuan-Thuy-2026",
            "new_password2": "Xuan-Thuy-2026",
        },
    )
    assert (response.status_code, response.url) == (302, "/accounts/password_change/done/")
    assert "Mật khẩu mới đã được lưu." in focal_client.get(response.url).content.decode()
