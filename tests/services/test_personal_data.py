"""Personal data on the example data, on both engines: every person has a legal basis
and a review date; innsyn finds every place a person appears; erasure removes them
everywhere but keeps the counts; the history records every change and keeps only
the fact of an erased person's changes."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import text

from stad_desktop.model import LegalBasis
from stad_desktop.services import ActorInput, Services, ValidationError
from stad_desktop.services.personal_data import PersonNotFound

INGRID = ("Ingrid Hjelmeland", "ingrid.hjelmeland@stad.example", "57 86 40 01")


def test_every_person_has_a_basis_and_a_review_date(demo_services: Services) -> None:
    people = demo_services.personal_data.list()
    names = {p.name for p in people}
    assert "Ingrid Hjelmeland" in names and "Sigurd Eide" in names
    ingrid = demo_services.personal_data.find("ingrid  HJELMELAND")
    assert ingrid.legal_basis == LegalBasis.LEGITIMATE_INTEREST
    assert ingrid.records_entries and ingrid.last_activity is not None
    # Default: 24 months after the last activity.
    assert ingrid.review_date.year - ingrid.last_activity.year in (1, 2, 3)
    assert all(p.id and p.review_date for p in people)


def test_review_keep_renew_and_the_months(demo_services: Services) -> None:
    pd = demo_services.personal_data
    person = pd.find("Sigurd Eide")
    later = dt.date(2040, 1, 1)
    assert person in pd.list() and person.id not in {p.id for p in pd.due_for_review()}
    assert person.id in {p.id for p in pd.due_for_review(today=later)}
    pd.set_review_months(6)
    kept = pd.keep(person.id, today=dt.date(2039, 12, 1))
    assert kept.review_date == dt.date(2040, 6, 1)
    renewed = pd.renew(person.id, "Skjema på e-post", today=dt.date(2040, 2, 3))
    assert renewed.legal_basis == LegalBasis.CONSENT
    assert renewed.consent_date == dt.date(2040, 2, 3) and renewed.consent_how == "Skjema på e-post"
    assert renewed.review_date == dt.date(2040, 8, 3)


def test_innsyn_holds_every_place_she_appears(demo_services: Services, tmp_path: Path) -> None:
    dossier = demo_services.dossiers.gather("Ingrid Hjelmeland")
    assert [c.email for c in dossier.contacts] == [INGRID[1]]
    assert dossier.roles and dossier.meetings
    assert len(dossier.entries) == 25
    assert dossier.history  # her contact record and her entries were added
    output = demo_services.dossiers.write_json(dossier, tmp_path / "ingrid.json")
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["contacts"][0]["phone"] == INGRID[2]
    assert len(data["entries"]) == 25 and data["meetings"] and data["roles"]


def test_unknown_person_is_refused(demo_services: Services) -> None:
    with pytest.raises(PersonNotFound):
        demo_services.dossiers.gather("Nobody Nowhere")


def test_erasure_keeps_counts_and_leaves_no_trace_in_the_data(demo_services: Services) -> None:
    before = demo_services.counts()
    summary = demo_services.erasure.erase("Ingrid Hjelmeland")
    assert (summary.contacts, summary.entries) == (1, 25)
    assert demo_services.counts() == before
    with pytest.raises(PersonNotFound):
        demo_services.personal_data.find("Ingrid Hjelmeland")
    # Not found by searching the actors either, and not in any history value.
    assert demo_services.actors.search("hjelmeland") == ()
    for value in INGRID:
        assert not demo_services.actors.search(value)
    actor = demo_services.actors.search("helse og omsorg")[0]
    history = demo_services.history.of_record("actors", actor.id)
    assert history
    with demo_services.db.engine.connect() as conn:
        everything = "\n".join(
            f"{by}\t{changes}"
            for by, changes in conn.execute(text("SELECT changed_by, changes FROM change_history"))
        )
    for value in INGRID:
        assert value not in everything


def test_every_change_is_recorded_with_who(services: Services) -> None:
    services.settings.set("history.user_name", "Saksbehandlar Test")
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value
    services.actors.update(actor.id, ActorInput(name="Selje grendalag SA", version=actor.version))
    changes = services.history.of_record("actors", actor.id)
    assert [c.action for c in changes] == ["insert", "update"]
    assert changes[1].changes["name"] == ["Selje grendalag", "Selje grendalag SA"]
    assert {c.changed_by for c in changes} == {"Saksbehandlar Test"}


def test_settings_are_checked_together_and_saved_together(services: Services) -> None:
    pd = services.personal_data
    assert (pd.settings().review_months, pd.settings().user_name) == (24, "")
    with pytest.raises(ValidationError) as caught:
        pd.save_settings("tolv", "x" * 101)
    assert {(p.field, p.message.msgid) for p in caught.value.problems} == {
        ("review_months", "Give a number of months from 1 to 240."),
        ("user_name", "At most {max} characters (now {count})."),
    }
    for bad in ("0", "241", "-3", "1.5", ""):
        with pytest.raises(ValidationError):
            pd.save_settings(bad, "Kari")
    assert (pd.settings().review_months, pd.settings().user_name) == (24, "")  # nothing saved
    saved = pd.save_settings(" 36 ", "  Kari Saksbehandlar ")
    assert (saved.review_months, saved.user_name) == (36, "Kari Saksbehandlar")
    actor = services.actors.create(ActorInput(name="Selje grendalag")).value
    assert services.history.of_record("actors", actor.id)[0].changed_by == "Kari Saksbehandlar"
    # Empty: the computer account again.
    assert pd.save_settings(12, "").user_name == ""
    other = services.actors.create(ActorInput(name="Eid idrettslag")).value
    assert services.history.of_record("actors", other.id)[0].changed_by == saved.os_user_name
