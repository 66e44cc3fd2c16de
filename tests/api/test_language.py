"""The API answers in Vietnamese, or in English for a caller who chose it (language cookie)."""

import pytest
from django.conf import settings

from tests.factories import ChecklistItemFactory, TaskFactory

pytestmark = pytest.mark.django_db


def _english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


def test_errors_are_worded_in_vietnamese_by_default(api_clients, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    item = ChecklistItemFactory(meeting__series__working_group=group_ncb)

    anonymous = api_clients["anonymous"].get("/api/v1/tasks/").json()
    missing = api_clients["focal_cc"].get("/api/v1/tasks/999999/").json()
    forbidden = api_clients["focal_cc"].post(
        f"/api/v1/tasks/{task.pk}/status-updates/",
        {"status": "done", "progress": 100, "version": 1},
        format="json",
    )
    not_json = api_clients["focal_ncb"].patch(
        f"/api/v1/checklist-items/{item.pk}/",
        "done=1",
        content_type="application/x-www-form-urlencoded",
    )

    assert anonymous["detail"].startswith("Chưa xác thực")
    assert missing == {"detail": "Không tìm thấy."}
    assert forbidden.json() == {"detail": "Bạn không có quyền thực hiện thao tác này."}
    assert not_json.status_code == 415
    assert not_json.json()["detail"].startswith("Dữ liệu phải được gửi dạng JSON")


def test_errors_and_the_token_page_in_english(api_clients, client, focal_user, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    api = _english(api_clients["focal_ncb"])
    client.force_login(focal_user, backend="django.contrib.auth.backends.ModelBackend")

    bad = api.post(
        f"/api/v1/tasks/{task.pk}/status-updates/", {"status": "done", "version": 1}, format="json"
    )
    tick = api.patch("/api/v1/checklist-items/999999/", {}, format="json")
    page = _english(client).get("/api/tokens/").content.decode()

    assert bad.json() == {"progress": ["This field is required."]}
    assert tick.json() == {"detail": "Not found."}
    assert "API tokens" in page and "Create token" in page


def test_throttled_callers_are_told_when_to_come_back(monkeypatch, api_clients):
    from asoen_portal.api.throttling import ApiTokenRateThrottle

    monkeypatch.setattr(ApiTokenRateThrottle, "rate", "1/hour", raising=False)
    client = api_clients["leadership"]
    client.get("/api/v1/partners/")

    response = client.get("/api/v1/partners/")

    assert response.status_code == 429
    assert response.json()["detail"].startswith("Quá nhiều yêu cầu. Hãy thử lại sau ")
    assert int(response["Retry-After"]) > 3000
