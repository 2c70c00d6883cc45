"""Folding, Norwegian sort keys, and Norwegian number and date formats."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stad_desktop.language import Translator, parse_date, parse_number
from stad_desktop.textkeys import fold, sort_key


def test_fold_matches_case_variants() -> None:
    assert fold("ØRSTA") == fold("ørsta") == fold("Ørsta")
    assert fold("ČÁHPPES") == fold("čáhppes")


def test_norwegian_alphabet_order() -> None:
    words = ["Åsen", "Øvre", "Ærfugl", "Zebra", "Ola", "Önskebrunn", "Ärlig", "Émile", "aa"]
    ordered = sorted(words, key=sort_key)
    assert ordered == [
        "aa",
        "Émile",
        "Ola",
        "Zebra",
        "Ærfugl",
        "Ärlig",
        "Önskebrunn",
        "Øvre",
        "Åsen",
    ]


@given(st.text(max_size=30))
def test_sort_key_is_case_insensitive(text: str) -> None:
    assert sort_key(text.upper()) == sort_key(text.lower()) or text.upper().lower() != text.lower()


def test_formats_in_each_language() -> None:
    nn, nb, en = Translator("nn"), Translator("nb"), Translator("en")
    day = dt.date(2026, 11, 26)
    assert nn.format_date(day) == "26. november 2026"
    assert nb.format_date(day) == "26. november 2026"
    assert en.format_date(day) == "26 November 2026"
    assert nn.format_number(1234.5).replace("\xa0", " ") == "1 234,5"
    assert nb.format_nok(1234.5).replace("\xa0", " ") == "1 234,50 kr"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 234,5", "1234.5"),
        ("1\xa0234,50 kr", "1234.50"),
        ("-3", "-3"),
        ("12", "12"),
        ("1234.5", "1234.5"),
    ],
)
def test_parse_norwegian_numbers(text: str, value: str) -> None:
    assert parse_number(text) == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "nan", "inf"])
def test_parse_number_refuses_junk(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text)


@pytest.mark.parametrize(
    "text",
    ["26.11.2026", "26.11.26", "2026-11-26", "26/11/2026", "26. november 2026", "26. nov. 2026"],
)
def test_parse_norwegian_dates(text: str) -> None:
    assert parse_date(text) == dt.date(2026, 11, 26)


@pytest.mark.parametrize("text", ["31.02.2026", "i morgon", "2026-13-01"])
def test_parse_date_refuses_junk(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


@pytest.mark.parametrize(
    ("lang", "text", "value"),
    [
        ("nn", "250.000", "250000"),
        ("nb", "1.234.567,5", "1234567.5"),
        ("nn", "1.5", "1.5"),
        ("en", "1,500", "1500"),
        ("en", "1,234.5", "1234.5"),
    ],
)
def test_numbers_are_read_the_way_each_language_writes_them(
    lang: str, text: str, value: str
) -> None:
    assert parse_number(text, lang) == Decimal(value)


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_a_shown_number_reads_back_unchanged(lang: str) -> None:
    """What a dialog shows (format_number) and saves again must be the same number."""
    from stad_desktop.language import set_language
    from stad_desktop.services import validation

    tr = set_language(lang)
    for number in (1500.0, 1234.5, 0.25, -3.0, 1234567.125):
        shown = tr.format_number(number, 6)
        assert validation.number("value", shown) == number, (lang, shown)
