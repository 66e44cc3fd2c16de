"""The Content-Security-Policy holds in a real browser: HTMX still swaps and polls, and
Chromium reports no violation."""

import pytest

from tests.factories import FocalPersonFactory, TaskFactory, WorkingGroupFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_htmx_status_change_works_under_the_csp_without_violations(page, sign_in):
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    ncb = WorkingGroupFactory(code="AWGNCB")
    FocalPersonFactory(working_group=ncb, user__username="focal-awgncb")
    task = TaskFactory(working_group=ncb, title="Tổ chức Hội nghị AWGNCB 36")

    sign_in("focal-awgncb")
    response = page.goto(f"/tasks/{task.pk}/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    page.click("summary:has-text('Cập nhật trạng thái')")
    page.select_option(f"select[name=task{task.pk}-status]", value="in_progress")
    page.fill(f"input[name=task{task.pk}-progress]", "40")
    page.click("button:has-text('Lưu trạng thái')")
    page.wait_for_selector(".task-status .message--success")
    # htmx ran (the panel was swapped in place) and injected no inline <style>.
    assert page.evaluate("document.querySelectorAll('head style').length") == 0
    page.goto("/reports/")
    page.goto("/admin/login/")

    assert violations == []
