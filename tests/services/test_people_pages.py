"""The people list a page at a time (the windowed people view): every page, sort and
search gives the persons of the whole list, in Norwegian order, on both engines; the
count matches, a person's place is found, each row carries its actor's roles, and
the e-mail addresses are those of every listed person."""

from __future__ import annotations

import pytest

from stad_desktop.model import Sector
from stad_desktop.services import ActorInput, ContactInput, Services
from stad_desktop.services.attention import PersonRow
from stad_desktop.services.people_list import PERSON_ORDER
from stad_desktop.textkeys import fold, sort_key

ACTORS = ["Aasen lag", "Åsen lag", "Øvre lag", "Ærlege lag", "Zeta lag", "Alfa lag", "Bø lag"]
PERSONS = ["Åse Eide", "Øystein Lid", "aage Berg", "Zara Holm", "Ærle Dal", "Bjørg Nes", "Éva Ås"]
EMAILS = ["ase@x.no", "Øy@x.no", "a.b@x.no", "", "zz@Y.no", "bjorg@x.no", "eva@x.no"]
PHONES = [
    "900 00 001",
    "57 86 00 00",
    "",
    "+47 412 34 567",
    "99 88 77 66",
    "900 00 001",
    "22 33 44 55",
]


@pytest.fixture
def filled(services: Services) -> Services:
    sectors = list(Sector)
    for index, name in enumerate(ACTORS):
        services.actors.create(
            ActorInput(
                name=name,
                sector=sectors[index % len(sectors)],
                contacts=tuple(
                    ContactInput(
                        PERSONS[(index + n) % len(PERSONS)],
                        EMAILS[(index * 2 + n) % len(EMAILS)],
                        PHONES[(index + 3 * n) % len(PHONES)],
                    )
                    for n in range(index % 4 + 1)
                ),
            )
        )
    return services


def _expected(services: Services, order_by: str, descending: bool, query: str = "") -> list[str]:
    """The persons of every actor in the list's order, computed here in Python."""
    rows = [
        (contact, actor)
        for actor in services.actors.details()
        for contact in actor.contacts
        if fold(query)
        in fold("\x1f".join((contact.name, contact.email, contact.phone, actor.name)))
    ]
    field = {"name": lambda c, a: c.name, "actor": lambda c, a: a.name,
             "email": lambda c, a: c.email, "phone": lambda c, a: c.phone,
             "sector": lambda c, a: a.sector}[order_by]  # fmt: skip
    rows.sort(key=lambda r: (sort_key(field(*r)), sort_key(r[0].name)))
    names = [f"{contact.name}/{actor.name}" for contact, actor in rows]
    return names[::-1] if descending else names


def _paged(services: Services, size: int, *asked: object) -> list[PersonRow]:
    listing = services.people.listing(*asked)  # type: ignore[arg-type]
    rows: list[PersonRow] = []
    while True:
        page = listing.page(len(rows), size)
        rows.extend(page)
        if len(page) < size:
            assert len(rows) == listing.count
            return rows


@pytest.mark.parametrize("order_by", PERSON_ORDER)
@pytest.mark.parametrize("descending", [False, True])
def test_pages_give_the_whole_list_in_norwegian_order(
    filled: Services, order_by: str, descending: bool
) -> None:
    paged = _paged(filled, 3, "", None, False, order_by, descending)
    assert len(paged) == 16
    # Ties of the column (and of the name) may come in either order: compare the
    # column's and the name's order, then the rows themselves.
    expected = _expected(filled, order_by, descending)
    got = [f"{r.name}/{r.actor_name}" for r in paged]
    assert sorted(got) == sorted(expected)
    key = {"name": "name", "actor": "actor_name", "email": "email", "phone": "phone",
           "sector": "sector"}[order_by]  # fmt: skip
    keys = [(sort_key(getattr(r, key)), sort_key(r.name)) for r in paged]
    assert keys == sorted(keys, reverse=descending)
    assert paged == list(filled.people.persons("", None, False, order_by, descending))
    listing = filled.people.listing("", None, False, order_by, descending)
    assert [listing.position(r.id) for r in paged] == list(range(len(paged)))


def test_names_are_in_norwegian_order(filled: Services) -> None:
    names = list(dict.fromkeys(r.name for r in _paged(filled, 4, "", None, False, "name")))
    assert names == ["aage Berg", "Bjørg Nes", "Éva Ås", "Zara Holm", "Ærle Dal",
                     "Øystein Lid", "Åse Eide"]  # fmt: skip


def test_a_search_pages_and_counts_like_the_whole_list(filled: Services) -> None:
    for query in ("ÅSE", "øvre", "@Y.NO", "900 00", "57 86", "ingen slik"):
        for order_by in ("name", "actor", "email"):
            got = [
                f"{r.name}/{r.actor_name}" for r in _paged(filled, 2, query, None, False, order_by)
            ]
            assert sorted(got) == sorted(_expected(filled, order_by, False, query)), query
            assert [r.name for r in filled.people.persons(query, order_by=order_by)] == [
                g.split("/")[0] for g in got
            ]
    assert filled.people.listing("ingen slik").count == 0


def test_a_renamed_actor_is_found_by_its_new_name(filled: Services) -> None:
    before = filled.people.listing("Zeta").page(0, 10)
    actor = filled.actors.get(before[0].actor_id)
    filled.actors.update(
        actor.id,
        ActorInput(
            name="Ny Zulu",
            sector=Sector(actor.sector),
            contacts=tuple(ContactInput(c.name, c.email, c.phone) for c in actor.contacts),
        ),
    )
    assert filled.people.listing("Zeta").count == 0
    assert {r.id for r in filled.people.listing("ny zulu").page(0, 10)} == {r.id for r in before}


def test_emails_are_those_of_every_listed_person(filled: Services) -> None:
    for asked in (
        ("", None, False, "name", False),
        ("lag", Sector.VOLUNTARY.value, False, "phone", True),
    ):
        listed = filled.people.persons(*asked)  # type: ignore[arg-type]
        assert filled.people.emails(*asked) == tuple(r.email for r in listed)  # type: ignore[arg-type]


def test_each_page_reads_its_actors_roles(filled: Services) -> None:
    whole = {r.id: r.roles for r in filled.people.persons()}
    for row in _paged(filled, 5, "", None, False, "actor"):
        assert row.roles == whole[row.id]
