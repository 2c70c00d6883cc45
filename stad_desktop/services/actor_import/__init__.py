"""Import of actors and their contact persons from spreadsheets (XLSX, CSV): the
program's own actors sheet, the Enhetsregisteret and Frivillighetsregisteret
downloads, or any layout with a mapping made by the user."""

from __future__ import annotations

from stad_desktop.services.actor_import.layout import Layout, Target, mappable_targets
from stad_desktop.services.actor_import.plan import (
    ImportPlan,
    NearDecision,
    PlannedRow,
    RowStatus,
    UnknownLayout,
)
from stad_desktop.services.actor_import.reading import MAX_FILE_BYTES, ImportRefused
from stad_desktop.services.actor_import.rows import RowProblem
from stad_desktop.services.actor_import.service import ActorImportService, ImportSummary

__all__ = [
    "MAX_FILE_BYTES",
    "ActorImportService",
    "ImportPlan",
    "ImportRefused",
    "ImportSummary",
    "Layout",
    "NearDecision",
    "PlannedRow",
    "RowProblem",
    "RowStatus",
    "Target",
    "UnknownLayout",
    "mappable_targets",
]
