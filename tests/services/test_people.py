"""An actor's profile and the contact persons as people, over the example data."""

from __future__ import annotations

import datetime as dt

from db_helpers import actor_id

from stad_desktop.services import Services


def test_profile_shows_the_engagement_over_time(demo_services: Services) -> None:
    profile = demo_services.people.profile(actor_id(demo_services, "Eid idrettslag"))
    assert profile.actor.name == "Eid idrettslag"
    projects = [(e.project.name, [r.role.code for r in e.roles]) for e in profile.projects]
    assert projects == [
        ("Folkehelse i bygdene", ["implementer"]),
        ("Kulturskule 3.0", ["participant"]),
    ]
    implementer = profile.projects[0].roles[0]
    assert implementer.expectation and implementer.contribution
    assert [m.title for m in profile.meetings] == ["Folkemøte på Nordfjordeid: Tour de Stad"]
    assert [i.item.from_actor_id for i in profile.input] == [profile.actor.id]
    assert [c.name for c in profile.actor.contacts] == ["Hilde Myklebust"]
    assert profile.since == dt.date(2024, 8, 1)


def test_persons_are_searched_with_their_actor_and_roles(demo_services: Services) -> None:
    everyone = demo_services.people.persons()
    assert len(everyone) == sum(len(a.contacts) for a in demo_services.actors.details())
    found = demo_services.people.persons("EIDIL")  # in the e-mail address, any case
    assert [(p.name, p.actor_name) for p in found] == [("Hilde Myklebust", "Eid idrettslag")]
    assert [r.nn for r in found[0].roles] == ["Gjennomførar", "Deltakar"]
    by_actor = demo_services.people.persons(order_by="actor")
    names = [p.actor_name for p in by_actor]
    assert names[0] < names[-1]
    assert demo_services.people.persons("finst ikkje") == ()
