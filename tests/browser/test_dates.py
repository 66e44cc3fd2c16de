"""Real Chromium in English: date fields still read and take dd/mm/yyyy."""

import datetime

import pytest

from meetings.models import ChecklistItem
from tests.browser.conftest import PASSWORD
from tests.factories import MeetingFactory, MeetingSeriesFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def english_tab(browser, live_server):
    # An English browser (its date fields would read mm/dd/yyyy) on the portal's English pages.
    context = browser.new_context(base_url=live_server.url, locale="en-US")
    context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def test_english_chromium_shows_and_takes_dd_mm_yyyy(
    english_tab, live_server, secretariat_user, group_ncb
):
    series = MeetingSeriesFactory(code="AWGNCB", working_group=group_ncb, name="Hội nghị AWGNCB")
    meeting = MeetingFactory(series=series, number=36, year=2026, is_hosted=True)
    tab = english_tab
    tab.goto("/accounts/login/")
    assert tab.locator("html").get_attribute("lang") == "en"
    tab.fill("input[name=username]", secretariat_user.username)
    tab.fill("input[name=password]", PASSWORD)
    tab.click("main button[type=submit]")
    tab.wait_for_url(f"{live_server.url}/")
    tab.goto(f"/meetings/{meeting.pk}/checklist/new/")
    field = tab.locator("input[name=deadline]")
    assert field.get_attribute("type") == "text"
    assert field.get_attribute("placeholder") == "dd/mm/yyyy"
    hint = tab.locator("#" + field.get_attribute("aria-describedby"))
    assert hint.inner_text() == "Day/month/year, e.g. 10/06/2026"
    field.fill("06/2026")
    assert field.evaluate("input => input.checkValidity()") is False
    tab.fill("input[name=title]", "Book the meeting room")
    field.fill("10/06/2026")
    assert field.evaluate("input => input.checkValidity()") is True
    tab.locator("form.form.card button[type=submit]").click()
    tab.wait_for_url(f"**/meetings/{meeting.pk}/")
    item = ChecklistItem.objects.get()
    assert item.deadline == datetime.date(2026, 6, 10)
    tab.goto(f"/meetings/checklist/{item.pk}/edit/")
    assert tab.locator("input[name=deadline]").input_value() == "10/06/2026"
