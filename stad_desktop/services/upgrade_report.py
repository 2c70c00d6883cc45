"""What an upgrade of the database changed in the data, told to the user.

A migration that has to change data (not only the schema) keeps a report in the
settings row ``upgrade_report.<revision>``: JSON ``{"items": [...], "shown":
bool}``. The window shows a report once after the upgrade (then it is marked as
shown), and ``stad-desktop check`` shows it every time. The texts are made here,
in the user's language, from what the migration wrote down.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from stad_desktop.language import N_, Message, Translator
from stad_desktop.model import Setting
from stad_desktop.model.catalogue import DEFAULT_ROLES, OWNER
from stad_desktop.storage import Database

REPORT_PREFIX = "upgrade_report."

_OWNER_ROLE = next(role.name for role in DEFAULT_ROLES if role.code == OWNER).in_sentence()


@dataclass(frozen=True)
class ReportLine:
    """What was done to one record (a project), in one or more sentences."""

    name: str
    sentences: tuple[Message, ...]

    def render(self, tr: Translator | None = None) -> str:
        return f"{self.name}: " + " ".join(sentence.render(tr) for sentence in self.sentences)


@dataclass(frozen=True)
class UpgradeReport:
    revision: str
    heading: Message
    lines: tuple[ReportLine, ...]
    shown: bool

    def render(self, tr: Translator | None = None) -> list[str]:
        return [self.heading.render(tr), *(line.render(tr) for line in self.lines)]


def _owner_lines(items: list[dict[str, Any]]) -> tuple[ReportLine, ...]:
    """One line per project (revision 0005: one owner per project)."""
    lines = []
    for item in items:
        params = {
            "owner": str(item.get("owner", "")),
            "role": _OWNER_ROLE,
            "others": ", ".join(str(name) for name in item.get("taken_from", [])),
        }
        parts = []
        became = item.get("became_owner")
        if became == "single":
            parts.append(Message(N_("{owner} held the role {role} and is now the owner."), params))
        elif became:
            parts.append(
                Message(
                    N_(
                        "Several actors held the role {role}; {owner}, who was given it "
                        "first, is now the owner."
                    ),
                    params,
                )
            )
        if item.get("given_role"):
            parts.append(Message(N_("The owner {owner} was given the role {role}."), params))
        if params["others"]:
            parts.append(Message(N_("The role {role} was taken from {others}."), params))
        if parts:
            lines.append(ReportLine(str(item.get("project", "")), tuple(parts)))
    return tuple(lines)


_HEADINGS = {
    "0005": N_(
        "The upgrade made the project owner and the role {role} agree in every project "
        "(one owner per project, holding the role). A copy of the database from before "
        "the upgrade is kept among the backups."
    ),
}


class UpgradeReportService:
    def __init__(self, db: Database) -> None:
        self._db = db

    def reports(self) -> tuple[UpgradeReport, ...]:
        """Every report kept, oldest revision first."""
        stmt = select(Setting.key, Setting.value).where(Setting.key.startswith(REPORT_PREFIX))
        with self._db.reading() as session:
            rows = sorted(session.execute(stmt))
        result = []
        for key, value in rows:
            revision = key[len(REPORT_PREFIX) :]
            try:
                data = json.loads(value)
            except ValueError:
                continue
            if not isinstance(data, dict) or revision not in _HEADINGS:
                continue
            result.append(
                UpgradeReport(
                    revision=revision,
                    heading=Message(_HEADINGS[revision], {"role": _OWNER_ROLE}),
                    lines=_owner_lines(list(data.get("items", []))),
                    shown=bool(data.get("shown", False)),
                )
            )
        return tuple(result)

    def unshown(self) -> tuple[UpgradeReport, ...]:
        return tuple(report for report in self.reports() if not report.shown)

    def mark_shown(self) -> None:
        """Remember that the user has been told (the reports themselves are kept)."""
        with self._db.transaction() as session:
            for setting in session.scalars(
                select(Setting).where(Setting.key.startswith(REPORT_PREFIX))
            ):
                try:
                    data = json.loads(setting.value)
                except ValueError:
                    continue
                if isinstance(data, dict) and not data.get("shown"):
                    data["shown"] = True
                    setting.value = json.dumps(data, ensure_ascii=False)
