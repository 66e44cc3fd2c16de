"""Every page, for each role and in both languages, is accessible (axe-core, WCAG 2.1 A/AA)
and valid HTML (the Nu Html Checker), and can be used from the keyboard: a skip link is the
first thing Tab reaches, it shows where focus is, and it takes focus into the main content.
In English the secretariat opens its reading pages and one form of each kind.

The pages are visited once, by a module fixture, over the 2025 seed (the records the
secretariat really keeps) plus the few rows the seed has none of; the tests then read what the
visit found. axe runs in each page; the Nu Html Checker runs once over every saved page, since
its Java start-up costs more than checking sixty pages."""

import json
import os
import re
import shutil
import subprocess
import time

import pytest

from tests.browser.conftest import PASSWORD

pytestmark = [pytest.mark.browser]

LANGUAGES = ("vi", "en")
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
SKIP_LINK_TEXT = {"vi": "Bỏ qua đến nội dung chính", "en": "Skip to main content"}

AXE_RUN = """async tags => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: tags},
                                          resultTypes: ["violations"]});
  // One line per rule: how many elements break it, and the first of them with axe's reason.
  return result.violations.map(v => {
    const node = v.nodes[0], check = node.any.concat(node.all, node.none)[0];
    const why = check ? check.message : v.help;
    return `${v.id} x${v.nodes.length}: ${node.target.join(" ")} (${why})`;
  });
}"""

# What Tab reaches first, and what the browser draws around it: outline or box-shadow.
FOCUSED = """() => {
  const e = document.activeElement, style = getComputedStyle(e), box = e.getBoundingClientRect();
  return {
    cls: e.className, text: e.textContent.trim(), href: e.getAttribute("href"), tag: e.tagName,
    id: e.id, inMain: !!e.closest("main"),
    visible: box.width > 1 && box.height > 1 && box.top >= 0 && box.left >= 0,
    ring: (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
          || style.boxShadow !== "none",
  };
}"""


