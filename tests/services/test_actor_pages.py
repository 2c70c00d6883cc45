"""The actor list a page at a time (the windowed actors view): every page, sort and
search gives the rows of the whole list, in the same Norwegian order, on both
engines; the count matches, and an actor's place in the list is found."""

from __future__ import annotations

import pytest

from stad_desktop.model import Sector
from stad_desktop.services import ActorInput, ContactInput, ProjectInput, Services
from stad_desktop.services.actor_list import ACTOR_SORT_COLUMNS
from stad_desktop.textkeys import sort_key

NAMES = ["Aasen lag", "Åsen lag", "Øvre lag", "Ærlege lag", "Zeta lag", "Alfa lag", "Bø lag"]
VILLAGES = ["Ørsta", "Aakre", "Ålfoten", "Zinkby", "Æbelø", "Bryggja", "Austrått"]
CONTACTS = ["Åse Eide", "Øystein Lid", "Aage Berg", "Zara Holm", "Ærle Dal", "Bjørg Nes", ""]


@pytest.fixture
def filled(services: Services) -> Services:
    sectors = list(Sector)
    for index, name in enumerate(NAMES):
        for copy in range(4):  # 28 actors, so a page of 5 is a small part of them
            contact = CONTACTS[(index + copy) % len(CONTACTS)]
            services.actors.create(
                ActorInput(
                    name=f"{name} {copy}",
                    sector=sectors[(index + copy) % len(sectors)],
                    village=VILLAGES[(index * 3 + copy) % len(VILLAGES)],
                    contacts=(ContactInput(contact),) if contact else (),
                )
            )
    return services


def _paged(services: Services, size: int, **asked: object) -> list[str]:
    names: list[str] = []
    offset = 0
    while True:
        page = services.actors.page(offset=offset, limit=size, **asked)  # type: ignore[arg-type]
        names.extend(row.name for row in page)
        if len(page) < size:
            return names
        offset += size


