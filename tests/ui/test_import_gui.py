"""File → Import actors …: the mapping dialog for an unknown layout (with a preview
of the first 20 rows), the preview (problems marked, sector per row, near-identical
names to decide), the import as one undo step, and a window that stays responsive
while a large file is read."""

from __future__ import annotations

from pathlib import Path

import pytest
from import_helpers import PNG, org_numbers, own_header, own_row, write
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from stad_desktop.language import set_language
from stad_desktop.services import ActorInput, Services
from stad_desktop.services.actor_import import NearDecision, RowStatus
from stad_desktop.services.actor_import.layout import Target
from stad_desktop.ui import import_menu
from stad_desktop.ui.dialogs.import_mapping import MappingDialog
from stad_desktop.ui.dialogs.import_preview import DECISION, SECTOR, PreviewDialog

ORGS = org_numbers(3)


def names(services: Services) -> list[str]:
    return sorted(a.name for a in services.actors.list(include_archived=True))


class Dialogs:
    """Stands in for the user at the dialogs: records each and answers it."""

    def __init__(self, answer=None) -> None:  # type: ignore[no-untyped-def]
        self.seen: list[QDialog] = []
        self.answer = answer

    def __call__(self, dialog: QDialog) -> bool:
        self.seen.append(dialog)
        if self.answer is not None:
            return bool(self.answer(dialog))
        return True


