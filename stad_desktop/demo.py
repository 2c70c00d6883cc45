"""The Stad example data set: for the first start, the screenshots and the tests.

All people are invented. Organisation numbers are made-up numbers with valid
check digits.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from stad_desktop.language import N_, Message
from stad_desktop.model import Beneficiary, ChecklistStatus, MeetingKind, Phase, Sector
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


# name, sector, village, org base (8 digits or ""), contact, wishes, hours
_S = Sector
ACTORS: tuple[tuple[str, Sector, str, str, tuple[str, str, str] | None, str, float | None], ...] = (
    ("Stad kommune, helse og omsorg", _S.MUNICIPALITY, "Nordfjordeid", "96421001",
     ("Ingrid Hjelmeland", "ingrid.hjelmeland@stad.example", "57 86 40 01"),
     "Sakshandsaming, lokale og tilsette", None),
    ("Stad kommune, kultur og frivilligheit", _S.MUNICIPALITY, "Nordfjordeid", "96421002",
     ("Sigurd Eide", "sigurd.eide@stad.example", "57 86 40 02"),
     "Koordinering av frivillig arbeid", None),
    ("Stad kulturskule", _S.MUNICIPALITY, "Nordfjordeid", "96421003",
     ("Marit Haugen", "marit.haugen@stad.example", "57 86 40 03"),
     "Lærarar og øvingsrom", 20),
    ("Stad kommune, plan og utvikling", _S.MUNICIPALITY, "Selje", "96421004",
     ("Knut Sandvik", "knut.sandvik@stad.example", "57 86 40 04"),
     "Planfagleg hjelp", None),
    ("Heimetenesta Stad", _S.MUNICIPALITY, "Stårheim", "96421005",
     ("Randi Lote", "randi.lote@stad.example", "57 86 40 05"),
     "Kontakt med brukarane", None),
    ("Selje grendalag", _S.VOLUNTARY, "Selje", "99300101",
     ("Olav Kvalheim", "olav@seljegrendalag.example", "912 34 501"),
     "Dugnad og lokalkunnskap", 15),
    ("Eid idrettslag", _S.VOLUNTARY, "Nordfjordeid", "99300102",
     ("Hilde Myklebust", "hilde@eidil.example", "912 34 502"),
     "Trenarar og anlegg", 30),
    ("Ungdomsklubben Ervik", _S.VOLUNTARY, "Ervik", "99300103",
     ("Jonas Ervik", "jonas@ervikungdom.example", "912 34 503"),
     "Ungdommar som vil vere med", 8),
    ("Stadlandet sanitetslag", _S.VOLUNTARY, "Stadlandet", "99300114",
     ("Berit Hoddevik", "berit@stadsanitet.example", "912 34 504"),
     "Besøksteneste og kaffi", 12),
    ("Lote bygdelag", _S.VOLUNTARY, "Lote", "99300105",
     ("Arne Lote", "arne@lotebygdelag.example", "912 34 505"),
     "Bygdehuset og dugnad", 10),
    ("Hennebygda grendalag", _S.VOLUNTARY, "Hennebygda", "99300106",
     ("Solveig Henne", "solveig@hennebygda.example", "912 34 506"),
     "Turvegar og møtestad", 6),
    ("Frivilligsentralen i Stad", _S.VOLUNTARY, "Nordfjordeid", "99300107",
     ("Eli Heggjabygda", "eli@frivilligstad.example", "912 34 507"),
     "Rekruttering av frivillige", 25),
    ("Nordfjord Sparebank", _S.BUSINESS, "Nordfjordeid", "93700201",
     ("Per Bryggja", "per.bryggja@nfsb.example", "57 88 10 01"),
     "Gåvemidlar og lokale", None),
    ("Flatraket Fisk AS", _S.BUSINESS, "Flatraket", "93700202",
     ("Tone Flatraket", "tone@flatraketfisk.example", "57 85 20 02"),
     "Sommarjobbar for ungdom", None),
    ("Hoddevik Surf og Opplevingar", _S.BUSINESS, "Hoddevik", "93700203",
     ("Even Hoddevik", "even@hoddeviksurf.example", "957 10 203"),
     "Aktivitetar og utstyr", 5),
    ("Barmen Bygg AS", _S.BUSINESS, "Barmen", "93700204",
     ("Rune Barmen", "rune@barmenbygg.example", "957 10 204"),
     "Materialar til møteplassar", None),
    ("Selje Hotell", _S.BUSINESS, "Selje", "93700215",
     ("Lise Selje", "lise@seljehotell.example", "957 10 205"),
     "Møterom og servering", None),
    ("Innbyggjargruppa for Selje sentrum", _S.CITIZENS, "Selje", "",
     ("Kari Nordnes", "kari.nordnes@epost.example", "934 56 701"),
     "Idear og arbeid på dugnad", 4),
    ("Pårørandegruppa i Stad", _S.CITIZENS, "Mogrenda", "",
     ("Gunnar Mogren", "gunnar.mogren@epost.example", "934 56 702"),
     "Erfaringar som pårørande", 3),
    ("Ungdomsrådet i Stad", _S.CITIZENS, "Nordfjordeid", "",
     ("Ida Kjølsdal", "ida.kjolsdal@epost.example", "934 56 703"),
     "Ungdommens stemme", 4),
    ("Čáhppes Ŋuorra", _S.CITIZENS, "Leikanger", "",
     ("Ánde Ŋuorra", "ande.nuorra@epost.example", "934 56 704"),
     "Joik og forteljingar for kulturskulen", 2),
    ("Vestlandsforsking", _S.RESEARCH, "Sogndal", "97100301",
     ("Astrid Borgund", "astrid.borgund@forsking.example", "57 67 61 01"),
     "Følgjeforsking og evaluering", 10),
    ("Høgskulen på Vestlandet", _S.RESEARCH, "Førde", "97100302",
     ("Magnus Haugen", "magnus.haugen@hogskule.example", "57 72 20 02"),
     "Studentar i praksis", 6),
    ("Vestland fylkeskommune", _S.OTHER_PUBLIC, "Bergen", "97100401",
     ("Liv Kjølsdalen", "liv.kjolsdalen@fylke.example", "55 63 90 01"),
     "Regionale utviklingsmidlar", None),
    ("Statsforvaltaren i Vestland", _S.OTHER_PUBLIC, "Leikanger", "97100402",
     ("Tor Leikanger", "tor.leikanger@statsforvaltar.example", "57 64 30 02"),
     "Skjønsmidlar til fornying", None),
    ("KS Vestland", _S.OTHER_PUBLIC, "Bergen", "97100403",
     ("Anne Bryggja", "anne.bryggja@ks.example", "55 30 10 03"),
     "Nettverk og rettleiing", None),
    ("Stad sokneråd", _S.OTHER, "Nordfjordeid", "97100501",
     ("Jon Stårheim", "jon.staarheim@kyrkja.example", "57 86 50 01"),
     "Lokale og besøksteneste", 2),
)  # fmt: skip

PROJECTS: tuple[dict[str, Any], ...] = (
    dict(
        name="Folkehelse i bygdene",
        phase=Phase.IMPLEMENTATION,
        area="Folkehelse",
        owner="Stad kommune, helse og omsorg",
        start=dt.date(2025, 3, 1),
        end=dt.date(2027, 12, 31),
        budget="1 250 000",
        goal="Fleire innbyggjarar i alle bygder er fysisk aktive og møtest jamleg.",
        target="Vaksne og eldre i bygdene utanfor Nordfjordeid",
        summary="Lag, kommune og næringsliv lagar låge tersklar for aktivitet og fellesskap i bygdene.",
    ),
    dict(
        name="Heimebasert omsorg 2030",
        phase=Phase.PLANNING,
        area="Helse og omsorg",
        owner="Heimetenesta Stad",
        start=dt.date(2026, 1, 1),
        end=dt.date(2030, 12, 31),
        budget="2 400 000",
        goal="Eldre kan bu trygt heime lenger, med støtte frå familie, lag og teneste.",
        target="Heimebuande over 75 år og pårørande",
        summary="Samskaping mellom heimetenesta, pårørande og frivillige om trygge heimar.",
    ),
    dict(
        name="Kulturskule 3.0",
        phase=Phase.EVALUATION,
        area="Kultur",
        owner="Stad kulturskule",
        start=dt.date(2024, 8, 1),
        end=dt.date(2026, 12, 31),
        budget="640 000",
        goal="Kulturskulen når barn i alle bygder, i samarbeid med lag og skular.",
        target="Barn og unge 6–16 år",
        summary="Kulturskulen flyttar ut i bygdene og samarbeider med lag, skular og kunstnarar.",
    ),
    dict(
        name="Stadutvikling Selje sentrum",
        phase=Phase.ANCHORING,
        area="Stadutvikling",
        owner="Stad kommune, plan og utvikling",
        start=dt.date(2026, 4, 1),
        end=dt.date(2028, 6, 30),
        budget="3 000 000",
        goal="Eit levande Selje sentrum med møteplassar heile året.",
        target="Innbyggjarar, handel og besøkande i Selje",
        summary="Innbyggjarar, næringsliv og kommune utviklar sentrum saman.",
    ),
    dict(
        name="Ungdom på Stadlandet",
        phase=Phase.IDEA,
        area="Oppvekst",
        owner="Ungdomsrådet i Stad",
        start=dt.date(2027, 1, 1),
        end=None,
        budget=None,
        goal="Ungdom på Stadlandet har ein stad å vere og noko å gjere.",
        target="Ungdom 13–19 år på Stadlandet",
        summary="Idé frå ungdomsrådet om ein ungdomsklubb med surf og friluftsliv.",
    ),
    dict(
        name="Smart Stad – digitale møteplassar",
        phase=Phase.COMPLETED,
        area="Smartby",
        owner="Stad kommune, kultur og frivilligheit",
        start=dt.date(2023, 1, 1),
        end=dt.date(2025, 6, 30),
        budget="480 000",
        goal="Lag og innbyggjarar finn kvarandre og lokala sine digitalt.",
        target="Lag og foreiningar",
        summary="Felles kalender og utlån av lokale, laga saman med laga.",
    ),
)

# project -> [(actor, role code, expectation, contribution)]
ROLES: dict[str, list[tuple[str, str, str, str]]] = {
    "Folkehelse i bygdene": [
        ("Stad kommune, helse og omsorg", "owner", "Leie prosjektet", "Prosjektleiar i 50 %"),
        ("Stad kommune, helse og omsorg", "funder", "Driftsmidlar", "600 000 kr"),
        ("Stad kommune, helse og omsorg", "employer", "Tilsette prosjektleiar", "Prosjektleiar"),
        ("Eid idrettslag", "implementer", "Aktivitetsgrupper i bygdene", "To grupper i veka"),
        ("Stadlandet sanitetslag", "target_contact", "Nå dei som sit mykje heime", "Besøksteneste"),
        ("Selje grendalag", "implementer", "Turar og dugnad", ""),
        ("Nordfjord Sparebank", "funder", "Gåvemidlar", "250 000 kr"),
        ("Vestlandsforsking", "researcher", "Følgjeforsking", "Rapport kvart år"),
        ("Lote bygdelag", "participant", "Bygdehuset til aktivitet", "Gratis lån av huset"),
        ("Frivilligsentralen i Stad", "target_contact", "Rekruttere frivillige", "Kontaktliste"),
        ("Vestland fylkeskommune", "informed", "", ""),
    ],
    "Heimebasert omsorg 2030": [
        ("Heimetenesta Stad", "owner", "Eige og leie prosjektet", "Avdelingsleiar"),
        ("Heimetenesta Stad", "employer", "Tilsette", "Tilsette i heimetenesta"),
        ("Heimetenesta Stad", "target_contact", "Kontakt med brukarane", "Dagleg kontakt"),
        ("Heimetenesta Stad", "implementer", "Gjennomføre tiltaka", "Tre tiltak"),
        ("Pårørandegruppa i Stad", "participant", "Erfaringar frå pårørande", ""),
        ("Stad sokneråd", "participant", "Besøksteneste", ""),
        ("Høgskulen på Vestlandet", "researcher", "Studentar kartlegg behov", "Fire studentar"),
        ("Statsforvaltaren i Vestland", "funder", "Skjønsmidlar", "400 000 kr"),
    ],
    "Kulturskule 3.0": [
        ("Stad kulturskule", "owner", "Leie", "Rektor"),
        ("Stad kulturskule", "employer", "Tilsette lærarar", "Tre lærarstillingar"),
        ("Stad kulturskule", "implementer", "Undervisning i bygdene", "Kvar veke"),
        ("Eid idrettslag", "participant", "Samarbeid om aktivitetar", "Hall og utstyr"),
        ("Čáhppes Ŋuorra", "participant", "Joik for barna", "Fire kurskveldar"),
        ("Ungdomsklubben Ervik", "target_contact", "Nå ungdommen i Ervik", "Opne kveldar"),
        ("Vestland fylkeskommune", "funder", "Regionale midlar", "300 000 kr"),
        ("Vestlandsforsking", "researcher", "Evaluering", "Sluttrapport"),
    ],
    "Stadutvikling Selje sentrum": [
        ("Stad kommune, plan og utvikling", "owner", "Eige planprosessen", "Planleggjar"),
        ("Stad kommune, plan og utvikling", "funder", "Investeringsmidlar", "2 000 000 kr"),
        ("Innbyggjargruppa for Selje sentrum", "target_contact", "Idear frå innbyggjarane", ""),
        ("Selje Hotell", "participant", "Møterom", "Møterom gratis"),
        ("Barmen Bygg AS", "implementer", "Byggje møteplassar", ""),
        ("Selje grendalag", "participant", "Dugnad", "Tre dugnader"),
    ],
    "Ungdom på Stadlandet": [
        ("Ungdomsrådet i Stad", "owner", "Eige ideen", "Møte kvar månad"),
        ("Ungdomsrådet i Stad", "target_contact", "Snakke med ungdommen", "Spørjeundersøking"),
        ("Ungdomsklubben Ervik", "participant", "Erfaring frå klubbdrift", ""),
    ],
    "Smart Stad – digitale møteplassar": [
        ("Stad kommune, kultur og frivilligheit", "owner", "Leie", "Prosjektleiar"),
        ("Stad kommune, kultur og frivilligheit", "funder", "Lisensar", "80 000 kr"),
        ("Frivilligsentralen i Stad", "implementer", "Opplæring av laga", "Ti kurs"),
        ("KS Vestland", "funder", "Fornyingsmidlar", "400 000 kr"),
        ("Hennebygda grendalag", "target_contact", "Prøve ut løysinga", "Testgruppe"),
    ],
}

# project -> [(name, unit, baseline, baseline date, target, target date, owner, measurements)]
INDICATORS: dict[str, list[Any]] = {
    "Folkehelse i bygdene": [
        ("Deltakarar på aktivitetar per veke", "personar", 40, dt.date(2025, 3, 1), 150,
         dt.date(2027, 12, 31), "Eid idrettslag",
         [(dt.date(2025, 6, 1), 62), (dt.date(2025, 9, 1), 78), (dt.date(2026, 1, 1), 95),
          (dt.date(2026, 5, 1), 104), (dt.date(2026, 9, 1), 118)]),
        ("Bygder med fast aktivitet", "bygder", 2, dt.date(2025, 3, 1), 10, dt.date(2027, 12, 31),
         "Stad kommune, helse og omsorg",
         [(dt.date(2025, 9, 1), 4), (dt.date(2026, 3, 1), 6), (dt.date(2026, 9, 1), 7)]),
    ],
    "Heimebasert omsorg 2030": [
        ("Heimebuande over 75 år med tryggleiksplan", "prosent", 12, dt.date(2026, 1, 1), 60,
         dt.date(2030, 12, 31), "Heimetenesta Stad",
         [(dt.date(2026, 4, 1), 15), (dt.date(2026, 8, 1), 19.5), (dt.date(2026, 11, 1), 24)]),
    ],
    "Kulturskule 3.0": [
        ("Elevar i kulturskulen", "elevar", 180, dt.date(2024, 8, 1), 300, dt.date(2026, 12, 31),
         "Stad kulturskule",
         [(dt.date(2025, 1, 15), 205), (dt.date(2025, 8, 15), 246), (dt.date(2026, 1, 15), 271),
          (dt.date(2026, 8, 15), 289)]),
        ("Bygder med kulturskuletilbod", "bygder", 3, dt.date(2024, 8, 1), 9, dt.date(2026, 12, 31),
         "Stad kulturskule",
         [(dt.date(2025, 1, 15), 5), (dt.date(2025, 8, 15), 7), (dt.date(2026, 8, 15), 8)]),
    ],
    "Stadutvikling Selje sentrum": [
        ("Arrangement i sentrum per år", "arrangement", 6, dt.date(2026, 4, 1), 24,
         dt.date(2028, 6, 30), "Innbyggjargruppa for Selje sentrum",
         [(dt.date(2026, 7, 1), 9), (dt.date(2026, 10, 1), 11)]),
    ],
    "Smart Stad – digitale møteplassar": [
        ("Lag som brukar felles kalender", "lag", 0, dt.date(2023, 1, 1), 40, dt.date(2025, 6, 30),
         "Frivilligsentralen i Stad",
         [(dt.date(2023, 9, 1), 12), (dt.date(2024, 6, 1), 29), (dt.date(2025, 6, 1), 43)]),
    ],
}  # fmt: skip

QUALITATIVE: dict[str, list[Any]] = {
    "Folkehelse i bygdene": [
        (dt.date(2026, 2, 10), "Fleire eldre i Lote seier dei har fått nye venner gjennom turgruppa.",
         Beneficiary.TARGET_GROUP, "Samtale på bygdehuset", "Ingrid Hjelmeland"),
        (dt.date(2026, 6, 20), "Grendalaget har fått fem nye medlemar etter sommaraktivitetane.",
         Beneficiary.VOLUNTARY_SECTOR, "Årsmeldinga til grendalaget", "Olav Kvalheim"),
        (dt.date(2026, 10, 5), "Legekontoret melder færre konsultasjonar for einsemd i Selje.",
         Beneficiary.MUNICIPALITY, "Legekontoret", "Ingrid Hjelmeland"),
    ],
    "Heimebasert omsorg 2030": [
        (dt.date(2026, 9, 12), "Pårørande seier dei veit betre kven dei skal ringje.",
         Beneficiary.TARGET_GROUP, "Pårørandemøte", "Randi Lote"),
    ],
    "Kulturskule 3.0": [
        (dt.date(2025, 12, 14), "Julekonsert i Ervik med 120 publikummarar, første gong i bygda.",
         Beneficiary.LOCAL_COMMUNITY, "Avisa Fjordabladet", "Marit Haugen"),
        (dt.date(2026, 5, 30), "Mindre køyring for foreldre når undervisninga er i bygda.",
         Beneficiary.TARGET_GROUP, "Foreldreundersøking", "Marit Haugen"),
    ],
    "Smart Stad – digitale møteplassar": [
        (dt.date(2025, 6, 15), "Kommunen sparar om lag 200 timar i året på utlån av lokale.",
         Beneficiary.MUNICIPALITY, "Tidsrekneskap", "Sigurd Eide"),
    ],
}  # fmt: skip

CHECKLISTS: dict[str, dict[int, str]] = {
    "Folkehelse i bygdene": {1: "done", 2: "done", 3: "done", 4: "done", 5: "done",
                             6: "in_progress", 7: "in_progress", 9: "in_progress", 11: "in_progress"},
    "Heimebasert omsorg 2030": {1: "done", 2: "in_progress", 3: "in_progress", 5: "in_progress"},
    "Kulturskule 3.0": {1: "done", 2: "done", 3: "done", 4: "done", 5: "done", 6: "done",
                        7: "done", 8: "done", 9: "in_progress", 10: "done", 11: "in_progress"},
    "Stadutvikling Selje sentrum": {1: "done", 2: "in_progress", 3: "in_progress"},
    "Ungdom på Stadlandet": {1: "in_progress"},
    "Smart Stad – digitale møteplassar": {n: "done" for n in range(1, 12)} | {10: "not_relevant"},
}  # fmt: skip

COMMENTS = {
    ("Folkehelse i bygdene", 6): "Grendalaget har ikkje stadfesta kva dei bidreg med.",
    ("Heimebasert omsorg 2030", 2): "Manglar næringslivet.",
    ("Kulturskule 3.0", 11): "Sluttrapport frå Vestlandsforsking kjem i desember.",
}

MEETINGS: list[Any] = [
    ("Bygdemøte i Selje", dt.date(2026, 3, 12), MeetingKind.VILLAGE_MEETING, "Selje skule",
     "Stadutvikling Selje sentrum",
     ["Selje grendalag", "Innbyggjargruppa for Selje sentrum", "Selje Hotell",
      "Stad kommune, plan og utvikling"],
     "Om lag 60 frammøtte. Stor interesse for ein møteplass ved kaia.",
     [("Ein overbygd møteplass ved kaia som kan brukast heile året.", "Kari Nordnes",
       "Innbyggjargruppa for Selje sentrum", "Møteplassar", "included",
       "Teke med i skissa til planen."),
      ("Betre busstilbod på kveldstid.", "Anonym", None, "Samferdsel", "considered",
       "Sendt vidare til fylkeskommunen."),
      ("Gatelys langs stien til stranda.", "Olav Kvalheim", "Selje grendalag", "Tryggleik", "new", "")]),
    ("Folkemøte på Nordfjordeid: Tour de Stad", dt.date(2026, 5, 7), MeetingKind.PUBLIC_MEETING,
     "Kulturhuset, Nordfjordeid", "Folkehelse i bygdene",
     ["Eid idrettslag", "Frivilligsentralen i Stad", "Stad kommune, helse og omsorg"],
     "Tour de Stad: innspel til folkehelsearbeidet.",
     [("Turgrupper for dei som ikkje har bil.", "Eli Heggjabygda", "Frivilligsentralen i Stad",
       "Transport", "included", "Samkøyring er med i tiltaka."),
      ("Gratis trening for pensjonistar i hallen.", "Hilde Myklebust", "Eid idrettslag",
       "Aktivitet", "rejected", "Hallen er full på dagtid; vi prøver utandørs i staden.")]),
    ("Arbeidsmøte om heimebasert omsorg", dt.date(2026, 9, 30), MeetingKind.WORK_MEETING,
     "Stårheim omsorgssenter", "Heimebasert omsorg 2030",
     ["Heimetenesta Stad", "Pårørandegruppa i Stad", "Høgskulen på Vestlandet"],
     "Gjennomgang av behovskartlegginga.",
     [("Faste kontaktpersonar for kvar heimebuande.", "Gunnar Mogren", "Pårørandegruppa i Stad",
       "Tryggleik", "considered", "")]),
]  # fmt: skip


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
        for text, from_name, from_actor, topic, status, answer in inputs:
            services.meetings.add_input(
                meeting.id,
                InputData(
                    text=text,
                    from_name=from_name,
                    from_actor_id=actors[from_actor] if from_actor else None,
                    topic=topic,
                    project_id=projects[project_name],
                    status=status,
                    answer=answer,
                ),
            )
