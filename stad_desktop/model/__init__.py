"""The data model: entities, vocabularies and shipped catalogue data. No Qt."""

from stad_desktop.model.entities import (
    Actor,
    Base,
    ChecklistItem,
    ContactPerson,
    EffectEntry,
    Indicator,
    InputItem,
    Meeting,
    MeetingParticipant,
    Project,
    ProjectActor,
    Role,
    RoleAssignment,
)
from stad_desktop.model.enums import (
    Beneficiary,
    ChecklistStatus,
    EntryKind,
    InputStatus,
    MeetingKind,
    Phase,
    Sector,
)

__all__ = [
    "Actor",
    "Base",
    "Beneficiary",
    "ChecklistItem",
    "ChecklistStatus",
    "ContactPerson",
    "EffectEntry",
    "EntryKind",
    "Indicator",
    "InputItem",
    "InputStatus",
    "Meeting",
    "MeetingKind",
    "MeetingParticipant",
    "Phase",
    "Project",
    "ProjectActor",
    "Role",
    "RoleAssignment",
    "Sector",
]
