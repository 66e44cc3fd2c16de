"""English words follow the number (ngettext); Vietnamese has one form."""

import pytest

from tests.factories import ChecklistItemFactory


@pytest.mark.parametrize(("items", "shown"), [(1, "0 of 1 item done"), (2, "0 of 2 items done")])
def test_checklist_count_in_english(secretariat_client, ncb_meeting, items, shown):
    for _ in range(items):
        ChecklistItemFactory(meeting=ncb_meeting)
    secretariat_client.cookies["django_language"] = "en"

    html = secretariat_client.get(f"/meetings/{ncb_meeting.pk}/").content.decode()

    assert shown in html


def test_checklist_count_in_vietnamese(secretariat_client, ncb_meeting):
    ChecklistItemFactory(meeting=ncb_meeting)

    html = secretariat_client.get(f"/meetings/{ncb_meeting.pk}/").content.decode()

    assert "Đã xong 0/1 việc" in html
