"""A travel copy taken before an erasure holds the erased person; bringing it home
erases them again in the merge's own transaction, so no one sees them back."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from travel_helpers import opened

from stad_desktop.services import ActorInput, ContactInput, Services
from stad_desktop.services.meetings import InputData

INGRID = ("Ingrid Hjelmeland", "ingrid.hjelmeland@stad.example", "57 86 40 01")


def test_an_erased_person_stays_erased_when_a_copy_comes_home(
    demo_services: Services, tmp_path: Path
) -> None:
    trip = tmp_path / "tour.stadtrip"
    demo_services.travel.take(trip)
    with opened(trip) as road:
        # On the road, with the copy's data: she gives input and joins another actor.
        meeting = road.meetings.list()[0]
        road.meetings.add_input(meeting.id, InputData(text="Betre buss", from_name=INGRID[0]))
        road.actors.create(
            ActorInput(name="Stad helselag", contacts=(ContactInput(*INGRID),), village="Stad")
        )
    demo_services.erasure.erase(INGRID[0])
    before = demo_services.counts()

    summary = demo_services.travel.bring_home(trip)

    assert summary.conflicts == 0
    assert not demo_services.personal_data.list("hjelmeland")
    assert not demo_services.actors.search("hjelmeland")
    after = demo_services.counts()
    # The input and the actor from the road arrive, without her; nothing else changes.
    expected = dataclasses.replace(before, actors=before.actors + 1, inputs=before.inputs + 1)
    assert after == expected
    new = demo_services.actors.search("stad helselag")[0]
    assert demo_services.actors.get(new.id).contacts == ()
    if demo_services.db.path is not None:
        data = demo_services.db.path.read_bytes()
        wal = demo_services.db.path.with_name(demo_services.db.path.name + "-wal")
        if wal.exists():
            data += wal.read_bytes()
        for value in INGRID:
            assert value.encode() not in data, value


def test_the_plan_and_its_conflicts_never_show_an_erased_person(
    demo_services: Services, tmp_path: Path
) -> None:
    trip = tmp_path / "tour.stadtrip"
    demo_services.travel.take(trip)
    actor_id = demo_services.actors.search("helse og omsorg")[0].id
    with opened(trip) as road:
        # On the road her phone number changes; at the office she is erased.
        detail = road.actors.get(actor_id)
        contacts = tuple(
            ContactInput(c.name, c.email, "99 88 77 66" if c.name == INGRID[0] else c.phone)
            for c in detail.contacts
        )
        road.actors.update(
            actor_id, dataclasses.replace(ActorInput.from_detail(detail), contacts=contacts)
        )
        road.meetings.add_input(
            road.meetings.list()[0].id, InputData(text="Betre buss", from_name=INGRID[0])
        )
    demo_services.erasure.erase(INGRID[0])

    plan = demo_services.travel.plan(trip)

    shown = repr(plan)
    for value in (*INGRID, "99 88 77 66"):
        assert value not in shown, value
    assert plan.conflicts == ()
    demo_services.travel.bring_home(trip)  # nothing to choose
    assert not demo_services.personal_data.list("hjelmeland")
    assert not demo_services.personal_data.list("99 88 77 66")
