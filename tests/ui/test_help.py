"""Help inside the program: F1 and What is this? open the part about the current
view; the roles, the eleven pieces of advice, the warnings and the keyboard
shortcuts are there in Nynorsk, Bokmål and English."""

from __future__ import annotations

from html import escape

import pytest
from PySide6.QtCore import Qt

from stad_desktop.language import Translator, set_language
from stad_desktop.model.catalogue import CHECKLIST_ITEMS, DEFAULT_ROLES
from stad_desktop.services import Services
from stad_desktop.ui import help_content as content

VIEWS = ["home", "actors", "projects", "role_matrix", "effect_log", "meetings", "people"]


def test_every_view_in_the_sidebar_has_its_part_of_the_help() -> None:
    from stad_desktop.ui.views.registry import view_specs

    assert [spec.key for spec in view_specs()] == VIEWS
    assert set(VIEWS) <= set(content.VIEW_HELP)


@pytest.mark.parametrize("key", VIEWS)
def test_f1_opens_the_help_on_the_current_views_part(
    qtbot, make_window, demo_services, key
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_services)
    window.show_view(key)
    qtbot.keyClick(window.views[key], Qt.Key.Key_F1)
    dialog = window.help.window_
    assert dialog is not None and dialog.isVisible()
    assert dialog.current_key() == key
    _title, text = content.VIEW_HELP[key]
    assert escape(Translator("nn")._(text)) in dialog.text.toHtml().replace("\n", " ")


def test_what_is_this_opens_the_same_part(qtbot, make_window, demo_services) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_services)
    window.show_view("effect_log")
    assert window.help.link.text().endswith(">Kva er dette?</a>")
    window.help.link.linkActivated.emit("help")
    assert window.help.window_.current_key() == "effect_log"


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_the_help_is_there_in_each_language(lang: str) -> None:
    tr = Translator(lang)
    set_language(lang)
    texts = [
        *(text for _title, text in content.VIEW_HELP.values()),
        *content.ROLE_HELP.values(),
        *content.ADVICE_HELP,
    ]
    if lang != "en":  # translated, not the English text left standing
        assert [t for t in texts if tr._(t) == t] == []
    roles = content.roles_html()
    for role in DEFAULT_ROLES:
        assert escape(role.name.get(lang)) in roles
        assert escape(tr._(content.ROLE_HELP[role.code])) in roles
    advice = content.advice_html()
    assert advice.count("<li>") == 11
    for title, text in zip(CHECKLIST_ITEMS, content.ADVICE_HELP, strict=True):
        assert escape(title.get(lang)) in advice
        assert escape(tr._(text)) in advice
    warnings = content.warnings_html()
    # The warnings are the rules' own texts, and the limit the rules use.
    expected = {
        "nn": "Ingen aktør finansierer prosjektet: det har ingen finansiør.",
        "nb": "Ingen aktør finansierer prosjektet: det har ingen finansiør.",
        "en": "No actor funds the project: it has no funder.",
    }[lang]
    assert escape(expected) in warnings
    assert " 4 " in warnings


def test_the_shortcuts_come_from_the_real_actions(qtbot, make_window, demo_services) -> None:  # type: ignore[no-untyped-def]
    services: Services = demo_services
    window = make_window(services)
    groups = dict(window.help.shortcut_groups())
    everywhere = dict(groups["Overalt i vindauget"])
    assert everywhere["Angre"] == "Ctrl+Z"
    assert everywhere["Hjelp til Stad Desktop"] == "F1"
    assert everywhere["Rollematrise"] == "Ctrl+3"
    assert dict(groups["Rollematrise"])["Slett rolle"] == "Ctrl+Shift+D"
    dialog = window.help.show_help("shortcuts")
    assert "Ctrl+Shift+D" in dialog.text.toPlainText()


def test_the_help_fits_the_screen_and_follows_a_language_switch(
    qtbot, make_window, demo_services
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(demo_services)
    window.show_view("role_matrix")
    dialog = window.help.show_help()
    assert dialog.width() <= 1366 and dialog.height() <= 768 - 60
    assert dialog.windowTitle() == "Stad Desktop – hjelp"
    window.change_language("en")
    assert dialog.windowTitle() == "Stad Desktop – help"
    assert dialog.current_key() == "role_matrix"
    assert "The role matrix shows" in dialog.text.toPlainText()
