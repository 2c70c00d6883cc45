"""Time taking a travel copy and bringing it home (run by ``run.py --only travel``).

python benchmarks/travel.py --db SCALED.sqlite3 [--changes 500]

Works on a copy of the database in a temporary folder: takes a travel copy, makes
``--changes`` changes on each side (actor edits, project edits and new roles, some of
them the same records, so there are conflicts), and brings the copy home with the
travel copy's values for every conflict. Prints one JSON line of seconds.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from stad_desktop.services import ActorInput, ProjectInput, Services  # noqa: E402
from stad_desktop.storage import open_database  # noqa: E402


def change(services: Services, side: str, count: int, seed: int) -> None:
    """``count`` changes: 60 % actor edits, 20 % project edits, 20 % roles given."""
    rng = random.Random(seed)
    actors = [a.id for a in services.actors.refs()]
    projects = [p.id for p in services.projects.refs()]
    roles = [r.id for r in services.roles.roles()]
    with services.db.batch():
        for n in range(count):
            kind = n % 5
            if kind < 3:
                actor_id = rng.choice(actors)
                data = ActorInput.from_detail(services.actors.get(actor_id))
                services.actors.update(
                    actor_id, dataclasses.replace(data, notes=f"{side} {n}: {data.notes}"[:2000])
                )
            elif kind == 3:
                project_id = rng.choice(projects)
                project = ProjectInput.from_detail(services.projects.get(project_id))
                services.projects.update(
                    project_id, dataclasses.replace(project, notes=f"{side} {n}")
                )
            else:
                services.roles.assign(
                    rng.choice(projects), rng.choice(actors), rng.choice(roles), f"{side} {n}"
                )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--changes", type=int, default=500)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="stad-travel-bench-") as folder:
        office_path = Path(folder) / "office.sqlite3"
        shutil.copy(args.db, office_path)
        trip = Path(folder) / "tour.stadtrip"
        office = Services(open_database(office_path, startup_backup=False))
        started = time.perf_counter()
        office.travel.take(trip)
        take = time.perf_counter() - started
        road = Services(open_database(trip, startup_backup=False))
        change(road, "travel", args.changes, 1)
        road.db.close()
        change(office, "office", args.changes, 2)
        started = time.perf_counter()
        plan = office.travel.plan(trip)
        dry_run = time.perf_counter() - started
        started = time.perf_counter()
        summary = office.travel.bring_home(trip, prefer="travel")
        bring_home = time.perf_counter() - started
        office.db.close()
        size = trip.stat().st_size / 1e6
    result = {
        "take": round(take, 3),
        "dry_run": round(dry_run, 3),
        "bring_home": round(bring_home, 3),
        "copy_megabytes": round(size, 1),
        "conflicts": len(plan.conflicts),
        "added": summary.added,
        "changed": summary.changed,
        "merged": summary.merged,
    }
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
