"""The actor list a page at a time (the windowed actors view): every page, sort and
search gives the rows of the whole list, in the same Norwegian order, on both
engines; the count matches, and an actor's place in the list is found."""

from __future__ import annotations

import pytest

from stad_desktop.model import Sector
from stad_desktop.services import ActorInput, ContactInput, Services
from stad_desktop.services.actors import ACTOR_SORT_COLUMNS

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
