"""Nynorsk printouts hold no Bokmål forms and Bokmål printouts no Nynorsk forms.

The project's own word-form check (build_scripts/wordforms.py) reads the text of
real PDFs. Everything the program writes is covered: headings and labels (from the
catalogs), role, sector, phase, status and checklist names, and warnings. The free
text typed by users is kept neutral here (the same in both written forms), so that
only the program's own words are judged.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from report_helpers import TODAY

from stad_desktop.model import ChecklistStatus, Sector
from stad_desktop.reports import make_portfolio, make_project_summary
from stad_desktop.services import (
    ActorInput,
    EntryInput,
    IndicatorInput,
    ProjectInput,
    Services,
)

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build_scripts"))

import wordforms


def _wrong_forms(lang: str, text: str) -> str:
    """The words of the other written standard in a printout's text, one per line."""
    findings = wordforms.check_lines(lang, wordforms.text_lines(text, f"printout ({lang})"))
    return "\n".join(map(str, findings))


def _text(path: Path) -> str:
    from pypdf import PdfReader

    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def _neutral_data(services: Services) -> tuple[str, str]:
    """Two projects that bring out every kind of program text: all roles, sectors,
    statuses and phases, each kind of warning, indicators and entries."""
    roles = services.roles.roles()
    actors = [
        services.actors.create(ActorInput(name=f"Aktør {n}", sector=sector)).value.id
        for n, sector in enumerate(Sector, start=1)
    ]
    full = services.projects.create(
        ProjectInput(
            name="Prosjekt Alfa",
            phase="implementation",
            goal="Alfa",
            target_group="Beta",
            area="Gamma",
            owner_id=actors[0],
            start_date=dt.date(2025, 3, 1),
            end_date=dt.date(2027, 12, 31),
            budget_nok="100000",
        )
    ).value
    for index, role in enumerate(roles):
        services.roles.assign(full.id, actors[index % len(actors)], role.id, "Alfa", "Beta")
    for role in roles[:4]:  # one actor with many roles, one expectation not agreed
        services.roles.assign(full.id, actors[-1], role.id, "Alfa", "")
    for number, status in zip(range(1, 12), list(ChecklistStatus) * 3, strict=False):
        services.checklist.set_item(full.id, number, status, "Alfa")
    indicator = services.effects.add_indicator(
        full.id, IndicatorInput("Alfa", "%", 10, dt.date(2025, 3, 1), 50, dt.date(2027, 12, 31))
    ).value
    for month, value in ((6, 15), (12, 22)):
        services.effects.add_entry(
            full.id,
            EntryInput(
                entry_date=dt.date(2025, month, 1),
                indicator_id=indicator.id,
                value=value,
                beneficiary="target_group",
                source="Beta",
            ),
        )
    for beneficiary in ("local_community", "municipality", "state_treasury", "business"):
        services.effects.add_entry(
            full.id,
            EntryInput(entry_date=dt.date(2026, 1, 1), text="Gamma", beneficiary=beneficiary),
        )
    bare = services.projects.create(ProjectInput(name="Prosjekt Beta", phase="completed")).value
    services.roles.assign(bare.id, actors[0], roles[-1].id)
    return full.id, bare.id


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_program_text_is_in_the_right_written_form(
    services: Services, tmp_path: Path, lang: str
) -> None:
    ids = _neutral_data(services)
    texts = []
    for number, project_id in enumerate(ids):
        path = tmp_path / f"summary-{number}.pdf"
        make_project_summary(services, project_id, path, lang=lang, today=TODAY)
        texts.append(_text(path))
    path = tmp_path / "portfolio.pdf"
    make_portfolio(services, path, lang=lang, today=TODAY)
    texts.append(_text(path))
    text = "\n".join(texts)
    # The check is only worth something if the data-derived words are there.
    from stad_desktop.model.catalogue import CHECKLIST_ITEMS

    for item in CHECKLIST_ITEMS:
        assert item.get(lang).split()[0] in text
    for role in services.roles.roles():
        assert role.name.get(lang) in text
    assert _wrong_forms(lang, text) == ""


def test_nynorsk_summary_of_the_example_data(demo_services: Services, tmp_path: Path) -> None:
    """Stad's own data is Nynorsk, so the whole printout must pass the nn check."""
    texts = []
    for ref in demo_services.projects.refs():
        path = tmp_path / f"{ref.id}.pdf"
        make_project_summary(demo_services, ref.id, path, lang="nn", today=TODAY)
        texts.append(_text(path))
    path = tmp_path / "portfolio.pdf"
    make_portfolio(demo_services, path, lang="nn", today=TODAY)
    texts.append(_text(path))
    assert _wrong_forms("nn", "\n".join(texts)) == ""
