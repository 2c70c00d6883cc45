"""The portfolio overview: every active project, the actors x projects matrix."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import TODAY, flat, pdf_pages, pdf_text

from stad_desktop.demo import ACTORS, PROJECTS, ROLES
from stad_desktop.language import Translator
from stad_desktop.reports import make_portfolio
from stad_desktop.services import ActorInput, ProjectInput, Services

HEADINGS = (
    "Portfolio overview",
    "Active projects",
    "Key figures",
    "Projects per phase",
    "Actors per sector",
    "Actors and projects",
    "Key indicators",
    "Project owner",
)


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_every_active_project_is_in_it(demo_services: Services, out: Path, lang: str) -> None:
    tr = Translator(lang)
    path = out / "portfolio.pdf"
    make_portfolio(demo_services, path, lang=lang, today=TODAY)
    text = pdf_text(path)
    for spec in PROJECTS:
        assert str(spec["name"]) in text, spec["name"]
        assert str(spec["owner"]) in text
    for msgid in HEADINGS:
        assert flat(tr._(msgid)) in text, msgid
    for role in demo_services.roles.roles():
        assert role.name.get(lang) in text
    # Every actor that has a role somewhere is a row of the matrix.
    for assignments in ROLES.values():
        for actor, *_rest in assignments:
            assert actor in text
    pages = pdf_pages(path)
    assert tr._("Page {page} of {pages}").format(page=1, pages=pages) in text
    assert tr._("Printed {date}").format(date=tr.format_date(TODAY)) in text
    assert "Čáhppes Ŋuorra" in text


def test_demo_portfolio_is_compact(demo_services: Services, out: Path) -> None:
    """The charts and the matrix follow on from each other (no page with only the
    charts), and the matrix headers are short enough that it does not spill far."""
    path = out / "portfolio.pdf"
    make_portfolio(demo_services, path, lang="nn", today=TODAY)
    assert pdf_pages(path) == 3
    tr = Translator("nn")
    from pypdf import PdfReader

    second = PdfReader(str(path)).pages[1].extract_text() or ""
    assert flat(tr._("Key figures")) in flat(second)
    assert flat(tr._("Actors and projects")) in flat(second)


def test_archived_projects_are_left_out(demo_services: Services, out: Path) -> None:
    archived = demo_services.projects.find("Ungdom på Stadlandet")
    demo_services.projects.archive(archived.id)
    path = out / "portfolio.pdf"
    make_portfolio(demo_services, path, lang="nn")
    text = pdf_text(path)
    assert "Ungdom på Stadlandet" not in text
    assert "Folkehelse i bygdene" in text


def test_pages_are_landscape(demo_services: Services, out: Path) -> None:
    from pypdf import PdfReader

    path = out / "portfolio.pdf"
    make_portfolio(demo_services, path, lang="nn")
    for page in PdfReader(str(path)).pages:
        assert page.mediabox.width > page.mediabox.height


def test_contacts_only_when_asked(demo_services: Services, out: Path) -> None:
    emails = [actor[4][1] for actor in ACTORS if actor[4]]
    plain = out / "plain.pdf"
    make_portfolio(demo_services, plain, lang="nn")
    text = pdf_text(plain)
    assert not [email for email in emails if email in text]
    assert "@" not in text
    with_contacts = out / "contacts.pdf"
    make_portfolio(demo_services, with_contacts, lang="nn", include_contacts=True)
    text = pdf_text(with_contacts)
    assert "ingrid.hjelmeland@stad.example" in text
    assert "ande.nuorra@epost.example" in text


def test_wide_matrix_is_split_into_slices(services: Services, out: Path) -> None:
    """40 projects do not fit across one page: the columns come in numbered slices,
    each with its header row, and only the actors taking part in that slice."""
    roles = {role.code: role.id for role in services.roles.roles()}
    actors = [
        services.actors.create(ActorInput(name=f"Lag nr. {n:02d}", sector="voluntary")).value.id
        for n in range(12)
    ]
    for n in range(40):
        project = services.projects.create(ProjectInput(name=f"Prosjekt {n:02d}")).value
        services.roles.assign(project.id, actors[n % 12], roles["funder"])
        services.roles.assign(project.id, actors[(n + 1) % 12], roles["implementer"])
    path = out / "wide.pdf"
    make_portfolio(services, path, lang="en")
    text = pdf_text(path)
    tr = Translator("en")
    pattern = tr._("Projects {first}–{last} of {total}")
    assert pattern.format(first=1, last=17, total=40) in text
    assert pattern.format(first=35, last=40, total=40) in text
    for n in range(40):
        assert f"Prosjekt {n:02d}" in text
    assert pdf_pages(path) >= 3


def test_empty_database(services: Services, out: Path) -> None:
    path = out / "empty.pdf"
    make_portfolio(services, path, lang="nb")
    tr = Translator("nb")
    assert tr._("No active projects.") in pdf_text(path)
