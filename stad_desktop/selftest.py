"""``stad-desktop selftest``: check that a checkout or an offline bundle works.

Each step is a named check run in order: the program's files (catalogs,
migrations, icon, Babel's locale data), a new database in a temporary folder with
the migrations applied, the example data, both reports in Nynorsk and Bokmål (with
a PNG logo, so Pillow is used too), Qt's own catalogs, and the main window with
every view shown once (offscreen unless a Qt platform is set).
A failed step prints one line; later steps that need it are skipped and counted
as failed too. All passed: the last line is ``selftest ok`` and the exit status 0;
otherwise 1.

No Qt here: the window step calls into ``stad_desktop.ui``.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stad_desktop.format import format_date, format_money
from stad_desktop.language import LANGUAGES, N_, Translator, catalog_available

# The last line on success. A fixed token (not translated) because CI, the tests
# and the benchmark look for it.
OK_LINE = "selftest ok"
REPORT_LANGUAGES = ("nn", "nb")


class CheckFailed(Exception):
    """A check found a problem; the message is already translated."""


class Skipped(Exception):
    """A check could not run because a step it needs failed."""


@dataclass
class State:
    """What the checks hand on to each other."""

    tr: Translator
    folder: Path
    services: Any = None
    project_id: Any = None
    reports: list[Path] = field(default_factory=list)
    views: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Check:
    name: str  # an N_() msgid, translated and formatted with ``params`` when printed
    run: Callable[[State], None]
    needs_database: bool = False
    params: tuple[tuple[str, str], ...] = ()

    def title(self, tr: Translator) -> str:
        return tr._(self.name).format(**dict(self.params))


def _fail(tr: Translator, msgid: str, **params: object) -> CheckFailed:
    return CheckFailed(tr._(msgid).format(**params))


# --- the checks ---------------------------------------------------------------------------


def check_files(state: State) -> None:
    """Catalogs for every language, the migration sources and the application icon."""
    from stad_desktop import paths

    tr = state.tr
    missing = [lang for lang in LANGUAGES if lang != "en" and not catalog_available(lang)]
    if missing:
        raise _fail(
            tr,
            N_("no translation catalog for {languages} in {folder}"),
            languages=", ".join(missing),
            folder=paths.i18n_dir(),
        )
    migrations = paths.migrations_dir()
    if not (migrations / "env.py").is_file() or not list(migrations.glob("versions/*.py")):
        raise _fail(tr, N_("the migrations are missing in {folder}"), folder=migrations)
    icon = paths.icons_dir() / "stad-desktop.svg"
    if not icon.is_file():
        raise _fail(tr, N_("the application icon is missing: {path}"), path=icon)
    # Babel's locale data (dates and money in each language).
    for lang in LANGUAGES:
        text = format_date(dt.date(2026, 11, 26), lang, "long") + format_money(1.5, lang)
        if "2026" not in text or "nov" not in text.lower():
            raise _fail(tr, N_("dates cannot be formatted in {language}"), language=lang)


def check_database(state: State) -> None:
    """A new database file, created and brought to the newest schema by the migrations."""
    from stad_desktop.services import Services
    from stad_desktop.storage import open_database
    from stad_desktop.storage.revisions import HEAD

    db = open_database(state.folder / "selftest.sqlite3")
    state.services = Services(db)
    revision = db.revision()
    if revision != HEAD:
        raise _fail(
            state.tr,
            N_("schema revision is {found}, expected {expected}"),
            found=revision or "-",
            expected=HEAD,
        )


def check_example_data(state: State) -> None:
    from stad_desktop.demo import load_demo

    load_demo(state.services)
    counts = state.services.counts()
    refs = state.services.projects.refs()
    if counts.actors == 0 or not refs:
        raise _fail(state.tr, N_("the example data did not load"))
    state.project_id = refs[0].id


def _check_pdf(tr: Translator, path: Path) -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise _fail(tr, N_("no PDF was written to {path}"), path=path)
    from pypdf import PdfReader

    reader = PdfReader(path)
    text = "".join(page.extract_text() or "" for page in reader.pages)
    if not reader.pages or not text.strip():
        raise _fail(tr, N_("the PDF {path} holds no text"), path=path.name)
    if not any(letter in text for letter in "æøåÆØÅ"):
        raise _fail(tr, N_("the PDF {path} lost the Norwegian letters"), path=path.name)


def _logo(folder: Path) -> Path:
    """A small PNG municipality logo (made with Pillow, which ReportLab reads it with)."""
    path = folder / "logo.png"
    if not path.exists():
        from PIL import Image

        Image.new("RGB", (96, 96), "#1f4e8c").save(path)
    return path


def _report_check(kind: str, lang: str) -> Callable[[State], None]:
    def run(state: State) -> None:
        from stad_desktop import reports

        path = state.folder / f"{kind}-{lang}.pdf"
        logo = _logo(state.folder)
        if kind == "project-summary":
            if state.project_id is None:
                raise Skipped
            reports.make_project_summary(
                state.services, state.project_id, path, lang=lang, logo=logo
            )
        else:
            reports.make_portfolio(state.services, path, lang=lang, logo=logo)
        _check_pdf(state.tr, path)
        state.reports.append(path)

    return run


def check_main_window(state: State) -> None:
    """Open the main window and show every view once."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from stad_desktop.ui.selftest_views import ViewFailed, show_every_view

    try:
        state.views = show_every_view(state.services, state.tr, state.folder, state.project_id)
    except ViewFailed as exc:
        raise CheckFailed(str(exc)) from exc
    if not state.views:
        raise _fail(state.tr, N_("the main window has no views"))


