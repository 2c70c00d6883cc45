"""Words and amounts the printouts derive from data."""

from __future__ import annotations

from decimal import Decimal

import pytest

from stad_desktop.language import Translator
from stad_desktop.reports.labels import nok_text


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_whole_kroner_without_ore(lang: str) -> None:
    tr = Translator(lang)
    assert nok_text(tr, Decimal("1250000.00")).replace("\xa0", " ") == "1 250 000 kr"
    assert nok_text(tr, 1250000).replace("\xa0", " ") == "1 250 000 kr"
    assert nok_text(tr, 0).replace("\xa0", " ") == "0 kr"
    # Øre are kept when there are any, as format_nok writes them.
    assert nok_text(tr, Decimal("1234.50")) == tr.format_nok(Decimal("1234.50"))
    assert nok_text(tr, 1234.5).replace("\xa0", " ") == "1 234,50 kr"
    assert nok_text(tr, None) == ""


def test_whole_kroner_in_english() -> None:
    tr = Translator("en")
    assert nok_text(tr, 1250000) == "NOK\u00a01,250,000"
    assert nok_text(tr, 12.5) == "NOK\u00a012.50"


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_minus_signs_are_real(lang: str) -> None:
    from stad_desktop.reports.labels import PrintTranslator

    tr = PrintTranslator(lang)
    for text in (
        tr.format_number(-3.5),
        tr.format_percent(-0.25),
        tr.format_nok(-12.5),
        nok_text(tr, -1250000),
        nok_text(tr, Decimal("-1234.50")),
    ):
        assert "\u2212" in text, text
        assert "-" not in text, text


def test_percentages_add_up_to_100() -> None:
    from stad_desktop.reports.labels import whole_percentages

    assert whole_percentages([1, 1, 1]) == [34, 33, 33]
    assert whole_percentages([2, 1, 1, 1, 1, 1]) == [29, 15, 14, 14, 14, 14]
    assert whole_percentages([0, 0]) == [0, 0]
    for counts in ([1, 2, 3, 4, 5, 6, 7], [7] * 7, [1, 1, 1, 1, 1, 1, 94], [1] * 3):
        assert sum(whole_percentages(counts)) == 100


def test_numbered_names_sort_by_number() -> None:
    from stad_desktop.reports.labels import natural_key

    names = ["Tiltak 10", "Ålesund 2", "tiltak 2", "Tiltak 1", "Zebra", "Tiltak 2b", "Ørsta"]
    assert sorted(names, key=natural_key) == [
        "Tiltak 1",
        "tiltak 2",
        "Tiltak 2b",
        "Tiltak 10",
        "Zebra",
        "Ørsta",
        "Ålesund 2",
    ]
