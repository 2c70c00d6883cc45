"""The home page: what needs attention across the projects, each entry one click
from its place (the project, meeting or indicator selected in its view), and a few
key figures. Built from one read model (``services.overview``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from stad_desktop.format import format_date, format_number
from stad_desktop.language import N_, _, current, ngettext
from stad_desktop.model.enums import Phase, label
from stad_desktop.services.attention import ENTRIES_SHOWN
from stad_desktop.ui.background import BackgroundRead
from stad_desktop.ui.bus import ACTORS, CHECKLIST, EFFECTS, MATRIX, MEETINGS, PROJECTS, ROLES
from stad_desktop.ui.models.actors import sector_text
from stad_desktop.ui.views.base import SEARCH, View
from stad_desktop.ui.widgets.forms import buddy_label, set_buddy_text
from stad_desktop.ui.widgets.search_tools import NoMatchNotice, clear_on_escape

if TYPE_CHECKING:
    from stad_desktop.services import Services
    from stad_desktop.services.attention import MeetingRef, Overview
    from stad_desktop.ui.bus import DataBus

TARGET_ROLE = Qt.ItemDataRole.UserRole + 1  # (view key, item id, detail id)
ROWS_SHOWN = 6  # a list taller than this scrolls

# The sections in their columns: key, English title (msgid).
SECTIONS: tuple[tuple[tuple[str, str], ...], ...] = (
    (
        ("warnings", N_("Warnings in the role matrices")),
        ("behind", N_("Indicators behind their path to the target")),
    ),
    (
        ("backlog", N_("Input waiting for an answer")),
        ("upcoming", N_("Upcoming meetings")),
        ("recent", N_("Recent meetings")),
    ),
    (
        ("checklists", N_("Checklist progress")),
        ("sectors", N_("Actors per sector")),
        ("phases", N_("Projects per phase")),
    ),
)

Entry = tuple[str, tuple[str, str, str] | None, str]  # text, target, tooltip


class HomeView(View):
    """Ctrl+0. ``today`` may be fixed (tests and screenshots).

    The overview is read on a worker thread (it reads every active project: a
    county's takes a second), so the window takes input at once; ``loaded`` is
    emitted once it is shown."""

    commands = frozenset({SEARCH})
    kinds = frozenset({ACTORS, PROJECTS, ROLES, MATRIX, EFFECTS, CHECKLIST, MEETINGS})
    search_attr = "search"
    today: dt.date | None = None

    def __init__(
        self,
        services: Services,
        bus: DataBus,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(services, bus, undo_stack, parent)
        self.setObjectName("home_view")
        self.overview: Overview | None = None
        self._reading = BackgroundRead(self, quiet=lambda: not self.isVisible())
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        clear_on_escape(self.search)
        self.search.textChanged.connect(lambda _text: self._filter())
        self.search_label = buddy_label("", self.search)
        self.no_match = NoMatchNotice(
            lambda text: _("Nothing on the home page matches «{text}».").format(text=text), self
        )
        self.no_match.clear_requested.connect(self.search.clear)
        self.heading = QLabel(self)
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.heading.setFont(font)
        bar = QHBoxLayout()
        bar.addWidget(self.heading, 1)
        bar.addWidget(self.search_label)
        bar.addWidget(self.search)
        self.search.setMinimumWidth(240)

        self.boxes: dict[str, QGroupBox] = {}
        self.lists: dict[str, QListWidget] = {}
        self._titles: dict[str, str] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(12)
        for column, sections in enumerate(SECTIONS):
            box_column = QVBoxLayout()
            for key, title in sections:
                box = QGroupBox(self)
                # As tall as its list, the rest of the column left empty below.
                box.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
                entries = QListWidget(box)
                entries.setObjectName(f"home_{key}")
                entries.setUniformItemSizes(True)
                entries.setTextElideMode(Qt.TextElideMode.ElideRight)
                entries.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
                entries.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
                entries.itemClicked.connect(self._go)
                entries.itemActivated.connect(self._go)
                inner = QVBoxLayout(box)
                inner.addWidget(entries)
                box_column.addWidget(box)
                self.boxes[key], self.lists[key], self._titles[key] = box, entries, title
            box_column.addStretch(1)
            grid.addLayout(box_column, 0, column)
            grid.setColumnStretch(column, 1)
        page = QWidget(self)
        page.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidget(page)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.no_match)
        layout.addWidget(scroll, 1)
        self.setFocusProxy(self.lists["warnings"])
        self.retranslate()

    def retranslate(self) -> None:
        self._set_heading()
        set_buddy_text(self.search_label, _("&Search"))
        self.search.setPlaceholderText(_("Project, meeting, indicator, …"))
        for key, box in self.boxes.items():
            box.setTitle(_(self._titles[key]))
            self.lists[key].setAccessibleName(_(self._titles[key]))
        if self.overview is not None:
            self._show(self.overview)

    # --- loading ------------------------------------------------------------------
    def reload(self) -> None:
        overview, today = self.services.overview, self.today
        self._reading.start(lambda: overview.overview(today), self._read)
        self._set_heading()

    def is_loading(self) -> bool:
        return self._reading.busy()

    def _read(self, overview: Overview) -> None:
        self.overview = overview
        self._set_heading()
        self._show(overview)
        self.loaded.emit()

    def _set_heading(self) -> None:
        if self.is_loading():
            self.heading.setText(_("What needs attention (reading …)"))
        else:
            self.heading.setText(_("What needs attention"))

    def _show(self, overview: Overview) -> None:
        lang = current()
        number = lambda value: format_number(value, lang, 1)  # noqa: E731
        fill = self._fill
        fill(
            "warnings",
            [
                (
                    ngettext("{project}: {count} warning", "{project}: {count} warnings", n).format(
                        project=pw.project.name, count=n
                    ),
                    ("role_matrix", pw.project.id, ""),
                    "\n".join(w.message.render() for w in pw.warnings),
                )
                for pw in overview.warnings[:ENTRIES_SHOWN]
                for n in [len(pw.warnings)]
            ],
            _("No warnings in any project."),
        )
        fill(
            "behind",
            [
                (
                    _("{indicator} ({project}): {value} {unit}, the path is at {expected}").format(
                        indicator=b.indicator.name,
                        project=b.project.name,
                        value=number(b.indicator.latest_value or 0),
                        unit=b.indicator.unit,
                        expected=number(b.expected),
                    ),
                    ("effect_log", b.project.id, b.indicator.id),
                    "",
                )
                for b in overview.behind[:ENTRIES_SHOWN]
            ],
            _("No indicator is behind its path."),
        )
        fill(
            "backlog",
            [
                (
                    f"{format_date(e.meeting_date, lang)} · {e.source or e.meeting_title}: "
                    f"{' '.join(e.item.text.split())}",
                    ("meetings", e.item.meeting_id, e.item.id),
                    e.item.text,
                )
                for e in overview.backlog.items
            ],
            _("All input has an answer."),
        )
        fill("upcoming", self._meetings(overview.upcoming), _("No meetings planned."))
        fill("recent", self._meetings(overview.recent), _("No meetings held yet."))
        fill(
            "checklists",
            [
                (
                    _("{project}: {done} of {total} done").format(
                        project=c.project.name, done=c.done, total=c.relevant
                    ),
                    ("projects", c.project.id, ""),
                    "",
                )
                for c in overview.checklists[:ENTRIES_SHOWN]
            ],
            _("No active projects."),
        )
        fill(
            "sectors",
            [
                (f"{sector_text(sector)}: {count}", ("actors", "", sector), "")
                for sector, count in overview.actors_per_sector
            ],
            _("No actors yet."),
        )
        fill(
            "phases",
            [
                (f"{_(label(Phase(phase)))}: {count}", ("projects", "", phase), "")
                for phase, count in overview.projects_per_phase
            ],
            _("No active projects."),
        )
        totals = {
            "warnings": overview.warnings_total,
            "behind": overview.behind_total,
            "backlog": overview.backlog_total,
            "checklists": overview.checklists_total,
        }
        for key, total in totals.items():
            title = _(self._titles[key])
            shown = format_number(total, current(), 0)
            self.boxes[key].setTitle(f"{title} ({shown})" if total else title)
        self._filter()

    def _meetings(self, meetings: Sequence[MeetingRef]) -> list[Entry]:
        lang = current()
        return [
            (
                " · ".join(
                    part
                    for part in (format_date(m.meeting_date, lang), m.title, m.project_name)
                    if part
                ),
                ("meetings", m.id, ""),
                m.place,
            )
            for m in meetings
        ]

    def _fill(self, key: str, entries: Sequence[Entry], empty: str) -> None:
        widget = self.lists[key]
        widget.clear()
        for text, target, tip in entries:
            item = QListWidgetItem(text, widget)
            item.setData(TARGET_ROLE, target)
            item.setToolTip(f"{text}\n\n{tip}" if tip and tip != text else text)
        if not entries:
            item = QListWidgetItem(empty, widget)
            item.setFlags(Qt.ItemFlag.NoItemFlags)

    def _filter(self) -> None:
        """Show only the entries that contain the search text (case ignored)."""
        wanted = self.search.text().strip().casefold()
        found = False
        for widget in self.lists.values():
            for row in range(widget.count()):
                item = widget.item(row)
                hide = bool(wanted) and wanted not in item.text().casefold()
                item.setHidden(hide)
                found = found or (not hide and item.data(TARGET_ROLE) is not None)
            self._fit_height(widget)
        self.no_match.show_for(self.search.text(), found)

    @staticmethod
    def _fit_height(widget: QListWidget) -> None:
        """As tall as its entries, up to ROWS_SHOWN (then it scrolls)."""
        shown = sum(not widget.item(r).isHidden() for r in range(widget.count()))
        row = max(widget.sizeHintForRow(0), widget.fontMetrics().height() + 4)
        widget.setFixedHeight(row * max(1, min(shown, ROWS_SHOWN)) + 2 * widget.frameWidth() + 2)

    def _go(self, item: QListWidgetItem) -> None:
        target = item.data(TARGET_ROLE)
        if target:
            self.go_to.emit(*target)

    # --- for tests ----------------------------------------------------------------
    def entries(self, key: str) -> list[str]:
        widget = self.lists[key]
        return [
            widget.item(r).text()
            for r in range(widget.count())
            if not widget.item(r).isHidden() and widget.item(r).data(TARGET_ROLE) is not None
        ]

    def item(self, key: str, text: str) -> QListWidgetItem:
        widget = self.lists[key]
        return next(widget.item(r) for r in range(widget.count()) if text in widget.item(r).text())
