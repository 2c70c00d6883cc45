"""Every field at its maximum length prints: long texts flow across pages, table
cells split between pages, and not a word is lost."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from report_helpers import TODAY, pdf_pages, pdf_text

from stad_desktop.reports import make_portfolio, make_project_summary
from stad_desktop.services import (
    ActorInput,
    ContactInput,
    EntryInput,
    IndicatorInput,
    ProjectInput,
    Services,
)

# The services' limits: free text 20,000 characters, names 200, areas 100, units 40.
TEXT_MAX = 20000
NAME_MAX = 200


def numbered_text(prefix: str, length: int = TEXT_MAX) -> str:
    """Words ``prefix0001 prefix0002 ...`` filling exactly ``length`` characters, so
    that a lost word shows as a missing number."""
    words: list[str] = []
    size = -1
    number = 1
    while True:
        word = f"{prefix}{number:04d}"
        if size + 1 + len(word) > length:
            break
        words.append(word)
        size += 1 + len(word)
        number += 1
    text = " ".join(words)
    return text + "." * (length - len(text))


def _missing(text: str, field: str) -> set[str]:
    expected = set(re.findall(r"[a-z]+\d{4}", field))
    return expected - set(re.findall(r"[a-z]+\d{4}", text))


def _name(prefix: str) -> str:
    return numbered_text(prefix, NAME_MAX)


def test_every_field_at_its_maximum_length_prints(services: Services, out: Path) -> None:
    fields = {key: numbered_text(key) for key in ("sum", "goal", "tgt", "exp", "con", "com")}
    fields |= {"txt": numbered_text("txt"), "src": numbered_text("src")}
    actor = services.actors.create(
        ActorInput(
            name=_name("actor"),
            sector="voluntary",
            village="V" * 100,
            contacts=(ContactInput(name=_name("person"), email="a@b.no", phone="+47 99 99 99 99"),),
        )
    ).value
    project = services.projects.create(
        ProjectInput(
            name=_name("project"),
            phase="implementation",
            summary=fields["sum"],
            goal=fields["goal"],
            target_group=fields["tgt"],
            area="A" * 100,
            owner_id=actor.id,
            budget_nok="999999999999",
            start_date=dt.date(2020, 1, 1),
            end_date=dt.date(2030, 12, 31),
        )
    ).value
    roles = {role.code: role.id for role in services.roles.roles()}
    services.roles.assign(project.id, actor.id, roles["funder"], fields["exp"], fields["con"])
    services.checklist.set_item(project.id, 6, "in_progress", fields["com"])
    indicator = services.effects.add_indicator(
        project.id, IndicatorInput(_name("indicator"), "u" * 40, 1, None, 2, None)
    ).value
    services.effects.add_entry(
        project.id, EntryInput(dt.date(2024, 1, 1), indicator.id, 1.5, source="x")
    )
    services.effects.add_entry(
        project.id,
        EntryInput(
            dt.date(2025, 1, 1),
            text=fields["txt"],
            source=fields["src"],
            recorded_by="R" * NAME_MAX,
            beneficiary="target_group",
        ),
    )
    path = out / "long.pdf"
    make_project_summary(services, project.id, path, lang="nn", today=TODAY, include_contacts=True)
    text = pdf_text(path)
    assert pdf_pages(path) > 10
    for key, field in fields.items():
        assert not _missing(text, field), key
    for prefix in ("actor", "person", "project", "indicator"):
        assert not _missing(text, _name(prefix)), prefix

    portfolio = out / "portfolio.pdf"
    make_portfolio(services, portfolio, lang="nn", today=TODAY, include_contacts=True)
    text = pdf_text(portfolio)
    for prefix in ("actor", "person", "project", "indicator"):
        assert not _missing(text, _name(prefix)), prefix
