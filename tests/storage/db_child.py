"""A second process for the storage tests (run as a script, not collected by pytest).

python db_child.py write PATH        create actors in a loop; print each id once committed
python db_child.py hold PATH         open PATH, print "ready", wait until stdin closes
python db_child.py fill PATH LIMIT   limit file sizes to LIMIT bytes, write until it fails,
                                     print the StorageError kind and the ids committed
python db_child.py open PATH         open PATH with no room to write any file; print the
                                     StorageError kind
"""

from __future__ import annotations

import resource
import signal
import sys
from pathlib import Path

from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import StorageError, open_database


def write(path: Path) -> None:
    services = Services(open_database(path))
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        actor = services.actors.create(
            ActorInput(name=f"Lag {number}", village="Selje", notes="x" * (number % 7) * 300)
        ).value
        # Printed only after create() returned, i.e. after the commit.
        print(actor.id, flush=True)


def hold(path: Path) -> None:
    db = open_database(path)
    Services(db).counts()  # connected, as the window is once it shows data
    print("ready", flush=True)
    sys.stdin.read()
    db.close()


def fill(path: Path, limit: int) -> None:
    services = Services(open_database(path))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    try:
        for number in range(100_000):
            actor = services.actors.create(
                ActorInput(name=f"Stor {number}", notes="y" * 20_000)
            ).value
            print(actor.id, flush=True)
    except StorageError as exc:
        print(f"error {exc.problem}", flush=True)
    # The program stays usable: reading still works after the failed write.
    print(f"actors {services.counts().actors}", flush=True)
    services.db.close()


def open_without_room(path: Path) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))
    try:
        open_database(path).close()
    except StorageError as exc:
        print(f"error {exc.problem}", flush=True)
    else:
        print("opened", flush=True)


if __name__ == "__main__":
    mode, target = sys.argv[1], Path(sys.argv[2])
    if mode == "write":
        write(target)
    elif mode == "hold":
        hold(target)
    elif mode == "fill":
        fill(target, int(sys.argv[3]))
    elif mode == "open":
        open_without_room(target)
    else:
        raise SystemExit(f"unknown mode {mode}")
