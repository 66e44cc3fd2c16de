"""The layout on a phone (390×844) and a desk (1366×900): no page needs a sideways scroll on a
phone, list tables become stacked rows, the menu folds behind a button (without JavaScript
too), and on a desk the detail pages and the dashboard's progress table use the width.
Screenshots of each page at both widths go to var/artefacts/screenshots/ to be looked at."""

import os

import pytest

from tests.browser.conftest import PASSWORD
from tests.browser.test_accessibility import build_site

pytestmark = [pytest.mark.browser]

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1366, "height": 900}

# Sideways scrolling: the page wider than the window, or a box (a table's wrapper) that hides
# part of its content behind a scroll bar of its own.
OVERFLOW = """() => {
  const hidden = [];
  for (const e of document.querySelectorAll("main *")) {
    const style = getComputedStyle(e).overflowX;
    if ((style === "auto" || style === "scroll") && e.scrollWidth > e.clientWidth + 1)
      hidden.push(e.tagName.toLowerCase() + "." + e.className + " " + e.scrollWidth);
  }
  return {scroll: document.documentElement.scrollWidth, inner: window.innerWidth, hidden};
}"""


def _signed_in(browser, live_server, username, viewport, **options):
    context = browser.new_context(
        base_url=live_server.url, locale="vi-VN", viewport=viewport, **options
    )
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(live_server.url + "/")
    return page


@pytest.fixture(scope="module")
def layout(browser, live_server, django_db_blocker, artefacts_root):
    """Each main page at both widths, by the secretariat (every list) and a focal point (the
    task status forms and the checklist): what overflows, and a screenshot of it."""
    from django.core.management import call_command
    from django.db import connections

    folder = os.path.join(artefacts_root, "screenshots")
    os.makedirs(folder, exist_ok=True)
    found = {"overflow": {}, "desk": {}}
    with django_db_blocker.unblock():
        pages = build_site()
        task = next(
            url for url in pages["secretariat"] if url.startswith("/tasks/") and url[7:-1].isdigit()
        )
        meeting = [
            url
            for url in pages["secretariat"]
            if url.startswith("/meetings/") and url[10:-1].isdigit()
        ][0]
        main_pages = [
            "/",
            "/activities/",
            "/tasks/",
            task,
            "/meetings/",
            meeting,
            "/working-groups/AWGNCB/",
            "/heritage-parks/",
            "/instruments/",
            "/partners/",
            "/projects/",
            "/reports/2025/",
            "/data/",
            "/register/",
            "/people/",
        ]
        try:
            for username, urls in (
                ("secretariat", main_pages),
                ("focal-awgncb", ["/tasks/", task, meeting]),
            ):
                for name, viewport in (("phone", PHONE), ("desk", DESK)):
                    page = _signed_in(browser, live_server, username, viewport)
                    for url in urls:
                        page.goto(url)
                        slug = url.strip("/").replace("/", "-") or "home"
                        page.screenshot(
                            path=os.path.join(folder, f"{name}-{username}-{slug}.png"),
                            full_page=True,
                        )
                        if name == "phone":
                            found["overflow"][(username, url)] = page.evaluate(OVERFLOW)
                        elif username == "secretariat" and url in ("/", task, meeting):
                            found["desk"][url] = page.evaluate(DESK_WIDTHS)
                    page.context.close()
            found["task"], found["meeting"] = task, meeting
        finally:
            call_command("flush", interactive=False, verbosity=0)
            connections.close_all()
    return found


DESK_WIDTHS = """() => {
  const main = document.querySelector("main").clientWidth;
  const first = document.querySelector(".grid--detail > .card");
  const progress = document.querySelector("#panel-progress .table-wrap");
  return {
    main, first: first ? Math.round(first.getBoundingClientRect().width) : null,
    progressCut: progress ? progress.scrollWidth > progress.clientWidth : null,
  };
}"""


def test_no_main_page_scrolls_sideways_on_a_phone(layout):
    wide = {
        key: found
        for key, found in layout["overflow"].items()
        if found["scroll"] > found["inner"] or found["hidden"]
    }
    assert wide == {}
    assert len(layout["overflow"]) == 18


def test_detail_pages_give_the_record_most_of_a_desk_screen(layout):
    for url in (layout["task"], layout["meeting"]):
        widths = layout["desk"][url]
        # "Nội dung" and the other fields: two thirds of the page, not a quarter.
        assert widths["first"] >= 0.6 * widths["main"], (url, widths)


def test_the_dashboard_progress_table_is_not_cut_on_a_desk(layout):
    assert layout["desk"]["/"]["progressCut"] is False


@pytest.mark.django_db(transaction=True)
def test_list_rows_stack_with_their_column_names_on_a_phone(page, sign_in, secretariat_user):
    from tests.factories import TaskFactory

    TaskFactory(title="Xây dựng ACCSAP", status="in_progress")
    page.set_viewport_size(PHONE)
    sign_in("secretariat")
    page.goto("/tasks/")
    cell = page.locator("tbody tr td").nth(1)
    label = cell.evaluate("e => getComputedStyle(e, '::before').content")
    assert label == '"Nhiệm vụ"'
    assert page.locator("thead").bounding_box()["height"] <= 1
    assert cell.evaluate("e => getComputedStyle(e).display") == "flow-root"


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("javascript", [True, False])
def test_the_menu_folds_behind_a_button_on_a_phone_and_opens_from_the_keyboard(
    browser, live_server, secretariat_user, javascript
):
    page = _signed_in(browser, live_server, "secretariat", PHONE, java_script_enabled=javascript)
    reports = page.locator(".site-nav a", has_text="Báo cáo")
    toggle = page.locator(".site-nav__toggle")
    assert (toggle.is_visible(), reports.is_visible()) == (True, False)
    toggle.focus()
    page.keyboard.press("Enter")
    assert reports.is_visible() is True
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Trang chủ"
    page.context.close()


@pytest.mark.django_db(transaction=True)
def test_the_menu_is_a_plain_bar_on_a_desk(browser, live_server, secretariat_user):
    page = _signed_in(browser, live_server, "secretariat", DESK)
    assert page.locator(".site-nav__toggle").is_visible() is False
    links = page.locator(".site-nav a")
    assert [links.nth(i).is_visible() for i in range(links.count())] == [True] * links.count()
    # One row: every link at the same height.
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1
    page.context.close()
