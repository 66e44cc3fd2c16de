"""Each role's main journey in a real browser."""

import datetime
import os

import pytest

from asoen_portal.access import LEADERSHIP, SECRETARIAT
from tests.factories import FocalPersonFactory, TaskFactory, UserFactory, WorkingGroupFactory
from working_groups.models import Activity, StatusUpdate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_secretariat_logs_an_activity_with_an_attachment(page, sign_in, artifacts, tmp_path):
    UserFactory(
        username="secretariat", first_name="Lê", last_name="Văn Phòng", groups=[SECRETARIAT]
    )
    WorkingGroupFactory(code="AWGNCB", name="Bảo tồn thiên nhiên và đa dạng sinh học")
    minutes = tmp_path / "bien-ban-AHP8.pdf"
    minutes.write_bytes(b"%PDF-1.4 bien ban")

    sign_in("secretariat")
    page.click("nav >> text=Hoạt động")
    page.click("text=Ghi nhận hoạt động")
    page.fill("input[name=start_date]", "2025-12-02")
    page.fill("input[name=end_date]", "2025-12-04")
    page.select_option("select[name=working_group]", label="AWGNCB")
    page.select_option("select[name=kind]", value=Activity.Kind.MEETING_HOSTED)
    page.fill("input[name=title]", "Hội nghị Vườn Di sản ASEAN lần thứ 8 (AHP 8)")
    page.fill("textarea[name=outcome]", "Trao chứng nhận cho Vườn quốc gia Xuân Thủy.")
    page.fill("input[name=city]", "Quảng Ninh")
    page.set_input_files("input[name=files]", str(minutes))
    page.click("button:has-text('Lưu')")

    page.wait_for_selector("h1:has-text('AHP 8')")
    assert page.locator(".message--success").inner_text() == (
        "Đã ghi nhận hoạt động “Hội nghị Vườn Di sản ASEAN lần thứ 8 (AHP 8)”."
    )
    assert page.locator("a:has-text('bien-ban-AHP8.pdf')").count() == 1
    page.screenshot(path=os.path.join(artifacts, "secretariat-activity.png"), full_page=True)

    # The new activity is found by a search typed without diacritics.
    page.goto("/activities/?q=xuan+thuy")
    assert page.locator("tbody tr").count() == 1
    activity = Activity.objects.get()
    assert (activity.start_date, activity.created_by.username) == (
        datetime.date(2025, 12, 2),
        "secretariat",
    )
    assert activity.attachments.get().original_name == "bien-ban-AHP8.pdf"


def test_focal_point_updates_status_but_cannot_edit_another_groups_task(page, sign_in, artifacts):
    ncb = WorkingGroupFactory(code="AWGNCB")
    cc = WorkingGroupFactory(code="AWGCC")
    FocalPersonFactory(working_group=ncb, user__username="focal-awgncb")
    own = TaskFactory(working_group=ncb, title="Tổ chức Hội nghị AWGNCB 36")
    other = TaskFactory(working_group=cc, title="Xây dựng ACCSAP")

    sign_in("focal-awgncb")
    page.goto(f"/tasks/{own.pk}/")
    page.click("summary:has-text('Cập nhật trạng thái')")
    page.select_option(f"select[name=task{own.pk}-status]", value="in_progress")
    page.fill(f"input[name=task{own.pk}-progress]", "40")
    page.fill(f"textarea[name=task{own.pk}-note]", "Đã gửi thư mời các nước thành viên")
    page.click("button:has-text('Lưu trạng thái')")
    # HTMX swaps the status panel in place: no page load.
    page.wait_for_selector(".task-status .message--success")
    assert page.locator(".task-status .badge").first.inner_text() == "Đang thực hiện"
    page.screenshot(path=os.path.join(artifacts, "focal-status.png"), full_page=True)
    update = StatusUpdate.objects.get()
    assert (update.task_id, update.progress, update.author.username) == (
        own.pk,
        40,
        "focal-awgncb",
    )

    # Another group's task: readable, but no edit button and its edit URL answers 403.
    page.goto(f"/tasks/{other.pk}/")
    assert page.locator("text=Sửa nhiệm vụ").count() == 0
    assert page.locator("summary:has-text('Cập nhật trạng thái')").count() == 0
    response = page.goto(f"/tasks/{other.pk}/edit/")
    assert response.status == 403
    assert page.locator("h1").inner_text() == "Không có quyền truy cập"


