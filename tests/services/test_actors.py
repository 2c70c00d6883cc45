"""Actor service: every validation rule, good and bad input, nothing changed on failure."""

from __future__ import annotations

import pytest

from stad_desktop.services import ActorInput, ContactInput, Services, ValidationError

VALID_ORGNR = "964965226"  # a real-format number with a valid MOD-11 check digit


def _snapshot(services: Services) -> tuple[object, ...]:
    return tuple(services.actors.list(include_archived=True))


def test_create_and_read_back(services: Services) -> None:
    actor = services.actors.create(
        ActorInput(
            name="  Selje grendalag ",
            sector="voluntary",
            org_number="964 965 226",
            village="Selje",
            wishes_to_contribute="Dugnad",
            hours_per_month="12,5",
            contacts=[ContactInput("Kari Nordnes", "kari@example.no", "+47 912 34 567")],
        )
    ).value
    assert actor.name == "Selje grendalag"
    assert actor.org_number == VALID_ORGNR
    assert actor.hours_per_month == 12.5
    assert actor.contacts[0].phone == "91 23 45 67"
    assert actor.created_at.tzinfo is not None
    assert services.actors.get(actor.id) == actor


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (ActorInput(name="   "), "name"),
        (ActorInput(name="x" * 201), "name"),
        (ActorInput(name="Lag", sector="church"), "sector"),
        (ActorInput(name="Lag", org_number="123456789"), "org_number"),
        (ActorInput(name="Lag", org_number="12345"), "org_number"),
        (ActorInput(name="Lag", hours_per_month="mange"), "hours_per_month"),
        (ActorInput(name="Lag", hours_per_month=-3), "hours_per_month"),
        (ActorInput(name="Lag", contacts=[ContactInput("Kari", "kari@", "")]), "contacts.0.email"),
        (ActorInput(name="Lag", contacts=[ContactInput("Kari", "", "12")]), "contacts.0.phone"),
        (
            ActorInput(name="Lag", contacts=[ContactInput("", "kari@example.no", "")]),
            "contacts.0.name",
        ),
    ],
)
def test_bad_input_is_refused_and_changes_nothing(
    services: Services, data: ActorInput, field: str
) -> None:
    before = _snapshot(services)
    with pytest.raises(ValidationError) as info:
        services.actors.create(data)
    assert info.value.field == field
    assert info.value.message.render()  # a readable message
    assert _snapshot(services) == before


def test_duplicate_org_number_is_refused(services: Services) -> None:
    first = services.actors.create(ActorInput(name="Eid idrettslag", org_number=VALID_ORGNR)).value
    with pytest.raises(ValidationError) as info:
        services.actors.create(ActorInput(name="Eid IL", org_number=VALID_ORGNR))
    assert info.value.field == "org_number"
    assert "Eid idrettslag" in info.value.message.render()
    # Editing the same actor keeps its own number.
    services.actors.update(first.id, ActorInput(name="Eid IL", org_number=VALID_ORGNR))
    assert [a.name for a in services.actors.list()] == ["Eid IL"]


def test_failed_update_keeps_the_old_data(services: Services) -> None:
    actor = services.actors.create(
        ActorInput(name="Lote bygdelag", contacts=[ContactInput("Arne", "arne@example.no")])
    ).value
    with pytest.raises(ValidationError):
        services.actors.update(
            actor.id, ActorInput(name="Nytt namn", contacts=[ContactInput("Arne", "feil")])
        )
    assert services.actors.get(actor.id) == actor


def test_contacts_can_be_replaced_and_removed(services: Services) -> None:
    actor = services.actors.create(
        ActorInput(name="Lag", contacts=[ContactInput("A"), ContactInput("B"), ContactInput("C")])
    ).value
    updated = services.actors.update(
        actor.id, ActorInput(name="Lag", contacts=[ContactInput("D")])
    ).value
    assert [c.name for c in updated.contacts] == ["D"]


def test_archive_hides_and_restore_shows(services: Services) -> None:
    actor = services.actors.create(ActorInput(name="Ervik ungdomsklubb")).value
    services.actors.archive(actor.id)
    assert services.actors.list() == ()
    assert [a.id for a in services.actors.list(include_archived=True)] == [actor.id]
    services.actors.restore(actor.id)
    assert [a.id for a in services.actors.list()] == [actor.id]


@pytest.mark.parametrize(
    ("stored", "query"),
    [
        ("Ørsta", "ørsta"),
        ("ÅLESUND", "ålesund"),
        ("Čáhppes Ŋuorra", "čáhppes"),
        ("Straße", "STRASSE"),
    ],
)
def test_search_folds_unicode_case(services: Services, stored: str, query: str) -> None:
    services.actors.create(ActorInput(name=stored))
    services.actors.create(ActorInput(name="Noko anna"))
    assert [a.name for a in services.actors.search(query)] == [stored]


def test_search_treats_percent_and_underscore_literally(services: Services) -> None:
    services.actors.create(ActorInput(name="100% frivillig"))
    services.actors.create(ActorInput(name="1000 frivillige"))
    assert [a.name for a in services.actors.search("100%")] == ["100% frivillig"]
    assert services.actors.search("_") == ()


def test_search_finds_village_and_contact(services: Services) -> None:
    services.actors.create(
        ActorInput(name="Lag A", village="Hoddevik", contacts=[ContactInput("Even Ødegård")])
    )
    assert len(services.actors.search("hoddevik")) == 1
    assert len(services.actors.search("ødegård")) == 1


def test_list_sorts_in_norwegian_order(services: Services) -> None:
    for name in ["Åse", "Zeta", "Ørjan", "Ærlig", "aksel", "Émile", "Bjørn"]:
        services.actors.create(ActorInput(name=name))
    names = [a.name for a in services.actors.list()]
    assert names == ["aksel", "Bjørn", "Émile", "Zeta", "Ærlig", "Ørjan", "Åse"]
    descending = [a.name for a in services.actors.list(descending=True)]
    assert descending == list(reversed(names))


def test_list_filters_by_sector_and_sorts_by_other_columns(services: Services) -> None:
    services.actors.create(ActorInput(name="B", sector="business", village="Selje"))
    services.actors.create(ActorInput(name="A", sector="voluntary", village="Barmen"))
    assert [a.name for a in services.actors.list(sector="business")] == ["B"]
    assert [a.name for a in services.actors.list(order_by="village")] == ["A", "B"]
    with pytest.raises(ValueError):
        services.actors.list(order_by="nonsense")


def test_village_sort_descending_keeps_names_ascending(services: Services) -> None:
    for name, village in [("B", "Selje"), ("A", "Selje"), ("C", "Ålfoten"), ("D", "Barmen")]:
        services.actors.create(ActorInput(name=name, village=village))
    assert [a.name for a in services.actors.list(order_by="village")] == ["D", "A", "B", "C"]
    assert [a.name for a in services.actors.list(order_by="village", descending=True)] == [
        "C",
        "A",
        "B",
        "D",
    ]
