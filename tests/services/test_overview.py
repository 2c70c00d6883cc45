"""The home page's read model over the example data, on a fixed day."""

from __future__ import annotations

import datetime as dt

import pytest
from db_helpers import project_id
from sqlalchemy import event

from stad_desktop.services import ActorInput, ProjectInput, Services
from stad_desktop.services.overview import expected_value, is_behind
from stad_desktop.services.readmodels import IndicatorView

TODAY = dt.date(2026, 11, 15)


def _indicator(
    latest: float | None, base: float = 0, target: float = 100, **dates: dt.date
) -> IndicatorView:
    return IndicatorView(
        id="i",
        project_id="p",
        name="x",
        unit="",
        baseline_value=base,
        baseline_date=dates.get("start", dt.date(2026, 1, 1)),
        target_value=target,
        target_date=dates.get("end", dt.date(2027, 1, 1)),
        owner_id=None,
        owner_name="",
        latest_value=latest,
        latest_date=None,
        measurement_count=0 if latest is None else 1,
    )


def test_behind_is_short_of_the_straight_line_to_the_target_today() -> None:
    halfway = dt.date(2026, 7, 2)  # 182 of 365 days
    assert expected_value(_indicator(40), halfway) == pytest.approx(100 * 182 / 365)
    assert is_behind(_indicator(40), halfway)
    assert not is_behind(_indicator(60), halfway)
    # A falling target: behind when above the line.
    assert is_behind(_indicator(60, base=100, target=0), halfway)
    assert not is_behind(_indicator(40, base=100, target=0), halfway)
    # Past the target date the line stays at the target.
    assert is_behind(_indicator(99), dt.date(2028, 1, 1))
    # Not judged: before the path begins, nothing measured, no target date.
    assert not is_behind(_indicator(0), dt.date(2025, 12, 1))
    assert not is_behind(_indicator(None), halfway)
    assert not is_behind(_indicator(1, end=dt.date(2025, 1, 1)), halfway)


def test_overview_of_the_example_data(demo_services: Services) -> None:
    overview = demo_services.overview.overview(TODAY)
    # The two culture-school indicators lag their path on 15 November 2026:
    # 289 pupils where the line stands at 293.7, and 8 villages where it stands at 8.7.
    behind = {b.indicator.name: round(b.expected, 1) for b in overview.behind}
    assert behind == {"Elevar i kulturskulen": 293.7, "Bygder med kulturskuletilbod": 8.7}
    assert {b.project.name for b in overview.behind} == {"Kulturskule 3.0"}

    warned = {w.project.name: len(w.warnings) for w in overview.warnings}
    assert warned["Ungdom på Stadlandet"] == 3
    assert "Kulturskule 3.0" not in warned
    codes = {w.code for pw in overview.warnings for w in pw.warnings}
    assert "missing_funder" in codes

    progress = {c.project.name: (c.done, c.relevant) for c in overview.checklists}
    assert progress["Kulturskule 3.0"] == (9, 11)
    assert progress["Ungdom på Stadlandet"] == (0, 11)
    assert overview.checklists[0].project.name == "Ungdom på Stadlandet"  # least done first

    assert overview.backlog.total == 3
    assert all(m.meeting_date < TODAY for m in overview.recent)
    assert [m.meeting_date for m in overview.recent] == sorted(
        (m.meeting_date for m in overview.recent), reverse=True
    )
    assert overview.actor_total == len(demo_services.actors.refs())
    assert dict(overview.actors_per_sector)["voluntary"] == 7
    assert overview.project_total == len(demo_services.projects.refs())
    assert dict(overview.projects_per_phase) == {
        phase: 1
        for phase in (
            "idea",
            "anchoring",
            "planning",
            "implementation",
            "evaluation",
            "completed",
        )
    }


def test_meetings_ahead_are_upcoming(demo_services: Services) -> None:
    overview = demo_services.overview.overview(dt.date(2025, 1, 1))
    assert overview.upcoming
    assert all(m.meeting_date >= dt.date(2025, 1, 1) for m in overview.upcoming)
    assert overview.recent == ()


def test_the_overview_takes_the_same_few_queries_however_many_projects(
    demo_services: Services,
) -> None:
    statements: list[str] = []

    def count(*args: object) -> None:
        statements.append(str(args[2]))

    event.listen(demo_services.db.engine, "before_cursor_execute", count)
    demo_services.overview.overview(TODAY)
    few = len(statements)
    # One project fewer (not the one whose indicators are behind: an empty list
    # needs no query for its entries).
    demo_services.projects.archive(project_id(demo_services, "Ungdom på Stadlandet"))
    statements.clear()
    demo_services.overview.overview(TODAY)
    event.remove(demo_services.db.engine, "before_cursor_execute", count)
    assert few <= 24  # a few per list (some in read transactions of their own), none per project
    assert len(statements) == few


def test_the_home_page_reads_only_the_oldest_waiting_input_but_counts_all(
    services: Services,
) -> None:
    from stad_desktop.services import InputData, MeetingInput
    from stad_desktop.services.overview import BACKLOG_SHOWN

    meeting = services.meetings.create(MeetingInput("Bygdemøte i Selje", "12.03.2026")).value
    with services.db.batch():
        for number in range(BACKLOG_SHOWN + 7):
            services.meetings.add_input(meeting.id, InputData(f"Innspel {number}"))
    overview = services.overview.overview(dt.date(2026, 11, 30))
    assert overview.backlog_total == BACKLOG_SHOWN + 7
    assert len(overview.backlog.items) == BACKLOG_SHOWN


def test_the_overview_read_in_a_batch_sees_what_the_batch_wrote(services: Services) -> None:
    """Read beside each other on several connections, except inside a batch (example
    data, an import): only the batch's own session sees what it wrote so far."""
    with services.db.batch():
        services.projects.create(ProjectInput(name="Ny skule"))
        services.actors.create(ActorInput(name="Skulelaget", sector="voluntary"))
        overview = services.overview.overview(TODAY)
    assert "Ny skule" in [w.project.name for w in overview.warnings]
    assert dict(overview.actors_per_sector) == {"voluntary": 1}
