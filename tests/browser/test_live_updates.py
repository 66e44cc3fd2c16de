"""Real Chromium: after an inline status change or checklist tick every part of the page that
shows it is current, without a reload."""

import datetime

import pytest
from django.utils import timezone

from tests.factories import (
    ChecklistItemFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    TaskFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_status_change_shows_its_time_and_history_at_once(sign_in, focal_user, group_ncb):
    task = TaskFactory(working_group=group_ncb)
    tab = sign_in(focal_user.username)
    tab.goto(f"/tasks/{task.pk}/")
    timestamp = tab.locator(f"#task-last-status-{task.pk}")
    history = tab.locator(f"#task-history-{task.pk}")
    assert timestamp.inner_text() == "chưa cập nhật"
    assert history.inner_text() == "Chưa có cập nhật trạng thái nào."
    panel = tab.locator(f"#task-status-{task.pk}")
    panel.locator("summary").click()
    panel.locator(f"select[name=task{task.pk}-status]").select_option("in_progress")
    panel.locator(f"input[name=task{task.pk}-progress]").fill("40")
    panel.locator(f"textarea[name=task{task.pk}-note]").fill("Đã gửi dự thảo")
    tab.evaluate("window.pageMarker = 1")  # gone if the page reloads
    panel.get_by_role("button", name="Lưu trạng thái").click()
    tab.locator(f"#task-status-{task.pk} .message--success").wait_for()
    task.refresh_from_db()
    update = task.updates.get()
    assert tab.evaluate("window.pageMarker") == 1
    assert timestamp.inner_text() == timezone.localtime(task.last_status_at).strftime(
        "%d/%m/%Y %H:%M"
    )
    assert " ".join(history.inner_text().split()) == (
        "{} · {} Đang thực hiện 40% Đã gửi dự thảo".format(
            timezone.localtime(update.created_at).strftime("%d/%m/%Y %H:%M"),
            focal_user.get_full_name(),
        )
    )
    # A second save from the swapped form still carries the history along.
    tab.locator(f"#task-status-{task.pk} summary").click()
    tab.locator(f"select[name=task{task.pk}-status]").select_option("done")
    tab.get_by_role("button", name="Lưu trạng thái").click()
    history.locator("li").nth(1).wait_for()
    assert history.locator("li .badge").all_inner_texts() == ["Hoàn thành", "Đang thực hiện"]
    assert tab.locator(f"#task-status-{task.pk} .badge").first.inner_text() == "Hoàn thành"


def test_checklist_tick_updates_the_counter_at_once(sign_in, focal_user, group_ncb):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb, name="Hội nghị AWGNCB")
    meeting = MeetingFactory(
        series=series, number=36, start_date=datetime.date(2026, 6, 15), is_hosted=True
    )
    later = datetime.date(2099, 6, 1)
    item = ChecklistItemFactory(meeting=meeting, title="Đặt phòng họp", deadline=later)
    ChecklistItemFactory(meeting=meeting, title="In tài liệu", deadline=later)
    tab = sign_in(focal_user.username)
    tab.goto(f"/meetings/{meeting.pk}/")
    counter = tab.locator("#checklist-counter")
    assert counter.inner_text() == "Đã xong 0/2 việc"
    tab.evaluate("window.pageMarker = 1")
    row = tab.locator(f"#checklist-item-{item.pk}")
    row.get_by_role("button", name="Đánh dấu xong").click()
    row.locator(".badge--success", has_text="Đã xong").wait_for()
    assert tab.evaluate("window.pageMarker") == 1
    assert counter.inner_text() == "Đã xong 1/2 việc"
    row.get_by_role("button", name="Bỏ đánh dấu").click()
    row.locator(".badge--muted", has_text="Chưa xong").wait_for()
    assert counter.inner_text() == "Đã xong 0/2 việc"
