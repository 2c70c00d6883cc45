"""Look and feel: the program's own icons in the sidebar and the toolbar, the print
preview's zoom and page navigation, and colours that follow a dark scheme."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtPdfWidgets import QPdfView

from stad_desktop import paths
from stad_desktop.language import set_language
from stad_desktop.model.palette import contrast
from stad_desktop.services import Services
from stad_desktop.ui import theme
from stad_desktop.ui.dialogs.print_dialog import PrintDialog
from stad_desktop.ui.icons import icon, view_icon


def test_every_sidebar_entry_and_toolbar_button_has_an_icon(
    qtbot, make_window, demo_services
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_services)
    assert window.sidebar.count() == len(window.specs) >= 5
    for row, spec in enumerate(window.specs):
        assert not window.sidebar.item(row).icon().isNull(), spec.key
        assert not view_icon(spec.key).isNull(), spec.key
    actions = window.toolbar.bar.actions()
    shown = [a for a in actions if not a.isSeparator()]
    assert len(shown) == 8
    assert all(not a.icon().isNull() for a in shown)
    assert window.undo_action in shown and window.print_action in shown


def test_the_icons_are_the_programs_own_and_all_load(qtbot) -> None:  # type: ignore[no-untyped-def]
    folder = paths.icons_dir()
    names = sorted(p.stem for p in folder.glob("*.svg") if p.stem != "stad-desktop")
    for name in ("home", "actors", "projects", "role-matrix", "effect-log", "meetings",
                 "portfolio", "print", "undo", "redo", "search", "new", "edit", "archive",
                 "help"):  # fmt: skip
        assert name in names
    for name in names:
        assert not icon(name).isNull(), name
        assert icon(name).pixmap(24, 24).width() == 24
    licence = (folder / "LICENSE-icons.txt").read_text(encoding="utf-8")
    assert "EUPL-1.2" in licence and "own" in licence
    assert icon("no-such-icon").isNull()


def _preview(qtbot, services: Services):  # type: ignore[no-untyped-def]
    project = services.projects.find("Folkehelse i bygdene")
    dialog = PrintDialog(services, project.id)
    qtbot.addWidget(dialog)
    preview = dialog.show_preview()
    assert preview is not None
    qtbot.addWidget(preview)
    preview.show()
    qtbot.waitExposed(preview)
    preview.activateWindow()
    qtbot.waitUntil(preview.isActiveWindow)
    return preview


def test_the_print_preview_zooms_and_turns_pages(qtbot, demo_services: Services) -> None:  # type: ignore[no-untyped-def]
    set_language("nn")
    preview = _preview(qtbot, demo_services)
    controls = preview.controls
    pages = preview.page_count()
    assert pages >= 3
    assert controls.of_label.text() == f"av {pages}"
    assert controls.page.value() == 1
    assert not controls.previous_action.isEnabled()

    controls.next_action.trigger()
    qtbot.waitUntil(lambda: controls.current_page() == 1)
    assert controls.page.value() == 2
    assert controls.previous_action.isEnabled()
    controls.page.setValue(pages)  # type the last page's number
    qtbot.waitUntil(lambda: controls.current_page() == pages - 1)
    assert not controls.next_action.isEnabled()
    qtbot.keyClick(preview.view, Qt.Key.Key_PageUp)
    qtbot.waitUntil(lambda: controls.current_page() == pages - 2)

    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    before = preview.view.zoomFactor()
    controls.zoom_in_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.Custom
    assert preview.view.zoomFactor() > before
    assert controls.zoom_label.text() == f"Forstørring: {round(before * 125)} %"
    controls.zoom_out_action.trigger()
    controls.zoom_out_action.trigger()
    assert preview.view.zoomFactor() < before
    for _ in range(20):
        controls.zoom_out()
    assert not controls.zoom_out_action.isEnabled()
    controls.fit_page_action.trigger()
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitInView
    qtbot.keyClick(preview.view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert preview.view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    preview.reject()


def test_a_dark_palette_is_followed(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # Where the platform names no scheme (as here), the palette tells.
    assert QGuiApplication.styleHints().colorScheme() == Qt.ColorScheme.Unknown
    assert not theme.is_dark()
    dark = QPalette(QColor("#2D2D2D"))
    monkeypatch.setattr(QGuiApplication, "palette", staticmethod(lambda: dark))
    assert theme.is_dark()


def test_own_colours_keep_their_contrast_in_a_dark_scheme(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert theme.error_style() == f"color: {theme.ERROR_TEXT[0].lower()};"
    monkeypatch.setattr(theme, "is_dark", lambda: True)
    assert theme.error_style() == f"color: {theme.ERROR_TEXT[1].lower()};"
    for pair in (theme.ERROR_TEXT, theme.MEASUREMENT, theme.BASELINE, theme.TARGET):
        assert contrast(pair[0], "#FFFFFF") >= 4.5
        assert contrast(pair[1], "#2D2D2D") >= 4.5  # a dark window


def test_icons_are_drawn_light_in_a_dark_scheme(qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    light = icon("search").pixmap(48, 48).toImage()
    monkeypatch.setattr(theme, "is_dark", lambda: True)
    dark = icon("search").pixmap(48, 48).toImage()

    def darkest(image) -> int:  # type: ignore[no-untyped-def]
        return min(
            image.pixelColor(x, y).lightness()
            for x in range(image.width())
            for y in range(image.height())
            if image.pixelColor(x, y).alpha() > 200
        )

    assert darkest(light) < 100 < darkest(dark)


def test_resources_hold_the_icon_licence() -> None:
    assert Path(paths.icons_dir(), "LICENSE-icons.txt").is_file()
