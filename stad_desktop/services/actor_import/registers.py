"""The downloads from the Brønnøysund registers: Enhetsregisteret (the register of
legal entities, CSV or XLSX from data.brreg.no) and Frivillighetsregisteret (the
register of voluntary organisations, which has the same entity columns and some of
its own). Column names are matched case-insensitively, with dots or underscores
("organisasjonsform.kode", "Organisasjonsform_kode").

The sector is inferred from the organisation form: KOMM → municipality, FLI →
voluntary, AS/ENK → business, and so on.
"""

from __future__ import annotations

import re

from stad_desktop.model import Sector

ENHETSREGISTERET = "Enhetsregisteret"
FRIVILLIGHETSREGISTERET = "Frivillighetsregisteret"

# Column (normalised) → field, in order of priority: where several columns give the
# same field, the first with a value wins (the business address before the postal).
REGISTER_COLUMNS: tuple[tuple[str, str], ...] = (
    ("organisasjonsnummer", "org_number"),
    ("navn", "name"),
    ("organisasjonsform.kode", "org_form"),
    ("organisasjonsform", "org_form"),
    ("organisasjonsform.beskrivelse", "org_form"),
    ("forretningsadresse.poststed", "village"),
    ("postadresse.poststed", "village"),
    ("forretningsadresse.kommune", "village"),
    ("postadresse.kommune", "village"),
    ("hjemmeside", "website"),
    ("epostadresse", "register_email"),
    ("epost", "register_email"),
    ("telefon", "register_phone"),
    ("mobil", "register_phone"),
)

# Columns only Frivillighetsregisteret has: every organisation in it is voluntary.
_FRIVILLIG_COLUMNS = frozenset(
    {
        "frivilligorganisasjonsstatus",
        "innfoertdato",
        "foerstegangInnfoert".casefold(),
        "icnpokategorier",
        "icnpokategori",
        "icnpokategorier.navn",
        "icnpokategori.navn",
        "grasrotandel",
        "grasrotandel.deltari",
        "kontonummer",
        "registreringsdatofrivillighetsregisteret",
    }
)

_SEPARATORS = re.compile(r"[\s_]+")


def normalise_header(header: str) -> str:
    """A column name as compared: case folded, underscores and spaces as dots."""
    return _SEPARATORS.sub(".", header.strip().casefold()).strip(".")


def register_source(normalised: set[str]) -> str | None:
    """Which register a file with these (normalised) column names comes from."""
    if not {"organisasjonsnummer", "navn"} <= normalised:
        return None
    if normalised & _FRIVILLIG_COLUMNS:
        return FRIVILLIGHETSREGISTERET
    return ENHETSREGISTERET


# Organisation forms (code → sector); descriptions as the register writes them too.
_FORMS: dict[str, Sector] = {
    "KOMM": Sector.MUNICIPALITY,
    "KF": Sector.MUNICIPALITY,
    "FYLK": Sector.OTHER_PUBLIC,
    "FKF": Sector.OTHER_PUBLIC,
    "IKS": Sector.OTHER_PUBLIC,
    "STAT": Sector.OTHER_PUBLIC,
    "SF": Sector.OTHER_PUBLIC,
    "ORGL": Sector.OTHER_PUBLIC,
    "ADOS": Sector.OTHER_PUBLIC,
    "HF": Sector.OTHER_PUBLIC,
    "SÆR": Sector.OTHER_PUBLIC,
    "KIRK": Sector.OTHER_PUBLIC,
    "FLI": Sector.VOLUNTARY,
    "STI": Sector.VOLUNTARY,
    "AS": Sector.BUSINESS,
    "ASA": Sector.BUSINESS,
    "ENK": Sector.BUSINESS,
    "ANS": Sector.BUSINESS,
    "DA": Sector.BUSINESS,
    "NUF": Sector.BUSINESS,
    "SA": Sector.BUSINESS,
    "BA": Sector.BUSINESS,
    "KS": Sector.BUSINESS,
    "PRE": Sector.BUSINESS,
    "SE": Sector.BUSINESS,
    "BBL": Sector.BUSINESS,
    "EOFG": Sector.BUSINESS,
    "GFS": Sector.BUSINESS,
    "BRL": Sector.OTHER,
    "ESEK": Sector.OTHER,
    "SAM": Sector.OTHER,
    "IKJP": Sector.OTHER,
    "BO": Sector.OTHER,
    "KBO": Sector.OTHER,
    "PERS": Sector.CITIZENS,
}
_DESCRIPTIONS: dict[str, str] = {
    "kommune": "KOMM",
    "kommunalt foretak": "KF",
    "fylkeskommune": "FYLK",
    "fylkeskommunalt foretak": "FKF",
    "interkommunalt selskap": "IKS",
    "staten": "STAT",
    "statsforetak": "SF",
    "organisasjonsledd": "ORGL",
    "administrativ enhet - offentlig sektor": "ADOS",
    "helseforetak": "HF",
    "særlovsselskap": "SÆR",
    "den norske kirke": "KIRK",
    "forening/lag/innretning": "FLI",
    "stiftelse": "STI",
    "aksjeselskap": "AS",
    "allmennaksjeselskap": "ASA",
    "enkeltpersonforetak": "ENK",
    "ansvarlig selskap": "ANS",
    "selskap med delt ansvar": "DA",
    "norskregistrert utenlandsk foretak": "NUF",
    "samvirkeforetak": "SA",
    "selskap med begrenset ansvar": "BA",
    "kommandittselskap": "KS",
    "partsrederi": "PRE",
    "europeisk selskap": "SE",
    "boligbyggelag": "BBL",
    "borettslag": "BRL",
    "eierseksjonssameie": "ESEK",
    "tingsrettslig sameie": "SAM",
    "annen juridisk person": "IKJP",
    "konkursbo": "KBO",
}


def sector_of_form(form: str) -> Sector | None:
    """The sector an organisation form (code or description) belongs to."""
    text = form.strip()
    code = _DESCRIPTIONS.get(text.casefold(), text.upper())
    return _FORMS.get(code)
