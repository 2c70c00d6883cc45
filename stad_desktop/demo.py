"""The Stad example data set: for the first start, the screenshots and the tests.

All people are invented. Organisation numbers are made-up numbers with valid
check digits.
"""

from __future__ import annotations

from stad_desktop.demo_data import (
    ACTORS,
    CHECKLISTS,
    COMMENTS,
    INDICATORS,
    MEETINGS,
    PROJECTS,
    QUALITATIVE,
    ROLES,
)
from stad_desktop.language import N_, Message
from stad_desktop.model import Beneficiary, ChecklistStatus
from stad_desktop.services import (
    ActorInput,
    ContactInput,
    EntryInput,
    IndicatorInput,
    InputData,
    MeetingInput,
    ProjectInput,
    Services,
)


class DemoRefused(Exception):
    def __init__(self) -> None:
        self.message = Message(
            N_(
                "The database already holds data, so the example data was not loaded. "
                "Use a new or empty database."
            )
        )
        super().__init__(self.message.msgid)


def _orgnr(base: str) -> str:
    """Append the MOD-11 check digit to eight digits."""
    total = sum(w * int(d) for w, d in zip((3, 2, 7, 6, 5, 4, 3, 2), base, strict=True))
    digit = (11 - total % 11) % 11
    if digit == 10:
        raise ValueError(base)
    return base + str(digit)


def load_demo(services: Services) -> None:
    """Fill an empty database with the example; refuse (changing nothing) otherwise."""
    if not services.is_empty():
        raise DemoRefused()
    with services.db.batch():
        _load(services)
        # What was loaded into the empty database is the example: written down so
        # that it can be removed again, exactly (see services.example_data).
        services.example_data.mark_everything_as_example()


def _load(services: Services) -> None:
    actors: dict[str, str] = {}
    for name, sector, village, base, contact, wishes, hours in ACTORS:
        contacts = [ContactInput(*contact)] if contact else []
        detail = services.actors.create(
            ActorInput(
                name=name,
                sector=sector,
                org_number=_orgnr(base) if base else "",
                village=village,
                wishes_to_contribute=wishes,
                hours_per_month=hours,
                contacts=contacts,
            )
        ).value
        actors[name] = detail.id
    roles = {role.code: role.id for role in services.roles.roles()}
    projects: dict[str, str] = {}
    for spec in PROJECTS:
        project = services.projects.create(
            ProjectInput(
                name=str(spec["name"]),
                phase=str(spec["phase"]),
                area=str(spec["area"]),
                owner_id=actors[str(spec["owner"])],
                start_date=spec["start"],
                end_date=spec["end"],
                budget_nok=spec["budget"],
                goal=str(spec["goal"]),
                target_group=str(spec["target"]),
                summary=str(spec["summary"]),
            )
        ).value
        projects[project.name] = project.id
    for project_name, assignments in ROLES.items():
        for actor, code, expectation, contribution in assignments:
            services.roles.assign(
                projects[project_name], actors[actor], roles[code], expectation, contribution
            )
    for project_name, indicators in INDICATORS.items():
        for name, unit, base, base_date, target, target_date, owner, points in indicators:
            indicator = services.effects.add_indicator(
                projects[project_name],
                IndicatorInput(name, unit, base, base_date, target, target_date, actors[owner]),
            ).value
            for when, value in points:
                services.effects.add_entry(
                    projects[project_name],
                    EntryInput(
                        entry_date=when,
                        indicator_id=indicator.id,
                        value=value,
                        beneficiary=Beneficiary.TARGET_GROUP,
                        source="Registrering",
                        recorded_by="Ingrid Hjelmeland",
                    ),
                )
    for project_name, entries in QUALITATIVE.items():
        for when, text, beneficiary, source, recorded_by in entries:
            services.effects.add_entry(
                projects[project_name],
                EntryInput(
                    entry_date=when,
                    text=text,
                    beneficiary=beneficiary,
                    source=source,
                    recorded_by=recorded_by,
                ),
            )
    for project_name, statuses in CHECKLISTS.items():
        for number, status in statuses.items():
            services.checklist.set_item(
                projects[project_name],
                number,
                ChecklistStatus(status),
                COMMENTS.get((project_name, number), ""),
            )
    for title, when, kind, place, project_name, participants, minutes, inputs in MEETINGS:
        meeting = services.meetings.create(
            MeetingInput(
                title=title,
                meeting_date=when,
                kind=kind,
                place=place,
                project_id=projects[project_name],
                minutes=minutes,
                participant_ids=[actors[p] for p in participants],
            )
        ).value
        for text, from_name, from_actor, topic, village, linked, status, answer in inputs:
            services.meetings.add_input(
                meeting.id,
                InputData(
                    text=text,
                    from_name=from_name,
                    from_actor_id=actors[from_actor] if from_actor else None,
                    topic=topic,
                    village=village,
                    project_ids=tuple(projects[name] for name in linked),
                    status=status,
                    answer=answer,
                ),
            )
