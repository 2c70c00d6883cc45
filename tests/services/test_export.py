"""The spreadsheet export: every table in XLSX and CSV, headers in the chosen
language, typed dates and numbers, text that never turns into a formula, and contact
data only when asked for."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

import openpyxl
import pytest

from stad_desktop.services import ActorInput, ContactInput, Services
from stad_desktop.services.export_tables import TABLES
from stad_desktop.services.exporting import ALL, export
from stad_desktop.services.outputs import OutputRefused

# The first header of each table, in Nynorsk and English.
FIRST_HEADERS = {
    "actors": ("Namn", "Name"),
    "contacts": ("Aktør", "Actor"),
    "projects": ("Namn", "Name"),
    "roles": ("Prosjekt", "Project"),
    "indicators": ("Prosjekt", "Project"),
    "entries": ("Prosjekt", "Project"),
    "meetings": ("Dato", "Date"),
    "input": ("Møte", "Meeting"),
}
# Names that a spreadsheet program would take for formulas (an actor's name never
# starts with a tab or a carriage return: the program trims them; see the writers' test).
DANGEROUS = ['=HYPERLINK("http://x";"y")', "+47 SUM(A1)", "-2+3", "@SUM(A1:A2)"]
CONTROL_STARTS = ["\tTab lag", "\rVognretur lag"]


def read_xlsx(path: Path) -> dict[str, list[list[object]]]:
    workbook = openpyxl.load_workbook(path)
    return {
        sheet.title: [[cell.value for cell in row] for row in sheet.iter_rows()]
        for sheet in workbook.worksheets
    }


def read_csv(path: Path) -> list[list[str]]:
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs for UTF-8
    text = data[3:].decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline=""), delimiter=";"))


@pytest.mark.parametrize("table", TABLES)
@pytest.mark.parametrize("lang", ["nn", "en"])
def test_every_table_in_xlsx_and_csv_with_headers_in_the_language(
    demo_services: Services, tmp_path: Path, table: str, lang: str
) -> None:
    header = FIRST_HEADERS[table][0 if lang == "nn" else 1]
    xlsx = tmp_path / f"{table}.xlsx"
    result = export(demo_services, table, xlsx, lang=lang, include_contacts=True)
    (rows,) = read_xlsx(xlsx).values()
    assert rows[0][0] == header
    assert len(rows) - 1 == result.rows > 0

    target = tmp_path / f"{table}.csv"
    export(demo_services, table, target, lang=lang, include_contacts=True)
    lines = read_csv(target)
    assert lines[0][0] == header
    assert len(lines) - 1 == result.rows
    assert b"\r\n" in target.read_bytes()


def test_all_tables_in_one_workbook_a_sheet_each(demo_services: Services, tmp_path: Path) -> None:
    target = tmp_path / "alt.xlsx"
    result = export(demo_services, ALL, target, lang="nn")
    sheets = read_xlsx(target)
    assert list(sheets) == [
        "Aktørar",
        "Prosjekt",
        "Rollematrise",
        "Indikatorar",
        "Effektoppføringar",
        "Møte",
        "Innspel",
    ]  # no contact persons unless asked for
    assert result.message().render() == "Eksportert 7 tabellar til alt.xlsx"
    export(demo_services, ALL, target, lang="en", include_contacts=True)
    assert "Contact persons" in read_xlsx(target)


def test_all_tables_in_a_csv_file_are_refused(demo_services: Services, tmp_path: Path) -> None:
    target = tmp_path / "alt.csv"
    with pytest.raises(OutputRefused) as caught:
        export(demo_services, ALL, target, lang="nn")
    assert "xlsx" in caught.value.message.render()
    assert not target.exists()


def test_dates_and_numbers_are_typed_in_xlsx(demo_services: Services, tmp_path: Path) -> None:
    target = tmp_path / "prosjekt.xlsx"
    export(demo_services, "projects", target, lang="nn")
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    headers = [cell.value for cell in sheet[1]]
    row = sheet[2]
    start = row[headers.index("Startdato")]
    assert start.is_date and isinstance(start.value, dt.datetime)
    assert start.number_format == "dd.mm.yyyy"
    budget = row[headers.index("Budsjett (kr)")]
    assert budget.data_type == "n" and budget.value == 1250000
    assert row[headers.index("Tal på aktørar")].data_type == "n"

    target = tmp_path / "indikatorar.xlsx"
    export(demo_services, "indicators", target, lang="en")
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    headers = [cell.value for cell in sheet[1]]
    assert sheet[2][headers.index("Baseline")].data_type == "n"
    assert sheet[2][headers.index("Baseline date")].is_date


def test_dates_and_numbers_in_csv_as_excel_reads_them(
    demo_services: Services, tmp_path: Path
) -> None:
    target = tmp_path / "prosjekt.csv"
    export(demo_services, "projects", target, lang="nn")
    headers, first, *_rest = read_csv(target)
    assert first[headers.index("Startdato")] == "01.03.2025"
    assert first[headers.index("Budsjett (kr)")] == "1250000,00"
    export(demo_services, "projects", target, lang="en")
    headers, first, *_rest = read_csv(target)
    assert first[headers.index("Start date")] == "2025-03-01"
    assert first[headers.index("Budget (NOK)")] == "1250000.00"


def _add_dangerous_actors(services: Services) -> None:
    for name in DANGEROUS:
        services.actors.create(
            ActorInput(name=name, notes="=1+1", contacts=[ContactInput("=CMD()", "", "")])
        )


def test_formula_injection_is_text_in_xlsx(services: Services, tmp_path: Path) -> None:
    _add_dangerous_actors(services)
    target = tmp_path / "aktørar.xlsx"
    export(services, "actors", target, lang="nn", include_contacts=True)
    sheet = openpyxl.load_workbook(target).active
    assert sheet is not None
    cells = {row[0].value: row for row in sheet.iter_rows(min_row=2)}
    assert set(cells) == set(DANGEROUS)
    for name in DANGEROUS:
        for cell in cells[name]:
            if cell.value is not None and str(cell.value)[:1] in "=+-@\t\r":
                assert cell.data_type == "s", (name, cell.value)
    # And in the XML itself: no formula anywhere in the workbook.
    import zipfile

    with zipfile.ZipFile(target) as package:
        xml = package.read("xl/worksheets/sheet1.xml")
    assert b"<f>" not in xml and b"<f " not in xml


def test_formula_injection_gets_an_apostrophe_in_csv(services: Services, tmp_path: Path) -> None:
    _add_dangerous_actors(services)
    target = tmp_path / "aktørar.csv"
    export(services, "actors", target, lang="nn", include_contacts=True)
    headers, *rows = read_csv(target)
    names = {row[0] for row in rows}
    assert names == {"'" + name for name in DANGEROUS}
    for row in rows:
        assert row[headers.index("Merknader")] == "'=1+1"
        assert row[headers.index("Kontaktperson 1")] == "'=CMD()"


def test_contact_data_only_when_asked(demo_services: Services, tmp_path: Path) -> None:
    # A contact person with e-mail, who gave input, who recorded an effect.
    people = ["Rune Barmen", "rune@barmenbygg.example", "Gunnar Mogren", "Ingrid Hjelmeland"]
    personal_headers = {"Kontaktperson 1", "E-post 1", "Deltakarar", "Frå", "Registrert av"}
    for table in ("actors", "meetings", "input", "entries"):
        target = tmp_path / f"{table}.csv"
        export(demo_services, table, target, lang="nn")
        text = target.read_text("utf-8-sig")
        assert not [person for person in people if person in text]
        assert not personal_headers & set(read_csv(target)[0])
    workbook = tmp_path / "alt.xlsx"
    export(demo_services, ALL, workbook, lang="nn")
    everything = repr(read_xlsx(workbook))
    assert not [person for person in people if person in everything]

    export(demo_services, ALL, workbook, lang="nn", include_contacts=True)
    everything = repr(read_xlsx(workbook))
    assert [person for person in people if person in everything] == people
    target = tmp_path / "aktørar.csv"
    export(demo_services, "actors", target, lang="nn", include_contacts=True)
    assert read_csv(target)[0][-3:] == ["Kontaktperson 1", "E-post 1", "Telefon 1"]
    target = tmp_path / "møte.csv"
    export(demo_services, "meetings", target, lang="nn", include_contacts=True)
    assert "Deltakarar" in read_csv(target)[0]


def test_the_contacts_table_always_has_the_contact_data(
    demo_services: Services, tmp_path: Path
) -> None:
    target = tmp_path / "kontaktar.csv"
    result = export(demo_services, "contacts", target, lang="nn")
    headers, *rows = read_csv(target)
    assert headers == ["Aktør", "Organisasjonsnummer", "Kontaktperson", "E-post", "Telefon"]
    assert ["Barmen Bygg AS", "937002041", "Rune Barmen"] in [row[:3] for row in rows]
    assert result.message().render() == "Eksportert 27 kontaktpersonar til kontaktar.csv"


def test_actor_sheet_uses_the_shared_layout(services: Services, tmp_path: Path) -> None:
    services.actors.create(
        ActorInput(
            name="Selje grendalag",
            sector="voluntary",
            org_number="",
            village="Selje",
            hours_per_month="2,5",
            contacts=[ContactInput("Kari", "kari@example.no"), ContactInput("Ola")],
        )
    )
    target = tmp_path / "aktørar.xlsx"
    export(services, "actors", target, lang="en", include_contacts=True)
    (rows,) = read_xlsx(target).values()
    assert rows[0] == [
        "Name",
        "Sector",
        "Organisation number",
        "Village",
        "Wishes to contribute",
        "Hours per month",
        "Notes",
        "Archived",
        "Contact person 1",
        "E-mail 1",
        "Phone 1",
        "Contact person 2",
        "E-mail 2",
        "Phone 2",
    ]
    assert rows[1][:8] == [
        "Selje grendalag",
        "Voluntary sector",
        None,
        "Selje",
        None,
        2.5,
        None,
        "No",
    ]
    assert rows[1][8:] == ["Kari", "kari@example.no", None, "Ola", None, None]


def test_an_existing_file_of_another_kind_is_not_overwritten(
    demo_services: Services, tmp_path: Path
) -> None:
    picture = tmp_path / "bilete.xlsx"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
    binary = tmp_path / "data.csv"
    binary.write_bytes(b"SQLite format 3\0" + b"\0" * 100)
    for target in (picture, binary):
        before = target.read_bytes()
        with pytest.raises(OutputRefused):
            export(demo_services, "actors", target, lang="nn")
        assert target.read_bytes() == before
    # An earlier export of the same kind is replaced.
    for name in ("gammal.xlsx", "gammal.csv"):
        target = tmp_path / name
        export(demo_services, "projects", target, lang="nn")
        export(demo_services, "actors", target, lang="en")
        assert "Organisation number" in repr(
            read_xlsx(target) if name.endswith("xlsx") else read_csv(target)
        )


def test_the_writers_keep_every_formula_start_as_text(tmp_path: Path) -> None:
    from stad_desktop.services.export_csv import write_csv
    from stad_desktop.services.export_tables import Sheet
    from stad_desktop.services.export_xlsx import write_xlsx

    values = [*DANGEROUS, *CONTROL_STARTS]
    sheet = Sheet("actors", "Aktørar", ("Namn", "Tal"), tuple((v, -5) for v in values))
    target = tmp_path / "verdiar.xlsx"
    with target.open("wb") as handle:
        write_xlsx([sheet], handle)
    rows = list(openpyxl.load_workbook(target).worksheets[0].iter_rows(min_row=2))
    # (XML reads a carriage return back as a line feed: still the same text cell.)
    assert [row[0].value for row in rows] == [value.replace("\r", "\n") for value in values]
    assert all(row[0].data_type == "s" for row in rows)
    assert all(row[1].value == -5 and row[1].data_type == "n" for row in rows)

    target = tmp_path / "verdiar.csv"
    with target.open("wb") as handle:
        write_csv(sheet, handle, "nn")
    _header, *lines = read_csv(target)
    assert lines == [["'" + value, "-5"] for value in values]


def test_input_names_its_village_and_every_linked_project(
    services: Services, tmp_path: Path
) -> None:
    from stad_desktop.services import InputData, MeetingInput, ProjectInput

    helse = services.projects.create(ProjectInput(name="Folkehelse")).value.id
    kultur = services.projects.create(ProjectInput(name="Kulturskule")).value.id
    meeting = services.meetings.create(
        MeetingInput("Bygdemøte i Selje", "12.03.2026", place="Selje skule")
    ).value.id
    services.meetings.add_input(
        meeting, InputData("Meir lys langs vegen.", village="Ervik", project_ids=[kultur, helse])
    )
    services.meetings.add_input(meeting, InputData("Ein gapahuk ved stranda."))
    target = tmp_path / "innspel.xlsx"
    export(services, "input", target, lang="nn")
    (rows,) = read_xlsx(target).values()
    headers = rows[0]
    assert headers[:4] == ["Møte", "Dato", "Bygd", "Prosjekt"]
    by_text = {row[headers.index("Tekst")]: row for row in rows[1:]}
    linked = by_text["Meir lys langs vegen."]
    assert linked[2] == "Ervik"
    assert sorted(str(linked[3]).split("; ")) == ["Folkehelse", "Kulturskule"]
    assert linked[1] == dt.datetime(2026, 3, 12)
    # Without a village of its own, the input is about its meeting's place.
    assert by_text["Ein gapahuk ved stranda."][2:4] == ["Selje skule", None]
