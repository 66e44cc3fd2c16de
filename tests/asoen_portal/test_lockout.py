"""Sign-in throttling cannot be turned against the account it protects.

Failures lock the (username, IP) pair and, past the same limit, the attacking IP; the account
itself is never locked: past a higher per-username count, sign-ins for it are only slowed.
"""

import time

import pytest
from django.test import override_settings

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LOGIN = "/accounts/login/"
ATTACKER = "203.0.113.66"
VICTIM = "198.51.100.7"


def _attempt(client, ip, username, password="sai-mat-khau"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


@pytest.fixture
def leadership(db):
    return UserFactory(username="leadership")


def test_attacker_is_locked_out_at_the_fifth_failure(client, leadership):
    for _ in range(4):
        assert _attempt(client, ATTACKER, "leadership").status_code == 200
    locked = _attempt(client, ATTACKER, "leadership")
    assert locked.status_code == 429
    text = locked.content.decode()
    assert "Đăng nhập từ máy này tạm thời bị chặn" in text
    assert "Vui lòng thử lại sau 15 phút" in text
    # The attacker cannot use the right password from that IP either.
    assert _attempt(client, ATTACKER, "leadership", "asoen-test-pass").status_code == 429


def test_victim_signs_in_from_another_ip_while_attacker_is_locked(client, leadership):
    for _ in range(6):
        _attempt(client, ATTACKER, "leadership")

    response = _attempt(client, VICTIM, "leadership", "asoen-test-pass")

    assert response.status_code == 302
    assert response["Location"] == "/"


def test_attacking_ip_is_locked_for_every_username(client, leadership):
    # Password spraying: one failure for each of five accounts locks the IP itself.
    for n in range(5):
        _attempt(client, ATTACKER, f"nguoi-dung-{n}")
    assert _attempt(client, ATTACKER, "leadership", "asoen-test-pass").status_code == 429
    assert _attempt(client, VICTIM, "leadership", "asoen-test-pass").status_code == 302


@override_settings(LOGIN_USERNAME_SLOWDOWN_AFTER=8, LOGIN_SLOWDOWN_SECONDS=0.6)
def test_many_ips_only_slow_the_account_down(client, leadership):
    # A botnet: four failures from each of three IPs (no pair and no IP reaches the lock).
    for ip in ("192.0.2.1", "192.0.2.2", "192.0.2.3"):
        for _ in range(4):
            assert _attempt(client, ip, "leadership").status_code == 200

    started = time.monotonic()
    response = _attempt(client, VICTIM, "leadership", "asoen-test-pass")
    elapsed = time.monotonic() - started

    assert response.status_code == 302  # the victim gets in, only later
    assert elapsed >= 0.6
    slowed = _attempt(client, "192.0.2.9", "leadership")
    assert slowed.status_code == 200
    assert "đăng nhập vào tài khoản này được làm chậm lại" in slowed.content.decode()


@override_settings(LOGIN_USERNAME_SLOWDOWN_AFTER=8, LOGIN_SLOWDOWN_SECONDS=0.6)
def test_a_few_failures_do_not_slow_the_account(client, leadership):
    for _ in range(3):
        response = _attempt(client, VICTIM, "leadership")
    assert response.status_code == 200
    assert "được làm chậm lại" not in response.content.decode()
    assert _attempt(client, VICTIM, "leadership", "asoen-test-pass").status_code == 302


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_the_forwarded_address_is_throttled(client, leadership):
    # The attacker forges an X-Forwarded-For entry; the proxy appends the real address.
    def through_proxy(ip, password="sai-mat-khau"):
        return client.post(
            LOGIN,
            {"username": "leadership", "password": password},
            REMOTE_ADDR="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"{VICTIM}, {ip}",
        )

    for _ in range(5):
        through_proxy(ATTACKER)
    assert through_proxy(ATTACKER).status_code == 429
    # Everyone reaches the portal from the proxy's address: that address is not locked.
    assert through_proxy("198.51.100.200", "asoen-test-pass").status_code == 302
