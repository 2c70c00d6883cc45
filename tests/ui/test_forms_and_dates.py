"""Forms: every bad field is shown at once and its message goes as soon as the field
is changed; one date field everywhere (typed in the language's form or picked from
a calendar); placeholders are hints that never look like filled-in values."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLineEdit

from stad_desktop.format import parse_date, parse_number
from stad_desktop.language import current, set_language
from stad_desktop.services import Services
from stad_desktop.ui.dialogs.actor_dialog import ActorDialog
from stad_desktop.ui.dialogs.effect_dialogs import EntryDialog, IndicatorDialog
from stad_desktop.ui.dialogs.meeting_dialogs import MeetingDialog
from stad_desktop.ui.dialogs.project_dialog import ProjectDialog
from stad_desktop.ui.widgets.date_field import DateField


def test_the_actor_dialog_shows_every_problem_and_clears_each_when_fixed(
    qtbot, services: Services
) -> None:  # type: ignore[no-untyped-def]
    dialog = ActorDialog(lambda data: services.actors.create(data).value)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.org_number, "123")
    qtbot.keyClicks(dialog.hours, "-4")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)

    shown = {
        field for field in ("name", "org_number", "hours_per_month") if dialog.errors.message(field)
    }
    assert shown == {"name", "org_number", "hours_per_month"}
    assert dialog.isVisible() and services.actors.list(include_archived=True) == ()
    assert dialog.focusWidget() is dialog.name  # the first problem has the focus

    qtbot.keyClicks(dialog.name, "Lote bygdelag")  # fixing one takes its message away
    assert dialog.errors.message("name") == ""
    assert dialog.errors.message("org_number") and dialog.errors.message("hours_per_month")


@pytest.mark.parametrize(("lang", "shown"), [("nn", "12.03.2026"), ("en", "12/03/2026")])
def test_a_date_picked_in_the_calendar_is_written_in_the_languages_form(
    qtbot, lang: str, shown: str
) -> None:  # type: ignore[no-untyped-def]
    set_language(lang)
    try:
        field = DateField()
        qtbot.addWidget(field)
        field.show()
        field.line.setFocus()
        qtbot.keyClick(field.line, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
        assert field.popup is not None and field.popup.isVisible()
        calendar = field.popup.actions()[0].defaultWidget()  # type: ignore[attr-defined]
        calendar.clicked.emit(QDate(2026, 3, 12))
        assert field.text() == shown
        assert field.date() == dt.date(2026, 3, 12)
        assert not field.popup.isVisible()
        # Typed the other way, it is still understood.
        field.setText("12.03.2026" if lang == "en" else "2026-03-12")
        assert field.date() == dt.date(2026, 3, 12)
    finally:
        set_language("nn")


def _dialogs(services: Services) -> list[object]:
    from stad_desktop.services import ProjectInput

    project = services.projects.create(ProjectInput(name="Kulturskule 3.0")).value
    return [
        ActorDialog(lambda data: None),
        ProjectDialog(lambda *_args: None, []),
        IndicatorDialog(services, project.id),
        EntryDialog(services, project.id, ()),
        MeetingDialog(services),
    ]


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_every_date_is_one_field_and_no_placeholder_looks_filled_in(
    qtbot, services: Services, lang: str
) -> None:  # type: ignore[no-untyped-def]
    set_language(lang)
    try:
        dialogs = _dialogs(services)
        dates = {
            "project": (dialogs[1].start_date, dialogs[1].end_date),  # type: ignore[attr-defined]
            "indicator": (dialogs[2].baseline_date, dialogs[2].target_date),  # type: ignore[attr-defined]
            "entry": (dialogs[3].entry_date,),  # type: ignore[attr-defined]
            "meeting": (dialogs[4].meeting_date,),  # type: ignore[attr-defined]
        }
        for fields in dates.values():
            assert all(isinstance(field, DateField) for field in fields)
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            for edit in dialog.findChildren(QLineEdit):  # type: ignore[attr-defined]
                hint = edit.placeholderText()
                if not hint:
                    continue
                for parse in (parse_date, parse_number):
                    with pytest.raises(ValueError):
                        parse(hint, current())
    finally:
        set_language("nn")
