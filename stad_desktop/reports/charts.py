"""Charts for the printouts, drawn with ``reportlab.graphics`` (text stays real text)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.lineplots import LinePlot
from reportlab.graphics.shapes import Drawing, Line, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth

from stad_desktop.language import Translator
from stad_desktop.reports.data import IndicatorSeries
from stad_desktop.reports.style import (
    ACCENT,
    BASELINE,
    FONT,
    GRID,
    INK,
    MUTED,
    RULE,
    SERIES,
    TARGET,
)


def _drawing(width: float, height: float) -> Drawing:
    drawing = Drawing(width, height)
    # Drawings start in Helvetica unless told otherwise; keep to the embedded font.
    drawing.initialFontName = FONT
    return drawing


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2 or 5 times a power of ten) giving about ``ticks`` ticks."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _value_range(values: Sequence[float]) -> tuple[float, float, float]:
    low, high = min(values), max(values)
    if low == high:
        low, high = low - 1, high + 1
    pad = (high - low) * 0.08
    low, high = low - pad, high + pad
    if min(values) >= 0:
        low = max(low, 0.0)
    step = nice_step(high - low)
    return math.floor(low / step) * step, math.ceil(high / step) * step, step


# Steps between date ticks, in months: the first whose labels do not crowd is used.
TICK_STEPS = (1, 2, 3, 6, 12, 24, 36, 60, 120, 240)
TICK_SIZE = 6.5
# Room between two tick labels, as a share of a label's width.
TICK_GAP = 0.5
# Up to this many measurements per point of width a line carries markers; denser
# series are drawn as a plain line (1,800 markers would merge into a band).
MARKER_DENSITY = 1 / 6
# Above this many measurements per point of width, the line shows the average of
# each short stretch of time: day-to-day noise of 1,800 values would fill a band.
LINE_DENSITY = 1 / 2


def smoothed(points: list[tuple[float, float]], width: float) -> list[tuple[float, float]]:
    """``points`` (x, y; sorted by x) thinned to at most ``width * LINE_DENSITY``:
    the mean of the points in each of that many equal stretches of x."""
    buckets = max(1, int(width * LINE_DENSITY))
    if len(points) <= buckets:
        return points
    first, last = points[0][0], points[-1][0]
    span = (last - first) or 1.0
    sums: dict[int, list[float]] = {}
    for x, y in points:
        bucket = min(buckets - 1, int((x - first) / span * buckets))
        total = sums.setdefault(bucket, [0.0, 0.0, 0.0])
        total[0] += x
        total[1] += y
        total[2] += 1
    return [(sx / n, sy / n) for _bucket, (sx, sy, n) in sorted(sums.items())]


def _months(start: dt.date, end: dt.date) -> list[dt.date]:
    """The first day of every month from ``start``'s month to ``end``'s."""
    year, month = start.year, start.month
    out = []
    while (year, month) <= (end.year, end.month):
        out.append(dt.date(year, month, 1))
        month += 1
        if month > 12:
            year, month = year + 1, 1
    return out


def date_ticks(
    start: dt.date, end: dt.date, tr: Translator, width: float
) -> tuple[list[dt.date], str]:
    """Ticks at the first of a month (every month, quarter, half-year, year or more,
    whatever keeps the labels apart across ``width``) and the date pattern of their
    labels: month and year, or the year alone for steps of a year or more."""
    months = _months(start, end)
    for step in TICK_STEPS:
        pattern = "y" if step >= 12 else "MMM y"
        ticks = [
            day
            for day in months
            if start <= day <= end and (day.year * 12 + day.month - 1) % step == 0
        ]
        if not ticks:
            continue
        label = max(stringWidth(tr.format_date(day, pattern), FONT, TICK_SIZE) for day in ticks)
        span = max(1, end.toordinal() - start.toordinal())
        # The closest two neighbours: step months apart, at least 28 days a month.
        distance = width * (28 * step) / span if len(ticks) > 1 else width
        if distance >= label * (1 + TICK_GAP):
            return ticks, pattern
    return [start], "MMM y"


def indicator_chart(
    series: IndicatorSeries, tr: Translator, width: float = 240, height: float = 150
) -> Drawing:
    """Measurements as a line, with baseline and target as dashed lines."""
    ind = series.indicator
    points: list[tuple[float, float]] = [(p.date.toordinal(), p.value) for p in series.points]
    dates = [p.date for p in series.points]
    dates += [d for d in (ind.baseline_date, ind.target_date) if d is not None]
    values = [v for _x, v in points]
    values += [v for v in (ind.baseline_value, ind.target_value) if v is not None]
    drawing = _drawing(width, height)
    if not dates or not values:
        drawing.add(
            String(
                width / 2,
                height / 2,
                tr._("No measurements yet."),
                fontName=FONT,
                fontSize=8,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
        return drawing
    start, end = min(dates), max(dates)
    if start == end:
        start, end = start - dt.timedelta(days=30), end + dt.timedelta(days=30)
    low, high, step = _value_range(values)

    plot = LinePlot()
    plot.x, plot.y = 34, 30
    plot.width, plot.height = width - 44, height - 42
    x0, x1 = start.toordinal(), end.toordinal()
    lines: list[list[tuple[float, float]]] = [smoothed(points, plot.width) or [(x0, low)]]
    styles: list[tuple[object, float, list[float] | None]] = [(SERIES, 1.6, None)]
    if ind.baseline_value is not None:
        lines.append([(x0, ind.baseline_value), (x1, ind.baseline_value)])
        styles.append((BASELINE, 0.9, [3, 2]))
    if ind.target_value is not None:
        lines.append([(x0, ind.target_value), (x1, ind.target_value)])
        styles.append((TARGET, 1.1, [5, 2]))
    plot.data = lines
    for index, (colour, stroke, dash) in enumerate(styles):
        plot.lines[index].strokeColor = colour
        plot.lines[index].strokeWidth = stroke
        if dash:
            plot.lines[index].strokeDashArray = dash
    if points and len(points) <= plot.width * MARKER_DENSITY:
        plot.lines[0].symbol = makeMarker("FilledCircle", size=3.2)
        plot.lines[0].symbol.fillColor = SERIES
        plot.lines[0].symbol.strokeColor = SERIES
    elif points:
        plot.lines[0].strokeWidth = 1.0
    else:
        plot.lines[0].strokeWidth = 0
    plot.xValueAxis.valueMin, plot.xValueAxis.valueMax = x0, x1
    ticks, tick_pattern = date_ticks(start, end, tr, plot.width)
    plot.xValueAxis.valueSteps = [t.toordinal() for t in ticks]
    plot.xValueAxis.labelTextFormat = lambda v: tr.format_date(
        dt.date.fromordinal(int(v)), tick_pattern
    )
    plot.xValueAxis.labels.fontName = FONT
    plot.xValueAxis.labels.fontSize = TICK_SIZE
    plot.xValueAxis.labels.fillColor = MUTED
    plot.xValueAxis.strokeColor = RULE
    plot.xValueAxis.tickDown = 2
    plot.yValueAxis.valueMin, plot.yValueAxis.valueMax = low, high
    plot.yValueAxis.valueStep = step
    plot.yValueAxis.labelTextFormat = lambda v: tr.format_number(v, 1)
    plot.yValueAxis.labels.fontName = FONT
    plot.yValueAxis.labels.fontSize = 6.5
    plot.yValueAxis.labels.fillColor = MUTED
    plot.yValueAxis.strokeColor = RULE
    plot.yValueAxis.visibleGrid = True
    plot.yValueAxis.gridStrokeColor = GRID
    plot.yValueAxis.gridStrokeWidth = 0.3
    drawing.add(plot)

    # Legend along the bottom.
    x = 34.0
    entries: list[tuple[object, list[float] | None, str]] = [(SERIES, None, tr._("Measurement"))]
    if ind.baseline_value is not None:
        entries.append((BASELINE, [3, 2], tr._("Baseline")))
    if ind.target_value is not None:
        entries.append((TARGET, [5, 2], tr._("Target value")))
    for colour, pattern, text in entries:
        line = Line(x, 5, x + 14, 5, strokeColor=colour, strokeWidth=1.4)
        if pattern:
            line.strokeDashArray = pattern
        drawing.add(line)
        drawing.add(String(x + 17, 2.5, text, fontName=FONT, fontSize=6.5, fillColor=INK))
        x += 17 + stringWidth(text, FONT, 6.5) + 10
    return drawing


def _style_bars(
    chart: VerticalBarChart | HorizontalBarChart,
    labels: Sequence[str],
    values: Sequence[int],
    *,
    headroom: float,
    label_anchor: str,
    colour: Color,
) -> None:
    """The look both bar charts share: axes, grid, whole-number steps, bar labels."""
    chart.data = [list(values)]
    chart.categoryAxis.categoryNames = list(labels)
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.fillColor = INK
    chart.categoryAxis.labels.boxAnchor = label_anchor
    chart.categoryAxis.strokeColor = RULE
    top = max([*values, 1])
    step = max(1, int(nice_step(top, 4)))
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = math.ceil(top * headroom / step) * step
    chart.valueAxis.valueStep = step
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 7
    chart.valueAxis.labels.fillColor = MUTED
    chart.valueAxis.strokeColor = RULE
    chart.valueAxis.visibleGrid = True
    chart.valueAxis.gridStrokeColor = GRID
    chart.valueAxis.gridStrokeWidth = 0.3
    chart.bars[0].fillColor = colour
    chart.bars[0].strokeColor = None
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7


def vertical_bars(
    labels: Sequence[str], values: Sequence[int], width: float, height: float
) -> Drawing:
    """Counts per category as upright bars, the count above each bar."""
    drawing = _drawing(width, height)
    chart = VerticalBarChart()
    chart.x, chart.y = 26, 34
    chart.width, chart.height = width - 34, height - 46
    _style_bars(chart, labels, values, headroom=1.15, label_anchor="n", colour=ACCENT)
    chart.barWidth = 6
    chart.groupSpacing = 10
    chart.barLabels.nudge = 6
    drawing.add(chart)
    return drawing


def horizontal_bars(
    labels: Sequence[str], values: Sequence[int], width: float, height: float
) -> Drawing:
    """Counts per category as lying bars, labels on the left, counts at the bar ends."""
    label_width = max(stringWidth(label, FONT, 7) for label in labels) + 8 if labels else 40
    drawing = _drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = label_width, 16
    chart.width, chart.height = width - label_width - 20, height - 22
    # Draw the first category at the top.
    _style_bars(
        chart,
        list(reversed(labels)),
        list(reversed(values)),
        headroom=1.12,
        label_anchor="e",
        colour=SERIES,
    )
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.nudge = 4
    drawing.add(chart)
    return drawing
