"""Data the program ships with: the default roles and the eleven checklist items."""

from __future__ import annotations

from dataclasses import dataclass

from stad_desktop.language import Localized

# The municipality named in a printout's page header when none is given.
DEFAULT_MUNICIPALITY = "Stad kommune"


@dataclass(frozen=True)
class DefaultRole:
    code: str
    short: str
    """The short code in Norwegian (stored with the role)."""
    name: Localized
    short_en: str
    """The short code in English, from the English name."""


# Role codes with a meaning the role-matrix checks rely on.
FUNDER = "funder"
EMPLOYER = "employer"
RESEARCHER = "researcher"
TARGET_CONTACT = "target_contact"
IMPLEMENTER = "implementer"
OWNER = "owner"
PARTICIPANT = "participant"
INFORMED = "informed"

DEFAULT_ROLES: tuple[DefaultRole, ...] = (
    DefaultRole(FUNDER, "F", Localized("Finansiør", "Finansiør", "Funder"), "F"),
    DefaultRole(EMPLOYER, "A", Localized("Arbeidsgjevar", "Arbeidsgiver", "Employer"), "E"),
    DefaultRole(RESEARCHER, "R", Localized("Forskar", "Forsker", "Researcher"), "R"),
    DefaultRole(
        TARGET_CONTACT,
        "K",
        Localized(
            "Kontakt med målgruppa", "Kontakt med målgruppen", "Contact with the target group"
        ),
        "C",
    ),
    DefaultRole(IMPLEMENTER, "G", Localized("Gjennomførar", "Gjennomfører", "Implementer"), "I"),
    DefaultRole(OWNER, "E", Localized("Prosjekteigar", "Prosjekteier", "Project owner"), "O"),
    DefaultRole(PARTICIPANT, "D", Localized("Deltakar", "Deltaker", "Participant"), "P"),
    DefaultRole(
        INFORMED, "O", Localized("Haldast orientert", "Holdes orientert", "Kept informed"), "K"
    ),
)
ENGLISH_SHORT = {role.code: role.short_en for role in DEFAULT_ROLES}

CHECKLIST_ITEMS: tuple[Localized, ...] = (
    Localized(
        "Sikre behov og vilje for samskaping",
        "Sikre behov og vilje for samskaping",
        "Make sure there is need and will for co-creation",
    ),
    Localized(
        "Rekrutter høvelege samskaparar",
        "Rekrutter hensiktsmessige samskapere",
        "Recruit suitable co-creators",
    ),
    Localized("Syt for god forankring", "Sørg for god forankring", "Make sure of good anchoring"),
    Localized(
        "Bli samde om kva samskaping er for dykk",
        "Bli enige om hva samskaping er for dere",
        "Agree on what co-creation means to you",
    ),
    Localized(
        "Lag eit felles mål og fokuser på moglegheitene",
        "Lag et felles mål og fokuser på mulighetene",
        "Make a common goal and focus on the possibilities",
    ),
    Localized(
        "Definer forventningar, roller og ansvar",
        "Definer forventninger, roller og ansvar",
        "Define expectations, roles and responsibility",
    ),
    Localized(
        "Invester i sjølve samskapinga",
        "Invester i selve samskapingen",
        "Invest in the co-creation itself",
    ),
    Localized(
        "Respekter kvarandre som likeverdige ressursar",
        "Respekter hverandre som likeverdige ressurser",
        "Respect each other as equal resources",
    ),
    Localized(
        "Kommuniser, kommuniser, kommuniser!",
        "Kommuniser, kommuniser, kommuniser!",
        "Communicate, communicate, communicate!",
    ),
    Localized(
        "Ver førebudd på å bli litt frustrert",
        "Vær forberedt på å bli litt frustrert",
        "Be prepared to get a little frustrated",
    ),
    Localized(
        "Noter effektar og gevinstar", "Noter effekter og gevinster", "Note effects and gains"
    ),
)
