"""The two printouts: gather through the services, then render with ReportLab.

ReportLab is imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from stad_desktop.model.catalogue import DEFAULT_MUNICIPALITY

if TYPE_CHECKING:
    from stad_desktop.services import Services

__all__ = ["DEFAULT_MUNICIPALITY", "make_portfolio", "make_project_summary"]


def make_project_summary(
    services: Services,
    project_id: str,
    path: Path | str,
    *,
    lang: str,
    include_contacts: bool = False,
    municipality: str = DEFAULT_MUNICIPALITY,
    logo: Path | str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the project summary PDF to ``path`` (atomically) and return the path.

    Raises ``NotFoundError`` for an unknown project, ``ValueError`` for an unknown
    language and ``OSError`` when the file cannot be written; no partial file is left.
    """
    from stad_desktop.reports.labels import PrintTranslator

    tr = PrintTranslator(lang)
    from stad_desktop.reports.data import gather_project_summary

    data = gather_project_summary(services, project_id, include_contacts=include_contacts)
    from stad_desktop.reports.project_summary import render_project_summary

    target = Path(path)
    render_project_summary(
        data,
        target,
        tr,
        municipality=municipality,
        logo=logo,
        today=today or dt.date.today(),
    )
    return target


def make_portfolio(
    services: Services,
    path: Path | str,
    *,
    lang: str,
    include_contacts: bool = False,
    municipality: str = DEFAULT_MUNICIPALITY,
    logo: Path | str | None = None,
    today: dt.date | None = None,
    phases: Iterable[str] = (),
    areas: Iterable[str] = (),
    matrix: bool | None = None,
) -> Path:
    """Write the portfolio overview PDF to ``path``: every active project (neither
    completed nor archived), or those of the given ``phases`` and ``areas``. The
    actors x projects matrix is printed where it is readable (``matrix`` None),
    always (True) or never (False)."""
    from stad_desktop.reports.labels import PrintTranslator

    tr = PrintTranslator(lang)
    from stad_desktop.reports.data import gather_portfolio

    data = gather_portfolio(services, include_contacts=include_contacts, phases=phases, areas=areas)
    from stad_desktop.reports.portfolio import render_portfolio

    target = Path(path)
    render_portfolio(
        data,
        target,
        tr,
        municipality=municipality,
        logo=logo,
        today=today or dt.date.today(),
        matrix=matrix,
    )
    return target
