"""Folding and Norwegian sort keys."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

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
