"""Real Chromium (Debian's) driven by Playwright's sync API against pytest-django's live_server."""

import os

import pytest

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls (factories,
# asserts) are still plain synchronous code, so Django's async-safety guard is relaxed here only.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "asoen-test-pass"  # tests.factories.UserFactory's password


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="vi-VN")
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def artifacts(tmp_path_factory):
    """Screenshots go to a temporary folder (or $TEST_ARTIFACTS, git-ignored), never the repo."""
    folder = os.environ.get("TEST_ARTIFACTS")
    if folder:
        os.makedirs(folder, exist_ok=True)
        return folder
    return str(tmp_path_factory.mktemp("screenshots"))


@pytest.fixture
def sign_in(page):
    def sign_in(username):
        page.goto("/accounts/login/")
        page.fill("input[name=username]", username)
        page.fill("input[name=password]", PASSWORD)
        page.click("button[type=submit]:has-text('Đăng nhập')")
        page.wait_for_url("**/")
        return page

    return sign_in
