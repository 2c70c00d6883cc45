"""The gettext catalogs: complete, consistent placeholders, the glossary's terms, one
written form per catalog (build_scripts/wordforms.py), and English falling back to the
msgids."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from i18n_helpers import GLOSSARY, I18N, ROOT, glossary, po_path

from stad_desktop.language import Translator
from stad_desktop.model.catalogue import CHECKLIST_ITEMS, DEFAULT_ROLES

sys.path.insert(0, str(ROOT / "build_scripts"))

import wordforms

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


def _term(text: str) -> str:
    """A message as a glossary term: no accelerator, no trailing colon or ellipsis."""
    return text.replace("&", "").rstrip(" :.…").casefold()


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
    """A message that is a glossary term alone is translated with the glossary's word."""
    rows = glossary()
    assert len(rows) > 50
    wanted = {_term(row["en"]): row[lang] for row in rows}
    used = set()
    wrong = []
    for message in _messages(lang):
        if not isinstance(message.id, str) or _term(message.id) not in wanted:
            continue
        used.add(_term(message.id))
        if _term(message.string) != _term(wanted[_term(message.id)]):
            wrong.append((message.id, message.string, wanted[_term(message.id)]))
    assert wrong == []
    assert len(used) > 40  # most glossary words are whole messages of the program
    every = "\n".join(_strings(m)[0] for m in _messages(lang))
    key_terms = {
        "nn": ("Aktørar", "Tryggingskopi", "Åtvaringar", "Innstillingar", "Effektar", "Effektlogg"),
        "nb": ("Aktører", "Sikkerhetskopi", "Advarsler", "Innstillinger", "Effekter", "Effektlogg"),
    }
    for term in key_terms[lang]:
        assert term.casefold() in every.casefold(), term


def test_the_glossary_holds_the_programs_own_words() -> None:
    """Every term of i18n/glossary.tsv is a word the program uses (in its messages or
    as a role name), and the file says what it is for."""
    assert GLOSSARY.read_text(encoding="utf-8").startswith("# Stad Desktop's glossary")
    with (I18N / "stad_desktop.pot").open("rb") as handle:
        msgids = [_ids(m) for m in read_po(handle) if m.id]
    texts = [msgid.replace("&", "") for ids in msgids for msgid in ids]
    texts += [role.name.en for role in DEFAULT_ROLES]
    unused = [
        row["en"]
        for row in glossary()
        if not any(re.search(rf"(?<!\w){re.escape(row['en'])}", t, re.I) for t in texts)
    ]
    assert unused == []


def test_role_names_follow_the_glossary() -> None:
    rows = {row["en"]: row for row in glossary()}
    for role in DEFAULT_ROLES:
        row = rows[role.name.en]
        assert (role.name.nn, role.name.nb) == (row["nn"], row["nb"]), role.code


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_the_glossary_is_in_the_right_written_form(lang: str) -> None:
    lines = [(f"{GLOSSARY.name}: {row['en']}", row[lang]) for row in glossary()]
    findings = wordforms.check_lines(lang, lines)
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_catalog_is_in_its_own_written_form(lang: str) -> None:
    """No Bokmål word in the Nynorsk catalog, no Nynorsk word in the Bokmål one."""
    findings = wordforms.check_file(lang, po_path(lang))
    assert findings == [], "\n".join(map(str, findings))


@pytest.mark.parametrize("lang", NORWEGIAN)
def test_built_in_names_are_in_their_written_form(lang: str) -> None:
    """The role names and checklist items the program ships with (not in the catalogs)."""
    names = [role.name for role in DEFAULT_ROLES] + list(CHECKLIST_ITEMS)
    findings = wordforms.check_lines(lang, [(name.en, name.get(lang)) for name in names])
    assert findings == [], "\n".join(map(str, findings))


def test_the_word_form_check_flags_the_other_written_form(tmp_path: Path) -> None:
    """The check really flags a wrong form (so a pass above means something), whole
    words only and regardless of case."""

    def words(lang: str, text: str) -> list[str]:
        return [finding.word for finding in wordforms.check_text(lang, text)]

    assert words("nn", "Prosjektet er ikke ferdig.") == ["ikke"]
    assert words("nb", "Prosjektet er ikkje ferdig.") == ["ikkje"]
    assert words("nn", "Ikke starta") == ["Ikke"]
    assert words("nn", "Ik&ke relevant") == ["Ikke"]
    assert words("nn", "Hva skjer hvis noe kommer fra kommunen?") == [
        *("Hva", "hvis", "noe", "kommer", "fra")
    ]
    assert words("nb", "Kva skjer viss noko kjem frå kommunen?") == ["Kva", "noko", "kjem", "frå"]
    assert words("nn", "Aktører og prosjektsammendrag") == ["Aktører", "prosjektsammendrag"]
    assert words("nb", "Aktørar og prosjektsamandrag") == ["Aktørar", "prosjektsamandrag"]
    # Right in both written forms, inside a longer word, or not words at all.
    assert words("nn", "Ikkje eller frakt, ID-en, {hva} %(noe)s, nn, nb eller en") == []
    assert words("nb", "Ikke eller ikkjevald, {ikkje}") == []
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "Actors"\nmsgstr "Aktører"\n', encoding="utf-8")
    findings = wordforms.check_file("nn", bad)
    assert [(f.word, f.where) for f in findings] == [("Aktører", f"{bad}:1")]
    assert "in Nynorsk write aktørar" in str(findings[0])
    assert wordforms.main(["nn", str(bad)]) == 1
    assert wordforms.main(["nb", str(bad)]) == 0


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
