"""The project summary printout: content per language, privacy, font, safe writing."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import TODAY, flat, pdf_pages, pdf_text, project_id

from stad_desktop.demo_data import ACTORS
from stad_desktop.format import format_date
from stad_desktop.language import Translator
from stad_desktop.model import Sector
from stad_desktop.model.catalogue import CHECKLIST_ITEMS
from stad_desktop.model.enums import label
from stad_desktop.reports import make_project_summary
from stad_desktop.services import NotFoundError, Services
from stad_desktop.services.readmodels import ContactView

HEADINGS = (
    "Project summary",
    "Role matrix",
    "Expectations and contributions",
    "Sector mix",
    "Checklist",
    "Indicators",
    "Recent effects and gains",
    "Current warnings",
    "Phase",
    "Period",
    "Project owner",
    "Common goal",
    "Target group",
)
WRITTEN_DATE = {"nn": "26. november 2026", "nb": "26. november 2026", "en": "26 November 2026"}
CONTACTS = [actor[4] for actor in ACTORS if actor[4]]


def _summary(services: Services, out: Path, lang: str, name: str, **kw: object) -> str:
    path = out / f"summary-{lang}.pdf"
    make_project_summary(services, project_id(services, name), path, lang=lang, today=TODAY, **kw)
    return pdf_text(path)


@pytest.mark.parametrize("lang", ["nn", "nb", "en"])
def test_text_in_the_chosen_language(demo_services: Services, out: Path, lang: str) -> None:
    tr = Translator(lang)
    path = out / "folkehelse.pdf"
    pid = project_id(demo_services, "Folkehelse i bygdene")
    make_project_summary(demo_services, pid, path, lang=lang, today=TODAY)
    text = pdf_text(path)
    for msgid in HEADINGS:
        assert flat(tr._(msgid)) in text, msgid
    # Data-derived words: role and checklist names in the printout's language.
    for role in demo_services.roles.roles():
        assert role.name.get(lang) in text, role.name
    for item in CHECKLIST_ITEMS:
        assert flat(item.get(lang)) in text, item
    # Dates written out by Babel, in the footer ("Printed ...") and the period.
    assert WRITTEN_DATE[lang] in text
    assert tr._("Printed {date}").format(date=WRITTEN_DATE[lang]) in text
    assert format_date(demo_services.projects.get(pid).start_date, tr, "long") in text
    pages = pdf_pages(path)
    assert pages >= 2
    page_one = tr._("Page {page} of {pages}").format(page=1, pages=pages)
    assert page_one in text
    assert tr._("Page {page} of {pages}").format(page=pages, pages=pages) in text
    if lang in ("nn", "nb") and tr._("Page {page} of {pages}") != "Page {page} of {pages}":
        assert f"Side 1 av {pages}" in text
    # The phase and sector labels are the catalog's words for this language.
    assert tr._("Implementation") in text
    assert tr._("Voluntary sector") in text


def test_period_status_and_warning_come_from_the_data(demo_services: Services, out: Path) -> None:
    tr = Translator("nn")
    text = _summary(demo_services, out, "nn", "Folkehelse i bygdene")
    assert "1. mars 2025 – 31. desember 2027" in text or (
        tr._("{start} – {end}").format(start="1. mars 2025", end="31. desember 2027") in text
    )
    # Whole kroner without øre.
    assert "1 250 000 kr" in text.replace("\u00a0", " ")
    assert "1 250 000,00 kr" not in text.replace("\u00a0", " ")
    # Effect entries with short numeric dates (one line in the narrow column).
    assert "20.06.2026" in text
    assert "Deltakarar på aktivitetar per veke" in text
    # Selje grendalag has an expectation but no agreed contribution: a warning.
    assert "Selje grendalag" in text
    assert flat(tr._("No contribution agreed")) in text
    assert tr._("Done") in text and tr._("In progress") in text


def test_sami_actor_name_comes_out_intact(demo_services: Services, out: Path) -> None:
    text = _summary(demo_services, out, "nn", "Kulturskule 3.0")
    assert "Čáhppes Ŋuorra" in text


@pytest.mark.parametrize("name", ["Folkehelse i bygdene", "Kulturskule 3.0"])
def test_contact_data_left_out_by_default(demo_services: Services, out: Path, name: str) -> None:
    text = _summary(demo_services, out, "nn", name)
    for contact_name, email, phone in CONTACTS:
        assert email not in text
        assert contact_name not in text
        assert phone not in text
    assert "@" not in text


def test_contact_data_printed_when_asked(demo_services: Services, out: Path) -> None:
    tr = Translator("nb")
    text = _summary(demo_services, out, "nb", "Kulturskule 3.0", include_contacts=True)
    assert tr._("Contact persons") in text
    assert "marit.haugen@stad.example" in text
    assert "Ánde Ŋuorra" in text
    assert "ande.nuorra@epost.example" in text
    # Only the project's own actors.
    assert "ingrid.hjelmeland@stad.example" not in text


def test_every_e_mail_is_whole_on_one_line(demo_services: Services, out: Path) -> None:
    """The e-mail column is wide enough for the addresses: none is broken up."""
    from pypdf import PdfReader

    path = out / "contacts.pdf"
    pid = project_id(demo_services, "Folkehelse i bygdene")
    make_project_summary(demo_services, pid, path, lang="nn", include_contacts=True)
    lines = {
        line.strip()
        for page in PdfReader(str(path)).pages
        for line in (page.extract_text() or "").splitlines()
    }
    emails = {c.email for block in _contacts(demo_services, pid) for c in block}
    assert "ingrid.hjelmeland@stad.example" in emails
    for email in emails:
        assert any(email in line for line in lines), email


def _contacts(services: Services, pid: str) -> list[tuple[ContactView, ...]]:
    matrix = services.roles.matrix(pid)
    return [services.actors.get(actor.id).contacts for actor in matrix.actors]


def test_sector_mix_in_the_programs_sector_order(demo_services: Services, out: Path) -> None:
    tr = Translator("nn")
    text = _summary(demo_services, out, "nn", "Folkehelse i bygdene")
    mix = text[text.index(tr._("Sector mix")) :]
    present = {
        a.sector
        for a in demo_services.roles.matrix(
            project_id(demo_services, "Folkehelse i bygdene")
        ).actors
    }
    labels = [tr._(label(sector)) for sector in Sector if sector.value in present]
    assert len(labels) >= 3
    positions = [mix.index(f"{name} ") for name in labels]
    assert positions == sorted(positions)


def test_font_is_embedded_and_only_font(demo_services: Services, out: Path) -> None:
    from pypdf import PdfReader

    path = out / "summary.pdf"
    make_project_summary(
        demo_services, project_id(demo_services, "Kulturskule 3.0"), path, lang="nn"
    )
    fonts = set()
    for page in PdfReader(str(path)).pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]  # embedded TrueType
            fonts.add(str(font["/BaseFont"]).split("+", 1)[-1])
    assert fonts == {"DejaVuSans", "DejaVuSans-Bold"}


def test_project_without_anything_yet(services: Services, out: Path) -> None:
    from stad_desktop.services import ProjectInput

    project = services.projects.create(ProjectInput(name="Tomt prosjekt")).value
    path = out / "empty.pdf"
    make_project_summary(services, project.id, path, lang="en", today=TODAY)
    text = pdf_text(path)
    tr = Translator("en")
    for msgid in ("No actors yet.", "No indicators yet.", "No effects noted yet.", "Not set"):
        assert tr._(msgid) in text
    assert pdf_pages(path) == 1


def test_unknown_project_writes_nothing(demo_services: Services, out: Path) -> None:
    with pytest.raises(NotFoundError):
        make_project_summary(demo_services, "no-such-id", out / "x.pdf", lang="nn")
    assert list(out.iterdir()) == []


def test_unknown_language_is_refused(demo_services: Services, out: Path) -> None:
    with pytest.raises(ValueError):
        make_project_summary(
            demo_services, project_id(demo_services, "Kulturskule 3.0"), out / "x.pdf", lang="de"
        )
    assert list(out.iterdir()) == []


def test_failure_while_rendering_leaves_no_partial_file(
    demo_services: Services, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from stad_desktop.reports import project_summary

    target = out / "summary.pdf"
    target.write_bytes(b"the old printout")

    def broken(self: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(project_summary.ProjectSummary, "warnings", broken)
    with pytest.raises(RuntimeError):
        make_project_summary(
            demo_services, project_id(demo_services, "Kulturskule 3.0"), target, lang="nn"
        )
    assert target.read_bytes() == b"the old printout"
    assert [p.name for p in out.iterdir()] == ["summary.pdf"]


def test_missing_folder_is_an_os_error(demo_services: Services, out: Path) -> None:
    with pytest.raises(OSError):
        make_project_summary(
            demo_services,
            project_id(demo_services, "Kulturskule 3.0"),
            out / "missing" / "x.pdf",
            lang="nn",
        )
    assert list(out.iterdir()) == []


def test_header_with_municipality_and_logo(demo_services: Services, out: Path) -> None:
    from PIL import Image

    logo = out / "logo.png"
    Image.new("RGB", (120, 60), (31, 78, 95)).save(logo)
    path = out / "with-logo.pdf"
    make_project_summary(
        demo_services,
        project_id(demo_services, "Kulturskule 3.0"),
        path,
        lang="nn",
        municipality="Kinn kommune",
        logo=logo,
    )
    text = pdf_text(path)
    assert text.count("Kinn kommune") == pdf_pages(path)
    assert "Stad kommune" not in text


def test_summary_has_outline_title_and_language(demo_services: Services, out: Path) -> None:
    from pypdf import PdfReader

    tr = Translator("nb")
    path = out / "summary.pdf"
    make_project_summary(
        demo_services, project_id(demo_services, "Folkehelse i bygdene"), path, lang="nb"
    )
    reader = PdfReader(str(path))
    assert reader.trailer["/Root"]["/Lang"] == "nb-NO"
    assert reader.trailer["/Root"]["/PageMode"] == "/UseOutlines"
    assert reader.metadata is not None
    assert reader.metadata.title == tr._("Project summary: {project}").format(
        project="Folkehelse i bygdene"
    )

    def titles(items: list[object]) -> list[str]:
        out: list[str] = []
        for item in items:
            out += titles(item) if isinstance(item, list) else [item.title]  # type: ignore[attr-defined]
        return out

    found = titles(reader.outline)
    for heading in ("Role matrix", "Expectations and contributions", "Checklist", "Indicators"):
        assert tr._(heading) in found
    assert found[0] == "Folkehelse i bygdene"
    # Each bookmark leads to the page its heading is on.
    for item in reader.outline:
        if not isinstance(item, list):
            page = reader.pages[reader.get_destination_page_number(item)]
            assert flat(item.title) in flat(page.extract_text() or "")
