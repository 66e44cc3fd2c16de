"""Server-drawn SVG charts: bars proportional to their counts, an empty chart says so, the
text alternative carries the figures drawn, both languages, valid SVG, one query per chart."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import translation

from asoen_portal import charts
from tests.factories import ActivityFactory, MeetingFactory, MeetingSeriesFactory, TaskFactory

STATUSES = [("done", "Hoàn thành"), ("in_progress", "Đang thực hiện")]

# What the Nu Html Checker accepts in SVG inside HTML, for the elements the template writes.
SVG_ATTRIBUTES = {
    "svg": {
        "class",
        "viewBox",
        "width",
        "preserveAspectRatio",
        "role",
        "aria-labelledby",
        "aria-describedby",
    },
    "title": {"id"},
    "desc": {"id"},
    "rect": {"class", "x", "y", "width", "height"},
    "line": {"class", "x1", "y1", "x2", "y2"},
    "text": {"class", "x", "y", "text-anchor"},
}
NUMBER = re.compile(r"-?\d+(\.\d+)?")


def _svgs(html: str) -> list[ET.Element]:
    return [ET.fromstring(svg) for svg in re.findall(r"<svg\b.*?</svg>", html, flags=re.S)]


def _hidden_table(html: str, chart_id: str) -> list[list[str]]:
    figure = re.search(rf'<figure class="chart" id="{chart_id}">.*?</figure>', html, re.S)[0]
    table = re.search(r'<div class="chart__data"><table>.*?</table>', figure, re.S)[0]
    rows = re.findall(r"<tr>(.*?)</tr>", table, re.S)
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row) for row in rows]


def test_stacked_bar_widths_are_proportional_on_one_scale():
    chart = charts.stacked_bars(
        chart_id="c",
        title="t",
        rows=[("AWGCC", {"done": 3, "in_progress": 1}), ("AWGEE", {"done": 1, "in_progress": 1})],
        series=STATUSES,
        empty_text="trống",
        row_header="Nhóm",
    )
    area = charts.WIDTH - charts.LABEL_WIDTH - charts.TOTAL_WIDTH  # 360
    assert [(b.series, b.x, b.width) for b in chart.bars] == [
        ("done", "84", "270"),
        ("in_progress", "354", "90"),
        ("done", "84", "90"),
        ("in_progress", "174", "90"),
    ]
    assert sum(float(b.width) for b in chart.bars[:2]) == area
    assert chart.height == 2 * charts.ROW_HEIGHT
    assert chart.rows == [["AWGCC", "3", "1", "4"], ["AWGEE", "1", "1", "2"]]


def test_column_heights_are_proportional_and_zero_draws_no_bar():
    chart = charts.column_bars(
        chart_id="c",
        title="t",
        groups=[("2025", "2025", {"attended": 8, "hosted": 2}), ("2026", "2026", {"attended": 4})],
        series=[("attended", "Tham dự"), ("hosted", "Chủ trì")],
        empty_text="trống",
        row_header="Năm",
    )
    assert [(b.series, b.height) for b in chart.bars] == [
        ("attended", "160"),
        ("hosted", "40"),
        ("attended", "80"),
    ]
    baseline = charts.AXIS_TOP + charts.PLOT_HEIGHT
    assert all(float(b.y) + float(b.height) == baseline for b in chart.bars)
    assert chart.rows == [["2025", "8", "2"], ["2026", "4", "0"]]


@pytest.mark.parametrize(
    ("language", "text"),
    [("vi", "Chưa có hoạt động nào trong năm 2026."), ("en", "No activities in 2026.")],
)
def test_no_data_draws_the_empty_state_text(language, text):
    with translation.override(language):
        chart = charts.month_bars(
            chart_id="c", title="t", year=2026, counts={}, series=("activities", "A")
        )
    assert chart.empty and chart.bars == [] and chart.rows == []
    assert chart.empty_text == text and chart.description == text


def test_coordinates_keep_a_dot_decimal_in_vietnamese():
    with translation.override("vi"):
        chart = charts.month_bars(
            chart_id="c", title="t", year=2026, counts={1: 3, 2: 1000}, series=("a", "A")
        )
    assert chart.bars[0].x == "9.51" and chart.bars[0].height == "0.48"
    # …while the figures read as the language writes numbers.
    assert chart.rows[1] == ["Tháng 2/2026", "1.000"]
    assert chart.labels[0].text == "3"


@pytest.mark.parametrize(
    ("language", "ticks", "first_row"),
    [("vi", ["T1", "T2", "T12"], "Tháng 1/2026"), ("en", ["Jan", "Feb", "Dec"], "January 2026")],
)
def test_month_labels_in_both_languages(language, ticks, first_row):
    with translation.override(language):
        chart = charts.month_bars(
            chart_id="c", title="t", year=2026, counts={5: 1}, series=("a", "A")
        )
    tick_labels = [label.text for label in chart.labels if label.kind == "tick"]
    assert [tick_labels[0], tick_labels[1], tick_labels[11]] == ticks
    assert chart.rows[0][0] == first_row and len(chart.rows) == 12


@pytest.fixture
def chart_data(group_ncb, group_cc):
    year = datetime.date.today().year
    TaskFactory.create_batch(3, working_group=group_ncb, year=year, status="done")
    TaskFactory(working_group=group_ncb, year=year, status="in_progress")
    TaskFactory(working_group=group_cc, year=year, status="not_started")
    TaskFactory(working_group=group_cc, year=year - 1, status="done")
    ActivityFactory(working_group=group_ncb, start_date=datetime.date(year, 3, 5))
    ActivityFactory(working_group=group_ncb, start_date=datetime.date(year, 3, 20))
    ActivityFactory(working_group=group_cc, start_date=datetime.date(year, 11, 2))
    series = MeetingSeriesFactory(code="CH-S", working_group=group_ncb)
    for number, hosted in enumerate([False, False, True]):
        MeetingFactory(series=series, number=number + 1, year=year, is_hosted=hosted, status="held")
    MeetingFactory(series=series, number=9, year=year, is_hosted=False, status="planned")
    return year


def test_dashboard_charts_and_their_text_alternative(secretariat_client, chart_data):
    html = secretariat_client.get("/", HTTP_ACCEPT_LANGUAGE="vi").content.decode()
    assert _hidden_table(html, "chart-tasks") == [
        ["Nhóm", "Chưa bắt đầu", "Đang thực hiện", "Hoàn thành", "Tạm hoãn", "Hủy bỏ", "Tổng"],
        ["AWGCC", "1", "0", "0", "0", "0", "1"],
        ["AWGNCB", "0", "1", "3", "0", "0", "4"],
    ]
    months = _hidden_table(html, "chart-activities")
    assert months[3] == [f"Tháng 3/{chart_data}", "2"] and months[11] == [
        f"Tháng 11/{chart_data}",
        "1",
    ]
    meetings = _hidden_table(html, "chart-meetings")
    assert meetings[0] == ["Năm", "Tham dự", "Việt Nam chủ trì"]
    assert meetings[-1] == [str(chart_data), "2", "1"]  # the planned one is no result
    svgs = {svg.get("aria-labelledby"): svg for svg in _svgs(html)}
    tasks = svgs["chart-tasks-title"]
    desc = tasks.find("{http://www.w3.org/2000/svg}desc")
    if desc is None:
        desc = tasks.find("desc")
    assert desc.text == (
        "AWGCC: Chưa bắt đầu 1, Đang thực hiện 0, Hoàn thành 0, Tạm hoãn 0, Hủy bỏ 0, Tổng 1; "
        "AWGNCB: Chưa bắt đầu 0, Đang thực hiện 1, Hoàn thành 3, Tạm hoãn 0, Hủy bỏ 0, Tổng 4"
    )
    # The bars drawn are the table's figures: AWGNCB's done bar is 3/4 of the widest row.
    widths = {r.find("title").text: float(r.get("width")) for r in tasks.iter("rect")}
    assert widths == {
        "AWGNCB · Đang thực hiện: 1": 90.0,
        "AWGNCB · Hoàn thành: 3": 270.0,
        "AWGCC · Chưa bắt đầu: 1": 90.0,
    }


def test_dashboard_charts_in_english(secretariat_client, chart_data):
    secretariat_client.cookies["django_language"] = "en"
    html = secretariat_client.get("/").content.decode()
    assert f"Tasks of {chart_data} by status and group" in html
    assert _hidden_table(html, "chart-tasks")[0] == [
        "Group",
        "Not started",
        "In progress",
        "Completed",
        "Suspended",
        "Cancelled",
        "Total",
    ]
    months = _hidden_table(html, "chart-activities")
    assert months[3] == [f"March {chart_data}", "2"]
    assert ">Mar</text>" in html
    assert _hidden_table(html, "chart-meetings")[0] == ["Year", "Attended", "Hosted by Viet Nam"]


def test_dashboard_chart_year_is_selectable(secretariat_client, chart_data):
    last = chart_data - 1
    html = secretariat_client.get(f"/?year={last}").content.decode()
    assert _hidden_table(html, "chart-tasks")[1:] == [["AWGCC", "0", "0", "1", "0", "0", "1"]]
    assert f'href="?year={last - 1}#panel-charts"' in html
    assert "Chưa có hoạt động nào trong năm" in html
    junk = secretariat_client.get("/?year=abc").content.decode()
    assert f"Biểu đồ năm {chart_data}" in junk
    assert f'href="?year={chart_data + 1}#panel-charts"' in junk
    far = secretariat_client.get(f"/?year={chart_data + 2}").content.decode()
    assert f"Biểu đồ năm {chart_data}" in far
    next_year = secretariat_client.get(f"/?year={chart_data + 1}").content.decode()
    assert f"Biểu đồ năm {chart_data + 1}" in next_year
    assert f'href="?year={chart_data + 2}#panel-charts"' not in next_year


def test_focal_point_sees_their_groups_tasks_only(focal_client, chart_data):
    html = focal_client.get("/").content.decode()
    assert [row[0] for row in _hidden_table(html, "chart-tasks")[1:]] == ["AWGNCB"]


def test_group_page_charts(secretariat_client, chart_data):
    html = secretariat_client.get("/working-groups/AWGNCB/").content.decode()
    assert _hidden_table(html, "chart-group-tasks")[1:] == [
        [str(chart_data), "0", "1", "3", "0", "0", "4"]
    ]
    assert _hidden_table(html, "chart-group-activities")[3][1] == "2"


def test_svg_uses_only_valid_elements_and_attributes(secretariat_client, chart_data):
    html = secretariat_client.get("/").content.decode()
    html += secretariat_client.get("/working-groups/AWGNCB/").content.decode()
    svgs = _svgs(html)
    assert len(svgs) == 5
    for svg in svgs:
        view_box = svg.get("viewBox").split()
        assert view_box[:3] == ["0", "0", "480"] and svg.get("width") == "100%"
        for element in svg.iter():
            tag = element.tag.split("}")[-1]
            assert tag in SVG_ATTRIBUTES, tag
            assert set(element.attrib) <= SVG_ATTRIBUTES[tag], (tag, element.attrib)
            assert "style" not in element.attrib
            for name in ("x", "y", "width", "height", "x1", "y1", "x2", "y2"):
                if name in element.attrib:
                    assert NUMBER.fullmatch(element.get(name)) or (
                        tag == "svg" and element.get(name) == "100%"
                    ), (tag, name, element.get(name))
        ids = [e.get("id") for e in svg.iter() if e.get("id")]
        assert svg.get("aria-labelledby") in ids and svg.get("aria-describedby") in ids
