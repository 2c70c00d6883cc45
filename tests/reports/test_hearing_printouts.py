"""``stad-desktop report meeting`` and ``report input-form``: what we heard at a
meeting, and the blank form to bring to one, in nn, nb and en."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import TODAY, pdf_pages, pdf_text

from stad_desktop.cli import main
from stad_desktop.reports import make_portfolio
from stad_desktop.services import Services

SELJE = "Bygdemøte i Selje"
# Said at the village meeting in Selje (the example data), with the answer given.
SAID = "Ein overbygd møteplass ved kaia som kan brukast heile året."
ANSWER = "Teke med i skissa til planen."
# Personal data of the example: who said it, and a participant's contact person.
SPEAKER = "Kari Nordnes"
CONTACT = "knut.sandvik@stad.example"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def _one_error_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("stad-desktop: ")
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "nn",
            [
                "Dette høyrde vi",
                "Takk for at du var med",
                "Møtestad Selje skule",
                "Deltakarar 5 aktørar:",
                "Frå referatet",
                "4 innspel.",
                "Teke med",
                "Vurdert",
                "Ikkje svar enno",
                "Side 1 av 1",
            ],
        ),
        (
            "nb",
            [
                "Dette hørte vi",
                "Takk for at du var med",
                "Møtested Selje skule",
                "Deltakere 5 aktører:",
                "Fra referatet",
                "4 innspill.",
                "Tatt med",
                "Vurdert",
                "Ikke svar ennå",
                "Side 1 av 1",
            ],
        ),
        (
            "en",
            [
                "What we heard",
                "Thank you for taking part",
                "Meeting place Selje skule",
                "Participants 5 actors:",
                "From the minutes",
                "4 input items.",
                "Included",
                "Considered",
                "No answer yet",
                "Page 1 of 1",
            ],
        ),
    ],
)
def test_what_we_heard_at_a_meeting(
    demo_path: Path,
    out: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    words: list[str],
) -> None:
    target = out / "selje.pdf"
    status, stdout, err = _run(
        capsys,
        "report", "meeting", "bygdemøte i selje", "--db", str(demo_path), "--lang", lang,
        "-o", str(target),
    )  # fmt: skip
    assert status == 0, err
    assert str(target) in stdout
    text = pdf_text(target)
    assert SELJE in text
    assert SAID in text and ANSWER in text
    assert "Sendt vidare til fylkeskommunen." in text
    for word in words:
        assert word in text, word
    # Council papers are public: no names of people, no contact details.
    assert SPEAKER not in text
    assert CONTACT not in text and "@" not in text


def test_contacts_only_when_asked_for(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "selje.pdf"
    status, _out, err = _run(
        capsys,
        "report", "meeting", SELJE, "--db", str(demo_path), "-o", str(target),
        "--include-contacts",
    )  # fmt: skip
    assert status == 0, err
    text = pdf_text(target)
    assert SPEAKER in text
    assert CONTACT in text
    assert "Kontaktpersonar" in text
    assert "Stad kommune, plan og utvikling Kommune" in text  # a participant by name


def test_grouped_by_project(demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = out / "selje.pdf"
    status, _out, err = _run(
        capsys,
        "report", "meeting", SELJE, "--group-by", "project", "--db", str(demo_path),
        "--lang", "en", "-o", str(target),
    )  # fmt: skip
    assert status == 0, err
    text = pdf_text(target)
    assert "Stadutvikling Selje sentrum What was said" in text  # the group's heading
    assert SAID in text


def test_unknown_and_ambiguous_meeting(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "x.pdf"
    status, _out, err = _run(
        capsys, "report", "meeting", "Ingen slik", "--db", str(demo_path), "-o", str(target)
    )
    assert status == 2
    assert "Ingen møte passar med «Ingen slik»" in _one_error_line(err)
    status, _out, err = _run(
        capsys,
        "--lang", "en", "report", "meeting", "møte", "--db", str(demo_path), "-o", str(target),
    )  # fmt: skip
    assert status == 2
    line = _one_error_line(err)
    assert "“møte” matches 3 meetings" in line
    assert "Bygdemøte i Selje (12/03/2026)" in line
    assert list(out.iterdir()) == []


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        ("nn", ["Innspelsskjema", "Kva vil du seie til oss?", "12. mars 2026", "Side 1 av 1"]),
        ("nb", ["Innspillsskjema", "Hva vil du si til oss?", "12. mars 2026", "Side 1 av 1"]),
        ("en", ["Input form", "What did you want to tell us?", "12 March 2026", "Page 1 of 1"]),
    ],
)
def test_input_form_with_village_and_date(
    demo_path: Path,
    out: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    words: list[str],
) -> None:
    target = out / "form.pdf"
    status, _out, err = _run(
        capsys,
        "report", "input-form", "--village", "Hoddevik", "--date", "12.03.2026",
        "--db", str(demo_path), "--lang", lang, "-o", str(target),
    )  # fmt: skip
    assert status == 0, err
    text = pdf_text(target)
    assert "Hoddevik" in text
    for word in words:
        assert word in text, word
    assert pdf_pages(target) == 1


def test_input_form_left_blank(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "form.pdf"
    status, _out, err = _run(
        capsys, "report", "input-form", "--db", str(demo_path), "-o", str(target)
    )
    assert status == 0, err
    text = pdf_text(target)
    assert "Bygd Dato Møtestad # Tema" in text  # three empty lines to write on
    assert "Innspelsskjema Utskrift" in text  # no village in the page header


@pytest.mark.parametrize(
    ("date", "expected"),
    [
        ("31.02.2026", "--date 31.02.2026: Skriv ein dato, til dømes 26.11.2026."),
        ("1.1.0000", "--date 1.1.0000: Året må vere mellom 1900 og 2200."),
        ("i morgon", "--date i morgon: Skriv ein dato"),
    ],
)
def test_input_form_bad_date(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str], date: str, expected: str
) -> None:
    status, _out, err = _run(
        capsys,
        "report", "input-form", "--date", date, "--db", str(demo_path), "-o", str(out / "x.pdf"),
    )  # fmt: skip
    assert status == 2
    assert expected in _one_error_line(err)
    assert list(out.iterdir()) == []


def test_no_contacts_option_on_the_blank_form(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = _run(
        capsys,
        "report", "input-form", "--include-contacts", "--db", str(demo_path),
        "-o", str(out / "x.pdf"),
    )  # fmt: skip
    assert status == 2
    assert "--include-contacts" in _one_error_line(err)


@pytest.mark.parametrize(
    "kind", [["meeting", SELJE], ["input-form", "--village", "Selje"]], ids=["meeting", "form"]
)
@pytest.mark.parametrize("target", ["database", "not-a-pdf", "folder"])
def test_refused_output(
    demo_path: Path,
    out: Path,
    capsys: pytest.CaptureFixture[str],
    kind: list[str],
    target: str,
) -> None:
    """The same refusals as the other printouts: never over the database, a file
    that is not a PDF, or a folder; nothing is written."""
    notes = out / "notes.txt"
    notes.write_text("mine", encoding="utf-8")
    path = {"database": demo_path, "not-a-pdf": notes, "folder": out}[target]
    before = demo_path.read_bytes()
    status, _out, err = _run(capsys, "report", *kind, "--db", str(demo_path), "-o", str(path))
    assert status == 2
    assert str(path) in _one_error_line(err)
    assert demo_path.read_bytes() == before
    assert notes.read_text(encoding="utf-8") == "mine"
    assert sorted(p.name for p in out.iterdir()) == ["notes.txt"]


@pytest.mark.parametrize(
    ("lang", "heading", "included"),
    [("nn", "Innspel frå møte", "Teke med"), ("nb", "Innspill fra møter", "Tatt med")],
)
def test_project_summary_shows_its_input(
    demo_path: Path,
    out: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    heading: str,
    included: str,
) -> None:
    """What was said, where, when, its status and the answer; who said it only when
    contacts are asked for."""
    target = out / "selje.pdf"
    args = ["report", "project", "Stadutvikling Selje sentrum", "--db", str(demo_path)]
    status, _out, err = _run(capsys, *args, "--lang", lang, "-o", str(target))
    assert status == 0, err
    text = pdf_text(target)
    assert heading in text
    assert f"12.03.2026 {SELJE} Selje skule Møteplassar {SAID}" in text
    assert f"{included} {ANSWER}" in text
    assert SPEAKER not in text
    status, _out, err = _run(capsys, *args, "--include-contacts", "-o", str(target))
    assert status == 0, err
    assert SPEAKER in pdf_text(target)


@pytest.mark.parametrize(
    ("lang", "words"),
    [
        (
            "nn",
            ["Bygdeoversikt", "Prosjekt som rører ved bygda", "Innspel frå bygda", "Side 1 av 1"],
        ),
        (
            "nb",
            ["Bygdeoversikt", "Prosjekter som berører bygda", "Innspill fra bygda", "Side 1 av 1"],
        ),
        (
            "en",
            ["Village overview", "Projects that touch the village", "Input from", "Page 1 of 1"],
        ),
    ],
)
def test_village_overview(
    demo_path: Path,
    out: Path,
    capsys: pytest.CaptureFixture[str],
    lang: str,
    words: list[str],
) -> None:
    """All input about Stadlandet (from the public meeting at Nordfjordeid), with
    status and answer, and the projects it is linked to."""
    target = out / "stadlandet.pdf"
    status, _out, err = _run(
        capsys,
        "report", "village", "stadlandet", "--db", str(demo_path), "--lang", lang,
        "-o", str(target),
    )  # fmt: skip
    assert status == 0, err
    text = pdf_text(target)
    for word in words:
        assert word in text, word
    assert "Stadlandet" in text
    assert "Turgrupper for dei som ikkje har bil." in text
    assert "Samkøyring er med i tiltaka." in text
    assert "Besøksteneste for einslege eldre på Stadlandet." in text
    assert "Folkemøte på Nordfjordeid: Tour de Stad" in text
    assert "Folkehelse i bygdene" in text and "Heimebasert omsorg 2030" in text
    # Input from other villages is not in it.
    assert SAID not in text
    assert "Berit Hoddevik" not in text and "@" not in text


def test_unknown_village(demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = _run(
        capsys,
        "--lang", "en", "report", "village", "Oslo", "--db", str(demo_path),
        "-o", str(out / "x.pdf"),
    )  # fmt: skip
    assert status == 2
    line = _one_error_line(err)
    assert "No village called “Oslo” is known. Villages with input:" in line
    assert "Selje" in line and "Stadlandet" in line
    assert list(out.iterdir()) == []


def test_village_refuses_the_database_as_output(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = demo_path.read_bytes()
    status, _out, err = _run(
        capsys, "report", "village", "Selje", "--db", str(demo_path), "-o", str(demo_path)
    )
    assert status == 2
    assert str(demo_path) in _one_error_line(err)
    assert demo_path.read_bytes() == before


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "nn",
            "Innspel som har venta på svar i meir enn 6 veker: 3 "
            "(Selje 1, Stadlandet 1, Stårheim 1).",
        ),
        (
            "nb",
            "Innspill som har ventet på svar i mer enn 6 uker: 3 "
            "(Selje 1, Stadlandet 1, Stårheim 1).",
        ),
        (
            "en",
            "Input awaiting an answer for more than 6 weeks: 3 "
            "(Selje 1, Stadlandet 1, Stårheim 1).",
        ),
    ],
)
def test_portfolio_counts_the_answer_backlog(
    demo_services: Services, out: Path, lang: str, line: str
) -> None:
    path = out / "portfolio.pdf"
    make_portfolio(demo_services, path, lang=lang, today=TODAY)
    text = pdf_text(path)
    assert line in text
    assert {"nn": "Ventar på svar", "nb": "Venter på svar", "en": "Awaiting answer"}[lang] in text


def test_answer_backlog_per_project(demo_services: Services, out: Path) -> None:
    from stad_desktop.reports.data import gather_portfolio

    data = gather_portfolio(demo_services, today=TODAY)
    waiting = {project.row.name: project.awaiting_answer for project in data.projects}
    assert waiting == {
        "Folkehelse i bygdene": 2,  # the street lights in Selje, visits on Stadlandet
        "Heimebasert omsorg 2030": 2,
        "Kulturskule 3.0": 0,
        "Stadutvikling Selje sentrum": 1,
        "Ungdom på Stadlandet": 0,
    }
    path = out / "portfolio.pdf"
    make_portfolio(demo_services, path, lang="nn", today=TODAY, backlog_weeks=60)
    assert "Ingen innspel har venta meir enn 60 veker på svar." in pdf_text(path)
