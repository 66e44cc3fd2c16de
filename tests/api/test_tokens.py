"""The token page, the stored digest, throttling per token."""

import datetime
import re

import pytest
from django.core.cache import caches
from rest_framework.test import APIClient

from asoen_portal.api.keys import digest_token_key
from asoen_portal.api.throttling import ApiTokenRateThrottle
from asoen_portal.models import ApiToken
from tests.factories import ActivityFactory, TaskFactory
from working_groups.models import StatusUpdate

pytestmark = pytest.mark.django_db

KEY = re.compile(r'<code class="api-key" id="new-api-key">([^<]+)</code>')


def _create_token(client, name):
    response = client.post("/api/tokens/", {"name": name})
    assert response.status_code == 200
    return KEY.search(response.content.decode()).group(1)


def test_new_user_journey_token_list_then_forbidden_write(
    client, focal_user, other_focal_user, group_ncb
):
    """The issue's "done when": a token made on the page reads AWGNCB's 2025 activities as
    the page lists them; an AWGCC focal point's token cannot change an AWGNCB task."""
    ActivityFactory.create_batch(3, working_group=group_ncb, start_date=datetime.date(2025, 8, 1))
    ActivityFactory(working_group=group_ncb, start_date=datetime.date(2026, 1, 5))
    task = TaskFactory(working_group=group_ncb, year=2026)
    client.force_login(other_focal_user, backend="django.contrib.auth.backends.ModelBackend")
    key = _create_token(client, "Hệ thống văn phòng điện tử")
    page = client.get("/activities/", {"year": 2025, "group": "AWGNCB"})

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    rows = api.get("/api/v1/activities/?year=2025&group=AWGNCB").json()["results"]
    refused = api.post(
        f"/api/v1/tasks/{task.pk}/status-updates/",
        {"status": "done", "progress": 100, "version": 1},
        format="json",
    )

    assert [row["id"] for row in rows] == [a.pk for a in page.context["page"]]
    assert len(rows) == 3
    assert refused.status_code == 403
    task.refresh_from_db()
    assert (task.status, task.version) == ("not_started", 1)
    assert not StatusUpdate.objects.exists()


def test_the_key_is_shown_once_and_only_its_digest_is_stored(client, focal_user):
    client.force_login(focal_user, backend="django.contrib.auth.backends.ModelBackend")
    key = _create_token(client, "Phân tích số liệu")

    token = ApiToken.objects.get()
    listing = client.get("/api/tokens/").content.decode()

    assert token.digest == digest_token_key(key) and key not in token.digest
    assert (token.name, token.prefix, token.user) == ("Phân tích số liệu", key[:8], focal_user)
    assert key not in listing and "Phân tích số liệu" in listing and f"{key[:8]}…" in listing


def test_revoking_on_the_page_stops_the_token_and_only_the_owner_may(
    client, focal_user, other_focal_user
):
    client.force_login(focal_user, backend="django.contrib.auth.backends.ModelBackend")
    key = _create_token(client, "e-office")
    token = ApiToken.objects.get()
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    before = api.get("/api/v1/tasks/").status_code

    client.force_login(other_focal_user, backend="django.contrib.auth.backends.ModelBackend")
    stranger = client.post(f"/api/tokens/{token.pk}/revoke/").status_code
    still = api.get("/api/v1/tasks/").status_code
    client.force_login(focal_user, backend="django.contrib.auth.backends.ModelBackend")
    owner = client.post(f"/api/tokens/{token.pk}/revoke/")

    assert (before, stranger, still) == (200, 404, 200)
    assert owner.status_code == 302
    assert api.get("/api/v1/tasks/").status_code == 401
    token.refresh_from_db()
    assert token.revoked_at is not None


def test_the_token_page_needs_a_signed_in_user(client):
    response = client.get("/api/tokens/")

    assert (response.status_code, response.url.split("?")[0]) == (302, "/accounts/login/")


def test_an_empty_name_is_refused_in_vietnamese(client, focal_user):
    client.force_login(focal_user, backend="django.contrib.auth.backends.ModelBackend")

    response = client.post("/api/tokens/", {"name": "  "})

    assert "Trường này là bắt buộc." in response.content.decode()
    assert not ApiToken.objects.exists()


def test_throttle_counts_per_token_in_redis(monkeypatch, settings, focal_user, group_ncb):
    from tests.api.conftest import token_client

    # The portal's Redis (the test's REDIS_URL) holds the counts, as in production.
    assert caches["api_throttle"].__class__.__name__ == "RedisCache"
    monkeypatch.setattr(ApiTokenRateThrottle, "rate", "5/minute", raising=False)
    first, second = token_client(focal_user, "một"), token_client(focal_user, "hai")

    statuses = [first.get("/api/v1/working-groups/").status_code for _ in range(7)]
    other = second.get("/api/v1/working-groups/").status_code

    assert statuses == [200] * 5 + [429, 429]
    assert other == 200
