"""Real Chromium: a user makes an API token on their page, and the bundled API docs run under
a strict Content-Security-Policy with nothing fetched from another host."""

import pytest

from asoen_portal.api.docs import DOCS_CSP
from asoen_portal.api.keys import digest_token_key
from asoen_portal.models import ApiToken

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_user_creates_then_revokes_a_token(sign_in, focal_user, artifacts):
    tab = sign_in(focal_user.username)
    tab.goto("/api/tokens/")
    tab.fill("input[name=name]", "Văn phòng điện tử")
    tab.get_by_role("button", name="Tạo mã").click()
    key = tab.locator("#new-api-key").inner_text()
    tab.screenshot(path=f"{artifacts}/api-token-created.png", full_page=True)

    assert ApiToken.objects.get().digest == digest_token_key(key)
    tab.goto("/api/tokens/")
    assert tab.locator("#new-api-key").count() == 0  # shown once only
    tab.get_by_role("button", name="Thu hồi").click()
    tab.get_by_text("Đã thu hồi mã “Văn phòng điện tử”.").wait_for()
    assert ApiToken.objects.get().revoked_at is not None


def test_api_docs_render_offline_under_a_strict_csp(page, live_server, artifacts):
    violations, foreign = [], []
    page.on("console", lambda msg: msg.type == "error" and violations.append(msg.text))
    page.on(
        "request",
        lambda request: (
            not request.url.startswith(live_server.url)
            and not request.url.startswith("data:")
            and foreign.append(request.url)
        ),
    )

    response = page.goto("/api/docs/")
    page.locator(".opblock-summary-path", has_text="/api/v1/activities/").first.wait_for()
    page.screenshot(path=f"{artifacts}/api-docs.png")

    assert response.headers["content-security-policy"] == DOCS_CSP
    assert page.locator(".opblock").count() >= 30
    assert violations == []
    assert foreign == []
