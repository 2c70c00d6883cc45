"""The effect log a page at a time: the same entries, in the same order, as the
whole list, for a project and for one of its indicators, on both engines."""

from __future__ import annotations

import datetime as dt

import pytest

from stad_desktop.services import EntryInput, IndicatorInput, ProjectInput, Services
from stad_desktop.services.readmodels import EntryView

PAGE = 7


@pytest.fixture
def busy(services: Services) -> tuple[str, str, str]:
    """A project with two indicators and qualitative entries, many on the same days
    and several recorded at the same moment (the order must still be one order)."""
    effects = services.effects
    project = services.projects.create(ProjectInput(name="Folkehelse")).value.id
    first = effects.add_indicator(project, IndicatorInput("Deltakarar")).value.id
    second = effects.add_indicator(project, IndicatorInput("Frivillige timar")).value.id
    moment = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.UTC)
    for number in range(40):
        day = dt.date(2025, 1, 1) + dt.timedelta(days=number % 6)
        created = moment + dt.timedelta(minutes=number % 3)
        if number % 4 == 0:
            data = EntryInput(day, text=f"Observasjon {number}")
        else:
            data = EntryInput(day, first if number % 4 != 3 else second, number)
        effects.add_entry(project, data, created_at=created)
    other = services.projects.create(ProjectInput(name="Anna")).value.id
    effects.add_entry(other, EntryInput(dt.date(2025, 1, 3), text="Ikkje her"))
    return project, first, second


def paged(services: Services, project: str, indicator: str | None) -> list[EntryView]:
    effects = services.effects
    count = effects.entry_count(project, indicator)
    rows: list[EntryView] = []
    for offset in range(0, count + PAGE, PAGE):
        rows += effects.entry_page(project, indicator, offset, PAGE)
    return rows


def test_pages_give_the_whole_list_in_its_order(
    services: Services, busy: tuple[str, str, str]
) -> None:
    project, first, second = busy
    everything = list(services.effects.entries(project))
    assert len(everything) == 40
    assert services.effects.entry_count(project) == 40
    assert paged(services, project, None) == everything
    # Newest date first; on one date the entry recorded last first.
    keys = [(e.entry_date, e.created_at) for e in everything]
    assert keys == sorted(keys, reverse=True)
    for indicator in (first, second):
        own = [e for e in everything if e.indicator_id == indicator]
        assert own
        assert services.effects.entry_count(project, indicator) == len(own)
        assert paged(services, project, indicator) == own


def test_an_entry_is_found_at_its_row(services: Services, busy: tuple[str, str, str]) -> None:
    project, first, second = busy
    effects = services.effects
    everything = effects.entries(project)
    for row, entry in enumerate(everything):
        assert effects.entry_position(entry.id, project) == row
    own = [e for e in everything if e.indicator_id == second]
    for row, entry in enumerate(own):
        assert effects.entry_position(entry.id, project, second) == row
    # Not among the entries shown: another indicator's, another project's, a deleted one.
    assert effects.entry_position(own[0].id, project, first) == -1
    other = next(p.id for p in services.projects.refs() if p.id != project)
    assert effects.entry_position(effects.entries(other)[0].id, project) == -1
    effects.delete_entry(own[0].id)
    assert effects.entry_position(own[0].id, project) == -1


def test_a_long_series_is_charted_by_its_lows_and_highs(services: Services) -> None:
    effects = services.effects
    project = services.projects.create(ProjectInput(name="Folkehelse")).value.id
    indicator = effects.add_indicator(project, IndicatorInput("Deltakarar")).value.id
    start = dt.date(2025, 1, 1)
    values = {}
    for number in range(60):
        day = start + dt.timedelta(days=number // 2)  # two measurements a day
        value = (number * 37) % 101
        values.setdefault(day, []).append(value)
        effects.add_entry(project, EntryInput(day, indicator, value))
    everything = effects.measurements(indicator)
    assert effects.measurement_outline(indicator, 60) == everything
    outline = effects.measurement_outline(indicator, 10)
    assert 0 < len(outline) <= 10
    assert [p.date for p in outline] == sorted(p.date for p in outline)
    # The line keeps its extremes, and every point is a value measured that day.
    assert min(p.value for p in outline) == min(p.value for p in everything)
    assert max(p.value for p in outline) == max(p.value for p in everything)
    assert all(p.value in values[p.date] for p in outline)
    assert outline[0].date == start and outline[-1].date == max(values)
    assert outline[-1].value == everything[-1].value  # the latest value ends the line
