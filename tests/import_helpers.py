"""Spreadsheet files for the import tests, written by the tests themselves: the
program's own actors sheet in a language, and small samples of the Enhetsregisteret
and Frivillighetsregisteret downloads, as CSV or XLSX."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from stad_desktop.language import Translator
from stad_desktop.services.sheet_columns import ACTOR_COLUMNS, CONTACT_COLUMNS

Rows = Sequence[Sequence[object]]


def org_numbers(count: int, start: int = 91234560) -> list[str]:
    """``count`` valid organisation numbers (MOD-11)."""
    from stdnum.no import orgnr

    found: list[str] = []
    base = start
    while len(found) < count:
        for digit in range(10):
            number = f"{base}{digit}"
            if orgnr.is_valid(number):
                found.append(number)
                break
        base += 1
    return found


def write(
    path: Path, header: Sequence[str], rows: Rows, *, delimiter: str = ";", encoding: str = "utf-8"
) -> Path:
    """``rows`` under ``header`` as XLSX (by the suffix) or CSV."""
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook()
        sheet = workbook.active
        assert sheet is not None
        sheet.append(list(header))
        for row in rows:
            sheet.append(list(row))
        workbook.save(path)
        return path
    with path.open("w", encoding=encoding, newline="") as handle:
        writer = csv.writer(handle, delimiter=delimiter)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def own_header(lang: str, contact_groups: int = 1) -> list[str]:
    tr = Translator(lang)
    header = [tr._(column.header) for column in ACTOR_COLUMNS]
    for number in range(1, contact_groups + 1):
        header += [tr._(column.header).format(number=number) for column in CONTACT_COLUMNS]
    return header


def own_row(
    lang: str,
    name: str,
    sector: str = "Voluntary sector",
    org: str = "",
    village: str = "",
    contact: tuple[str, str, str] = ("", "", ""),
    *,
    hours: object = "",
    notes: str = "",
    archived: str = "No",
) -> list[object]:
    """A row of the own sheet: name, sector label (English msgid), organisation
    number, village, wishes, hours, notes, archived, then one contact group."""
    tr = Translator(lang)
    return [name, tr._(sector), org, village, "", hours, notes, tr._(archived), *contact]


ENHET_HEADER = [
    "organisasjonsnummer",
    "navn",
    "organisasjonsform.kode",
    "organisasjonsform.beskrivelse",
    "naeringskode1.kode",
    "naeringskode1.beskrivelse",
    "antallAnsatte",
    "hjemmeside",
    "postadresse.adresse",
    "postadresse.poststed",
    "postadresse.postnummer",
    "forretningsadresse.adresse",
    "forretningsadresse.poststed",
    "forretningsadresse.postnummer",
    "forretningsadresse.kommune",
    "forretningsadresse.kommunenummer",
    "institusjonellSektorkode.kode",
    "registrertIFrivillighetsregisteret",
]


def enhet_row(org: str, name: str, form: str, place: str, website: str = "") -> list[object]:
    descriptions = {
        "KOMM": "Kommune",
        "FLI": "Forening/lag/innretning",
        "AS": "Aksjeselskap",
        "ENK": "Enkeltpersonforetak",
    }
    return [
        org,
        name,
        form,
        descriptions.get(form, ""),
        "94.991",
        "Aktiviteter i andre interesseorganisasjoner",
        "0",
        website,
        "Postboks 1",
        place,
        "6750",
        "Vegen 1",
        place,
        "6750",
        "STAD",
        "4649",
        "7000",
        "false",
    ]


# Frivillighetsregisteret: the entity's columns and the register's own.
FRIVILLIG_HEADER = [
    "Organisasjonsnummer",
    "Navn",
    "Organisasjonsform_kode",
    "Forretningsadresse_poststed",
    "Forretningsadresse_kommune",
    "Hjemmeside",
    "Epostadresse",
    "Telefon",
    "FrivilligOrganisasjonsstatus",
    "InnfoertDato",
    "IcnpoKategorier",
    "Grasrotandel",
]


def frivillig_row(
    org: str, name: str, place: str, email: str = "", phone: str = "", form: str = "FLI"
) -> list[object]:
    return [
        org,
        name,
        form,
        place,
        "STAD",
        "",
        email,
        phone,
        "REGISTRERT",
        "2019-04-01",
        "Idrett",
        "true",
    ]


PNG = bytes.fromhex("89504E470D0A1A0A0000000D49484452") + b"\x00" * 64


def encrypted_workbook(path: Path) -> Path:
    """What Excel writes for a workbook with a password: an OLE (CFB) container with
    an EncryptionInfo and an EncryptedPackage stream, not a zip."""
    header = bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 504
    directory = "EncryptionInfo".encode("utf-16-le") + b"\x00" * 50
    directory += "EncryptedPackage".encode("utf-16-le") + b"\x00" * 50
    path.write_bytes(header + directory + b"\x17" * 4096)
    return path
