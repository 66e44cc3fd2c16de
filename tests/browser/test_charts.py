"""The dashboard's and the group page's charts in real Chromium, on a desk and on a phone:
drawn, scaled to their box (no sideways scrolling), with the CSP intact."""

import datetime
import os

import pytest

from asoen_portal.access import SECRETARIAT
from tests.factories import (
    ActivityFactory,
    MeetingFactory,
    MeetingSeriesFactory,
    TaskFactory,
    UserFactory,
    WorkingGroupFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _records():
    year = datetime.date.today().year
    groups = [
        WorkingGroupFactory(code=code, order=n)
        for n, code in enumerate(["AWGCC", "AWGCME", "AWGEE", "AWGESC", "AWGNCB", "AWGWRM"])
    ]
    statuses = ["done", "in_progress", "not_started", "postponed", "done", "cancelled"]
    for n, group in enumerate(groups):
        for k in range(n + 2):
            TaskFactory(working_group=group, year=year, status=statuses[(n + k) % 6])
        for month in range(1, 13, n + 1):
            ActivityFactory(working_group=group, start_date=datetime.date(year, month, 10))
    series = MeetingSeriesFactory(code="CH-S", working_group=groups[4])
    number = 0
    for offset, (attended, hosted) in enumerate([(9, 1), (11, 2), (12, 1), (8, 3), (13, 2)]):
        for n in range(attended + hosted):
            number += 1
            MeetingFactory(
                series=series,
                number=number,
                year=year - 4 + offset,
                is_hosted=n < hosted,
                status="held",
            )
    return year


@pytest.mark.parametrize(("width", "height"), [(1366, 900), (390, 844)])
def test_charts_fit_the_screen_and_draw(page, sign_in, artifacts, live_server, width, height):
    year = _records()
    UserFactory(username="secretariat", groups=[SECRETARIAT])
    page.set_viewport_size({"width": width, "height": height})
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    sign_in("secretariat")
    for url, name, count in [("/", "dashboard", 3), ("/working-groups/AWGNCB/", "group", 2)]:
        page.goto(url)
        if name == "dashboard":
            assert page.locator("#charts-heading").inner_text() == f"Biểu đồ năm {year}"
        charts = page.locator("#panel-charts svg.chart__svg")
        assert charts.count() == count
        for index in range(count):
            box = charts.nth(index).bounding_box()
            assert 0 < box["width"] <= width and box["height"] > 15
        assert page.locator("#panel-charts rect.chart__bar").count() > 0
        # The charts' panel fits the screen (the page's other tables are the layout's own).
        panel = page.locator("#panel-charts")
        assert panel.bounding_box()["x"] + panel.bounding_box()["width"] <= width
        assert panel.evaluate("e => e.scrollWidth - e.clientWidth") <= 0
        # The hidden table is for screen readers: no size on screen.
        table = page.locator("#panel-charts .chart__data").first.bounding_box()
        assert table["width"] <= 1 and table["height"] <= 1
        page.locator("#panel-charts").screenshot(
            path=os.path.join(artifacts, f"charts-{name}-{width}.png")
        )
    page.context.add_cookies([{"name": "django_language", "value": "en", "url": live_server.url}])
    page.goto("/")
    assert page.locator("#charts-heading").inner_text() == f"Charts for {year}"
    assert page.locator("#chart-activities text", has_text="Mar").count() == 1
    page.locator("#panel-charts").screenshot(
        path=os.path.join(artifacts, f"charts-dashboard-en-{width}.png")
    )
    assert not [e for e in errors if "Content Security Policy" in e]
