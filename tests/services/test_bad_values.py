"""Bad values get a message, never an unexpected error: numbers out of bounds, dates
with impossible years, and texts with control or broken characters, in every
service that takes them. Searches clean their text the same way."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal

import pytest

from stad_desktop.language import Translator
from stad_desktop.services import (
    ActorInput,
    ContactInput,
    EntryInput,
    IndicatorInput,
    InputData,
    MeetingInput,
    NotFoundError,
    ProjectInput,
    Services,
    ValidationError,
)

EN = Translator("en")
TOO_BIG = "The number can be at most 999,999,999,999."
NOT_A_NUMBER = "Write a number, for example 1 234,5."
BAD_YEAR = "The year must be between 1900 and 2200."
BROKEN = "The text contains an invalid character. Type the text again."


def message(error: pytest.ExceptionInfo[ValidationError]) -> str:
    return error.value.message.render(EN)


@pytest.fixture
def project(services: Services) -> str:
    return services.projects.create(ProjectInput(name="Folkehelse")).value.id


# --- numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "budget",
    [
        "1e20",
        "100000000000000000",
        "1e40",
        "1 000 000 000 000",
        Decimal("1e20"),
        10**17,
        10**400,
        1e40,
    ],
)
def test_a_budget_too_large_is_refused_with_a_message(services: Services, budget: object) -> None:
    with pytest.raises(ValidationError) as error:
        services.projects.create(ProjectInput(name="Kulturskule", budget_nok=budget))
    assert error.value.field == "budget_nok"
    assert message(error) == TOO_BIG
    nn = error.value.message.render(Translator("nn")).replace("\u00a0", " ")
    assert nn == "Talet kan ikkje vere større enn 999 999 999 999."
    assert services.projects.list(include_archived=True) == ()


def test_a_budget_is_finite_not_negative_and_fits_its_column(services: Services) -> None:
    project = services.projects.create(
        ProjectInput(name="Stort prosjekt", budget_nok="999 999 999 999")
    ).value
    assert services.projects.get(project.id).budget_nok == Decimal("999999999999.00")
    for budget, expected in [
        ("999 999 999 999,01", TOO_BIG),
        ("inf", NOT_A_NUMBER),
        ("nan", NOT_A_NUMBER),
        (float("-inf"), NOT_A_NUMBER),
        (Decimal("NaN"), NOT_A_NUMBER),
        ("-0,01", "The number cannot be negative."),
    ]:
        with pytest.raises(ValidationError) as error:
            services.projects.update(project.id, ProjectInput("Stort prosjekt", budget_nok=budget))
        assert (error.value.field, message(error)) == ("budget_nok", expected), budget
    edited = services.projects.update(
        project.id, ProjectInput("Stort prosjekt", budget_nok="0,01")
    ).value
    assert edited.budget_nok == Decimal("0.01")


NumberWriter = Callable[[Services, str, object], object]
NUMBER_FIELDS: dict[str, tuple[str, bool, NumberWriter]] = {
    # where: (field, may be negative, write)
    "indicator baseline": (
        "baseline_value",
        True,
        lambda s, p, x: s.effects.add_indicator(p, IndicatorInput("Besøk", baseline_value=x)),
    ),
    "indicator target": (
        "target_value",
        True,
        lambda s, p, x: s.effects.add_indicator(p, IndicatorInput("Besøk", target_value=x)),
    ),
    "effect entry value": (
        "value",
        True,
        lambda s, p, x: s.effects.add_entry(
            p,
            EntryInput(
                dt.date(2026, 3, 1),
                indicator_id=s.effects.add_indicator(p, IndicatorInput("Besøk")).value.id,
                value=x,
            ),
        ),
    ),
    "actor hours": (
        "hours_per_month",
        False,
        lambda s, p, x: s.actors.create(ActorInput("Lote bygdelag", hours_per_month=x)),
    ),
}


@pytest.mark.parametrize("where", list(NUMBER_FIELDS))
def test_numbers_out_of_bounds_are_refused_everywhere(
    services: Services, project: str, where: str
) -> None:
    field, negative, write = NUMBER_FIELDS[where]
    write(services, project, "999 999 999 999")
    if negative:
        write(services, project, "-999 999 999 999")
    refused: list[tuple[object, str]] = [
        ("1e40", TOO_BIG),
        (1e300, TOO_BIG),
        (10**400, TOO_BIG),
        ("inf", NOT_A_NUMBER),
        (float("nan"), NOT_A_NUMBER),
    ]
    if negative:
        refused.append(("-1e20", "The number must be at least -999,999,999,999."))
    for value, expected in refused:
        with pytest.raises(ValidationError) as error:
            write(services, project, value)
        assert (error.value.field, message(error)) == (field, expected), value


# --- dates -----------------------------------------------------------------------------

DateWriter = Callable[[Services, str, object], object]
DATE_FIELDS: dict[str, tuple[str, DateWriter]] = {
    "project start": (
        "start_date",
        lambda s, p, d: s.projects.create(ProjectInput("Kulturskule", start_date=d)),
    ),
    "project end": (
        "end_date",
        lambda s, p, d: s.projects.update(p, ProjectInput("Folkehelse", end_date=d)),
    ),
    "indicator baseline": (
        "baseline_date",
        lambda s, p, d: s.effects.add_indicator(p, IndicatorInput("Besøk", baseline_date=d)),
    ),
    "indicator target": (
        "target_date",
        lambda s, p, d: s.effects.add_indicator(p, IndicatorInput("Besøk", target_date=d)),
    ),
    "effect entry": (
        "entry_date",
        lambda s, p, d: s.effects.add_entry(p, EntryInput(d, text="Fleire kom")),
    ),
    "meeting": (
        "meeting_date",
        lambda s, p, d: s.meetings.create(MeetingInput("Folkemøte", d)),
    ),
}


@pytest.mark.parametrize("where", list(DATE_FIELDS))
def test_a_year_out_of_range_is_refused_in_every_date(
    services: Services, project: str, where: str
) -> None:
    field, write = DATE_FIELDS[where]
    write(services, project, "01.01.1900")
    write(services, project, "31.12.2200")
    for value in [
        "01.01.0000",
        "0000-01-01",
        "1. januar 0000",
        "31.12.9999",
        "1.1.1899",
        dt.date(1, 1, 1),
    ]:
        with pytest.raises(ValidationError) as error:
            write(services, project, value)
        assert (error.value.field, message(error)) == (field, BAD_YEAR), value


# --- texts -----------------------------------------------------------------------------

TextWriter = Callable[[Services, str, str], str]


def _assignment(s: Services, p: str, text: str) -> str:
    actor = s.actors.create(ActorInput("Selje grendalag")).value
    role = s.roles.roles()[0]
    return s.roles.assign(p, actor.id, role.id, expectation=text).value.expectation


def _meeting(s: Services, p: str) -> str:
    return s.meetings.create(MeetingInput("Folkemøte", "12.03.2026")).value.id


def _checklist(s: Services, p: str, text: str) -> str:
    s.projects.save(p, ProjectInput("Folkehelse"), {1: ("in_progress", text)})
    return s.checklist.items(p)[0].comment


def _municipality(s: Services, p: str, text: str) -> str:
    s.settings.set_municipality_name(text)
    return s.settings.municipality_name()


TEXT_FIELDS: dict[str, tuple[str, bool, TextWriter]] = {
    # where: (field, multi-line, write and read back)
    "actor name": ("name", False, lambda s, p, t: s.actors.create(ActorInput(t)).value.name),
    "actor village": (
        "village",
        False,
        lambda s, p, t: s.actors.create(ActorInput("Lag", village=t)).value.village,
    ),
    "contact name": (
        "contacts.0.name",
        False,
        lambda s, p, t: (
            s.actors.create(ActorInput("Lag", contacts=(ContactInput(t),))).value.contacts[0].name
        ),
    ),
    "project name": ("name", False, lambda s, p, t: s.projects.create(ProjectInput(t)).value.name),
    "project goal": (
        "goal",
        True,
        lambda s, p, t: s.projects.create(ProjectInput("Kulturskule", goal=t)).value.goal,
    ),
    "meeting title": (
        "title",
        False,
        lambda s, p, t: s.meetings.create(MeetingInput(t, "12.03.2026")).value.title,
    ),
    "meeting minutes": (
        "minutes",
        True,
        lambda s, p, t: (
            s.meetings.create(MeetingInput("Møte", "12.03.2026", minutes=t)).value.minutes
        ),
    ),
    "input text": (
        "text",
        True,
        lambda s, p, t: s.meetings.add_input(_meeting(s, p), InputData(t)).value.text,
    ),
    "input from name": (
        "from_name",
        False,
        lambda s, p, t: (
            s.meetings.add_input(_meeting(s, p), InputData("Ja", from_name=t)).value.from_name
        ),
    ),
    "indicator name": (
        "name",
        False,
        lambda s, p, t: s.effects.add_indicator(p, IndicatorInput(t)).value.name,
    ),
    "effect entry text": (
        "text",
        True,
        lambda s, p, t: s.effects.add_entry(p, EntryInput("01.03.2026", text=t)).value.text,
    ),
    "role name": ("name_nn", False, lambda s, p, t: s.roles.create_role(t).value.name.nn),
    "role expectation": ("expectation", True, _assignment),
    "checklist comment": ("checklist.1.comment", True, _checklist),
    "municipality name": ("municipality_name", False, _municipality),
}


@pytest.mark.parametrize("where", list(TEXT_FIELDS))
def test_control_characters_are_cleaned_out_of_every_text(
    services: Services, project: str, where: str
) -> None:
    _field, multiline, write = TEXT_FIELDS[where]
    stored = write(services, project, "\x00Stad\x07 idretts\x1blag\x7f\r\nrundt\tSelje ")
    if multiline:
        assert stored == "Stad idrettslag\nrundt\tSelje"
    else:
        assert stored == "Stad idrettslag rundt Selje"


@pytest.mark.parametrize("where", list(TEXT_FIELDS))
def test_a_broken_character_is_refused_in_every_text(
    services: Services, project: str, where: str
) -> None:
    field, _multiline, write = TEXT_FIELDS[where]
    with pytest.raises(ValidationError) as error:
        write(services, project, "Stad\ud800 idrettslag")
    assert error.value.field == field
    assert message(error) == BROKEN


@pytest.mark.parametrize(
    ("field", "contact"),
    [
        ("contacts.0.email", ContactInput("Kari", email="kari\ud800@stad.no")),
        ("contacts.0.phone", ContactInput("Kari", phone="57\ud800 85 00 00")),
    ],
)
def test_a_broken_character_in_contact_details_is_refused(
    services: Services, field: str, contact: ContactInput
) -> None:
    with pytest.raises(ValidationError) as error:
        services.actors.create(ActorInput("Lag", contacts=(contact,)))
    assert error.value.field == field
    assert message(error) == BROKEN


def test_a_name_of_control_characters_only_is_empty(services: Services) -> None:
    with pytest.raises(ValidationError) as error:
        services.actors.create(ActorInput("\x00\x01"))
    assert error.value.field == "name"
    assert message(error) == "This field is required."


# --- searching -------------------------------------------------------------------------


def test_a_nul_search_finds_no_actor(services: Services) -> None:
    services.actors.create(ActorInput("Alfa bygdelag"))
    services.actors.create(ActorInput("Beta idrettslag"))
    assert services.actors.list(query="\x00") == ()
    assert services.actors.search("\x00\x00") == ()
    # Typed with a stray control character, the text is searched for as cleaned.
    assert [a.name for a in services.actors.list(query="Al\x00fa")] == ["Alfa bygdelag"]
    assert services.actors.list(query="\ud800") == ()
    assert len(services.actors.list(query="")) == 2


def test_a_nul_search_finds_no_project(services: Services) -> None:
    services.projects.create(ProjectInput("Kulturskule 3.0"))
    assert services.projects.list(query="\x00") == ()
    assert services.projects.list(query="\ud800") == ()
    assert [p.name for p in services.projects.list(query="kultur\x00skule")] == ["Kulturskule 3.0"]
    for name in ("\x00", "\x1f", "\udcff"):
        with pytest.raises(NotFoundError):
            services.projects.find(name)
    assert services.projects.find("kulturskule\x00 3.0").name == "Kulturskule 3.0"