def _report_checks() -> list[Check]:
    kinds = (
        ("project-summary", N_("project summary report ({language})")),
        ("portfolio", N_("portfolio report ({language})")),
    )
    return [
        Check(name, _report_check(kind, lang), True, (("language", lang),))
        for kind, name in kinds
        for lang in REPORT_LANGUAGES
    ]


def check_qt_catalogs(state: State) -> None:
    """Qt's own strings (standard buttons, dialogs) in Nynorsk and Bokmål."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from stad_desktop.ui.selftest_views import missing_qt_catalogs

    missing = missing_qt_catalogs(REPORT_LANGUAGES)
    if missing:
        raise _fail(state.tr, N_("Qt's catalogs do not load: {files}"), files=", ".join(missing))


CHECKS: tuple[Check, ...] = (
    Check(N_("program files"), check_files),
    Check(N_("new database with migrations"), check_database),
    Check(N_("example data"), check_example_data, needs_database=True),
    *_report_checks(),
    Check(N_("Qt's own strings in Nynorsk and Bokmål"), check_qt_catalogs),
    Check(N_("main window and every view"), check_main_window, needs_database=True),
)


# --- running -------------------------------------------------------------------------------


def run_checks(
    tr: Translator, *, verbose: bool = False, checks: tuple[Check, ...] = CHECKS
) -> list[str]:
    """Run every check; return one translated line per failed check."""
    failures: list[str] = []
    # ignore_cleanup_errors: on Windows a file still open must not turn a passed
    # self-test into a failure.
    with tempfile.TemporaryDirectory(prefix="stad-selftest-", ignore_cleanup_errors=True) as folder:
        state = State(tr=tr, folder=Path(folder))
        try:
            for check in checks:
                name = check.title(tr)
                started = time.perf_counter()
                if check.needs_database and state.services is None:
                    failures.append(
                        tr._("FAILED {check}: not run, the database step failed").format(check=name)
                    )
                    continue
                try:
                    check.run(state)
                except Skipped:
                    failures.append(
                        tr._("FAILED {check}: not run, an earlier step failed").format(check=name)
                    )
                except CheckFailed as exc:
                    failures.append(tr._("FAILED {check}: {error}").format(check=name, error=exc))
                except Exception as exc:
                    detail = " ".join(str(exc).split())[:300]
                    failures.append(
                        tr._("FAILED {check}: {error}").format(
                            check=name, error=f"{type(exc).__name__}: {detail}"
                        )
                    )
                else:
                    if verbose:
                        ms = round((time.perf_counter() - started) * 1000)
                        print(tr._("ok {check} ({ms} ms)").format(check=name, ms=ms), flush=True)
        finally:
            if state.services is not None:
                state.services.db.close()
    return failures