def build_site():
    """The seed, one account per role, and a row of each kind the seed leaves empty; returns
    the pages each role opens (the secretariat every page, the others those they may)."""
    import datetime

    from django.core.management import call_command

    from asoen_portal.access import LEADERSHIP, SECRETARIAT
    from asoen_portal.models import ImportJob
    from cooperation.models import AseanDocument, LegalInstrument, Partner, PartnerProject
    from heritage_parks.models import EcoSchoolAward, EscAward, EscAwardRound, HeritagePark
    from issuance.models import IssuedNumber
    from meetings.models import ChecklistItem, Delegate, Meeting
    from notifications.models import Notice
    from tests.factories import FocalPersonFactory, UserFactory
    from working_groups.models import Activity, Task, WorkingGroup

    with open(os.devnull, "w") as quiet:
        call_command("load_seed", stdout=quiet)
    secretariat = UserFactory(username="secretariat", groups=[SECRETARIAT])
    UserFactory(username="leadership", groups=[LEADERSHIP])
    ncb = WorkingGroup.objects.get(code="AWGNCB")
    focal = FocalPersonFactory(working_group=ncb, user__username="focal-awgncb").user

    # The focal point's own group's meetings, so that their preparation forms open for them.
    ncb_meetings = Meeting.objects.filter(series__working_group=ncb).order_by("pk")
    hosted = ncb_meetings.filter(is_hosted=True).last()
    attended = ncb_meetings.filter(is_hosted=False).last()
    item = ChecklistItem.objects.create(
        meeting=hosted, title="Đặt phòng họp", deadline=datetime.date(2026, 6, 1)
    )
    Delegate.objects.create(meeting=attended, full_name="Nguyễn Thị Hoa", unit="Cục ĐDSH")
    for user in (secretariat, focal):
        Notice.objects.create(
            recipient=user, kind="task_changed", message="Nhiệm vụ của nhóm đã thay đổi", url="/"
        )
    job = ImportJob.objects.create(
        register="activities",
        original_name="hoat-dong.xlsx",
        file="imports/hoat-dong.xlsx",
        status=ImportJob.Status.DONE,
        total_rows=3,
        processed_rows=3,
        progress=100,
        new_count=3,
        requested_by=secretariat,
    )
    IssuedNumber.objects.create(
        year=2025,
        kind="BC",
        sequence=1,
        issued_on=datetime.date(2025, 12, 20),
        summary="Báo cáo kết quả hợp tác ASEAN về môi trường năm 2025",
    )

    activity = Activity.objects.filter(working_group=ncb).order_by("start_date").last()
    task = Task.objects.filter(working_group=ncb).order_by("pk").first()
    park = HeritagePark.objects.order_by("pk").first()
    eco = EcoSchoolAward.objects.order_by("pk").first()
    esc_round = EscAwardRound.objects.order_by("pk").first()
    esc = EscAward.objects.order_by("pk").first()
    instrument = LegalInstrument.objects.order_by("pk").first()
    document = AseanDocument.objects.order_by("pk").first()
    partner = Partner.objects.order_by("pk").first()
    project = PartnerProject.objects.order_by("pk").first()

    everyone = [
        "/",
        "/activities/",
        f"/activities/{activity.pk}/",
        f"/activities/{activity.pk}/history/",
        "/tasks/",
        f"/tasks/{task.pk}/",
        "/working-groups/",
        "/working-groups/AWGNCB/",
        "/meetings/",
        "/meetings/calendar/?year=2025&month=11",
        f"/meetings/{hosted.pk}/",
        f"/meetings/{attended.pk}/",
        "/meetings/feeds/",
        "/heritage-parks/",
        f"/heritage-parks/{park.pk}/",
        "/heritage-parks/eco-schools/",
        "/heritage-parks/esc/",
        "/instruments/",
        f"/instruments/{instrument.pk}/",
        "/documents/",
        f"/documents/{document.pk}/",
        "/partners/",
        f"/partners/{partner.pk}/",
        "/projects/",
        f"/projects/{project.pk}/",
        "/reports/",
        "/reports/2025/",
        "/profile/",
        "/notifications/",
        "/api/tokens/",
        "/accounts/password_change/",
        "/search/?q=xuan+thuy",
        "/changes/",
    ]
    group_records = [
        "/activities/new/",
        f"/activities/{activity.pk}/edit/",
        f"/tasks/{task.pk}/status/",
        f"/meetings/{hosted.pk}/checklist/new/",
        f"/meetings/checklist/{item.pk}/edit/",
        f"/meetings/{attended.pk}/delegates/new/",
        f"/meetings/{hosted.pk}/documents/new/",
    ]
    secretariat_only = [
        "/tasks/new/",
        f"/tasks/{task.pk}/edit/",
        "/meetings/new/",
        f"/meetings/{hosted.pk}/edit/",
        "/meetings/checklist-templates/",
        "/meetings/checklist-templates/new/",
        "/heritage-parks/new/",
        f"/heritage-parks/{park.pk}/edit/",
        "/heritage-parks/eco-schools/new/",
        f"/heritage-parks/eco-schools/{eco.pk}/edit/",
        "/heritage-parks/esc/new/",
        f"/heritage-parks/esc/{esc_round.pk}/edit/",
        f"/heritage-parks/esc/{esc_round.pk}/cities/new/",
        f"/heritage-parks/esc/cities/{esc.pk}/edit/",
        "/instruments/new/",
        f"/instruments/{instrument.pk}/edit/",
        "/documents/new/",
        f"/documents/{document.pk}/edit/",
        "/partners/new/",
        f"/partners/{partner.pk}/edit/",
        "/projects/new/",
        f"/projects/{project.pk}/edit/",
        "/reports/2025/narratives/vi/advantages/",
        "/register/",
        "/data/",
        f"/data/jobs/{job.pk}/",
        "/people/",
        "/people/invite/",
        f"/people/{focal.pk}/roles/",
        "/archived/",
        f"/archived/working_groups.activity/{activity.pk}/archive/",
    ]
    secretariat = everyone + group_records + secretariat_only
    return {
        "anonymous": ["/accounts/login/", "/accounts/password_reset/"],
        "secretariat": secretariat,
        # In English the secretariat opens every page it reads and one form of each kind:
        # the forms share one field template, whose words the Vietnamese pass has checked.
        ("secretariat", "en"): everyone
        + [
            "/activities/new/",
            f"/tasks/{task.pk}/status/",
            f"/meetings/{attended.pk}/delegates/new/",
            "/meetings/new/",
            f"/heritage-parks/esc/{esc_round.pk}/edit/",
            "/reports/2025/narratives/vi/advantages/",
            "/data/",
            "/people/invite/",
            "/archived/",
        ],
        # The other roles see the same layout; they open the pages whose content or buttons
        # depend on the role, and every form they may fill in.
        "leadership": [
            "/",
            "/tasks/",
            f"/tasks/{task.pk}/",
            f"/meetings/{hosted.pk}/",
            "/reports/",
            "/reports/2025/",
            "/register/",
            "/profile/",
        ],
        "focal-awgncb": [
            "/",
            "/tasks/",
            f"/tasks/{task.pk}/",
            "/activities/",
            f"/activities/{activity.pk}/",
            "/working-groups/AWGNCB/",
            f"/meetings/{hosted.pk}/",
            "/notifications/",
        ]
        + group_records,
    }


def _slug(role, language, url):
    return f"{role}-{language}-" + (re.sub(r"[^a-z0-9]+", "-", url.lower()).strip("-") or "home")


