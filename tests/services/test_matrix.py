"""Role matrix: assignments, roles catalogue, warnings and checklist hints."""

from __future__ import annotations

import pytest

from stad_desktop.language import Translator
from stad_desktop.services import ActorInput, ProjectInput, Services, ValidationError


@pytest.fixture
def setup(services: Services) -> tuple[Services, str, dict[str, str], dict[str, str]]:
    actors = {
        name: services.actors.create(ActorInput(name=name, sector=sector)).value.id
        for name, sector in [
            ("Kommunen", "municipality"),
            ("Idrettslaget", "voluntary"),
            ("Banken", "business"),
        ]
    }
    project = services.projects.create(ProjectInput(name="Folkehelse")).value.id
    roles = {r.code: r.id for r in services.roles.roles()}
    return services, project, actors, roles


def codes(services: Services, project: str) -> set[str]:
    return {w.code for w in services.roles.matrix(project).warnings}


def test_default_roles_in_three_languages(services: Services) -> None:
    roles = {r.code: r for r in services.roles.roles()}
    assert set(roles) >= {"funder", "employer", "researcher", "target_contact", "implementer"}
    assert roles["employer"].name.nn == "Arbeidsgjevar"
    assert roles["employer"].name.nb == "Arbeidsgiver"
    assert roles["employer"].name.en == "Employer"


def test_user_defined_role(services: Services) -> None:
    role = services.roles.create_role("Vertskap", "", "Host", "V").value
    assert role.name.nb == "Vertskap"  # a missing language borrows another
    assert not role.builtin
    assert role in services.roles.roles()
    with pytest.raises(ValidationError):
        services.roles.create_role("vertskap")
    with pytest.raises(ValidationError):
        services.roles.create_role("", "", "")


def test_missing_roles_and_single_sector(setup) -> None:  # type: ignore[no-untyped-def]
    services, project, actors, roles = setup
    assert codes(services, project) >= {
        "missing_funder",
        "missing_implementer",
        "missing_target_contact",
        "no_actors",
    }
    services.roles.assign(project, actors["Kommunen"], roles["funder"])
    found = codes(services, project)
    assert "missing_funder" not in found
    assert "single_sector" in found
    services.roles.assign(project, actors["Idrettslaget"], roles["implementer"])
    services.roles.assign(project, actors["Idrettslaget"], roles["target_contact"])
    assert codes(services, project) == set()
    matrix = services.roles.matrix(project)
    assert matrix.sector_mix == {"municipality": 1, "voluntary": 1}
    assert matrix.roles_per_actor[actors["Idrettslaget"]] == 2


def test_expectation_without_contribution(setup) -> None:  # type: ignore[no-untyped-def]
    services, project, actors, roles = setup
    services.roles.assign(project, actors["Banken"], roles["funder"], expectation="100 000 kr")
    warning = next(
        w
        for w in services.roles.matrix(project).warnings
        if w.code == "expectation_without_contribution"
    )
    assert warning.actor_id == actors["Banken"]
    assert warning.role_id == roles["funder"]
    assert "Banken" in warning.message.render(Translator("en"))
    assert "as funder," in warning.message.render(Translator("en"))
    services.roles.update_assignment(
        project, actors["Banken"], roles["funder"], "100 000 kr", "50 000 kr"
    )
    assert "expectation_without_contribution" not in codes(services, project)


def test_many_roles_flagged(setup) -> None:  # type: ignore[no-untyped-def]
    services, project, actors, roles = setup
    for code in ["funder", "employer", "implementer", "target_contact"]:
        services.roles.assign(project, actors["Kommunen"], roles[code])
    warning = next(w for w in services.roles.matrix(project).warnings if w.code == "many_roles")
    assert warning.actor_id == actors["Kommunen"]


def test_unassign_and_remove_actor_return_what_was_there(setup) -> None:  # type: ignore[no-untyped-def]
    services, project, actors, roles = setup
    services.roles.assign(project, actors["Banken"], roles["funder"], "x", "y")
    removed = services.roles.unassign(project, actors["Banken"], roles["funder"]).value
    assert removed is not None and removed.contribution == "y"
    assert services.roles.unassign(project, actors["Banken"], roles["funder"]).value is None
    services.roles.assign(project, actors["Banken"], roles["funder"], "x", "y")
    kept = services.roles.remove_actor(project, actors["Banken"]).value
    assert actors["Banken"] not in [a.id for a in services.roles.matrix(project).actors]
    services.roles.restore_actor(project, actors["Banken"], kept)
    assert services.roles.matrix(project).assignment(actors["Banken"], roles["funder"]) == removed


def test_checklist_hints_follow_the_data(setup) -> None:  # type: ignore[no-untyped-def]
    services, project, actors, roles = setup
    hints = {item.number: item.hint for item in services.checklist.items(project)}
    assert set(k for k, v in hints.items() if v is not None) == {2, 6, 11}
    assert hints[6] is not None and hints[6].suggested_status == "not_started"
    for name, code in [
        ("Kommunen", "funder"),
        ("Idrettslaget", "implementer"),
        ("Banken", "target_contact"),
    ]:
        services.roles.assign(project, actors[name], roles[code], "a", "b")
    hints = {item.number: item.hint for item in services.checklist.items(project)}
    assert hints[6] is not None and hints[6].suggested_status == "done"
    assert hints[2] is not None and hints[2].suggested_status == "done"  # three sectors


def test_checklist_status_and_comment(services: Services) -> None:
    project = services.projects.create(ProjectInput(name="P")).value.id
    services.checklist.set_item(project, 4, "done", "Avklart på møte")
    item = services.checklist.items(project)[3]
    assert (item.status, item.comment, item.name.en) == (
        "done",
        "Avklart på møte",
        "Agree on what co-creation means to you",
    )
    with pytest.raises(ValidationError):
        services.checklist.set_item(project, 4, "finished")


