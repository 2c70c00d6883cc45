"""Nynorsk printouts hold no Bokmål forms and Bokmål printouts no Nynorsk forms.

The shared malform lint checks the text of real PDFs. Everything the program
writes is covered: headings and labels (from the catalogs), role, sector, phase,
status and checklist names, and warnings. While the catalogs are not translated
the labels are English and pass; the data-derived names are checked now, and the
labels automatically once translations exist. The free text typed by users is
kept neutral here (the same in both written forms), so that only the program's
own words are judged.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
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

LINT_CANDIDATES = (
    os.environ.get("STAD_MALFORM_LINT", ""),
    # The shared folder lies beside the repository (also in CI).
    str(Path(__file__).resolve().parents[3] / "shared" / "tools" / "malform_lint.py"),
)


def _lint_tool() -> Path:
    for candidate in LINT_CANDIDATES:
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    raise AssertionError(
        "malform_lint.py not found; set STAD_MALFORM_LINT to its path "
        f"(looked in {[c for c in LINT_CANDIDATES if c]})"
    )


def _lint(lang: str, text: str, folder: Path) -> subprocess.CompletedProcess[str]:
    path = folder / f"printout-{lang}.txt"
    path.write_text(text, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(_lint_tool()), lang, "--text", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )


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
    result = _lint(lang, text, tmp_path)
    assert result.returncode == 0, result.stdout


def test_nynorsk_summary_of_the_example_data(demo_services: Services, tmp_path: Path) -> None:
    """Stad's own data is Nynorsk, so the whole printout must pass the nn lint."""
    texts = []
    for ref in demo_services.projects.refs():
        path = tmp_path / f"{ref.id}.pdf"
        make_project_summary(demo_services, ref.id, path, lang="nn", today=TODAY)
        texts.append(_text(path))
    path = tmp_path / "portfolio.pdf"
    make_portfolio(demo_services, path, lang="nn", today=TODAY)
    texts.append(_text(path))
    result = _lint("nn", "\n".join(texts), tmp_path)
    assert result.returncode == 0, result.stdout
