"""PNG previews of the first page of each printout, from the Stad example data.

Makes the project summary ("Folkehelse i bygdene"), the portfolio overview, what
we heard at the village meeting in Selje, the village overview of Stadlandet and
the blank input form in Nynorsk on a temporary example database, and writes the
first page of each as ``docs/screenshots/report-project-summary.png``,
``report-portfolio.png``, ``report-meeting.png``, ``report-village.png`` and
``report-input-form.png`` (used in README.md, "## Printouts").
Pages are rendered with poppler's ``pdftoppm`` when it is installed, otherwise
with QtPdf.

Usage: python build_scripts/report_previews.py [--lang nn|nb|en] [--out DIR] [--dpi N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The example data is dated around this day; a fixed print date keeps the PNGs stable.
PRINT_DATE = dt.date(2026, 11, 26)
PROJECT = "Folkehelse i bygdene"
MEETING = "Bygdemøte i Selje"
VILLAGE = "Stadlandet"
FORM_VILLAGE = "Hoddevik"
FORM_DATE = dt.date(2027, 3, 12)


def first_page_png(pdf: Path, png: Path, dpi: int) -> None:
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm:
        stem = png.with_suffix("")
        subprocess.run(
            [pdftoppm, "-png", "-r", str(dpi), "-f", "1", "-l", "1", "-singlefile", pdf, stem],
            check=True,
        )
        return
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtPdf import QPdfDocument

    app = QGuiApplication.instance() or QGuiApplication(sys.argv)
    document = QPdfDocument(app)
    document.load(str(pdf))
    points = document.pagePointSize(0)
    size = QSize(round(points.width() / 72 * dpi), round(points.height() / 72 * dpi))
    if not document.render(0, size).save(str(png)):
        raise OSError(f"could not write {png}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--lang", default="nn", choices=("nn", "nb", "en"))
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--dpi", type=int, default=80)
    args = parser.parse_args(argv)

    from stad_desktop.demo import load_demo
    from stad_desktop.reports import make_portfolio, make_project_summary
    from stad_desktop.reports.api import (
        make_input_form,
        make_meeting_report,
        make_village_report,
    )
    from stad_desktop.services import Services
    from stad_desktop.storage import open_database

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="stad-report-previews-") as folder:
        work = Path(folder)
        db = open_database(work / "example.sqlite3")
        try:
            services = Services(db)
            load_demo(services)
            project = services.projects.find(PROJECT)
            summary = make_project_summary(
                services, project.id, work / "summary.pdf", lang=args.lang, today=PRINT_DATE
            )
            portfolio = make_portfolio(
                services, work / "portfolio.pdf", lang=args.lang, today=PRINT_DATE
            )
            meeting = make_meeting_report(
                services,
                services.hearing.find_meeting(MEETING).id,
                work / "meeting.pdf",
                lang=args.lang,
                today=PRINT_DATE,
            )
            village = make_village_report(
                services, VILLAGE, work / "village.pdf", lang=args.lang, today=PRINT_DATE
            )
            form = make_input_form(
                services,
                work / "form.pdf",
                lang=args.lang,
                village=FORM_VILLAGE,
                meeting_date=FORM_DATE,
                today=PRINT_DATE,
            )
        finally:
            db.close()
        pdfs = (
            (summary, "report-project-summary"),
            (portfolio, "report-portfolio"),
            (meeting, "report-meeting"),
            (village, "report-village"),
            (form, "report-input-form"),
        )
        for pdf, name in pdfs:
            png = args.out / f"{name}.png"
            first_page_png(pdf, png, args.dpi)
            print(png)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
