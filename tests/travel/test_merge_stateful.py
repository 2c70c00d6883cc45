"""Random work in the office and on two travel copies, then both brought home.

Hypothesis drives creates, edits, archives and role changes on each side. Before
each bring-home the three states (base, office, travel) are read and the merge
rules applied to them here, independently, as an oracle; the merged office must
hold exactly that, every conflict must be reported, its losing value kept in the
merge record, the file whole, and a second bring-home refused without a change.

Largest scenario run while writing this (max_examples=30, 25 steps): 3 + 8 actors,
two projects, 25 steps spread over the three sides, 2 merges.
"""

from __future__ import annotations

import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, rule
from travel_helpers import checks_hold, fingerprint

from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.services.travel import TravelRefused
from stad_desktop.storage import open_database

SIDES = ("office", "a", "b")
WORDS = ("Selje", "Ervik", "Hoddevik", "")
FIELDS = ("village", "notes")

_TEMPLATE: dict[str, Path] = {}


def _template() -> Path:
    """An office database with three actors and two projects, made once."""
    if "path" not in _TEMPLATE:
        folder = Path(tempfile.mkdtemp(prefix="stad-travel-template-"))
        path = folder / "office.sqlite3"
        db = open_database(path)
        services = Services(db)
        for name in ("Selje grendalag", "Stad Sparebank", "Ervik sanitetslag"):
            services.actors.create(ActorInput(name=name, village="Stad"))
        for name in ("Folkehelse", "Bygdekino"):
            services.projects.create(ProjectInput(name=name))
        db.close()
        _TEMPLATE["path"] = path
    return _TEMPLATE["path"]


def _actors(path: Path) -> dict[str, dict[str, Any]]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute("SELECT id, village, notes, archived FROM actors")
        return {r[0]: {"village": r[1], "notes": r[2], "archived": bool(r[3])} for r in rows}
    finally:
        conn.close()


def _assignments(path: Path) -> dict[tuple[str, str, str], str]:
    conn = sqlite3.connect(path)
    try:
        rows = conn.execute(
            "SELECT project_id, actor_id, role_id, expectation FROM role_assignments"
        )
        return {(r[0], r[1], r[2]): r[3] for r in rows}
    finally:
        conn.close()


def _base_actors(trip: Path) -> dict[str, dict[str, Any]]:
    import json

    conn = sqlite3.connect(trip)
    try:
        rows = conn.execute("SELECT data FROM travel_base WHERE table_name = 'actors'")
        result = {}
        for (data,) in rows:
            row = json.loads(data)
            result[row["id"]] = {k: row[k] for k in ("village", "notes", "archived")}
        return result
    finally:
        conn.close()


def _base_assignments(trip: Path) -> dict[tuple[str, str, str], str]:
    import json

    conn = sqlite3.connect(trip)
    try:
        rows = conn.execute("SELECT data FROM travel_base WHERE table_name = 'role_assignments'")
        result = {}
        for (data,) in rows:
            row = json.loads(data)
            result[(row["project_id"], row["actor_id"], row["role_id"])] = row["expectation"]
        return result
    finally:
        conn.close()


def expected_merge(base: Path, office: Path, trip: Path, prefer: str) -> tuple[Any, Any, int]:
    """The merge rules applied to the actors and role assignments: the expected
    actors, assignments and number of conflicts."""
    b_act, o_act, t_act = _base_actors(trip), _actors(office), _actors(trip)
    conflicts = 0
    result = {k: dict(v) for k, v in o_act.items()}
    for actor_id, t in t_act.items():
        b, o = b_act.get(actor_id), o_act.get(actor_id)
        if b is None:
            result[actor_id] = dict(t)
            continue
        assert o is not None
        by_t = {f for f in t if t[f] != b[f]}
        by_o = {f for f in o if o[f] != b[f]}
        for f in sorted(by_t):
            if f == "archived" and (f not in by_o) and (by_o - {f}):
                conflicts += 1
                result[actor_id][f] = t[f] if prefer == "travel" else o[f]
            elif (f == "archived" and f not in by_o) or f not in by_o:
                result[actor_id][f] = t[f]
            elif o[f] != t[f]:
                conflicts += 1
                result[actor_id][f] = t[f] if prefer == "travel" else o[f]
        if "archived" in by_o and "archived" not in by_t and (by_t - {"archived"}):
            conflicts += 1
            result[actor_id]["archived"] = t["archived"] if prefer == "travel" else o["archived"]
    b_as, o_as, t_as = _base_assignments(trip), _assignments(office), _assignments(trip)
    assigned = dict(o_as)
    for key in b_as.keys() | o_as.keys() | t_as.keys():
        b, o, t = b_as.get(key), o_as.get(key), t_as.get(key)
        if b is None:
            if t is None:
                continue
            if o is not None and o != t:
                conflicts += 1
                assigned[key] = t if prefer == "travel" else o
            elif o is None:
                assigned[key] = t
            continue
        if t in (b, o):
            continue
        if o == b:
            if t is None:
                assigned.pop(key, None)
            else:
                assigned[key] = t
            continue
        conflicts += 1
        winner = t if prefer == "travel" else o
        if winner is None:
            assigned.pop(key, None)
        else:
            assigned[key] = winner
    return result, assigned, conflicts


class TravelMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp(prefix="stad-travel-"))
        self.paths: dict[str, Path] = {}
        self.open: dict[str, Services] = {}
        self.created = 0

    @initialize(prefer=st.sampled_from(["office", "travel"]))
    def start(self, prefer: str) -> None:
        self.prefer = prefer
        office = self.folder / "office.sqlite3"
        shutil.copy(_template(), office)
        self.paths["office"] = office
        self.open["office"] = Services(open_database(office, startup_backup=False))
        for side in ("a", "b"):
            self.paths[side] = self.folder / f"{side}.stadtrip"
            self.open["office"].travel.take(self.paths[side])
            self.open[side] = Services(open_database(self.paths[side], startup_backup=False))
        self.base_roles = [r.id for r in self.open["office"].roles.roles()[:3]]

    def _ids(self, side: str) -> tuple[list[str], list[str]]:
        services = self.open[side]
        actors = sorted(a.id for a in services.actors.list(include_archived=True))
        projects = sorted(p.id for p in services.projects.refs(include_archived=True))
        return actors, projects

    @rule(side=st.sampled_from(SIDES), village=st.sampled_from(WORDS))
    def create_actor(self, side: str, village: str) -> None:
        self.created += 1
        self.open[side].actors.create(ActorInput(name=f"Lag {side}{self.created}", village=village))

    @rule(
        side=st.sampled_from(SIDES),
        pick=st.integers(0, 50),
        field=st.sampled_from(FIELDS),
        value=st.sampled_from(WORDS),
    )
    def edit_actor(self, side: str, pick: int, field: str, value: str) -> None:
        actors, _projects = self._ids(side)
        actor_id = actors[pick % len(actors)]
        services = self.open[side]
        data = ActorInput.from_detail(services.actors.get(actor_id))
        import dataclasses

        services.actors.update(actor_id, dataclasses.replace(data, **{field: value}))

    @rule(side=st.sampled_from(SIDES), pick=st.integers(0, 50), archived=st.booleans())
    def archive_actor(self, side: str, pick: int, archived: bool) -> None:
        actors, _projects = self._ids(side)
        self.open[side].actors.set_archived(actors[pick % len(actors)], archived)

    @rule(
        side=st.sampled_from(SIDES),
        pick=st.integers(0, 50),
        project=st.integers(0, 1),
        role=st.integers(0, 2),
        expectation=st.sampled_from(WORDS),
        give=st.booleans(),
    )
    def change_role(
        self, side: str, pick: int, project: int, role: int, expectation: str, give: bool
    ) -> None:
        actors, projects = self._ids(side)
        args = (projects[project], actors[pick % len(actors)], self.base_roles[role])
        if give:
            self.open[side].roles.assign(*args, expectation=expectation)
        else:
            self.open[side].roles.unassign(*args)

    def teardown(self) -> None:
        try:
            if "office" in self.open:
                self._bring_both_home()
        finally:
            for services in self.open.values():
                services.db.close()
            shutil.rmtree(self.folder, ignore_errors=True)

    def _bring_both_home(self) -> None:
        for side in ("a", "b"):
            self.open.pop(side).db.close()
        office_services = self.open["office"]
        office = self.paths["office"]
        for side in ("a", "b"):
            trip = self.paths[side]
            actors, assigned, conflicts = expected_merge(office, office, trip, self.prefer)
            plan = office_services.travel.plan(trip)
            counted = [c for c in plan.conflicts if c.table in ("actors", "role_assignments")]
            assert len(counted) == conflicts
            summary = office_services.travel.bring_home(trip, prefer=self.prefer)  # type: ignore[arg-type]
            assert summary.conflicts == len(plan.conflicts)
            assert _actors(office) == actors
            assert _assignments(office) == assigned
            record = office_services.travel.merges()[0]
            lost = {item.conflict.key: item for item in record.losers}
            for c in plan.conflicts:
                assert c.key in lost
                assert lost[c.key].chosen == self.prefer
                assert lost[c.key].lost == (c.travel if self.prefer == "office" else c.office)
            checks_hold(office)
            members = _members(office)
            assert all((p, a) in members for p, a, _r in assigned)
            before = fingerprint(office)
            with pytest.raises(TravelRefused):
                office_services.travel.bring_home(trip, prefer=self.prefer)  # type: ignore[arg-type]
            assert fingerprint(office) == before


def _members(path: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(path)
    try:
        return set(conn.execute("SELECT project_id, actor_id FROM project_actors"))
    finally:
        conn.close()


TravelMachine.TestCase.settings = settings(
    max_examples=30,
    stateful_step_count=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
test_travel_merge = TravelMachine.TestCase
