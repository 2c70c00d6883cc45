"""Shares and the order of names the printouts derive from data. (Amounts and the
minus sign are written by stad_desktop.format: tests/test_format.py.)"""

from __future__ import annotations

from stad_desktop.reports.labels import natural_key, whole_percentages


def test_percentages_add_up_to_100() -> None:
    assert whole_percentages([1, 1, 1]) == [34, 33, 33]
    assert whole_percentages([2, 1, 1, 1, 1, 1]) == [29, 15, 14, 14, 14, 14]
    assert whole_percentages([0, 0]) == [0, 0]
    for counts in ([1, 2, 3, 4, 5, 6, 7], [7] * 7, [1, 1, 1, 1, 1, 1, 94], [1] * 3):
        assert sum(whole_percentages(counts)) == 100


def test_numbered_names_sort_by_number() -> None:
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