def test_portfolio_lists_roles_per_actor_and_project(demo_services: Services) -> None:
    portfolio = demo_services.roles.portfolio()
    assert len(portfolio.projects) == 6
    names = {a.id: a.name for a in portfolio.actors}
    projects = {p.id: p.name for p in portfolio.projects}
    actor_id, project_id = next(
        (actor, project)
        for (actor, project) in portfolio.cells
        if names[actor] == "Stad kommune, helse og omsorg"
        and projects[project] == "Folkehelse i bygdene"
    )
    assert portfolio.codes(actor_id, project_id, "nn") == ("F", "A", "E")
    # In English the codes come from the English names: Funder, Employer, Project owner.
    assert portfolio.codes(actor_id, project_id, "en") == ("F", "E", "O")
    only_research = demo_services.roles.portfolio(sector="research")
    assert {a.sector for a in only_research.actors} == {"research"}
    planning = demo_services.roles.portfolio(phase="planning")
    assert [p.name for p in planning.projects] == ["Heimebasert omsorg 2030"]


def test_municipality_name_setting(services: Services) -> None:
    assert services.settings.municipality_name() == "Stad kommune"
    services.settings.set_municipality_name("  Kinn kommune ")
    assert services.settings.municipality_name() == "Kinn kommune"
    with pytest.raises(ValidationError):
        services.settings.set_municipality_name(" ")
    assert services.settings.municipality_name() == "Kinn kommune"


def test_delete_and_restore_a_user_defined_role(setup) -> None:  # type: ignore[no-untyped-def]
    services, project, actors, roles = setup
    role = services.roles.create_role("Vertskap", short="V").value
    services.roles.assign(project, actors["Banken"], role.id)
    with pytest.raises(ValidationError):
        services.roles.delete_role(role.id)  # in use
    services.roles.unassign(project, actors["Banken"], role.id)
    assert services.roles.delete_role(role.id).value == role
    assert role not in services.roles.roles()
    assert services.roles.restore_role(role).value == role
    assert role in services.roles.roles()
    with pytest.raises(ValidationError):
        services.roles.delete_role(roles["funder"])  # the program's own roles stay


@pytest.mark.parametrize(
    ("lang", "funder", "implementer", "contact"),
    [
        (
            "nn",
            "Ingen aktør finansierer prosjektet: det har ingen finansiør.",
            "Ingen står for gjennomføringa: prosjektet har ingen gjennomførar.",
            "Ingen aktør har rolla kontakt med målgruppa.",
        ),
        (
            "nb",
            "Ingen aktør finansierer prosjektet: det har ingen finansiør.",
            "Ingen står for gjennomføringen: prosjektet har ingen gjennomfører.",
            "Ingen aktør har rollen kontakt med målgruppen.",
        ),
        (
            "en",
            "No actor funds the project: it has no funder.",
            "Nobody carries out the project: the project has no implementer.",
            "No actor has the role contact with the target group.",
        ),
    ],
)
def test_missing_role_warnings_write_role_names_in_lower_case(
    setup, lang: str, funder: str, implementer: str, contact: str
) -> None:  # type: ignore[no-untyped-def]
    services, project, _actors, _roles = setup
    tr = Translator(lang)
    texts = [tr.render(w.message) for w in services.roles.matrix(project).warnings]
    assert funder in texts
    assert implementer in texts
    assert contact in texts


def test_kept_informed_has_a_warning_of_its_own(setup) -> None:  # type: ignore[no-untyped-def]
    """An actor that is kept informed has no contribution to wait for: the warning
    says that how it is kept informed is not agreed."""
    services, project, actors, roles = setup
    services.roles.assign(project, actors["Banken"], roles["informed"], expectation="Referat")
    warning = next(
        w
        for w in services.roles.matrix(project).warnings
        if w.code == "expectation_without_contribution"
    )
    expected = {
        "nn": "Banken skal haldast orientert, men det er ikkje avtalt korleis.",
        "nb": "Banken skal holdes orientert, men det er ikke avtalt hvordan.",
        "en": "Banken is to be kept informed, but how has not been agreed.",
    }
    for lang, text in expected.items():
        assert warning.message.render(Translator(lang)) == text


def test_role_names_keep_capitals_of_abbreviations() -> None:
    from stad_desktop.language import Localized

    assert Localized("NAV-kontakt", "NAV-kontakt", "NAV contact").in_sentence().en == "NAV contact"
    assert Localized("Forskar", "Forsker", "Researcher").in_sentence() == Localized(
        "forskar", "forsker", "researcher"
    )


def test_english_short_codes_match_the_english_names(services: Services) -> None:
    roles = {r.code: r for r in services.roles.roles()}
    english = {code: role.short_in("en") for code, role in roles.items()}
    assert english == {
        "funder": "F",
        "employer": "E",
        "researcher": "R",
        "target_contact": "C",
        "implementer": "I",
        "owner": "O",
        "participant": "P",
        "informed": "K",
    }
    for role in roles.values():
        # The code is the first letter of a word of the English name.
        initials = {word[0].upper() for word in role.name.en.split()}
        assert role.short_in("en") in initials, role.name.en
        assert role.short_in("nn") == role.short_in("nb") == role.short


def test_undo_texts_write_role_names_in_lower_case(setup) -> None:  # type: ignore[no-untyped-def]
    services, project, actors, roles = setup
    change = services.roles.assign(project, actors["Banken"], roles["target_contact"])
    assert change.description.render(Translator("nn")) == ("Gje Banken rolla kontakt med målgruppa")
    assert change.description.render(Translator("en")) == (
        "Give Banken the role contact with the target group"
    )
