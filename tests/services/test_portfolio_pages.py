"""The portfolio matrix a page of actor rows at a time (the portfolio view reads
only the block on screen): the pages give the rows and cells of the whole
portfolio, in the same Norwegian order, with every filter, on both engines; the
row count, the totals per project and the widest cells match it too."""

from __future__ import annotations

from collections import Counter

import pytest

from stad_desktop.model import Phase, Sector
from stad_desktop.services import ActorInput, Services
from stad_desktop.services.readmodels import PortfolioRow, PortfolioView

NAMES = ["Åsen lag", "Aasen lag", "Øvre lag", "Ærlege lag", "Zeta lag", "Bø lag"]


@pytest.fixture
def filled(demo_services: Services) -> Services:
    """The example data, with actors whose names test the Norwegian order (one of
    them taking part without a role), an archived actor and an archived project."""
    services = demo_services
    projects = services.projects.refs()
    roles = services.roles.roles()
    sectors = [Sector.RESEARCH, Sector.VOLUNTARY]
    for index, name in enumerate(NAMES):
        actor = services.actors.create(ActorInput(name=name, sector=sectors[index % 2])).value
        project = projects[index % (len(projects) - 1)]  # the last is archived below
        if index == 0:
            services.roles.add_actor(project.id, actor.id)
            continue
        for role in roles[: 1 + index % 3]:
            services.roles.assign(project.id, actor.id, role.id)
    portfolio = services.roles.portfolio()
    services.actors.archive(next(a.id for a in portfolio.actors if a.name not in NAMES))
    services.projects.archive(projects[-1].id)
    return services


def _pages(services: Services, size: int, count: int | None, **asked: object) -> list[PortfolioRow]:
    rows: list[PortfolioRow] = []
    while True:
        page = services.roles.portfolio_rows(len(rows), size, count=count, **asked)  # type: ignore[arg-type]
        rows.extend(page)
        if len(page) < size:
            return rows


def _cells(rows: list[PortfolioRow]) -> dict[tuple[str, str], tuple[str, ...]]:
    return {(row.actor.id, pid): roles for row in rows for pid, roles in row.cells.items()}


ASKED: list[dict[str, object]] = [
    {},
    {"sector": Sector.RESEARCH.value},
    {"sector": Sector.MUNICIPALITY.value},
    {"phase": Phase.PLANNING.value},
    {"sector": Sector.VOLUNTARY.value, "phase": Phase.IDEA.value},
    {"include_archived": True},
]


@pytest.mark.parametrize("asked", ASKED)
@pytest.mark.parametrize("counted", [False, True])
def test_pages_give_the_whole_portfolio_in_its_order(
    filled: Services, asked: dict[str, object], counted: bool
) -> None:
    whole: PortfolioView = filled.roles.portfolio(**asked)  # type: ignore[arg-type]
    frame = filled.roles.portfolio_frame(**asked)  # type: ignore[arg-type]
    assert frame.projects == whole.projects
    assert frame.roles == whole.roles
    assert frame.actor_count == len(whole.actors)
    # Pages of 4, given the count or not (with it, the second half is read from the end).
    rows = _pages(filled, 4, frame.actor_count if counted else None, **asked)
    assert [row.actor for row in rows] == list(whole.actors)
    assert _cells(rows) == dict(whole.cells)
    per_project = Counter(project_id for _actor, project_id in whole.cells)
    assert filled.roles.portfolio_totals(**asked) == dict(per_project)  # type: ignore[arg-type]


def test_the_order_is_norwegian_and_the_filters_hold(filled: Services) -> None:
    rows = _pages(filled, 3, None)
    names = [row.actor.name for row in rows]
    added = [name for name in names if name in NAMES]
    assert added == ["Aasen lag", "Bø lag", "Zeta lag", "Ærlege lag", "Øvre lag", "Åsen lag"]
    # Taking part without a role: a cell with no roles.
    asen = next(row for row in rows if row.actor.name == "Åsen lag")
    assert list(asen.cells.values()) == [()]
    archived = filled.roles.portfolio(include_archived=True)
    assert len(rows) < len(archived.actors)
    research = _pages(filled, 3, None, sector=Sector.RESEARCH.value)
    assert research and {row.actor.sector for row in research} == {Sector.RESEARCH.value}
    frame = filled.roles.portfolio_frame(phase=Phase.PLANNING.value)
    assert {p.phase for p in frame.projects} == {Phase.PLANNING.value}
    assert filled.roles.portfolio_rows(frame.actor_count, 10, phase=Phase.PLANNING.value) == ()


def test_the_widest_cell_of_each_project(filled: Services) -> None:
    whole = filled.roles.portfolio(include_archived=True)
    most: dict[str, int] = {}
    for (_actor, project_id), roles in whole.cells.items():
        if roles:
            most[project_id] = max(most.get(project_id, 0), len(roles))
    assert filled.roles.portfolio_widest([p.id for p in whole.projects]) == most
    assert filled.roles.portfolio_widest([]) == {}
