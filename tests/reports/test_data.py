"""Gathering the printouts' data: few service calls, the right numbers."""

from __future__ import annotations

from stad_desktop.reports.data import gather_portfolio, gather_project_summary
from stad_desktop.services import Services


def test_indicators_by_project_matches_one_by_one(demo_services: Services) -> None:
    ids = [ref.id for ref in demo_services.projects.refs()]
    bulk = demo_services.effects.indicators_by_project(ids)
    assert list(bulk) == ids
    for project_id in ids:
        assert bulk[project_id] == demo_services.effects.indicators(project_id)
    assert demo_services.effects.indicators_by_project([]) == {}


def test_portfolio_counts(demo_services: Services) -> None:
    data = gather_portfolio(demo_services)
    # Six projects, one of them completed: five active ones.
    assert [p.number for p in data.projects] == list(range(1, 6))
    assert sum(data.phase_counts.values()) == 5
    assert "completed" not in data.phase_counts
    folkehelse = next(p for p in data.projects if p.row.name == "Folkehelse i bygdene")
    assert folkehelse.sector_counts == {
        "municipality": 1,
        "voluntary": 5,
        "business": 1,
        "research": 1,
        "other_public": 1,
    }
    assert folkehelse.actor_total == 9
    assert [i.name for i in folkehelse.key_indicators] == [
        "Deltakarar på aktivitetar per veke",
        "Bygder med fast aktivitet",
    ]
    assert sum(data.sector_actors.values()) == 22
    assert data.contacts == ()


def test_summary_series_are_oldest_first(demo_services: Services) -> None:
    project = demo_services.projects.find("Folkehelse i bygdene")
    data = gather_project_summary(demo_services, project.id)
    first = data.indicators[0]
    assert [p.value for p in first.points] == [62, 78, 95, 104, 118]
    assert data.recent_entries[0].entry_date >= data.recent_entries[-1].entry_date
    assert data.entry_count == 11
    assert data.contacts == ()
    with_contacts = gather_project_summary(demo_services, project.id, include_contacts=True)
    assert {c.actor.name for c in with_contacts.contacts} == {a.name for a in data.matrix.actors}


def test_importing_reports_is_cheap() -> None:
    """No ReportLab until a printout is made, and never Qt."""
    import subprocess
    import sys

    code = (
        "import sys, stad_desktop.reports, stad_desktop.cli.report;"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'reportlab', 'PySide6'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
