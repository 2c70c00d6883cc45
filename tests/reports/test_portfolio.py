"""The portfolio overview: every active project, the actors x projects matrix."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import TODAY, flat, pdf_pages, pdf_text

from stad_desktop.demo_data import ACTORS, PROJECTS, ROLES
from stad_desktop.format import format_date
from stad_desktop.language import Translator
from stad_desktop.model import Phase
from stad_desktop.reports import make_portfolio
from stad_desktop.services import ActorInput, ProjectInput, Services

COMPLETED = "Smart Stad – digitale møteplassar"
ACTIVE = [str(spec["name"]) for spec in PROJECTS if spec["phase"] != Phase.COMPLETED]

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
    assert len(ACTIVE) == 5
    for spec in PROJECTS:
        if spec["name"] in ACTIVE:
            assert str(spec["name"]) in text, spec["name"]
            assert str(spec["owner"]) in text
    for msgid in HEADINGS:
        assert flat(tr._(msgid)) in text, msgid
    for role in demo_services.roles.roles():
        assert role.name.get(lang) in text
    # Every actor that has a role in an active project is a row of the matrix.
    for project, assignments in ROLES.items():
        for actor, *_rest in assignments:
            assert project not in ACTIVE or actor in text
    pages = pdf_pages(path)
    assert tr._("Page {page} of {pages}").format(page=1, pages=pages) in text
    assert tr._("Printed {date}").format(date=format_date(TODAY, tr, "long")) in text
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


def test_completed_projects_are_not_active(demo_services: Services, out: Path) -> None:
    """ "Active" means neither completed nor archived."""
    path = out / "portfolio.pdf"
    make_portfolio(demo_services, path, lang="nn", today=TODAY)
    text = pdf_text(path)
    assert COMPLETED not in text
    assert "Aktive prosjekt: 5." in text


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


def _numbered_projects(services: Services, count: int, actors: int = 12) -> None:
    roles = {role.code: role.id for role in services.roles.roles()}
    ids = [
        services.actors.create(ActorInput(name=f"Lag nr. {n:02d}", sector="voluntary")).value.id
        for n in range(actors)
    ]
    for n in range(count):
        project = services.projects.create(ProjectInput(name=f"Prosjekt {n + 1}")).value
        services.roles.assign(project.id, ids[n % actors], roles["funder"])
        services.roles.assign(project.id, ids[(n + 1) % actors], roles["implementer"])


def test_wide_matrix_is_printed_in_named_slices_when_asked(services: Services, out: Path) -> None:
    """40 projects do not fit across one page with their names: asked for, the
    matrix comes in numbered slices, each with the projects' names over the columns
    and only the actors taking part in that slice."""
    _numbered_projects(services, 40)
    path = out / "wide.pdf"
    make_portfolio(services, path, lang="en", matrix=True)
    text = pdf_text(path)
    tr = Translator("en")
    pattern = tr._("Projects {first}–{last} of {total}")
    assert pattern.format(first=1, last=8, total=40) in text
    assert pattern.format(first=33, last=40, total=40) in text
    # The columns are headed with the projects' names.
    matrix = text[text.index(flat(tr._("Actors and projects"))) :]
    for n in range(1, 41):
        assert f"{n}. Prosjekt {n} " in matrix, n


def test_unreadable_matrix_is_left_out_by_default(services: Services, out: Path) -> None:
    _numbered_projects(services, 40)
    tr = Translator("en")
    default = out / "default.pdf"
    make_portfolio(services, default, lang="en")
    text = pdf_text(default)
    assert flat(tr._("Actors and projects")) not in text
    assert "40 projects do not fit across a page" in text
    asked = out / "asked.pdf"
    make_portfolio(services, asked, lang="en", matrix=True)
    assert pdf_pages(asked) > pdf_pages(default)


def test_numbered_projects_sort_by_number(services: Services, out: Path) -> None:
    _numbered_projects(services, 12)
    path = out / "portfolio.pdf"
    make_portfolio(services, path, lang="nn")
    text = pdf_text(path)
    listed = [text.index(f"Prosjekt {n} ") for n in range(1, 13)]
    assert listed == sorted(listed)


def test_filter_by_phase_and_area(demo_services: Services, out: Path) -> None:
    tr = Translator("nb")
    planning = out / "planning.pdf"
    make_portfolio(demo_services, planning, lang="nb", phases=["planning", "evaluation"])
    text = pdf_text(planning)
    assert "Heimebasert omsorg 2030" in text and "Kulturskule 3.0" in text
    assert "Folkehelse i bygdene" not in text
    assert tr._("Phases: {phases}.").format(phases="Planlegging, Evaluering") in text
    culture = out / "culture.pdf"
    make_portfolio(demo_services, culture, lang="nb", areas=["kultur", "Oppvekst"])
    text = pdf_text(culture)
    assert "Kulturskule 3.0" in text and "Ungdom på Stadlandet" in text
    assert "Heimebasert omsorg 2030" not in text
    completed = out / "completed.pdf"
    make_portfolio(demo_services, completed, lang="nb", phases=["completed"])
    assert COMPLETED in pdf_text(completed)
    nothing = out / "nothing.pdf"
    make_portfolio(demo_services, nothing, lang="nb", phases=["idea"], areas=["Kultur"])
    assert tr._("No project matches the chosen phases and areas.") in pdf_text(nothing)


def test_pdf_has_outline_title_and_language(demo_services: Services, out: Path) -> None:
    from pypdf import PdfReader

    for lang, tag in (("nn", "nn-NO"), ("nb", "nb-NO"), ("en", "en-GB")):
        tr = Translator(lang)
        path = out / f"portfolio-{lang}.pdf"
        make_portfolio(demo_services, path, lang=lang)
        reader = PdfReader(str(path))
        assert reader.trailer["/Root"]["/Lang"] == tag
        assert reader.metadata is not None
        assert reader.metadata.title == tr._("Portfolio overview")
        titles = {item.title: reader.get_destination_page_number(item) for item in reader.outline}
        for heading in ("Active projects", "Key figures", "Actors and projects"):
            page = titles[tr._(heading)]
            assert flat(tr._(heading)) in flat(reader.pages[page].extract_text() or "")


def test_empty_database(services: Services, out: Path) -> None:
    path = out / "empty.pdf"
    make_portfolio(services, path, lang="nb")
    tr = Translator("nb")
    text = pdf_text(path)
    assert tr._("There are no active projects.") in text
    # No charts of zeros, no empty tables.
    for msgid in ("Key figures", "Projects per phase", "Actors per sector", "Project owner"):
        assert flat(tr._(msgid)) not in text
    assert pdf_pages(path) == 1


def _scale_one_projects(services: Services) -> None:
    """300 projects as benchmarks/generate.py makes them at scale 1 (names, phases,
    owners, 20 role assignments and two indicators each), without the bulk of
    effect entries that does not show in the portfolio."""
    import datetime as dt
    import random

    from benchmarks.generate import TOPICS, VILLAGES
    from stad_desktop.model import Sector
    from stad_desktop.services import AssignmentRow, EntryInput, IndicatorInput

    rng = random.Random(2026)
    sectors = list(Sector)
    actors = services.bulk.actors(
        [
            ActorInput(name=f"Aktør i {rng.choice(VILLAGES)} {n}", sector=sectors[n % 7])
            for n in range(400)
        ]
    )
    phases = list(Phase)
    projects = services.bulk.projects(
        [
            ProjectInput(
                name=f"{rng.choice(TOPICS)} i {rng.choice(VILLAGES)} {n + 1}",
                phase=phases[n % len(phases)],
                area=rng.choice(TOPICS),
                owner_id=rng.choice(actors),
                start_date=dt.date(2021, 1, 1),
                end_date=dt.date(2026, 1, 1),
            )
            for n in range(300)
        ]
    )
    roles = [role.id for role in services.roles.roles()]
    rows = []
    for project in projects:
        pairs = rng.sample([(a, r) for a in rng.sample(actors, 8) for r in roles], 20)
        rows += [AssignmentRow(project, actor, role, "", "") for actor, role in pairs]
    services.bulk.assignments(rows)
    indicators = [
        (
            projects[n % 300],
            IndicatorInput(f"Deltakarar på tiltak {n + 1}", "personar", 10, None, 300, None),
        )
        for n in range(600)
    ]
    ids = services.bulk.indicators(indicators)
    services.bulk.entries(
        [
            (project, EntryInput(dt.date(2024, 1, 1), indicator, rng.randint(0, 500)))
            for indicator, (project, _input) in zip(ids, indicators, strict=True)
        ]
    )


def test_scale_one_portfolio_fits_council_papers(services: Services, out: Path) -> None:
    """300 projects: the default portfolio (every active project, the matrix left
    out as unreadable) has at most 30 pages."""
    _scale_one_projects(services)
    path = out / "portfolio.pdf"
    make_portfolio(services, path, lang="nn")
    assert 15 <= pdf_pages(path) <= 30
    text = pdf_text(path)
    assert "Aktive prosjekt: 250." in text
