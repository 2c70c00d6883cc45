"""SIGKILL during a bring-home leaves the office as it was, or fully merged."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from travel_helpers import checks_hold

from stad_desktop.services import ActorInput, Services
from stad_desktop.storage import open_database

CHILD = Path(__file__).with_name("travel_child.py")
ROUNDS = 6


def _data(path: Path) -> tuple[object, ...]:
    """What the merge changes, without times of change or ids made during it."""
    conn = sqlite3.connect(path)
    try:
        return (
            sorted(conn.execute("SELECT id, name, village, notes, archived FROM actors")),
            sorted(conn.execute("SELECT actor_id, role_id, expectation FROM role_assignments")),
            sorted(conn.execute("SELECT project_id, actor_id FROM project_actors")),
            conn.execute("SELECT count(*) FROM merge_records").fetchone(),
            sorted(conn.execute("SELECT id, brought_home_at IS NULL FROM travel_copies")),
        )
    finally:
        conn.close()


def _prepare(folder: Path) -> tuple[Path, Path]:
    office, trip = folder / "office.sqlite3", folder / "trip.stadtrip"
    db = open_database(office)
    services = Services(db)
    with db.batch():
        ids = [services.actors.create(ActorInput(name=f"Lag {n}")).value.id for n in range(300)]
    services.travel.take(trip)
    road_db = open_database(trip)
    road = Services(road_db)
    with road_db.batch():
        for n, actor_id in enumerate(ids):
            data = ActorInput.from_detail(road.actors.get(actor_id))
            road.actors.update(actor_id, dataclasses.replace(data, village=f"Grend {n}"))
        for n in range(200):
            road.actors.create(ActorInput(name=f"Nytt lag {n}", notes="x" * 2000))
    road_db.close()
    with db.batch():
        for actor_id in ids[:50]:
            data = ActorInput.from_detail(services.actors.get(actor_id))
            services.actors.update(actor_id, dataclasses.replace(data, village="Kontoret"))
    db.close()
    return office, trip


def _run_child(office: Path, trip: Path, delay: float | None) -> tuple[bool, float]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(office), str(trip)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == "ready\n"
    started = time.perf_counter()
    if delay is None:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0, err
        return True, time.perf_counter() - started
    time.sleep(delay)
    os.kill(child.pid, signal.SIGKILL)
    out, _err = child.communicate(timeout=30)
    return "done" in out, delay


def test_sigkill_during_bring_home_leaves_before_or_merged(tmp_path: Path) -> None:
    office, trip = _prepare(tmp_path)
    before = _data(office)
    # The whole merge once, to know the merged state and how long it takes.
    whole = tmp_path / "whole.sqlite3"
    shutil.copy(office, whole)
    _done, duration = _run_child(whole, trip, None)
    merged = _data(whole)
    assert merged != before
    rng = random.Random(20261203)
    outcomes = []
    for round_ in range(ROUNDS):
        target = tmp_path / f"round{round_}.sqlite3"
        shutil.copy(office, target)
        delay = duration * (round_ + rng.random()) / ROUNDS
        _finished, _ = _run_child(target, trip, delay)
        checks_hold(target)
        after = _data(target)
        assert after in (before, merged), f"round {round_}: half merged after {delay:.2f} s"
        outcomes.append(after == merged)
    assert not all(outcomes)  # some kills landed before the commit
