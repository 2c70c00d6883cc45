"""One date field for every form: the date typed in the language's short form
(dd.mm.åååå; in English dd/mm/yyyy) or picked from a calendar, with the button
beside the field or Alt+Down (F4) in it.

``text()`` is what the services check (``services.validation.date``), so a typing
slip is told beside the field like any other; a date picked from the calendar is
written in the language's form (``format.format_date``)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from stad_desktop.format import format_date, parse_date
from stad_desktop.language import _, current
from stad_desktop.ui.icons import icon
from stad_desktop.ui.qt_i18n import qt_locale


class DateField(QWidget):
    textChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.line = QLineEdit(self)
        self.button = QToolButton(self)
        self.button.setIcon(icon("meetings"))
        self.button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+Down from the field
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.line.textChanged.connect(self.textChanged)
        self.line.installEventFilter(self)
        self.button.clicked.connect(self.open_calendar)
        self.popup: QMenu | None = None
        self._forwarding = False
        self.retranslate()

    def retranslate(self) -> None:
        # A pattern, never a date: an empty field must not look filled in.
        self.line.setPlaceholderText(_("dd.mm.yyyy"))
        tip = _("Choose the date in a calendar (Alt+Down)")
        self.button.setToolTip(tip)
        self.button.setAccessibleName(tip)

    # --- the value -------------------------------------------------------------------
    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)

    def clear(self) -> None:
        self.line.clear()

    def selectAll(self) -> None:
        self.line.selectAll()

    def placeholderText(self) -> str:
        return self.line.placeholderText()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Keys sent to the field itself go to its input; those the input leaves
        (Enter, Esc) go on to the dialog."""
        if self._forwarding:
            event.ignore()
            return
        self._forwarding = True
        try:
            QApplication.sendEvent(self.line, event)
        finally:
            self._forwarding = False

    def date(self) -> dt.date | None:
        """The date typed, or None when the field is empty or not a date."""
        try:
            return parse_date(self.line.text(), current())
        except ValueError:
            return None

    def set_date(self, value: dt.date | None) -> None:
        self.line.setText(format_date(value, current()))

    def setAccessibleName(self, name: str) -> None:  # the label's buddy text
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)

    def setAccessibleDescription(self, description: str) -> None:  # a validation message
        super().setAccessibleDescription(description)
        self.line.setAccessibleDescription(description)

    # --- the calendar ----------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.line and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            alt_down = (
                event.key() == Qt.Key.Key_Down
                and event.modifiers() & Qt.KeyboardModifier.AltModifier
            )
            if alt_down or event.key() == Qt.Key.Key_F4:
                self.open_calendar()
                return True
        return False

    def open_calendar(self) -> QCalendarWidget:
        """Show the calendar under the field, on the date typed (else today); a
        click or Enter on a day writes it in the field."""
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        calendar.setLocale(qt_locale(current().lang))
        calendar.setFirstDayOfWeek(Qt.DayOfWeek.Monday)
        calendar.setGridVisible(True)
        start = self.date() or dt.date.today()
        calendar.setSelectedDate(QDate(start.year, start.month, start.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(day: QDate) -> None:
            self.set_date(dt.date(day.year(), day.month(), day.day()))
            menu.close()
            self.line.setFocus()

        calendar.clicked.connect(chosen)
        calendar.activated.connect(chosen)
        self.popup = menu
        menu.popup(self.mapToGlobal(self.rect().bottomLeft()))
        calendar.setFocus()
        return calendar