def _visit(page, role, language, url, html_folder, found):
    started = time.monotonic()
    response = page.goto(url)
    # A redirect (to the sign-in page, say) would audit the wrong page: the URL must stay.
    found["status"][(role, language, url)] = (response.status, page.url.endswith(url))
    with open(os.path.join(html_folder, _slug(role, language, url) + ".html"), "w") as out:
        out.write(response.text())
    if role != "anonymous":  # the bell's HTMX swap is part of the page
        page.wait_for_selector("#bell:not([data-hx-get])", state="attached")
    loaded = time.monotonic()
    for violation in page.evaluate(AXE_RUN, AXE_TAGS):
        found["axe"].append(f"{role} {language} {url} {violation}")
    found["seconds"].append((round(loaded - started, 2), round(time.monotonic() - loaded, 2), url))

    if page.evaluate("!!document.querySelector('[autofocus]')"):
        # Focus starts in the form; Shift+Tab walks back to the page's first stop.
        for _ in range(30):
            page.keyboard.press("Shift+Tab")
            if page.evaluate("document.activeElement.classList.contains('skip-link')"):
                break
    else:
        page.keyboard.press("Tab")
    skip = page.evaluate(FOCUSED)
    found["skip_link"][(role, language, url)] = {
        key: skip[key] for key in ("text", "href", "visible", "ring")
    }
    if skip["href"] != "#main":  # Enter would follow whatever link Tab reached instead
        found["after_skip"][(role, language, url)] = found["tab_in_main"][(role, language, url)] = (
            None
        )
        return
    page.keyboard.press("Enter")
    found["after_skip"][(role, language, url)] = page.evaluate(FOCUSED)["id"]
    page.keyboard.press("Tab")
    after = page.evaluate(FOCUSED)
    found["tab_in_main"][(role, language, url)] = {"inMain": after["inMain"], "ring": after["ring"]}


def _nu_errors(vnu_jar, html_folder):
    run = subprocess.run(
        ["java", "-jar", vnu_jar, "--errors-only", "--format", "json", html_folder],
        capture_output=True,
        text=True,
    )
    messages = json.loads(run.stderr)["messages"] if run.stderr.strip() else []
    return [
        f"{os.path.basename(m.get('url', ''))}:{m.get('lastLine', '?')} {m['message']}"
        for m in messages
    ]


@pytest.fixture(scope="module")
def audit(browser, live_server, django_db_blocker, axe_script, vnu_jar, artefacts_root):
    from django.core.management import call_command
    from django.db import connections

    html_folder = os.path.join(artefacts_root, "html")
    shutil.rmtree(html_folder, ignore_errors=True)
    os.makedirs(html_folder)
    found = {
        "seconds": [],
        "status": {},
        "axe": [],
        "skip_link": {},
        "after_skip": {},
        "tab_in_main": {},
    }
    with django_db_blocker.unblock():
        pages = build_site()
        try:
            for role in [role for role in pages if isinstance(role, str)]:
                context = browser.new_context(
                    base_url=live_server.url,
                    locale="vi-VN",
                    viewport={"width": 1366, "height": 900},
                )
                context.add_init_script(path=axe_script)
                page = context.new_page()
                page.set_default_timeout(15_000)
                if role != "anonymous":
                    page.goto("/accounts/login/")
                    page.fill("input[name=username]", role)
                    page.fill("input[name=password]", PASSWORD)
                    page.click("main button[type=submit]")
                    page.wait_for_url(live_server.url + "/")
                for language in LANGUAGES:
                    context.add_cookies(
                        [{"name": "django_language", "value": language, "url": live_server.url}]
                    )
                    for url in pages.get((role, language), pages[role]):
                        _visit(page, role, language, url, html_folder, found)
                context.close()
        finally:
            # The module's rows go before any other test runs on this database.
            call_command("flush", interactive=False, verbosity=0)
            connections.close_all()
    found["nu"] = _nu_errors(vnu_jar, html_folder)
    with open(os.path.join(artefacts_root, "accessibility.json"), "w") as out:
        json.dump(
            {k: found[k] for k in ("axe", "nu", "seconds")}, out, ensure_ascii=False, indent=1
        )
    return found


def test_every_page_of_every_role_answers_in_both_languages(audit):
    # Every page the module opens (login and password reset without an account).
    # Both languages: sign-in pages, leadership, the focal point; the secretariat's 71 pages in
    # Vietnamese and the 42 of them the English pass opens.
    assert len(audit["status"]) == 2 * (2 + 8 + 15) + 71 + 42
    assert {key: got for key, got in audit["status"].items() if got != (200, True)} == {}


def test_axe_finds_no_wcag_21_aa_violation(audit):
    assert audit["axe"] == []


def test_nu_html_checker_finds_no_error(audit):
    assert audit["nu"] == []


def test_a_visible_skip_link_is_the_first_thing_tab_reaches(audit):
    wrong = {
        key: found
        for key, found in audit["skip_link"].items()
        if found != {"text": SKIP_LINK_TEXT[key[1]], "href": "#main", "visible": True, "ring": True}
    }
    assert wrong == {}


def test_the_skip_link_takes_focus_into_the_main_content(audit):
    assert {key: id for key, id in audit["after_skip"].items() if id != "main"} == {}
    # The next Tab lands on a link or control of the page itself (not back in the menu), and
    # shows a focus ring there too.
    expected = {"inMain": True, "ring": True}
    assert {key: got for key, got in audit["tab_in_main"].items() if got != expected} == {}
