"""``stad-desktop report``: success, and one clear line with status 2 on bad input."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_helpers import pdf_text

from stad_desktop.cli import main


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


def test_project_summary_by_name(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "kulturskule.pdf"
    status, stdout, err = _run(
        capsys,
        "report", "project", "kulturskule 3.0", "--db", str(demo_path), "--lang", "nb",
        "-o", str(target),
    )  # fmt: skip
    assert status == 0, err
    assert str(target) in stdout
    text = pdf_text(target)
    assert "Kulturskule 3.0" in text
    assert "Arbeidsgiver" in text  # the role, in Bokmål
    assert "@" not in text


def test_contacts_flag(demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = out / "kulturskule.pdf"
    status, _out, err = _run(
        capsys,
        "report", "project", "Kulturskule 3.0", "--db", str(demo_path), "-o", str(target),
        "--include-contacts",
    )  # fmt: skip
    assert status == 0, err
    assert "marit.haugen@stad.example" in pdf_text(target)


def test_portfolio(demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = out / "portfolio.pdf"
    status, _out, err = _run(
        capsys, "report", "portfolio", "--db", str(demo_path), "--lang", "en", "-o", str(target)
    )
    assert status == 0, err
    assert "Heimebasert omsorg 2030" in pdf_text(target)


def test_unknown_project(demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = _run(
        capsys,
        "report", "project", "Ingen slik", "--db", str(demo_path), "-o", str(out / "x.pdf"),
    )  # fmt: skip
    assert status == 2
    assert "Ingen slik" in _one_error_line(err)
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("where", ["missing-folder", "is-a-folder"])
def test_unwritable_output(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    target = out / "missing" / "x.pdf" if where == "missing-folder" else out
    status, _out, err = _run(
        capsys, "report", "portfolio", "--db", str(demo_path), "-o", str(target)
    )
    assert status == 2
    assert str(target) in _one_error_line(err)
    assert list(out.iterdir()) == []


def test_write_failure_during_build(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An OSError while writing (disk full, say) is one line too, in the user's
    language, and leaves nothing."""
    import os

    real_replace = os.replace

    def full_disk(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full_disk)
    status, _out, err = _run(
        capsys, "report", "portfolio", "--db", str(demo_path), "-o", str(out / "x.pdf")
    )
    monkeypatch.setattr(os, "replace", real_replace)
    assert status == 2
    line = _one_error_line(err)
    assert "disken er full" in line and "No space left on device" not in line
    assert list(out.iterdir()) == []


@pytest.mark.parametrize("position", ["after", "before"])
def test_bad_language(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str], position: str
) -> None:
    target = out / "x.pdf"
    args = ["report", "project", "Kulturskule 3.0", "--db", str(demo_path), "-o", str(target)]
    argv = [*args, "--lang", "de"] if position == "after" else ["--lang", "de", *args]
    status, _out, err = _run(capsys, *argv)
    assert status == 2
    assert "de" in _one_error_line(err)
    assert list(out.iterdir()) == []


def test_missing_database(out: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = out / "none.sqlite3"
    status, _out, err = _run(capsys, "report", "portfolio", "--db", str(db), "-o", str(out / "x"))
    assert status == 2
    _one_error_line(err)
    assert not db.exists()


def test_report_kind_is_required(capsys: pytest.CaptureFixture[str]) -> None:
    status, _out, err = _run(capsys, "report")
    assert status == 2
    assert "project|portfolio" in _one_error_line(err)


def test_ambiguous_project_name(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "Stad" is part of three project names: say which, and write nothing."""
    status, _out, err = _run(
        capsys, "report", "project", "Stad", "--db", str(demo_path), "--lang", "en",
        "-o", str(out / "x.pdf"),
    )  # fmt: skip
    assert status == 2
    line = _one_error_line(err)
    assert "“Stad” matches 3 projects" in line
    for name in (
        "Smart Stad – digitale møteplassar",
        "Stadutvikling Selje sentrum",
        "Ungdom på Stadlandet",
    ):
        assert name in line
    assert list(out.iterdir()) == []


def test_ambiguous_name_lists_at_most_ten(
    db_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from stad_desktop.services import ProjectInput, Services
    from stad_desktop.storage import open_database

    database = open_database(db_path)
    services = Services(database)
    for number in range(1, 13):
        services.projects.create(ProjectInput(name=f"Tiltak {number}"))
    database.close()
    status, _out, err = _run(
        capsys, "report", "project", "tiltak", "--db", str(db_path), "--lang", "nn",
        "-o", str(out / "x.pdf"),
    )  # fmt: skip
    assert status == 2
    line = _one_error_line(err)
    assert "meir enn 10 prosjekt" in line
    assert line.count("Tiltak ") == 10


def test_portfolio_filters_and_matrix(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = out / "portfolio.pdf"
    status, _out, err = _run(
        capsys, "report", "portfolio", "--db", str(demo_path), "--lang", "en",
        "--phase", "planning", "--phase", "completed", "-o", str(target),
    )  # fmt: skip
    assert status == 0, err
    text = pdf_text(target)
    assert "Heimebasert omsorg 2030" in text
    assert "Smart Stad – digitale møteplassar" in text
    assert "Kulturskule 3.0" not in text
    status, _out, err = _run(
        capsys, "report", "portfolio", "--db", str(demo_path), "--area", "Kultur",
        "--area", "folkehelse", "--matrix", "-o", str(target),
    )  # fmt: skip
    assert status == 0, err
    text = pdf_text(target)
    assert "Kulturskule 3.0" in text and "Folkehelse i bygdene" in text
    assert "Heimebasert omsorg 2030" not in text
    assert "Aktørar og prosjekt" in text


def test_unknown_phase_is_refused(
    demo_path: Path, out: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _out, err = _run(
        capsys, "report", "portfolio", "--db", str(demo_path), "--phase", "done",
        "-o", str(out / "x.pdf"),
    )  # fmt: skip
    assert status == 2
    assert "done" in _one_error_line(err)
    assert list(out.iterdir()) == []
