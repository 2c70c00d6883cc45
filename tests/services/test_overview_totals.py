"""The home page at a county's size: the warnings are counted in SQL for every
project (the same count as the role matrix's own rules), and only the entries
shown are read in full; the totals count them all."""

from __future__ import annotations

import datetime as dt
import itertools
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import delete, event, select

from stad_desktop.model import (
    EffectEntry,
    Indicator,
    Project,
    ProjectActor,
    Role,
    RoleAssignment,
)
from stad_desktop.model.catalogue import TARGET_CONTACT
from stad_desktop.model.entities import WHITE_SPACE
from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.services.attention import ENTRIES_SHOWN
from stad_desktop.services.effects import EntryInput, IndicatorInput
from stad_desktop.services.matrix import (
    most_warned,
    role_views,
    warning_counts,
    warning_totals,
    warnings_for,
)
from stad_desktop.services.overview import _behind_ids, is_behind
from stad_desktop.storage.database import open_database

TODAY = dt.date(2026, 11, 15)
SECTORS = ("municipality", "municipality", "voluntary", "business", "research", "voluntary")
# Texts as a person (or an imported file) may leave them: blank in many ways, or not.
TEXTS = st.one_of(
    st.sampled_from(["", " ", "ja", " ja\n", "\n", "\t \r\n", "\xa0", "\u2003\u3000", "\x1c"]),
    st.text(st.sampled_from(" \t\n\r\x0b\x0c\x1f\x85\xa0\u2028\u3000\u200bxæ"), max_size=4),
)
PROJECTS = st.lists(
    st.tuples(
        st.sets(st.integers(0, len(SECTORS) - 1)),  # the project's actors
        st.lists(  # roles given: (actor, role, expectation, contribution)
            st.tuples(st.integers(0, len(SECTORS) - 1), st.integers(0, 7), TEXTS, TEXTS),
            max_size=14,
            unique_by=lambda a: (a[0], a[1]),
        ),
    ),
    min_size=1,
    max_size=4,
)
_names = itertools.count()


def _totals_agree(services: Services) -> None:
    with services.db.reading() as session:
        roles = role_views(session)
        in_order = list(session.scalars(select(Project.id).order_by(Project.sort_key, Project.id)))
        totals = warning_totals(session, in_order, roles)
        assert totals == warning_counts(session, in_order)
        # The home page's list: most warnings first, ties in the projects' order.
        warned = sorted((pid for pid in in_order if totals[pid]), key=lambda pid: -totals[pid])
        assert most_warned(session, roles, 2) == (warned[:2], len(warned))


def test_the_white_space_trimmed_in_sql_is_what_python_strips() -> None:
    assert set(WHITE_SPACE) == {c for c in map(chr, range(0x110000)) if c.isspace()}


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(projects=PROJECTS)
def test_warnings_counted_in_sql_are_those_of_the_role_matrix(
    services: Services, projects: list[tuple[set[int], list[tuple[int, int, str, str]]]]
) -> None:
    actors = [
        services.actors.create(ActorInput(name=f"Aktør {n} {next(_names)}", sector=s)).value.id
        for n, s in enumerate(SECTORS)
    ]
    roles = [r.id for r in services.roles.roles()]
    for members, given_roles in projects:
        project = services.projects.create(ProjectInput(name=f"Prosjekt {next(_names)}")).value.id
        # Written as stored, not as the role matrix cleans them: an assignment may
        # hold any text, and an actor a role without being among the project's actors.
        with services.db.transaction() as session:
            session.add_all(ProjectActor(project_id=project, actor_id=actors[m]) for m in members)
            session.add_all(
                RoleAssignment(
                    project_id=project,
                    actor_id=actors[a],
                    role_id=roles[r % len(roles)],
                    expectation=expectation,
                    contribution=contribution,
                )
                for a, r, expectation, contribution in given_roles
            )
    _totals_agree(services)


def test_a_required_role_missing_from_the_catalogue_is_not_counted(services: Services) -> None:
    kommunen = services.actors.create(ActorInput(name="Kommunen", sector="municipality"))
    project = services.projects.create(ProjectInput(name="Folkehelse")).value.id
    services.roles.assign(project, kommunen.value.id, services.roles.roles()[0].id, "Noko", "")
    _totals_agree(services)
    with services.db.transaction() as session:
        session.execute(delete(Role).where(Role.code == TARGET_CONTACT))
    _totals_agree(services)


