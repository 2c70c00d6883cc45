"""One date is written the same way in every list, table, date field and printout
of one language: 06.11.2026 in Nynorsk and Bokmål, 06/11/2026 in English."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stad_desktop.language import set_language
from stad_desktop.reports import make_project_summary
from stad_desktop.services import (
    EntryInput,
    IndicatorInput,
    MeetingInput,
    ProjectInput,
    Services,
)
from stad_desktop.ui.dialogs.effect_dialogs import EntryDialog, IndicatorDialog
from stad_desktop.ui.dialogs.meeting_dialogs import MeetingDialog
from stad_desktop.ui.dialogs.project_dialog import ProjectDialog
from stad_desktop.ui.models.effects import EntryTableModel, IndicatorTableModel
from stad_desktop.ui.models.meetings import MeetingTableModel
from stad_desktop.ui.models.projects import ProjectTableModel
from stad_desktop.ui.models.rows import RowTableModel

DAY = dt.date(2026, 11, 6)
SHOWN = {"nn": "06.11.2026", "nb": "06.11.2026", "en": "06/11/2026"}
HINT = {"nn": "dd.mm.åååå", "nb": "dd.mm.åååå", "en": "dd/mm/yyyy"}


def cell(model: RowTableModel[object], header: str) -> str:
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    return str(model.data(model.index(0, headers.index(header))))


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_one_date_looks_the_same_everywhere(
    lang: str, qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    tr = set_language(lang)
    project = services.projects.create(ProjectInput("Hamna", start_date=DAY, end_date=DAY)).value
    indicator = services.effects.add_indicator(
        project.id, IndicatorInput("Besøk", baseline_value=10, baseline_date=DAY)
    ).value
    entry = services.effects.add_entry(
        project.id, EntryInput(DAY, indicator_id=indicator.id, value=12)
    ).value
    meeting = services.meetings.create(MeetingInput("Folkemøte", DAY, project_id=project.id)).value
    shown: dict[str, str] = {}

    # The lists.
    projects = ProjectTableModel()
    projects.set_rows(services.projects.list())
    shown["project list"] = cell(projects, tr._("Period")).split(" – ")[0]
    meetings = MeetingTableModel()
    meetings.set_rows(services.meetings.list())
    shown["meeting list"] = cell(meetings, tr._("Date"))
    entries = EntryTableModel()
    entries.set_rows(services.effects.entries(project.id))
    shown["effect entries"] = cell(entries, tr._("Date"))
    indicators = IndicatorTableModel()
    indicators.set_rows(services.effects.indicators(project.id))
    shown["indicator baseline"] = cell(indicators, tr._("Baseline")).split("(")[1].rstrip(")")

    # The date fields of the dialogs.
    detail = services.projects.get(project.id)
    project_dialog = ProjectDialog(lambda *_args: detail, [], detail)
    qtbot.addWidget(project_dialog)
    shown["project dialog"] = project_dialog.start_date.text()
    meeting_dialog = MeetingDialog(services, services.meetings.get(meeting.id))
    qtbot.addWidget(meeting_dialog)
    shown["meeting dialog"] = meeting_dialog.meeting_date.text()
    assert meeting_dialog.meeting_date.placeholderText() == HINT[lang]
    indicator_dialog = IndicatorDialog(
        services, project.id, services.effects.indicator(indicator.id)
    )
    qtbot.addWidget(indicator_dialog)
    shown["indicator dialog"] = indicator_dialog.baseline_date.text()
    views = services.effects.entries(project.id)
    entry_dialog = EntryDialog(services, project.id, (), next(e for e in views if e.id == entry.id))
    qtbot.addWidget(entry_dialog)
    shown["entry dialog"] = entry_dialog.entry_date.text()

    assert shown == dict.fromkeys(shown, SHOWN[lang])

    # The printout's effect log table writes it the same way.
    from pypdf import PdfReader

    path = make_project_summary(services, project.id, tmp_path / "summary.pdf", lang=lang)
    text = " ".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)
    assert SHOWN[lang] in text
    other = "06/11/2026" if lang != "en" else "06.11.2026"
    assert other not in text
