"""File → Print summary …: previews of what we heard at a meeting and of the blank
input form, and the choices each of them shows."""

from __future__ import annotations

from pathlib import Path

from stad_desktop.services import Services
from stad_desktop.ui.dialogs.print_dialog import INPUT_FORM, MEETING, PrintDialog


def _dialog(qtbot, services: Services, **kwargs) -> PrintDialog:  # type: ignore[no-untyped-def]
    dialog = PrintDialog(services, **kwargs)
    qtbot.addWidget(dialog)
    return dialog


def _text(path: Path) -> str:
    from pypdf import PdfReader

    return " ".join((page.extract_text() or "") for page in PdfReader(str(path)).pages)


def test_preview_of_what_we_heard(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    meeting = demo_services.hearing.find_meeting("Bygdemøte i Selje")
    dialog = _dialog(qtbot, demo_services, meeting_id=meeting.id)
    assert dialog.report_kind() == MEETING
    assert dialog.hearing.meeting.currentData() == meeting.id
    assert dialog.hearing.meeting.isVisibleTo(dialog)
    assert not dialog.project.isVisibleTo(dialog)
    assert not dialog.phases.isVisibleTo(dialog)
    assert dialog.contacts.isVisibleTo(dialog) and not dialog.contacts.isChecked()
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    assert preview.page_count() == 1
    assert preview.suggested_name.startswith("Dette høyrde vi – ")
    assert "Bygdemøte i Selje" in preview.suggested_name
    text = _text(preview.pdf)
    assert "Ein overbygd møteplass ved kaia" in text
    assert "Kari Nordnes" not in text
    preview.reject()
    dialog.reject()


def test_preview_of_the_input_form(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, demo_services)
    dialog.kind.setCurrentIndex(dialog.kind.findData(INPUT_FORM))
    # A blank form holds no personal data: no contacts to tick.
    assert not dialog.contacts.isVisibleTo(dialog)
    assert dialog.hearing.date.isVisibleTo(dialog)
    dialog.hearing.village.setEditText("Hoddevik")
    dialog.hearing.date.setText("31.02.2026")
    assert dialog.show_preview() is None
    assert dialog.error.text() == "Skriv ein dato, til dømes 26.11.2026."
    dialog.hearing.date.setText("12.03.2026")
    dialog.language.setCurrentIndex(dialog.language.findData("en"))
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    assert not dialog.error.isVisible()
    assert preview.page_count() == 1
    assert preview.suggested_name == "Input form – Hoddevik.pdf"
    text = _text(preview.pdf)
    assert "Hoddevik" in text and "12 March 2026" in text
    preview.reject()
    dialog.reject()
    again = _dialog(qtbot, demo_services)
    assert again.report_kind() == INPUT_FORM


def test_preview_of_a_village_overview(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    from stad_desktop.ui.dialogs.print_dialog import VILLAGE

    dialog = _dialog(qtbot, demo_services)
    dialog.kind.setCurrentIndex(dialog.kind.findData(VILLAGE))
    village = dialog.hearing.village
    # The villages input has come from are offered; another name can be typed.
    assert [village.itemText(i) for i in range(village.count())] == [
        "Ervik", "Lote", "Nordfjordeid", "Selje", "Stadlandet", "Stårheim",
    ]  # fmt: skip
    assert not dialog.hearing.date.isVisibleTo(dialog)
    village.setEditText("Oslo")
    assert dialog.show_preview() is None
    assert dialog.error.text().startswith("Ingen bygd med namnet «Oslo» er kjend.")
    village.setCurrentIndex(village.findText("Stadlandet"))
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    assert preview.suggested_name == "Bygdeoversikt – Stadlandet.pdf"
    assert "Samkøyring er med i tiltaka." in " ".join(_text(preview.pdf).split())
    preview.reject()
    dialog.reject()
