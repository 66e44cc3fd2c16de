"""Bar charts drawn on the server as SVG: the geometry here, the markup in
templates/charts/_chart.html.

The strict CSP allows no script and no inline style, so a chart is plain SVG shapes whose
colours come from CSS classes (static/css/portal.css, `.chart__bar--<series>`). Each chart is
drawn in a fixed coordinate space (`viewBox`) and scaled to its box's width, so it fits a
phone and a desk alike. Every figure drawn is also in the chart's text alternative (its
`<desc>` and a visually hidden table), with numbers formatted for the active language.

Foundation layer: counts come in as plain data; nothing here reads a model.
"""

import datetime
from dataclasses import dataclass, field

from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

WIDTH = 480
FONT = 13  # viewBox units: about 10 px on a 390 px phone, 13 px on a desk
LABEL_WIDTH = 84  # row labels of horizontal bars (group codes, years)
TOTAL_WIDTH = 36  # room for the total after a horizontal bar
ROW_HEIGHT = 28
BAR_THICKNESS = 18
PLOT_HEIGHT = 160  # vertical bars: the tallest one
AXIS_TOP = 20  # room above the tallest bar for its value
AXIS_BOTTOM = 22  # room under the baseline for the tick labels
EMPTY_HEIGHT = 60


def _coord(value: float) -> str:
    """A coordinate as SVG reads it: a dot decimal whatever the language (the template must
    not localise it: "12,5" is no number to SVG)."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _figure(count: int) -> str:
    """A count as the active language writes it ("1.000"), for labels and the table."""
    return number_format(count, force_grouping=True)


@dataclass
class Bar:
    series: str  # CSS modifier: .chart__bar--<series>
    x: str
    y: str
    width: str
    height: str
    title: str  # the figure, shown on hover and read with the shape


@dataclass
class Label:
    text: str
    x: str
    y: str
    anchor: str = "start"  # SVG text-anchor: start, middle, end
    kind: str = "tick"  # CSS modifier: .chart__label--<kind>


@dataclass
class Chart:
    """One chart: its shapes, its legend, and its figures as a table (headers, rows)."""

    id: str
    title: str
    empty_text: str
    width: int = WIDTH
    height: int = EMPTY_HEIGHT
    bars: list[Bar] = field(default_factory=list)
    labels: list[Label] = field(default_factory=list)
    baseline: dict | None = None  # x1, y1, x2, y2 of the axis line
    legend: list[tuple[str, str]] = field(default_factory=list)  # (series, label)
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    description: str = ""

    @property
    def empty(self) -> bool:
        return not self.bars

    @property
    def empty_x(self) -> str:
        return _coord(self.width / 2)

    @property
    def empty_y(self) -> str:
        return _coord(self.height / 2 + FONT / 3)


def _describe(chart: Chart) -> str:
    """The figures in one line for `<desc>`: "AWGCC: Hoàn thành 2, Đang thực hiện 1; …"."""
    if chart.empty:
        return chart.empty_text
    parts = []
    for row in chart.rows:
        figures = ", ".join(f"{h} {v}" for h, v in zip(chart.headers[1:], row[1:], strict=True))
        parts.append(f"{row[0]}: {figures}")
    return "; ".join(parts)


def _finish(chart: Chart) -> Chart:
    chart.description = _describe(chart)
    return chart


def stacked_bars(
    *,
    chart_id: str,
    title: str,
    rows: list[tuple[str, dict[str, int]]],
    series: list[tuple[str, str]],
    empty_text: str,
    row_header: str,
) -> Chart:
    """Horizontal bars, one per row (a group, a year), split by series (statuses), all on
    one scale: a segment's width is its count over the largest row's total."""
    chart = Chart(
        id=chart_id,
        title=title,
        empty_text=empty_text,
        legend=list(series),
        headers=[row_header, *(label for _key, label in series), _("Tổng")],
    )
    totals = [sum(counts.get(key, 0) for key, _label in series) for _name, counts in rows]
    largest = max(totals, default=0)
    if not largest:
        return _finish(chart)
    area = WIDTH - LABEL_WIDTH - TOTAL_WIDTH
    scale = area / largest
    for index, ((name, counts), total) in enumerate(zip(rows, totals, strict=True)):
        top = index * ROW_HEIGHT + (ROW_HEIGHT - BAR_THICKNESS) / 2
        middle = _coord(top + BAR_THICKNESS / 2 + FONT / 3)
        chart.labels.append(Label(name, _coord(LABEL_WIDTH - 6), middle, "end"))
        x = float(LABEL_WIDTH)
        for key, label in series:
            value = counts.get(key, 0)
            if not value:
                continue
            width = value * scale
            chart.bars.append(
                Bar(
                    key,
                    _coord(x),
                    _coord(top),
                    _coord(width),
                    _coord(BAR_THICKNESS),
                    f"{name} · {label}: {_figure(value)}",
                )
            )
            x += width
        chart.labels.append(Label(_figure(total), _coord(x + 4), middle, kind="value"))
        chart.rows.append([name, *(_figure(counts.get(k, 0)) for k, _l in series), _figure(total)])
    chart.height = len(rows) * ROW_HEIGHT
    return _finish(chart)


def column_bars(
    *,
    chart_id: str,
    title: str,
    groups: list[tuple[str, str, dict[str, int]]],
    series: list[tuple[str, str]],
    empty_text: str,
    row_header: str,
) -> Chart:
    """Vertical bars: one slot per group (a month, a year) holding one bar per series side by
    side, heights on one scale (a bar's height is its count over the largest count).

    `groups` are (tick label, full label for the table, {series: count})."""
    chart = Chart(
        id=chart_id,
        title=title,
        empty_text=empty_text,
        legend=list(series) if len(series) > 1 else [],
        headers=[row_header, *(label for _key, label in series)],
    )
    largest = max((count for _t, _f, counts in groups for count in counts.values()), default=0)
    if not largest or not groups:
        return _finish(chart)
    left, right = 4, 4
    slot = (WIDTH - left - right) / len(groups)
    inner = slot * 0.72  # the rest is the gap between slots
    thickness = inner / len(series)
    baseline = AXIS_TOP + PLOT_HEIGHT
    scale = PLOT_HEIGHT / largest
    for index, (tick, full, counts) in enumerate(groups):
        start = left + index * slot + (slot - inner) / 2
        for position, (key, label) in enumerate(series):
            value = counts.get(key, 0)
            x = start + position * thickness
            middle = _coord(x + thickness / 2)
            if value:
                height = value * scale
                chart.bars.append(
                    Bar(
                        key,
                        _coord(x),
                        _coord(baseline - height),
                        _coord(thickness),
                        _coord(height),
                        f"{full} · {label}: {_figure(value)}",
                    )
                )
                chart.labels.append(
                    Label(
                        _figure(value),
                        middle,
                        _coord(baseline - height - 4),
                        "middle",
                        "value",
                    )
                )
        chart.labels.append(
            Label(tick, _coord(left + index * slot + slot / 2), _coord(baseline + 16), "middle")
        )
        chart.rows.append([full, *(_figure(counts.get(k, 0)) for k, _l in series)])
    chart.baseline = {
        "x1": _coord(left),
        "y1": _coord(baseline),
        "x2": _coord(WIDTH - right),
        "y2": _coord(baseline),
    }
    chart.height = baseline + AXIS_BOTTOM
    return _finish(chart)


def month_bars(
    *, chart_id: str, title: str, year: int, counts: dict[int, int], series: tuple[str, str]
) -> Chart:
    """Twelve vertical bars, January to December of `year`, from {month number: count}."""
    key, label = series
    groups = []
    for month in range(1, 13):
        first = datetime.date(year, month, 1)
        # Translators: a month under a bar of a 12-month chart; {number} is 1-12 and {abbr}
        # the locale's short month name ("Jan"); Vietnamese writes "T1".
        tick = pgettext("nhãn tháng trên biểu đồ", "T{number}").format(
            number=month, abbr=date_format(first, "M")
        )
        # Translators: a month of a year in a chart's table; {name} is the month's full name.
        full = pgettext("tháng và năm trong bảng biểu đồ", "Tháng {number}/{year}").format(
            number=month, year=year, name=date_format(first, "F")
        )
        groups.append((tick, full, {key: counts.get(month, 0)}))
    return column_bars(
        chart_id=chart_id,
        title=title,
        groups=groups,
        series=[series],
        empty_text=_("Chưa có hoạt động nào trong năm {year}.").format(year=year),
        row_header=_("Tháng"),
    )
