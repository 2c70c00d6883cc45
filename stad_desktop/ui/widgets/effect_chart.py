"""A chart of one indicator's measurements over time, with its baseline and target
value as horizontal lines. Dates and the value axis labels are written by
:mod:`stad_desktop.format` (``26.11.2026``, ``1 234,5``), as in the lists, since Qt's
own axis formats are not localised."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from functools import lru_cache

from PySide6.QtCharts import (
    QCategoryAxis,
    QChart,
    QChartView,
    QDateTimeAxis,
    QLineSeries,
)
from PySide6.QtCore import QDate, QDateTime, QPointF, Qt, QTime
from PySide6.QtGui import QColor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QWidget

from stad_desktop.format import date_pattern, format_date, format_number
from stad_desktop.language import _, current
from stad_desktop.services.readmodels import IndicatorView, MeasurementPoint
from stad_desktop.ui import theme

# Share of the value range added above the highest value or target.
HEADROOM = 0.1


@lru_cache(maxsize=8192)
def to_msecs(value: dt.date) -> float:
    """Noon of the day, local time, in milliseconds since the epoch (as QDateTime)."""
    try:
        return dt.datetime(value.year, value.month, value.day, 12).timestamp() * 1000
    except (OverflowError, OSError, ValueError):
        return float(
            QDateTime(QDate(value.year, value.month, value.day), QTime(12, 0)).toMSecsSinceEpoch()
        )


def nice_ticks(low: float, high: float, count: int = 5) -> list[float]:
    """Round tick values covering [low, high], about ``count`` intervals."""
    if math.isclose(low, high):
        pad = abs(low) * 0.1 or 1.0
        low, high = low - pad, high + pad
    raw = (high - low) / count
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    start = math.floor(low / step) * step
    ticks = []
    value = start
    while value < high + step * 0.5:
        ticks.append(round(value, 10))
        value += step
    if len(ticks) < 2:
        ticks.append(ticks[-1] + step)
    return ticks


def tick_digits(step: float) -> int:
    """Decimals that show every tick of this step apart: 0 for 50, 1 for 0.5 and
    2.5, 2 for 0.05 and 0.25 (at most 6)."""
    if step <= 0 or not math.isfinite(step):
        return 0
    digits = max(0, -math.floor(math.log10(step)))
    while digits < 6 and not math.isclose(
        round(step * 10**digits), step * 10**digits, rel_tol=1e-9, abs_tol=1e-9
    ):
        digits += 1
    return min(digits, 6)


def _dashed(colour: QColor) -> QPen:
    pen = QPen(colour)
    pen.setWidthF(2.0)
    pen.setStyle(Qt.PenStyle.DashLine)
    return pen


class EffectChart(QChartView):
    def __init__(self, parent: QWidget | None = None) -> None:
        self.chart_ = QChart()
        super().__init__(self.chart_, parent)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumSize(320, 240)
        self.chart_.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.chart_.setAnimationOptions(QChart.AnimationOption.NoAnimation)

        if theme.is_dark():
            self.chart_.setTheme(QChart.ChartTheme.ChartThemeDark)
        self.measurement_series = QLineSeries()
        pen = QPen(theme.colour(theme.MEASUREMENT))
        pen.setWidthF(2.5)
        self.measurement_series.setPen(pen)
        self.measurement_series.setPointsVisible(True)
        self.baseline_series = QLineSeries()
        self.baseline_series.setPen(_dashed(theme.colour(theme.BASELINE)))
        self.target_series = QLineSeries()
        self.target_series.setPen(_dashed(theme.colour(theme.TARGET)))

        self.axis_x = QDateTimeAxis()
        self.axis_x.setTickCount(5)
        self.axis_y = QCategoryAxis()
        self.axis_y.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        self.chart_.addAxis(self.axis_x, Qt.AlignmentFlag.AlignBottom)
        self.chart_.addAxis(self.axis_y, Qt.AlignmentFlag.AlignLeft)
        for series in (self.baseline_series, self.target_series, self.measurement_series):
            self.chart_.addSeries(series)
            series.attachAxis(self.axis_x)
            series.attachAxis(self.axis_y)
        self.measurement_series.hovered.connect(self._hovered)
        self._indicator: IndicatorView | None = None
        self._points: tuple[MeasurementPoint, ...] = ()
        self.retranslate()

    def retranslate(self) -> None:
        """The names, the title and the value labels in the current language."""
        self.setAccessibleName(_("Chart of the selected indicator"))
        self.measurement_series.setName(_("Measurements"))
        self.show_indicator(self._indicator, self._points)

    # --- data in ----------------------------------------------------------------------
    def show_indicator(
        self, indicator: IndicatorView | None, points: Sequence[MeasurementPoint]
    ) -> None:
        self._indicator = indicator
        self._points = tuple(points)
        tr = current()
        self.axis_x.setFormat(date_pattern(tr))  # the language may have changed
        for series in (self.measurement_series, self.baseline_series, self.target_series):
            series.clear()
        if indicator is None:
            self.chart_.setTitle(_("Select an indicator to see its chart."))
            self._set_visible(False)
            return
        title = indicator.name
        if len(title) > 40:
            title = title[:39] + "…"
        if indicator.unit:
            title = _("{indicator} ({unit})").format(indicator=indicator.name, unit=indicator.unit)
        if not points:
            title += "\n" + _("No measurements yet.")
        self.chart_.setTitle(title)
        self._set_visible(True)

        dates = [p.date for p in points]
        dates += [d for d in (indicator.baseline_date, indicator.target_date) if d]
        if not dates:
            dates = [dt.date.today()]
        first, last = min(dates), max(dates)
        if first == last:
            first, last = first - dt.timedelta(days=15), last + dt.timedelta(days=15)
        x0, x1 = to_msecs(first), to_msecs(last)

        values = [p.value for p in points]
        # One replace() for all points: append() per point redraws the series each time.
        self.measurement_series.replace([QPointF(to_msecs(p.date), p.value) for p in points])
        if indicator.baseline_value is not None:
            values.append(indicator.baseline_value)
            self.baseline_series.append(x0, indicator.baseline_value)
            self.baseline_series.append(x1, indicator.baseline_value)
            self.baseline_series.setName(
                _("Baseline: {value}").format(value=format_number(indicator.baseline_value, tr))
            )
        if indicator.target_value is not None:
            values.append(indicator.target_value)
            self.target_series.append(x0, indicator.target_value)
            self.target_series.append(x1, indicator.target_value)
            self.target_series.setName(
                _("Target value: {value}").format(value=format_number(indicator.target_value, tr))
            )
        self.baseline_series.setVisible(indicator.baseline_value is not None)
        self.target_series.setVisible(indicator.target_value is not None)
        self._legend_visible(self.baseline_series, indicator.baseline_value is not None)
        self._legend_visible(self.target_series, indicator.target_value is not None)

        self.axis_x.setRange(
            QDateTime.fromMSecsSinceEpoch(int(x0)), QDateTime.fromMSecsSinceEpoch(int(x1))
        )
        low, high = (min(values), max(values)) if values else (0.0, 1.0)
        if low > 0 and low < high * 0.5:
            low = 0.0  # counts read better from zero
        # Room above the highest line (often the target), so it does not run into
        # the title or the frame.
        high += (high - low) * HEADROOM or abs(high) * HEADROOM
        self._set_value_axis(nice_ticks(low, high), high)

    def _set_value_axis(self, ticks: list[float], top: float | None = None) -> None:
        """Labels at ``ticks``; the axis runs to ``top`` if that is above the last."""
        tr = current()
        for label in list(self.axis_y.categoriesLabels()):
            self.axis_y.remove(label)
        digits = tick_digits(ticks[1] - ticks[0])
        self.axis_y.setStartValue(ticks[0])
        for value in ticks:
            self.axis_y.append(format_number(value, tr, digits), value)
        self.axis_y.setRange(ticks[0], max(ticks[-1], top if top is not None else ticks[-1]))

    def _set_visible(self, visible: bool) -> None:
        self.axis_x.setVisible(visible)
        self.axis_y.setVisible(visible)
        self.chart_.legend().setVisible(visible)

    def _legend_visible(self, series: QLineSeries, visible: bool) -> None:
        for marker in self.chart_.legend().markers(series):
            marker.setVisible(visible)

    def _hovered(self, point: QPointF, state: bool) -> None:
        if not state:
            self.setToolTip("")
            return
        day = QDateTime.fromMSecsSinceEpoch(int(point.x())).date()
        when = dt.date(day.year(), day.month(), day.day())
        self.setToolTip(
            _("{date}: {value}").format(
                date=format_date(when, current()), value=format_number(point.y(), current())
            )
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        # About one date label per 110 pixels, so "26.11.2026" is never cut.
        self.axis_x.setTickCount(max(3, min(7, event.size().width() // 110)))
        super().resizeEvent(event)

    # --- for tests and the screen reader -----------------------------------------------
    def measurement_count(self) -> int:
        return int(self.measurement_series.count())

    def value_axis_labels(self) -> list[str]:
        return [str(label) for label in self.axis_y.categoriesLabels()]
