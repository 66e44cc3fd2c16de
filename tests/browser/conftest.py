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


# Checkers from npm, installed on first use into var/npm (git-ignored) and reused afterwards.
# Pinned, so that a newer release's extra rules never turn a green run red on its own.
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
NPM_PREFIX = os.path.join(ROOT, "var", "npm")


def _npm_file(spec, relative_path):
    import subprocess

    package = spec.rsplit("@", 1)[0]
    path = os.path.join(NPM_PREFIX, "node_modules", package, relative_path)
    if not os.path.exists(path):
        # --ignore-scripts: vnu-jar's postinstall only downloads a Java runtime; java 17 is here.
        subprocess.run(
            ["npm", "install", "--prefix", NPM_PREFIX, "--ignore-scripts", "--no-audit", spec],
            check=True,
            capture_output=True,
        )
    return path


@pytest.fixture(scope="session")
def axe_script():
    """axe-core's browser build, to be added to a page with add_init_script (CDP, not a
    <script> tag: the portal's CSP would block an inline script, and bypass_csp stays off)."""
    return _npm_file("axe-core@4.14.1", "axe.min.js")


@pytest.fixture(scope="session")
def vnu_jar():
    """The Nu Html Checker (the W3C validator), run once over a folder of saved pages."""
    return _npm_file("vnu-jar@26.9.27", os.path.join("build", "dist", "vnu.jar"))


@pytest.fixture(scope="session")
def artefacts_root():
    """Pages, screenshots and checker reports a person looks at after a run: var/artefacts
    (git-ignored), or $TEST_ARTIFACTS."""
    folder = os.environ.get("TEST_ARTIFACTS") or os.path.join(ROOT, "var", "artefacts")
    os.makedirs(folder, exist_ok=True)
    return folder
