"""The data model: entities, vocabularies and shipped catalogue data. No Qt.

The entities (SQLAlchemy) load lazily, so that the vocabularies in ``enums`` can be
used before SQLAlchemy is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from stad_desktop.model.entities import (
        Actor,
        Base,
        ChangeRecord,
        ChecklistItem,
        ContactPerson,
        DatabaseIdentity,
        EffectEntry,
        ErasureRecord,
        Indicator,
        InputItem,
        InputItemProject,
        Meeting,
        MeetingParticipant,
        MergeRecord,
        NamedPerson,
        Project,
        ProjectActor,
        Role,
        RoleAssignment,
        Setting,
        TravelBase,
        TravelCopy,
    )

from stad_desktop.model.enums import (
    Beneficiary,
    ChecklistStatus,
    EntryKind,
    InputStatus,
    LegalBasis,
    MeetingKind,
    Phase,
    Sector,
)

__all__ = [
    "Actor",
    "Base",
    "Beneficiary",
    "ChangeRecord",
    "ChecklistItem",
    "ChecklistStatus",
    "ContactPerson",
    "DatabaseIdentity",
    "EffectEntry",
    "EntryKind",
    "ErasureRecord",
    "Indicator",
    "InputItem",
    "InputItemProject",
    "InputStatus",
    "LegalBasis",
    "Meeting",
    "MeetingKind",
    "MeetingParticipant",
    "MergeRecord",
    "NamedPerson",
    "Phase",
    "Project",
    "ProjectActor",
    "Role",
    "RoleAssignment",
    "Sector",
    "Setting",
    "TravelBase",
    "TravelCopy",
]


_ENTITIES = {
    "Actor",
    "Base",
    "ChangeRecord",
    "ChecklistItem",
    "ContactPerson",
    "DatabaseIdentity",
    "EffectEntry",
    "ErasureRecord",
    "Indicator",
    "InputItem",
    "InputItemProject",
    "Meeting",
    "MeetingParticipant",
    "MergeRecord",
    "NamedPerson",
    "Project",
    "ProjectActor",
    "Role",
    "RoleAssignment",
    "Setting",
    "TravelBase",
    "TravelCopy",
}


def __getattr__(name: str) -> Any:
    if name in _ENTITIES:
        from stad_desktop.model import entities

        return getattr(entities, name)
    raise AttributeError(name)
