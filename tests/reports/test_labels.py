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
    assert nok_text(tr, 1250000) == "NOK1,250,000"
    assert nok_text(tr, 12.5) == tr.format_nok(12.5)
