"""Build a realistic large database through the services' bulk paths.

At scale 1: 2,000 actors (3,000 contact persons), 300 projects, 6,000 role
assignments, 600 indicators with 50,000 measurements, 10,000 qualitative effect
entries, 200 meetings with 5,000 input items. Names use Norwegian and Sámi letters.
Everything grows with the scale: scale 5 has 10,000 actors, 1,500 projects and
250,000 measurements; scale 10 (a county's register) 20,000 actors, 3,000 projects
and 500,000 measurements, and takes minutes (``benchmarks/run.py`` keeps each
scale's file in its data folder and makes it once).

    python benchmarks/generate.py --db PATH --scale 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import time
from pathlib import Path

from stad_desktop.model import Beneficiary, InputStatus, MeetingKind, Phase, Sector
from stad_desktop.model.catalogue import OWNER
from stad_desktop.services import (
    ActorInput,
    AssignmentRow,
    ContactInput,
    EntryInput,
    IndicatorInput,
    InputData,
    MeetingInput,
    ProjectInput,
    Services,
)
from stad_desktop.storage import open_database

VILLAGES = [
    "Nordfjordeid", "Selje", "Stadlandet", "Lote", "Stårheim", "Bryggja", "Hennebygda",
    "Haugen", "Heggjabygda", "Kjølsdalen", "Mogrenda", "Barmen", "Ervik", "Flatraket",
    "Hoddevik", "Leikanger", "Borgund", "Ålfoten", "Ørsta", "Kárášjohka", "Guovdageaidnu",
]  # fmt: skip
ACTOR_KINDS = {
    Sector.MUNICIPALITY: ["Stad kommune, {unit}"],
    Sector.VOLUNTARY: [
        "{v} grendalag",
        "{v} idrettslag",
        "{v} sanitetslag",
        "Ungdomslaget i {v}",
        "{v} songlag",
    ],
    Sector.BUSINESS: ["{v} Bygg AS", "{v} Fisk AS", "Kafé {v}", "{v} Elektro AS", "Bakeriet i {v}"],
    Sector.CITIZENS: ["Innbyggjargruppa i {v}", "Foreldregruppa i {v}", "Čáhppes Ŋuorra {v}"],
    Sector.RESEARCH: ["Forskingsgruppa {v}", "Høgskulen avd. {v}"],
    Sector.OTHER_PUBLIC: ["Fylkeskommunen, {v}", "NAV {v}"],
    Sector.OTHER: ["{v} sokneråd", "Stiftinga {v}"],
}
UNITS = ["helse", "kultur", "oppvekst", "plan", "teknisk", "NAV", "skule", "barnehage"]
FIRST = ["Åse", "Øystein", "Kåre", "Bjørg", "Ánde", "Máret", "Ingrid", "Sigurd", "Ærle", "Ŋilá"]
LAST = ["Ødegård", "Håland", "Sæther", "Bjørnstad", "Čoarvi", "Ållstad", "Eide", "Kvalheim"]
TOPICS = ["Folkehelse", "Stadutvikling", "Heimebasert omsorg", "Kulturskule", "Smartby", "Oppvekst"]


def _orgnr(rng: random.Random, taken: set[str]) -> str:
    while True:
        base = str(rng.randint(80000000, 99999999))
        total = sum(w * int(d) for w, d in zip((3, 2, 7, 6, 5, 4, 3, 2), base, strict=True))
        digit = (11 - total % 11) % 11
        if digit != 10 and base + str(digit) not in taken:
            taken.add(base + str(digit))
            return base + str(digit)


def generate(
    services: Services, scale: float = 1.0, seed: int = 2026, quiet: bool = False
) -> dict[str, int]:
    rng = random.Random(seed)

    def n(base: int) -> int:
        return max(1, round(base * scale))

    n_actors, n_projects = max(10, n(2000)), n(300)
    started = time.perf_counter()

    def say(text: str) -> None:
        if not quiet:
            print(f"{time.perf_counter() - started:6.1f}s {text}", flush=True)

    taken: set[str] = set()
    sectors = list(ACTOR_KINDS)
    actor_inputs = []
    for index in range(n_actors):
        sector = sectors[index % len(sectors)]
        village = rng.choice(VILLAGES)
        pattern = rng.choice(ACTOR_KINDS[sector])
        name = pattern.format(v=village, unit=rng.choice(UNITS)) + f" {index + 1}"
        contacts = [
            ContactInput(
                f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                f"kontakt{index}.{k}@example.no",
                f"9{rng.randint(1000000, 9999999)}",
            )
            for k in range(1 if index % 2 else 2)
        ]
        actor_inputs.append(
            ActorInput(
                name=name,
                sector=sector,
                org_number=_orgnr(rng, taken) if sector not in (Sector.CITIZENS,) else "",
                village=village,
                wishes_to_contribute="Dugnad og lokalkunnskap",
                hours_per_month=rng.choice([None, 2, 5, 10]),
                contacts=contacts,
            )
        )
    actor_ids = services.bulk.actors(actor_inputs)
    say(f"{len(actor_ids)} actors")

    phases = list(Phase)
    project_inputs = []
    for index in range(n_projects):
        start = dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2000))
        project_inputs.append(
            ProjectInput(
                name=f"{rng.choice(TOPICS)} i {rng.choice(VILLAGES)} {index + 1}",
                phase=phases[index % len(phases)],
                area=rng.choice(TOPICS),
                owner_id=rng.choice(actor_ids),
                start_date=start,
                end_date=start + dt.timedelta(days=rng.randint(180, 1500)),
                budget_nok=rng.randint(50, 5000) * 1000,
                goal="Eit felles mål for bygda.",
                target_group="Innbyggjarar i alle aldrar",
            )
        )
    project_ids = services.bulk.projects(project_inputs)
    say(f"{len(project_ids)} projects")

    # Each project's owner holds the owner role already (one owner per project):
    # the other roles make up the rest of its share of the assignments.
    roles = [r.id for r in services.roles.roles() if r.code != OWNER]
    assignments = []
    per_project = 6000 // 300
    for project_id in project_ids:
        members = rng.sample(actor_ids, 8)
        pairs = rng.sample([(a, r) for a in members for r in roles], per_project - 1)
        for k, (actor_id, role_id) in enumerate(pairs):
            assignments.append(
                AssignmentRow(
                    project_id,
                    actor_id,
                    role_id,
                    expectation="Bidra i arbeidsgruppa" if k % 3 == 0 else "",
                    contribution="Ein dag i månaden" if k % 6 == 0 else "",
                )
            )
    services.bulk.assignments(assignments)
    say(f"{len(assignments) + len(project_ids)} role assignments")

    indicator_rows = []
    for index in range(n(600)):
        project_id = project_ids[index % len(project_ids)]
        indicator_rows.append(
            (
                project_id,
                IndicatorInput(
                    name=f"Deltakarar på tiltak {index + 1}",
                    unit="personar",
                    baseline_value=rng.randint(0, 50),
                    baseline_date=dt.date(2020, 1, 1),
                    target_value=rng.randint(100, 500),
                    target_date=dt.date(2028, 12, 31),
                    owner_id=rng.choice(actor_ids),
                ),
            )
        )
    indicator_ids = services.bulk.indicators(indicator_rows)
    indicator_project = {i: p for i, (p, _) in zip(indicator_ids, indicator_rows, strict=True)}
    say(f"{len(indicator_ids)} indicators")

    # Measurements: skewed so one project has many more than the others.
    entries = []
    heavy = indicator_ids[: min(6, len(indicator_ids))]
    for index in range(n(50000)):
        indicator_id = heavy[index % len(heavy)] if index % 10 == 0 else rng.choice(indicator_ids)
        entries.append(
            (
                indicator_project[indicator_id],
                EntryInput(
                    entry_date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2500)),
                    indicator_id=indicator_id,
                    value=rng.randint(0, 600),
                    beneficiary=Beneficiary.TARGET_GROUP,
                    source="Registrering",
                    recorded_by=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                ),
            )
        )
    for offset in range(0, len(entries), 10000):
        services.bulk.entries(entries[offset : offset + 10000])
    say(f"{len(entries)} measurements")

    beneficiaries = list(Beneficiary)
    qualitative = [
        (
            rng.choice(project_ids),
            EntryInput(
                entry_date=dt.date(2020, 1, 1) + dt.timedelta(days=rng.randint(0, 2500)),
                text="Fleire møtest på bygdehuset, og nye frivillige melde seg.",
                beneficiary=rng.choice(beneficiaries),
                source="Samtale",
                recorded_by=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            ),
        )
        for _ in range(n(10000))
    ]
    services.bulk.entries(qualitative)
    say(f"{len(qualitative)} qualitative entries")

    kinds = list(MeetingKind)
    meeting_ids = services.bulk.meetings(
        [
            MeetingInput(
                title=f"Bygdemøte i {rng.choice(VILLAGES)} {index + 1}",
                meeting_date=dt.date(2021, 1, 1) + dt.timedelta(days=rng.randint(0, 2000)),
                kind=kinds[index % len(kinds)],
                place="Bygdehuset",
                project_id=rng.choice(project_ids),
                participant_ids=rng.sample(actor_ids, 5),
            )
            for index in range(n(200))
        ]
    )
    statuses = list(InputStatus)
    services.bulk.inputs(
        [
            (
                meeting_ids[index % len(meeting_ids)],
                InputData(
                    text="Betre gatelys og ein møteplass ved kaia.",
                    from_name=f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                    topic=rng.choice(TOPICS),
                    village=rng.choice(VILLAGES),
                    project_ids=(rng.choice(project_ids),),
                    status=statuses[index % len(statuses)],
                ),
            )
            for index in range(n(5000))
        ]
    )
    say(f"{len(meeting_ids)} meetings with {n(5000)} input items")
    counts = services.counts()
    return {
        "actors": counts.actors,
        "projects": counts.projects,
        "assignments": counts.assignments,
        "indicators": counts.indicators,
        "entries": counts.entries,
        "meetings": counts.meetings,
        "inputs": counts.inputs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--db", required=True, type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    if args.db.exists():
        print(f"{args.db} exists; choose a new file", file=sys.stderr)
        return 2
    db = open_database(args.db)
    try:
        counts = generate(Services(db), scale=args.scale, seed=args.seed)
    finally:
        db.close()
    print(" ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
