"""The layout of the actors sheet, shared by the export and the import, so that the
program reads back what it writes, in any of its languages.

One row per actor. The headers are written in the chosen language; the sector is
written as its label in that language. With contact data, each contact person takes
three numbered columns ("Contact person 1", "E-mail 1", "Phone 1", then 2, 3, …),
as many groups as the actor with the most contact persons needs.
"""

from __future__ import annotations

from dataclasses import dataclass

from stad_desktop.language import N_


@dataclass(frozen=True)
class SheetColumn:
    key: str
    header: str  # untranslated (N_) header; translate with the sheet's language


ACTOR_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("name", N_("Name")),
    SheetColumn("sector", N_("Sector")),
    SheetColumn("org_number", N_("Organisation number")),
    SheetColumn("village", N_("Village")),
    SheetColumn("wishes_to_contribute", N_("Wishes to contribute")),
    SheetColumn("hours_per_month", N_("Hours per month")),
    SheetColumn("notes", N_("Notes")),
    SheetColumn("archived", N_("Archived")),
)

# Numbered per contact person: the header is formatted with number=1, 2, 3, …
CONTACT_COLUMNS: tuple[SheetColumn, ...] = (
    SheetColumn("contact_name", N_("Contact person {number}")),
    SheetColumn("contact_email", N_("E-mail {number}")),
    SheetColumn("contact_phone", N_("Phone {number}")),
)