def test_the_home_page_reads_the_most_urgent_and_counts_them_all(services: Services) -> None:
    roles = {r.code: r.id for r in services.roles.roles()}
    kommunen = services.actors.create(ActorInput(name="Kommunen", sector="municipality"))
    laget = services.actors.create(ActorInput(name="Idrettslaget", sector="voluntary"))
    count = ENTRIES_SHOWN + 10
    for n in range(count):
        project = services.projects.create(ProjectInput(name=f"Prosjekt {n:03d}")).value.id
        # From one to six warnings, in no order of the names.
        if n % 3:
            services.roles.assign(project, kommunen.value.id, roles["funder"])
        if n % 4:
            services.roles.assign(project, laget.value.id, roles["implementer"], "Køyre", "")
        if n % 5 == 1:
            services.roles.assign(project, laget.value.id, roles["target_contact"])
        for done in range(n % 4):
            services.checklist.set_item(project, done + 1, "done")
        if n % 7 == 3:
            services.checklist.set_item(project, 11, "not_relevant")
        for lagging in (n % 3 != 2, n % 2 == 0):
            indicator = services.effects.add_indicator(
                project,
                IndicatorInput(
                    name=f"Deltakarar {lagging} {n}",
                    baseline_value=0,
                    baseline_date=dt.date(2026, 1, 1),
                    target_value=100,
                    target_date=dt.date(2027, 1, 1),
                ),
            ).value.id
            services.effects.add_entry(
                project,
                EntryInput(dt.date(2026, 10, 1), indicator, value=10 if lagging else 95),
            )
    overview = services.overview.overview(TODAY)

    # What the home page listed when it read every project in full.
    projects = sorted(services.projects.refs(), key=lambda p: p.name)
    with services.db.reading() as session:
        every = warnings_for(session, [p.id for p in projects])
    warned = sorted((p for p in projects if every[p.id]), key=lambda p: -len(every[p.id]))
    assert len({len(every[p.id]) for p in warned}) > 2
    assert [(w.project.id, w.warnings) for w in overview.warnings] == [
        (p.id, every[p.id]) for p in warned[:ENTRIES_SHOWN]
    ]
    assert overview.warnings_total == len(warned) == count

    indicators = services.effects.indicators_by_project([p.id for p in projects])
    behind = [
        view for pid in sorted(indicators) for view in indicators[pid] if is_behind(view, TODAY)
    ]
    assert len(behind) > ENTRIES_SHOWN
    assert [b.indicator for b in overview.behind] == behind[:ENTRIES_SHOWN]
    assert overview.behind_total == len(behind)

    checklists = sorted(
        (
            (p.id, done, relevant)
            for p in projects
            for items in [services.checklist.items(p.id)]
            for done in [sum(i.status == "done" for i in items)]
            for relevant in [sum(i.status != "not_relevant" for i in items)]
        ),
        key=lambda c: c[1] / c[2],
    )
    assert [(c.project.id, c.done, c.relevant) for c in overview.checklists] == checklists[
        :ENTRIES_SHOWN
    ]
    assert overview.checklists_total == count


def test_a_long_project_list_counts_its_warnings_in_sql_with_the_same_result(
    demo_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The projects list (and the portfolio printout) of a county counts its warnings
    over the whole tables; the counts are those worked out project by project."""
    from stad_desktop.services import matrix

    by_project = {row.id: row.warning_count for row in demo_services.projects.list()}
    assert any(by_project.values())
    monkeypatch.setattr(matrix, "COUNTED_IN_SQL_FROM", 1)
    calls: list[int] = []
    totals = matrix.warning_totals
    monkeypatch.setattr(
        matrix, "warning_totals", lambda *a, **k: calls.append(1) or totals(*a, **k)
    )
    assert {row.id: row.warning_count for row in demo_services.projects.list()} == by_project
    assert calls


def test_the_warnings_read_the_actors_sectors_from_their_index(tmp_path: Path) -> None:
    """On SQLite, which keeps no statistics here, the sectors of the projects' actors
    are read from the index on (id, sector), not from the actors' rows (the hint
    that picks it reaches SQLite)."""
    db = open_database(tmp_path / "fylket.sqlite3")
    statements: list[tuple[str, object]] = []
    with db.reading() as session:
        connection = session.connection()
        event.listen(connection, "before_cursor_execute", lambda *a: statements.append(a[2:4]))
        most_warned(session, role_views(session), 5)
        sql, parameters = statements[-1]
        explained = connection.exec_driver_sql("EXPLAIN QUERY PLAN " + sql, parameters)
        plan = [row[3] for row in explained]
    db.close()
    assert "SEARCH actors USING COVERING INDEX ix_actors_sector_by_id (id=?)" in plan


# Paths and measurements as stored, not as the effect log checks them: any path,
# equal values and dates included, so that a value on the line itself comes up.
NUMBERS = st.integers(-8, 8).map(lambda n: n * 12.5)
MOSTLY_NUMBERS = st.one_of(NUMBERS, NUMBERS, NUMBERS, st.none())
INDICATORS = st.lists(
    st.tuples(
        MOSTLY_NUMBERS,  # baseline
        MOSTLY_NUMBERS,  # target
        st.sampled_from([-8, -4, -2, 2]),  # baseline date, days from today
        # The target date, days after the baseline's: mostly a path that today halves
        # or quarters, so that a value lies on the line itself.
        st.one_of(st.sampled_from([4, 8, 16]), st.integers(-4, 16), st.none()),
        st.lists(  # measurements: days from today, value
            st.tuples(st.integers(-8, 0), MOSTLY_NUMBERS), max_size=3
        ),
    ),
    min_size=1,
    max_size=8,
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(indicators=INDICATORS)
def test_indicators_behind_decided_in_sql_are_those_python_finds(
    services: Services,
    indicators: list[tuple[float | None, float | None, int, int | None, list]],
) -> None:
    project = services.projects.create(ProjectInput(name=f"Prosjekt {next(_names)}")).value.id
    with services.db.transaction() as session:
        for position, (base, target, start, length, measured) in enumerate(indicators):
            baseline_date = TODAY + dt.timedelta(days=start)
            indicator = Indicator(
                project_id=project,
                name=f"Indikator {position}",
                unit="",
                baseline_value=base,
                baseline_date=baseline_date,
                target_value=target,
                target_date=None if length is None else baseline_date + dt.timedelta(length),
                position=position,
            )
            session.add(indicator)
            session.flush()
            session.add_all(
                EffectEntry(
                    project_id=project,
                    indicator_id=indicator.id,
                    entry_date=TODAY + dt.timedelta(days=day),
                    kind="quantitative",
                    value=value,
                )
                for day, value in measured
            )
    listed = services.effects.indicators_by_project(
        [p.id for p in sorted(services.projects.refs(), key=lambda p: p.id)]
    )
    expected = [view.id for views in listed.values() for view in views if is_behind(view, TODAY)]
    with services.db.reading() as session:
        found = _behind_ids(session, TODAY, 1000)
    assert found == (expected, len(expected))
