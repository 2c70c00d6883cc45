"""Printouts a council can read: whole names, readable charts, tables and notes that
hold together over page breaks, real minus signs, shares adding up to 100, and the
program's wording."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from pathlib import Path

import pytest
from report_helpers import TODAY, flat, pdf_text

from stad_desktop.language import Translator
from stad_desktop.reports import make_portfolio, make_project_summary
from stad_desktop.services import (
    ActorInput,
    ContactInput,
    EntryInput,
    IndicatorInput,
    ProjectInput,
    Services,
)


def _pages(path: Path) -> list[str]:
    from pypdf import PdfReader

    return [flat(page.extract_text() or "") for page in PdfReader(str(path)).pages]


# --- charts -----------------------------------------------------------------------------
def _chart(points: int, days: int, width: float = 240):  # type: ignore[no-untyped-def]
    from stad_desktop.reports.charts import indicator_chart
    from stad_desktop.reports.data import IndicatorSeries
    from stad_desktop.reports.style import register_fonts
    from stad_desktop.services.readmodels import IndicatorView, MeasurementPoint

    register_fonts()
    start = dt.date(2019, 1, 1)
    series = [
        MeasurementPoint(str(n), start + dt.timedelta(days=n * days // points), n / 10)
        for n in range(points)
    ]
    indicator = IndicatorView(
        "i", "p", "Deltakarar", "", 0.0, start, 200.0, start + dt.timedelta(days=days), None,
        "", series[-1].value, series[-1].date, points,
    )  # fmt: skip
    return indicator_chart(IndicatorSeries(indicator, tuple(series)), Translator("nn"), width)


def _line_plot(drawing):  # type: ignore[no-untyped-def]
    from reportlab.graphics.charts.lineplots import LinePlot

    return next(item for item in drawing.contents if isinstance(item, LinePlot))


@pytest.mark.parametrize(("days", "width"), [(8 * 365, 240), (3 * 365, 240), (15 * 365, 160)])
def test_date_labels_do_not_overlap(days: int, width: float) -> None:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    plot = _line_plot(_chart(40, days, width))
    axis = plot.xValueAxis
    low, high = axis.valueMin, axis.valueMax
    spans = []
    for value in axis.valueSteps:
        text = axis.labelTextFormat(value)
        middle = plot.x + (value - low) / (high - low) * plot.width
        half = stringWidth(text, axis.labels.fontName, axis.labels.fontSize) / 2
        spans.append((middle - half, middle + half))
    assert len(spans) >= 3
    for (_left, right), (next_left, _right) in itertools.pairwise(spans):
        assert right < next_left


def test_many_points_read_as_a_line() -> None:
    """1,800 measurements: a plain line of averages, not 1,800 dots and zigzags
    merging into a band; a few measurements keep their dots."""
    many = _line_plot(_chart(1800, 5 * 365))
    assert getattr(many.lines[0], "symbol", None) is None
    assert len(many.data[0]) <= many.width / 2
    few = _line_plot(_chart(12, 365))
    assert getattr(few.lines[0], "symbol", None) is not None
    assert len(few.data[0]) == 12


# --- whole names ------------------------------------------------------------------------
LONG_ACTOR = "Foreldregruppa for barn og unge i Nordfjordeid, Stårheim og Hennebygda"
LONG_PROJECT = "Heimebasert omsorg og velferdsteknologi i alle bygdene i Stad kommune 2030"
LONG_CONTACT = "Kari Ødegård-Håland Bjørnstad Kvalheim"
LONG_EMAIL = "kari.odegard-haland.bjornstad@foreldregruppa-nordfjordeid.example"


def test_names_are_never_cut(services: Services, out: Path) -> None:
    actor = services.actors.create(
        ActorInput(
            name=LONG_ACTOR,
            sector="citizens",
            contacts=(ContactInput(LONG_CONTACT, LONG_EMAIL, "+47 912 34 567"),),
        )
    ).value
    roles = {role.code: role.id for role in services.roles.roles()}
    for number in range(3):
        project = services.projects.create(
            ProjectInput(name=f"{LONG_PROJECT} ({number + 1})")
        ).value
        services.roles.assign(project.id, actor.id, roles["funder"])
    portfolio = out / "portfolio.pdf"
    make_portfolio(services, portfolio, lang="nn", include_contacts=True)
    text = pdf_text(portfolio)
    assert "…" not in text
    # In the project list and over the matrix's columns.
    assert text.count(f"{LONG_PROJECT} (1)") == 2
    for whole in (LONG_ACTOR, LONG_CONTACT, LONG_EMAIL):
        assert whole in text
    summary = out / "summary.pdf"
    make_project_summary(services, project.id, summary, lang="nn")
    text = pdf_text(summary)
    assert "…" not in text
    header = Translator("nn")._("Project summary: {project}").format(project=project.name)
    assert text.count(header) == len(_pages(summary))


def test_role_codes_do_not_wrap(services: Services, out: Path) -> None:
    actor = services.actors.create(ActorInput(name="Lag", sector="voluntary")).value
    project = services.projects.create(ProjectInput(name="Prosjekt")).value
    roles = {role.code: role.id for role in services.roles.roles()}
    services.roles.assign(project.id, actor.id, roles["funder"])
    for name, short in (("Vertskap", "ABCD"), ("Frivillig rettleiar", "FR")):
        role = services.roles.create_role(name, short=short).value
        services.roles.assign(project.id, actor.id, role.id)
    path = out / "portfolio.pdf"
    make_portfolio(services, path, lang="nn")
    text = pdf_text(path)
    assert re.search(r"\bF ABCD FR\b", text), text


# --- tables over page breaks -------------------------------------------------------------
def test_split_table_repeats_the_actor(services: Services, out: Path) -> None:
    """An actor's expectations run over several pages: each page names the actor."""
    actor = services.actors.create(ActorInput(name="Bygdelaget Mangfald", sector="voluntary")).value
    project = services.projects.create(ProjectInput(name="Prosjekt")).value
    for role in services.roles.roles():
        text = f"Forventning til {role.code}: " + "delta på møte og dugnad " * 30
        services.roles.assign(project.id, actor.id, role.id, text, "Ja, " + text)
    path = out / "summary.pdf"
    make_project_summary(services, project.id, path, lang="nn")
    pages = [page for page in _pages(path) if "delta på møte og dugnad" in page]
    assert len(pages) >= 2
    for page in pages:
        assert "Bygdelaget Mangfald" in page


