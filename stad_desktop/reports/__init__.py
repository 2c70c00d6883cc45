"""Council-ready printouts (ReportLab): the project summary and the portfolio overview.

Data is gathered through the services into report data classes
(:mod:`stad_desktop.reports.data`), then rendered to PDF. No Qt here; ReportLab is
imported only when a printout is made. Each printout is given its own
:class:`~stad_desktop.language.Translator`, independent of the user interface.
"""

from __future__ import annotations

from stad_desktop.reports.api import make_portfolio, make_project_summary

__all__ = ["make_portfolio", "make_project_summary"]