@pytest.mark.parametrize("order_by", ACTOR_SORT_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_give_the_whole_list_in_its_order(
    filled: Services, order_by: str, descending: bool
) -> None:
    whole = [r.name for r in filled.actors.list(order_by=order_by, descending=descending)]
    assert len(whole) == 28
    assert _paged(filled, 5, order_by=order_by, descending=descending) == whole


def test_names_are_in_norwegian_order(filled: Services) -> None:
    firsts = [name.rsplit(" ", 1)[0] for name in _paged(filled, 3)][::4]
    assert firsts == ["Aasen lag", "Alfa lag", "Bø lag", "Zeta lag", "Ærlege lag", "Øvre lag",
                      "Åsen lag"]  # fmt: skip


def test_villages_and_contacts_sort_in_norwegian_order(filled: Services) -> None:
    villages = [r.village for r in filled.actors.page(order_by="village", limit=100)]
    assert list(dict.fromkeys(villages)) == [
        "Aakre", "Austrått", "Bryggja", "Zinkby", "Æbelø", "Ørsta", "Ålfoten"
    ]  # fmt: skip
    contacts = [r.contact for r in filled.actors.page(order_by="contact", limit=100)]
    assert list(dict.fromkeys(contacts)) == [
        "", "Aage Berg", "Bjørg Nes", "Zara Holm", "Ærle Dal", "Øystein Lid", "Åse Eide"
    ]  # fmt: skip


def test_a_search_pages_and_counts_like_the_whole_list(filled: Services) -> None:
    for query in ("ØRSTA", "åse", "lag 2", "nothing like it"):
        whole = [r.name for r in filled.actors.list(query=query, order_by="village")]
        assert _paged(filled, 4, query=query, order_by="village") == whole
        assert filled.actors.count(query=query) == len(whole)
    voluntary = filled.actors.list(sector=Sector.VOLUNTARY.value)
    assert filled.actors.count(sector=Sector.VOLUNTARY.value) == len(voluntary) > 0


def test_an_actors_place_in_the_list_is_found(filled: Services) -> None:
    rows = filled.actors.list(query="lag", order_by="contact", descending=True)
    for place in (0, 13, len(rows) - 1):
        found = filled.actors.position(
            rows[place].id, query="lag", order_by="contact", descending=True
        )
        assert found == place
    other = filled.actors.list(query="Zeta")[0].id
    assert filled.actors.position(other, query="Åsen") == -1


def _org_number(seed: int) -> str:
    """A valid organisation number (modulus 11) from ``seed``."""
    while True:
        digits = [int(d) for d in f"9{seed:07d}"]
        check = 11 - sum(w * d for w, d in zip((3, 2, 7, 6, 5, 4, 3, 2), digits, strict=True)) % 11
        if check == 11:
            check = 0
        if check != 10:
            return "".join(map(str, digits)) + str(check)
        seed += 1


@pytest.fixture
def varied(filled: Services) -> Services:
    """Some actors with organisation numbers, some in one or more projects (one of
    them archived, which does not count)."""
    rows = filled.actors.list()
    for index, row in enumerate(rows[::3]):
        detail = filled.actors.get(row.id)
        data = ActorInput.from_detail(detail)
        filled.actors.update(row.id, replace_org(data, _org_number(7919 * (index + 1))))
    owner = rows[0].id
    projects = [
        filled.projects.create(ProjectInput(name=f"Prosjekt {n}", owner_id=owner)).value.id
        for n in range(3)
    ]
    for index, row in enumerate(rows):
        for project_id in projects[: index % 4]:
            if row.id != owner:
                filled.roles.add_actor(project_id, row.id)
    filled.projects.set_archived(projects[2], True)
    return filled


def replace_org(data: ActorInput, org_number: str) -> ActorInput:
    from dataclasses import replace

    return replace(data, org_number=org_number)


SECTOR_RANK = {sector.value: rank for rank, sector in enumerate(Sector)}


def _expected(rows: list, order_by: str, descending: bool) -> list[str]:
    """The list's order worked out in Python: the column (Norwegian order for texts,
    the sectors' own order, empty first going up), then the name, then the id."""

    def first(row: object) -> object:
        value = getattr(row, order_by)
        if order_by in ("village", "contact"):
            return sort_key(value)
        if order_by == "sector":
            return SECTOR_RANK[value]
        return value

    ordered = sorted(rows, key=lambda r: (sort_key(r.name), r.id))
    if order_by == "name":
        ordered.sort(key=lambda r: sort_key(r.name), reverse=descending)
    else:
        ordered.sort(key=first, reverse=descending)  # stable: names stay in order
    return [r.name for r in ordered]


@pytest.mark.parametrize("order_by", ACTOR_SORT_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_follow_the_order_worked_out_from_the_rows(
    varied: Services, order_by: str, descending: bool
) -> None:
    rows = list(varied.actors.list())
    assert {r.project_count for r in rows} == {0, 1, 2}
    assert len({r.org_number for r in rows}) > 5
    expected = _expected(rows, order_by, descending)
    assert _paged(varied, 4, order_by=order_by, descending=descending) == expected
    for place in (0, 9, len(rows) - 1):
        name = expected[place]
        actor_id = next(r.id for r in rows if r.name == name)
        assert varied.actors.position(actor_id, order_by=order_by, descending=descending) == place


@pytest.mark.parametrize("order_by", ACTOR_SORT_COLUMNS)
@pytest.mark.parametrize("descending", [False, True])
def test_the_views_listing_counts_pages_and_finds_like_the_order(
    varied: Services, order_by: str, descending: bool
) -> None:
    rows = list(varied.actors.list())
    expected = _expected(rows, order_by, descending)
    listing = varied.actors.listing(order_by=order_by, descending=descending)
    assert listing.count == len(rows)
    paged = [r.name for offset in range(0, len(rows), 5) for r in listing.page(offset, 5)]
    assert paged == expected
    ids = {r.name: r.id for r in rows}
    assert [listing.position(ids[name]) for name in expected] == list(range(len(rows)))
    searched = varied.actors.listing("lag 2", None, False, order_by, descending)
    assert searched.count == len([n for n in expected if n.endswith(" 2")])
    assert [r.name for r in searched.page(0, 100)] == [n for n in expected if n.endswith(" 2")]
    assert searched.position(ids["Zeta lag 1"]) == -1
