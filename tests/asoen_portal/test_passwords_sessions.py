"""Password rules, the password-reset throttle and the idle session timeout."""

import datetime

import pytest
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.core import mail
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils import timezone

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
RESET = "/accounts/password_reset/"


@pytest.mark.parametrize("password", ["84736251", "8473625190", "asoen-9x"])
def test_numeric_and_short_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_a_long_mixed_password_is_accepted():
    validate_password("song-hong-2026-xanh")


def test_the_rules_are_explained_in_vietnamese():
    with pytest.raises(ValidationError) as error:
        validate_password("84736251")
    text = " ".join(error.value.messages)
    assert "Mật khẩu quá ngắn: cần ít nhất 10 ký tự." in text
    assert "Mật khẩu này hoàn toàn là số." in text


@pytest.fixture
def local_cache(settings):
    # One test process: a private in-memory cache keeps counters from leaking between tests.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "t"}
    }
    from django.core.cache import cache

    cache.clear()
    return cache


def test_ten_reset_requests_send_three_mails(client, local_cache):
    UserFactory(username="leadership", email="lanhdao@asoen.example.vn")
    statuses = [
        client.post(RESET, {"email": "lanhdao@asoen.example.vn"}, REMOTE_ADDR=f"10.1.0.{n}")
        for n in range(10)
    ]

    assert len(mail.outbox) == 3
    assert [r.status_code for r in statuses] == [302] * 3 + [429] * 7
    assert "quá nhiều yêu cầu đặt lại mật khẩu" in statuses[-1].content.decode()


def test_one_ip_cannot_request_resets_for_many_addresses(client, local_cache):
    for n in range(12):
        UserFactory(username=f"nguoi{n}", email=f"nguoi{n}@asoen.example.vn")
    codes = [
        client.post(RESET, {"email": f"nguoi{n}@asoen.example.vn"}, REMOTE_ADDR="10.9.9.9")
        for n in range(12)
    ]

    assert len(mail.outbox) == 10
    assert [r.status_code for r in codes][-2:] == [429, 429]


@override_settings(SESSION_COOKIE_AGE=30 * 60)
def test_an_idle_session_expires_and_activity_renews_it(secretariat_client, secretariat_user):
    assert secretariat_client.get("/").status_code == 200
    key = secretariat_client.session.session_key
    session = Session.objects.get(session_key=key)
    remaining = session.expire_date - timezone.now()
    assert datetime.timedelta(minutes=29) < remaining <= datetime.timedelta(minutes=30)

    # Signed in 25 minutes ago, idle since: a request now renews the 30 minutes.
    now = timezone.now()
    type(secretariat_user).objects.filter(pk=secretariat_user.pk).update(
        last_login=now - datetime.timedelta(minutes=25)
    )
    Session.objects.filter(pk=key).update(expire_date=now + datetime.timedelta(minutes=5))
    assert secretariat_client.get("/").status_code == 200
    renewed = Session.objects.get(session_key=key).expire_date - timezone.now()
    assert renewed > datetime.timedelta(minutes=29)

    # Idle past the timeout: signed out.
    Session.objects.filter(pk=key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1)
    )
    response = secretariat_client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_a_request_soon_after_a_renewal_writes_no_session(secretariat_client):
    secretariat_client.get("/healthz/")
    key = secretariat_client.session.session_key
    before = Session.objects.get(session_key=key).expire_date
    secretariat_client.get("/meetings/feeds/")
    assert Session.objects.get(session_key=key).expire_date == before


def test_the_default_idle_timeout_is_thirty_minutes(settings):
    assert settings.SESSION_COOKIE_AGE == 30 * 60