def test_import_is_one_undo_step(
    make_window, services: Services, tmp_path: Path, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    rows = [
        own_row("nn", "Selje grendalag", org=ORGS[0], contact=("Kari", "kari@example.no", "")),
        own_row("nn", "Eid IL", org=ORGS[1]),
    ]
    path = write(tmp_path / "aktørar.xlsx", own_header("nn"), rows)
    window = make_window(services)
    dialogs = Dialogs()
    window.importer.run_dialog = dialogs
    assert window.importer.import_actors(path)
    [preview] = dialogs.seen
    assert isinstance(preview, PreviewDialog)
    assert preview.import_button.isEnabled()
    assert names(services) == ["Eid IL", "Selje grendalag"]
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Importer aktørar frå aktørar.xlsx"
    window.undo_stack.undo()
    assert names(services) == []
    window.undo_stack.redo()
    assert names(services) == ["Eid IL", "Selje grendalag"]
    assert services.actors.get(services.actors.list()[1].id).contacts[0].name == "Kari"


def test_unknown_layout_gets_a_mapping_dialog(
    make_window, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    header = ["Lag", "Leiar", "Epost til leiar", "Anna"]
    rows = [[f"Lag nr. {n}", f"Leiar {n}", f"leiar{n}@example.no", "x"] for n in range(25)]
    path = write(tmp_path / "lagsliste.csv", header, rows)
    window = make_window(services)

    def answer(dialog: QDialog) -> bool:
        if isinstance(dialog, MappingDialog):
            assert dialog.table.rowCount() == 21  # the choices, then the first 20 rows
            assert dialog.table.item(20, 0).text() == "Lag nr. 19"
            assert not dialog.ok_button.isEnabled()  # no column holds the name yet
            targets = dialog.targets
            for column, target in enumerate(
                [Target("name"), Target("contact_name", 1), Target("contact_email", 1)]
            ):
                dialog.combos[column].setCurrentIndex(targets.index(target) + 1)
            assert dialog.combos[3].currentText() == "Ignorer"
            assert dialog.ok_button.isEnabled()
        return True

    dialogs = Dialogs(answer)
    window.importer.run_dialog = dialogs
    assert window.importer.import_actors(path)
    assert [type(d) for d in dialogs.seen] == [MappingDialog, PreviewDialog]
    assert len(names(services)) == 25
    first = services.actors.get(services.actors.search("Lag nr. 0")[0].id)
    assert [(c.name, c.email) for c in first.contacts] == [("Leiar 0", "leiar0@example.no")]


def test_preview_marks_bad_rows_and_imports_nothing(
    make_window, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    rows = [own_row("en", "Selje grendalag"), own_row("en", "Eid IL", org="123")]
    path = write(tmp_path / "actors.csv", own_header("en"), rows)
    window = make_window(services)
    set_language("en")
    window.retranslate()

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, PreviewDialog)
        assert not dialog.import_button.isEnabled()
        model = dialog.model
        bad = model.index(1, DECISION)
        assert model.data(bad, Qt.ItemDataRole.BackgroundRole) is not None
        assert "123 is not a valid organisation number" in model.data(bad)
        assert model.data(model.index(0, DECISION), Qt.ItemDataRole.BackgroundRole) is None
        assert "1 row has a problem" in dialog.summary.text()
        return False

    window.importer.run_dialog = Dialogs(answer)
    assert not window.importer.import_actors(path)
    assert names(services) == []
    assert window.undo_stack.count() == 0


def test_sector_and_near_identical_names_are_chosen_in_the_preview(
    make_window, services: Services, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    services.actors.create(ActorInput("Selje Grendalag", "voluntary"))
    services.actors.create(ActorInput("Eid IL", "voluntary"))
    rows = [
        own_row("en", "Selje grendalag", "Other", ORGS[0], "Selje"),
        own_row("en", "Eid idrettslag", "Other", ORGS[1], "Nordfjordeid"),
        own_row("en", "Bø Sag", "Other", ORGS[2]),
    ]
    path = write(tmp_path / "actors.csv", own_header("en"), rows)
    window = make_window(services)

    def answer(dialog: QDialog) -> bool:
        assert isinstance(dialog, PreviewDialog)
        model = dialog.model
        assert [r.status for r in model.rows] == [RowStatus.NEAR, RowStatus.NEAR, RowStatus.NEW]
        assert "Selje Grendalag" in model.data(model.index(0, DECISION))
        assert model.flags(model.index(2, SECTOR)) & Qt.ItemFlag.ItemIsEditable
        assert model.setData(model.index(2, SECTOR), "business")
        assert model.data(model.index(2, SECTOR)) == "Næringsliv"
        assert model.decision_choices(1) == [
            NearDecision.SKIP,
            NearDecision.ADD,
            NearDecision.SAME,
        ]
        model.setData(model.index(1, DECISION), NearDecision.SAME.value)
        dialog.update_box.setChecked(True)
        assert "1 vert lagt til" in dialog.summary.text()
        return True

    window.importer.run_dialog = Dialogs(answer)
    assert window.importer.import_actors(path)
    assert names(services) == ["Bø Sag", "Eid idrettslag", "Selje Grendalag"]
    actors = {a.name: a for a in services.actors.list()}
    assert actors["Bø Sag"].sector == "business"
    assert actors["Eid idrettslag"].org_number == ORGS[1]


def test_a_bad_file_is_one_line(
    make_window, services: Services, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "bilete.xlsx"
    path.write_bytes(PNG)
    shown: list[str] = []
    monkeypatch.setattr(import_menu, "problem", lambda parent, text, title="": shown.append(text))
    window = make_window(services)
    window.importer.run_dialog = Dialogs()
    assert not window.importer.import_actors(path)
    assert shown == [
        "bilete.xlsx er eit PNG-bilete, ikkje eit rekneark. Vel ei .xlsx- eller .csv-fil."
    ]
    assert names(services) == []


def test_the_window_stays_responsive_while_a_large_file_is_read(
    make_window, services: Services, tmp_path: Path, qtbot: QtBot
) -> None:  # type: ignore[no-untyped-def]
    rows = [own_row("nn", f"Lag {n}", village="Selje") for n in range(3000)]
    path = write(tmp_path / "mange.csv", own_header("nn"), rows)
    window = make_window(services)
    ticks: list[int] = []
    timer = QTimer(window)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start()
    progress: list[tuple[int, int]] = []
    real = import_menu._Bar.show

    def record(bar: import_menu._Bar, done: int, total: int) -> None:
        progress.append((done, total))
        real(bar, done, total)

    window.importer.run_dialog = Dialogs()
    import_menu._Bar.show = record  # type: ignore[method-assign]
    try:
        assert window.importer.import_actors(path)
    finally:
        import_menu._Bar.show = real  # type: ignore[method-assign]
        timer.stop()
    assert len(names(services)) == 3000
    assert len(ticks) > 3  # the event loop ran while the file was read and stored
    assert progress and progress[-1][0] >= 2750 and progress[-1][1] >= 2900
