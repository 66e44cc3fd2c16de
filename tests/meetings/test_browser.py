"""Real Chromium: a focal point ticks a checklist item; HTMX swaps the row in place."""

import pytest

from tests.browser.conftest import browser, page, sign_in  # noqa: F401  (shared fixtures)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_focal_point_ticks_checklist_item_in_place(sign_in, focal_user, ncb_meeting, ncb_item):  # noqa: F811
    tab = sign_in(focal_user.username)
    tab.goto(f"/meetings/{ncb_meeting.pk}/")
    row = tab.locator(f"#checklist-item-{ncb_item.pk}")
    row.get_by_role("button", name="Đánh dấu xong").click()
    row.locator(".badge--success", has_text="Đã xong").wait_for()
    # Swapped by HTMX: still the same page, no reload to the redirect target.
    assert tab.url.endswith(f"/meetings/{ncb_meeting.pk}/")
    ncb_item.refresh_from_db()
    assert ncb_item.done is True
    row.get_by_role("button", name="Bỏ đánh dấu").click()
    row.locator(".badge--muted", has_text="Chưa xong").wait_for()
    ncb_item.refresh_from_db()
    assert ncb_item.done is False
