"""The gettext catalogs: complete, consistent placeholders, glossary terms, one written
form per catalog (malform_lint), and English falling back to the msgids."""

from __future__ import annotations

import csv
import re
import subprocess
import sys

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from i18n_helpers import I18N, po_path, shared_folder

from stad_desktop.language import Translator

NORWEGIAN = ("nn", "nb")
PLACEHOLDER = re.compile(r"\{([^{}]*)\}")


def _catalog(lang: str) -> Catalog:
    with po_path(lang).open("rb") as handle:
        return read_po(handle, locale=lang)


def _messages(lang: str) -> list[Message]:
    return [message for message in _catalog(lang) if message.id]


def _ids(message: Message) -> tuple[str, ...]:
    return (message.id,) if isinstance(message.id, str) else tuple(message.id)


def _strings(message: Message) -> tuple[str, ...]:
    return (message.string,) if isinstance(message.string, str) else tuple(message.string)


def _glossary() -> list[dict[str, str]]:
    with (shared_folder() / "glossary.tsv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_every_template_message_is_in_every_catalog() -> None:
    with (I18N / "stad_desktop.pot").open("rb") as handle:
        template = {m.id if isinstance(m.id, str) else tuple(m.id) for m in read_po(handle) if m.id}
    assert len(template) > 300
    for lang in (*NORWEGIAN, "en"):
        ids = {m.id if isinstance(m.id, str) else tuple(m.id) for m in _messages(lang)}
        assert template - ids == set(), f"{lang}: run `make i18n`"


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_no_untranslated_or_fuzzy_message(lang: str) -> None:
    problems = [
        _ids(m)[0] for m in _messages(lang) if m.fuzzy or not all(s.strip() for s in _strings(m))
    ]
    assert problems == [], f"{lang}: {len(problems)} untranslated or fuzzy"


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_placeholders_match(lang: str) -> None:
    problems = []
    for message in _messages(lang):
        ids = _ids(message)
        wanted = sorted(PLACEHOLDER.findall(ids[-1]))
        for msgid in ids:
            if sorted(PLACEHOLDER.findall(msgid)) != wanted:
                problems.append(("msgid forms differ", msgid))
        for string in _strings(message):
            if sorted(PLACEHOLDER.findall(string)) != wanted:
                problems.append((ids[0], string))
    assert problems == []


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_plural_messages_have_both_forms(lang: str) -> None:
    plurals = [m for m in _messages(lang) if m.pluralizable]
    assert plurals
    for message in plurals:
        assert len(_strings(message)) == 2 and all(_strings(message)), message.id


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_accelerators_are_kept(lang: str) -> None:
    """A msgid with a keyboard accelerator (&) keeps one; one without gets none."""
    problems = []
    for message in _messages(lang):
        msgid = _ids(message)[0]
        has = bool(re.search(r"&[^\s&]", msgid))
        for string in _strings(message):
            if has != bool(re.search(r"&[^\s&]", string)) or string.count("&") > 1:
                problems.append((msgid, string))
    assert problems == []


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_glossary_terms_are_used(lang: str) -> None:
    strings = {_ids(m)[0]: _strings(m)[0] for m in _messages(lang) if isinstance(m.id, str)}
    rows = _glossary()
    assert len(rows) > 50
    used = 0
    wrong = []
    for row in rows:
        english = row["en"]
        if english in strings:
            used += 1
            if strings[english] != row[lang]:
                wrong.append((english, strings[english], row[lang]))
    assert wrong == []
    assert used > 40  # most glossary words are whole messages of the program
    every = "\n".join(strings.values())
    key_terms = {
        "nn": ("Aktørar", "Tryggingskopi", "Åtvaringar", "Innstillingar", "Effektar", "Effektlogg"),
        "nb": ("Aktører", "Sikkerhetskopi", "Advarsler", "Innstillinger", "Effekter", "Effektlogg"),
    }
    for term in key_terms[lang]:
        assert term.casefold() in every.casefold(), term


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_malform_lint_passes(lang: str) -> None:
    tool = shared_folder() / "tools" / "malform_lint.py"
    assert tool.is_file(), f"malform_lint.py is missing: {tool}"
    result = subprocess.run(
        [sys.executable, str(tool), lang, str(po_path(lang))],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_malform_lint_can_fail(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The lint really flags a Bokmål word in Nynorsk (so a pass above means something)."""
    tool = shared_folder() / "tools" / "malform_lint.py"
    po = tmp_path / "bad.po"
    po.write_text('msgid "Actors"\nmsgstr "Aktører"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, str(tool), "nn", str(po)], capture_output=True)
    assert result.returncode == 1


def test_the_catalogs_are_compiled_and_found() -> None:
    assert Translator("nn")._("Actors") == "Aktørar"
    assert Translator("nb")._("Actors") == "Aktører"
    assert Translator("nn").ngettext("{count} actor", "{count} actors", 2) == "{count} aktørar"
    assert Translator("nb").ngettext("{count} actor", "{count} actors", 1) == "{count} aktør"


def test_english_falls_back_to_the_msgids() -> None:
    en = Translator("en")
    assert en._("Actors") == "Actors"
    assert en._("Backups") == "Backups"
    assert en.ngettext("{count} actor", "{count} actors", 1) == "{count} actor"
    assert en.ngettext("{count} actor", "{count} actors", 3) == "{count} actors"


def test_norwegian_formatting() -> None:
    import datetime as dt
    from decimal import Decimal

    for lang in NORWEGIAN:
        tr = Translator(lang)
        assert tr.format_date(dt.date(2026, 11, 26)) == "26. november 2026"
        assert tr.format_number(Decimal("1234.5")).replace("\u00a0", " ") == "1 234,5"
        assert tr.format_nok(1234.5).replace("\u00a0", " ") == "1 234,50 kr"
        assert tr.parse_number("1 234,5") == Decimal("1234.5")
        assert tr.parse_date("26.11.2026") == dt.date(2026, 11, 26)
