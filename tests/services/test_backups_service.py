"""The backup service (File → Backups): restoring replaces the open database's file
under the same services, which go on working; a refused restore leaves the data as
it was and the database open. About database files: SQLite only (a server's
snapshots are tested in tests/storage/test_postgresql.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import StorageError, StorageProblem, open_database
from stad_desktop.storage.backups import make_startup_backup


@pytest.fixture
def engine_name() -> str:
    return "sqlite"


def prepare(path: Path) -> Path:
    """A database whose backup holds one actor; a second actor is added after it."""
    db = open_database(path, startup_backup=False)
    Services(db).actors.create(ActorInput(name="Selje grendalag"))
    db.close()
    copy = make_startup_backup(path)
    assert copy is not None
    db = open_database(path, startup_backup=False)
    Services(db).actors.create(ActorInput(name="Lagt til etterpå"))
    db.close()
    return copy


def names(services: Services) -> list[str]:
    return [a.name for a in services.actors.list()]


def test_restore_replaces_the_data_under_the_same_services(db_path: Path) -> None:
    copy = prepare(db_path)
    db = open_database(db_path, startup_backup=False)
    services = Services(db)
    assert [info.path for info in services.backups.list()] == [copy]
    assert services.backups.folder() == copy.parent

    kept = services.backups.restore(copy)

    assert names(services) == ["Selje grendalag"]
    assert kept is not None
    assert {info.reason for info in services.backups.list()} == {"startup", "before-restore"}
    services.actors.create(ActorInput(name="Etter gjenopprettinga"))  # still writable
    assert names(services) == ["Etter gjenopprettinga", "Selje grendalag"]
    db.close()


def test_a_damaged_backup_is_refused_and_the_database_stays_open(db_path: Path) -> None:
    copy = prepare(db_path)
    copy.write_bytes(copy.read_bytes()[:5000])
    db = open_database(db_path, startup_backup=False)
    services = Services(db)
    with pytest.raises(StorageError) as refused:
        services.backups.restore(copy)
    assert refused.value.problem is StorageProblem.CORRUPT
    assert names(services) == ["Lagt til etterpå", "Selje grendalag"]
    services.actors.create(ActorInput(name="Lote bygdelag"))
    assert len(names(services)) == 3
    db.close()


def test_a_copy_made_by_hand_is_listed_and_never_replaces_the_database(
    db_path: Path, tmp_path: Path
) -> None:
    """The command line's backup goes through the same service as File → Backups."""
    from stad_desktop.services.backups import BackupService
    from stad_desktop.services.outputs import OutputRefused

    prepare(db_path)
    before = db_path.read_bytes()
    backups = BackupService.of_closed_file(db_path)
    listed = len(backups.list())
    copy = backups.make_copy()
    assert copy.parent == backups.folder()
    assert len(backups.list()) == listed + 1
    with pytest.raises(OutputRefused):
        backups.make_copy(db_path)
    outside = backups.make_copy(tmp_path / "kopi.sqlite3")
    with pytest.raises(OutputRefused):
        backups.make_copy(outside)  # an earlier copy is replaced only when asked
    assert backups.make_copy(outside, overwrite=True) == outside
    assert db_path.read_bytes() == before


def test_a_closed_database_takes_no_writes_until_it_is_open_again(db_path: Path) -> None:
    """Between closing (for a restore) and opening again, the file is not locked for
    this program, so nothing may be written through the services held meanwhile."""
    db = open_database(db_path, startup_backup=False)
    services = Services(db)
    db.close()
    with pytest.raises(StorageError) as refused:
        services.actors.create(ActorInput(name="Skriven for seint"))
    assert refused.value.problem is StorageProblem.CLOSED
    db.reopen()
    services.actors.create(ActorInput(name="Skriven etterpå"))
    assert names(services) == ["Skriven etterpå"]
    db.close()
