"""The two printouts: gather through the services, then render with ReportLab.

ReportLab is imported inside the functions, so importing this module is cheap.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stad_desktop.services import Services


def make_project_summary(
    services: Services,
    project_id: str,
    path: Path | str,
    *,
    lang: str,
    include_contacts: bool = False,
    municipality: str | None = None,
    logo: Path | str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the project summary PDF to ``path`` (atomically) and return the path.

    ``municipality`` (the page header) defaults to the name kept in the database's
    settings. Raises ``NotFoundError`` for an unknown project, ``ValueError`` for an unknown
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
        **_page_header(services, municipality, logo, today),
    )
    return target


def make_portfolio(
    services: Services,
    path: Path | str,
    *,
    lang: str,
    include_contacts: bool = False,
    municipality: str | None = None,
    logo: Path | str | None = None,
    today: dt.date | None = None,
    phases: Iterable[str] = (),
    areas: Iterable[str] = (),
    matrix: bool | None = None,
    backlog_weeks: int = 6,
) -> Path:
    """Write the portfolio overview PDF to ``path``: every active project (neither
    completed nor archived), or those of the given ``phases`` and ``areas``. The
    actors x projects matrix is printed where it is readable (``matrix`` None),
    always (True) or never (False). Input with no answer after ``backlog_weeks``
    weeks is counted, overall and per project."""
    from stad_desktop.reports.labels import PrintTranslator

    tr = PrintTranslator(lang)
    from stad_desktop.reports.data import gather_portfolio

    today = today or dt.date.today()
    data = gather_portfolio(
        services,
        include_contacts=include_contacts,
        phases=phases,
        areas=areas,
        today=today,
        backlog_weeks=backlog_weeks,
    )
    from stad_desktop.reports.portfolio import render_portfolio

    target = Path(path)
    render_portfolio(
        data,
        target,
        tr,
        **_page_header(services, municipality, logo, today),
        matrix=matrix,
    )
    return target


def make_input_form(
    services: Services,
    path: Path | str,
    *,
    lang: str,
    village: str = "",
    meeting_date: dt.date | None = None,
    municipality: str | None = None,
    logo: Path | str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the blank input form to ``path``: a sheet to fill in by hand at a
    meeting, with ``village`` and ``meeting_date`` printed in when given."""
    from stad_desktop.reports.input_form import InputFormData, render_input_form
    from stad_desktop.reports.labels import PrintTranslator

    target = Path(path)
    render_input_form(
        InputFormData(village=village.strip(), meeting_date=meeting_date),
        target,
        PrintTranslator(lang),
        **_page_header(services, municipality, logo, today),
    )
    return target


def make_meeting_report(
    services: Services,
    meeting_id: str,
    path: Path | str,
    *,
    lang: str,
    group_by: str = "topic",
    include_contacts: bool = False,
    municipality: str | None = None,
    logo: Path | str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write "what we heard" for one meeting to ``path``: its participants by sector
    (by name only with ``include_contacts``), a summary of the minutes, and every
    input item with its status and answer, grouped by ``group_by`` (topic or
    project). Raises ``NotFoundError`` for an unknown meeting."""
    from stad_desktop.reports.heard import render_meeting_report
    from stad_desktop.reports.hearing_data import gather_meeting
    from stad_desktop.reports.labels import PrintTranslator

    tr = PrintTranslator(lang)
    data = gather_meeting(
        services, meeting_id, group_by=group_by, include_contacts=include_contacts
    )
    target = Path(path)
    render_meeting_report(
        data,
        target,
        tr,
        **_page_header(services, municipality, logo, today),
    )
    return target


def make_village_report(
    services: Services,
    village: str,
    path: Path | str,
    *,
    lang: str,
    include_contacts: bool = False,
    municipality: str | None = None,
    logo: Path | str | None = None,
    today: dt.date | None = None,
) -> Path:
    """Write the village overview to ``path``: all input about ``village`` across
    meetings and years, with status and answers, and the projects that touch the
    village. Raises ``NotFoundError`` for a village nothing in the data names."""
    from stad_desktop.reports.hearing_data import gather_village
    from stad_desktop.reports.labels import PrintTranslator
    from stad_desktop.reports.village import render_village_report

    data = gather_village(services, village, include_contacts=include_contacts)
    target = Path(path)
    render_village_report(
        data,
        target,
        PrintTranslator(lang),
        **_page_header(services, municipality, logo, today),
    )
    return target


def _page_header(
    services: Services,
    municipality: str | None,
    logo: Path | str | None,
    today: dt.date | None,
) -> dict[str, Any]:
    """What every printout's page header and footer take: the municipality (by
    default the one kept with the data), the logo and the date printed."""
    return {
        "municipality": municipality or services.settings.municipality_name(),
        "logo": logo,
        "today": today or dt.date.today(),
    }
