"""Real Chromium: a focal point ticks a checklist item; HTMX swaps the row in place."""

import datetime

import pytest

from tests.factories import ChecklistItemFactory, MeetingFactory, MeetingSeriesFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ncb_meeting(group_ncb):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb, name="Hội nghị AWGNCB")
    return MeetingFactory(
        series=series, number=36, start_date=datetime.date(2026, 6, 15), is_hosted=True
    )


@pytest.fixture
def ncb_item(ncb_meeting):
    return ChecklistItemFactory(
        meeting=ncb_meeting, title="Đặt phòng họp", deadline=datetime.date(2026, 6, 1)
    )


def test_focal_point_ticks_checklist_item_in_place(sign_in, focal_user, ncb_meeting, ncb_item):
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
    # Its deadline has passed: unticked, it is overdue again, as the page shows it.
    row.locator(".badge--danger", has_text="Quá hạn").wait_for()
    ncb_item.refresh_from_db()
    assert ncb_item.done is False
