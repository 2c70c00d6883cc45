"""Dates, numbers and kroner in each language: one way to write and read them."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from stad_desktop.format import (
    date_pattern,
    format_date,
    format_datetime,
    format_money,
    format_number,
    format_percent,
    parse_date,
    parse_number,
)
from stad_desktop.language import Translator

DAY = dt.date(2026, 11, 6)


def plain(text: str) -> str:
    return text.replace("\xa0", " ").replace("\u202f", " ")


def test_formats_in_each_language() -> None:
    nn, nb, en = Translator("nn"), Translator("nb"), Translator("en")
    assert format_date(DAY, nn, "long") == "6. november 2026"
    assert format_date(DAY, nb, "long") == "6. november 2026"
    assert format_date(DAY, en, "long") == "6 November 2026"
    assert plain(format_number(1234.5, nn)) == "1 234,5"
    assert format_number(1234.5, en) == "1,234.5"
    assert plain(format_money(1234.5, nb)) == "1 234,50 kr"
    assert plain(format_percent(0.45, nn)) == "45 %"
    assert format_percent(0.45, en) == "45%"


@pytest.mark.parametrize(
    ("lang", "short", "pattern"),
    [("nn", "06.11.2026", "dd.MM.yyyy"), ("nb", "06.11.2026", "dd.MM.yyyy"),
     ("en", "06/11/2026", "dd/MM/yyyy")],
)  # fmt: skip
def test_one_short_date_per_language(lang: str, short: str, pattern: str) -> None:
    """Lists, tables, input fields and printout tables all write this form."""
    assert format_date(DAY, lang) == short
    assert format_date(DAY, Translator(lang)) == short
    assert date_pattern(lang) == pattern
    assert format_datetime(dt.datetime(2026, 11, 6, 14, 5), lang) == f"{short} 14:05"
    assert format_date(None, lang) == ""


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_a_written_date_reads_back(lang: str) -> None:
    for style in ("short", "long"):
        assert parse_date(format_date(DAY, lang, style), lang) == DAY  # type: ignore[arg-type]


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_whole_kroner_without_ore(lang: str) -> None:
    assert plain(format_money(Decimal("1250000.00"), lang)) == "1 250 000 kr"
    assert plain(format_money(1250000, lang)) == "1 250 000 kr"
    assert plain(format_money(0, lang)) == "0 kr"
    assert plain(format_money(Decimal("1234.50"), lang)) == "1 234,50 kr"
    assert plain(format_money(1234.5, lang)) == "1 234,50 kr"
    assert format_money(None, lang) == ""


def test_whole_kroner_in_english() -> None:
    assert format_money(1250000, "en") == "NOK\u00a01,250,000"
    assert format_money(12.5, "en") == "NOK\u00a012.50"


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_printouts_write_real_minus_signs(lang: str) -> None:
    from stad_desktop.reports.labels import PrintTranslator

    tr = PrintTranslator(lang)
    for text in (
        format_number(-3.5, tr),
        format_percent(-0.25, tr),
        format_money(-12.5, tr),
        format_money(-1250000, tr),
        format_money(Decimal("-1234.50"), tr),
    ):
        assert "\u2212" in text, text
        assert "-" not in text, text
        # What a printout writes still reads back.
        assert parse_number(text, tr) < 0


def test_chart_axes_write_month_or_year() -> None:
    assert format_date(DAY, "nn", "month") == "nov. 2026"
    assert format_date(DAY, "en", "month") == "Nov 2026"
    assert format_date(DAY, "nb", "year") == "2026"


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_an_amount_shown_reads_back(lang: str) -> None:
    for amount in (Decimal("250000"), Decimal("1234.5")):
        assert parse_number(format_money(amount, lang), lang) == amount


def test_numbers_without_grouping_for_input_fields() -> None:
    assert format_number(1234567.125, "nn", 6, grouping=False) == "1234567,125"
    assert format_number(1234567.125, "en", 6, grouping=False) == "1234567.125"


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError):
        format_date(DAY, "se")


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
    assert parse_number(text, "nn") == Decimal(value)


@pytest.mark.parametrize("text", ["", "abc", "1,2,3", "nan", "inf"])
def test_parse_number_refuses_junk(text: str) -> None:
    with pytest.raises(ValueError):
        parse_number(text, "nn")


@pytest.mark.parametrize(
    "text",
    ["26.11.2026", "26.11.26", "2026-11-26", "26/11/2026", "26. november 2026", "26. nov. 2026"],
)
def test_parse_norwegian_dates(text: str) -> None:
    assert parse_date(text, "nn") == dt.date(2026, 11, 26)


@pytest.mark.parametrize("text", ["31.02.2026", "i morgon", "2026-13-01"])
def test_parse_date_refuses_junk(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text, "nn")


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
        shown = format_number(number, tr, 6)
        assert validation.number("value", shown) == number, (lang, shown)
