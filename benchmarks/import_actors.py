"""Time importing a large actors sheet (run by ``run.py --only import``).

python benchmarks/import_actors.py [--rows 50000] [--format xlsx|csv]

Writes a sheet of ``--rows`` actors in the program's own layout (Nynorsk headers,
an organisation number on every other row, one contact person each) into a
temporary folder, then reads, checks and stores it into a new database, as
``stad-desktop import actors`` does. Prints one JSON line of seconds.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from stad_desktop.language import Translator  # noqa: E402
from stad_desktop.services.actor_import import ActorImportService  # noqa: E402
from stad_desktop.services.sheet_columns import ACTOR_COLUMNS, CONTACT_COLUMNS  # noqa: E402
from stad_desktop.storage import open_database  # noqa: E402

_PLACES = ("Selje", "Eid", "Bø", "Stadlandet", "Leikanger", "Hornindal", "Davik", "Ålfoten")
_KINDS = ("grendalag", "idrettslag", "sanitetsforening", "ungdomslag", "Sag AS", "Bygg AS")
_SECTORS = ("Voluntary sector", "Business", "Citizens", "Other")


def org_numbers(count: int) -> list[str]:
    from stdnum.no import orgnr

    found: list[str] = []
    base = 80000000
    while len(found) < count:
        for digit in range(10):
            if orgnr.is_valid(f"{base}{digit}"):
                found.append(f"{base}{digit}")
                break
        base += 1
    return found


def rows(count: int) -> tuple[list[str], list[list[object]]]:
    tr = Translator("nn")
    header = [tr._(c.header) for c in ACTOR_COLUMNS]
    header += [tr._(c.header).format(number=1) for c in CONTACT_COLUMNS]
    orgs = iter(org_numbers(count // 2 + 1))
    body: list[list[object]] = []
    for n in range(count):
        place = _PLACES[n % len(_PLACES)]
        name = f"{place} {_KINDS[n % len(_KINDS)]} {n:05d}"
        body.append(
            [
                name,
                tr._(_SECTORS[n % len(_SECTORS)]),
                next(orgs) if n % 2 == 0 else "",
                place,
                "Dugnad" if n % 3 == 0 else "",
                n % 20 or "",
                "",
                tr._("No"),
                f"Kari Nordmann {n}",
                f"kari{n}@example.no",
                f"9{n % 10000000:07d}",
            ]
        )
    return header, body


def write(path: Path, header: list[str], body: list[list[object]]) -> None:
    if path.suffix == ".xlsx":
        from openpyxl import Workbook

        workbook = Workbook(write_only=True)
        sheet = workbook.create_sheet(Translator("nn")._("Actors"))
        sheet.append(header)
        for row in body:
            sheet.append(row)
        workbook.save(path)
        return
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(header)
        writer.writerows(body)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=50000)
    parser.add_argument("--format", choices=("xlsx", "csv"), default="xlsx")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="stad-import-bench-") as folder:
        sheet = Path(folder) / f"aktorar.{args.format}"
        header, body = rows(args.rows)
        write(sheet, header, body)
        megabytes = round(sheet.stat().st_size / 2**20, 1)
        db = open_database(Path(folder) / "import.sqlite3", startup_backup=False)
        importer = ActorImportService(db)
        started = time.perf_counter()
        plan = importer.read(sheet)
        read = time.perf_counter() - started
        if not plan.valid:
            raise SystemExit(f"invalid rows: {plan.problems[:3]}")
        summary = importer.store(plan).value
        total = time.perf_counter() - started
        db.close()
    print(
        json.dumps(
            {
                "rows": args.rows,
                "format": args.format,
                "megabytes": megabytes,
                "read": round(read, 3),
                "store": round(total - read, 3),
                "total": round(total, 3),
                "added": summary.added,
            }
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
