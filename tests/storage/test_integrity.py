"""Every page is checked before anything writes: a file damaged in a data page (its
header and schema whole) is refused, byte-for-byte unchanged, with no -wal, -shm,
.lock or backup file left beside it."""

from __future__ import annotations

from pathlib import Path

import pytest
from file_helpers import damage_data_page, snapshot

from stad_desktop.language import Translator
from stad_desktop.services import Services
from stad_desktop.storage import StorageError, StorageProblem, open_database
from stad_desktop.storage.integrity import BackgroundCheck


def test_a_damaged_data_page_is_refused_before_any_write(damaged_path: Path) -> None:
    folder = damaged_path.parent
    before = snapshot(folder)
    for _attempt in range(2):  # a second start finds it just the same
        with pytest.raises(StorageError) as info:
            open_database(damaged_path)
        assert info.value.problem is StorageProblem.CORRUPT
        for lang in ("nn", "nb", "en"):
            assert str(damaged_path) in Translator(lang).render(info.value.message)
        assert "backup" in Translator("en").render(info.value.message)
        assert snapshot(folder) == before  # no new backup, no -wal, -shm or .lock


def test_a_check_started_early_is_waited_for(damaged_path: Path) -> None:
    before = snapshot(damaged_path.parent)
    with pytest.raises(StorageError) as info:
        open_database(damaged_path, checked=BackgroundCheck(damaged_path))
    assert info.value.problem is StorageProblem.CORRUPT
    assert snapshot(damaged_path.parent) == before


def test_a_check_of_the_file_before_it_changed_is_not_trusted(demo_path: Path) -> None:
    """The start-up check runs before the file is locked; if the file changes after
    it began, opening checks it again."""
    open_database(demo_path).close()
    early = BackgroundCheck(demo_path)
    assert early.outcome() == (True, None)  # sound when it was looked at ...
    damage_data_page(demo_path)  # ... and damaged before it was opened
    before = snapshot(demo_path.parent)
    with pytest.raises(StorageError) as info:
        open_database(demo_path, checked=early)
    assert info.value.problem is StorageProblem.CORRUPT
    assert snapshot(demo_path.parent) == before


def test_a_sound_file_opens_after_an_early_check(demo_path: Path) -> None:
    db = open_database(demo_path, checked=BackgroundCheck(demo_path))
    try:
        assert Services(db).counts().actors == 27
    finally:
        db.close()