def test_focal_point_changes_a_status_from_the_task_list(page, sign_in, browser, live_server):
    """The list loads a row's form only when its control is opened, and saves it in place;
    without JavaScript the same control leads to the task's status page."""
    ncb = WorkingGroupFactory(code="AWGNCB")
    cc = WorkingGroupFactory(code="AWGCC")
    FocalPersonFactory(working_group=ncb, user__username="focal-awgncb")
    own = TaskFactory(working_group=ncb, title="Tổ chức Hội nghị AWGNCB 36")
    TaskFactory(working_group=cc, title="Xây dựng ACCSAP")

    sign_in("focal-awgncb")
    page.goto("/tasks/")
    assert page.locator("summary:has-text('Cập nhật trạng thái')").count() == 1
    assert page.locator("select[name$=-status]").count() == 0
    page.click("summary:has-text('Cập nhật trạng thái')")
    select = page.locator(f"select[name=task{own.pk}-status]")
    select.wait_for()
    # The control that had the keyboard focus is gone: the loaded form takes it (htmx
    # focuses its autofocus field when the swap settles, a moment after it is attached).
    page.wait_for_function(
        "name => document.activeElement && document.activeElement.name === name",
        arg=f"task{own.pk}-status",
        timeout=5_000,
    )
    select.select_option("done")
    page.fill(f"input[name=task{own.pk}-progress]", "100")
    page.click("button:has-text('Lưu trạng thái')")
    page.wait_for_selector(f"#task-status-{own.pk} .message--success")
    assert page.locator(f"#task-status-{own.pk} .badge").first.inner_text() == "Hoàn thành"
    assert page.url.endswith("/tasks/")
    own.refresh_from_db()
    assert (own.status, own.progress, own.version) == ("done", 100, 2)

    no_script = browser.new_context(
        base_url=live_server.url, locale="vi-VN", java_script_enabled=False
    )
    no_script.add_cookies(page.context.cookies())
    plain = no_script.new_page()
    plain.goto("/tasks/")
    plain.click("summary:has-text('Cập nhật trạng thái')")
    plain.click("text=Mở biểu mẫu cập nhật trạng thái")
    plain.wait_for_url(f"**/tasks/{own.pk}/status/")
    plain.select_option(f"select[name=task{own.pk}-status]", "in_progress")
    plain.fill(f"input[name=task{own.pk}-progress]", "90")
    plain.click("button:has-text('Lưu trạng thái')")
    plain.wait_for_url(f"**/tasks/{own.pk}/")
    no_script.close()
    own.refresh_from_db()
    assert (own.status, own.progress) == ("in_progress", 90)


def test_leadership_opens_the_dashboard_and_the_report_page(page, sign_in, artifacts):
    from reports.models import AnnualReport

    UserFactory(username="leadership", groups=[LEADERSHIP])
    ncb = WorkingGroupFactory(code="AWGNCB")
    year = datetime.date.today().year
    TaskFactory(working_group=ncb, year=year, status="done", progress=100)
    TaskFactory(working_group=ncb, year=year)
    AnnualReport.objects.create(year=year - 1, status=AnnualReport.Status.SUBMITTED)

    sign_in("leadership")
    progress = page.locator("#panel-progress")
    assert progress.locator("tbody tr td").first.inner_text() == "AWGNCB"
    assert "50%" in progress.inner_text()
    report_panel = page.locator("#panel-report")
    assert "Đã trình" in report_panel.inner_text()
    page.screenshot(path=os.path.join(artifacts, "leadership-dashboard.png"), full_page=True)

    page.click("#panel-report >> text=Mở trang báo cáo")
    page.wait_for_url("**/reports/")
    assert page.locator("h1").count() >= 1
    assert page.locator("html").get_attribute("lang") == "vi"
    page.screenshot(path=os.path.join(artifacts, "leadership-reports.png"), full_page=True)


def test_language_switch_changes_the_interface_language(page, sign_in):
    UserFactory(username="secretariat", groups=[SECRETARIAT])
    sign_in("secretariat")
    page.click("button.lang-switch__option[value=en]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "en"
    page.click("button.lang-switch__option[value=vi]")
    page.wait_for_load_state()
    assert page.locator("html").get_attribute("lang") == "vi"