def test_a_note_never_stands_alone_at_the_top_of_a_page(services: Services, out: Path) -> None:
    """However the project list ends on a page, its note goes with part of it."""
    tr = Translator("en")
    note = flat(tr._("Actors per sector count each actor once per project."))
    for count in range(1, 18):
        services.projects.create(ProjectInput(name=f"Tiltak {count:03d}", phase="idea"))
    # From 18 to 32 projects the list ends at every height of its second page.
    for count in range(18, 33):
        services.projects.create(ProjectInput(name=f"Tiltak {count:03d}", phase="idea"))
        path = out / f"portfolio-{count}.pdf"
        make_portfolio(services, path, lang="en")
        for page in _pages(path):
            if note in page:
                assert "Tiltak" in page, count
        path.unlink()


# --- numbers -----------------------------------------------------------------------------
def test_minus_signs_and_shares(services: Services, out: Path) -> None:
    project = services.projects.create(ProjectInput(name="Prosjekt")).value
    for name, sector in (
        ("Kommunen", "municipality"),
        ("Laget", "voluntary"),
        ("Banken", "business"),
    ):
        actor = services.actors.create(ActorInput(name=name, sector=sector)).value
        services.roles.add_actor(project.id, actor.id)
    indicator = services.effects.add_indicator(
        project.id, IndicatorInput("Netto", "kr", -5, dt.date(2024, 1, 1), 10, dt.date(2026, 1, 1))
    ).value
    services.effects.add_entry(project.id, EntryInput(dt.date(2025, 1, 1), indicator.id, -2.5))
    path = out / "summary.pdf"
    make_project_summary(services, project.id, path, lang="nn", today=TODAY)
    text = pdf_text(path)
    assert "\u22125" in text and "\u22122,5" in text
    assert not re.search(r"-\d", text)
    # Three sectors with one actor each: 34 + 33 + 33 = 100.
    assert text.count("34 %") == 1 and text.count("33 %") == 2


# --- wording -----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("lang", "missing", "informed", "no_funder", "no_implementer", "footer"),
    [
        (
            "nn",
            "Ikkje avtalt bidrag",
            "Selje grendalag skal haldast orientert, men det er ikkje avtalt korleis.",
            "Ingen aktør finansierer prosjektet: det har ingen finansiør.",
            "prosjektet har ingen gjennomførar.",
            "Utskrift: 30. november 2026",
        ),
        (
            "nb",
            "Ingen bidrag avtalt",
            "Selje grendalag skal holdes orientert, men det er ikke avtalt hvordan.",
            "Ingen aktør finansierer prosjektet: det har ingen finansiør.",
            "prosjektet har ingen gjennomfører.",
            "Utskrift: 30. november 2026",
        ),
        (
            "en",
            "No contribution agreed",
            "Selje grendalag is to be kept informed, but how has not been agreed.",
            "No actor funds the project: it has no funder.",
            "the project has no implementer.",
            "Printed 30 November 2026",
        ),
    ],
)
def test_summary_wording(
    services: Services,
    out: Path,
    lang: str,
    missing: str,
    informed: str,
    no_funder: str,
    no_implementer: str,
    footer: str,
) -> None:
    roles = {role.code: role.id for role in services.roles.roles()}
    lag = services.actors.create(ActorInput(name="Selje grendalag", sector="voluntary")).value
    bank = services.actors.create(ActorInput(name="Sparebanken", sector="business")).value
    project = services.projects.create(ProjectInput(name="Prosjekt", budget_nok="1250000")).value
    services.roles.assign(project.id, lag.id, roles["informed"], "Referat kvar månad", "")
    services.roles.assign(project.id, bank.id, roles["employer"], "Tilsette", "")
    path = out / "summary.pdf"
    make_project_summary(services, project.id, path, lang=lang, today=dt.date(2026, 11, 30))
    text = pdf_text(path)
    for expected in (missing, informed, no_funder, no_implementer, footer):
        assert expected in text
    tr = Translator(lang)
    # The checklist's heading does not stand over a column of almost the same name.
    assert "Sjekkliste for samskaping" not in text
    assert flat(tr._("Checklist")) in text
    if lang == "en":
        assert "NOK 1,250,000" in text
    else:
        assert "1 250 000 kr" in text


def test_english_portfolio_wording(demo_services: Services, out: Path) -> None:
    path = out / "portfolio.pdf"
    make_portfolio(demo_services, path, lang="en")
    text = pdf_text(path)
    assert "Total actors" in text
    # Role codes from the English names, in the legend and the cells.
    for legend in ("F Funder", "E Employer", "C Contact with the target group", "I Implementer"):
        assert legend in text
    assert "A Employer" not in text
