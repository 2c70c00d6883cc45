"""The fixed vocabularies of the domain, stored as their string values."""

from __future__ import annotations

from enum import StrEnum

from stad_desktop.language import N_


class Sector(StrEnum):
    MUNICIPALITY = "municipality"
    VOLUNTARY = "voluntary"
    BUSINESS = "business"
    CITIZENS = "citizens"
    RESEARCH = "research"
    OTHER_PUBLIC = "other_public"
    OTHER = "other"


class Phase(StrEnum):
    IDEA = "idea"
    ANCHORING = "anchoring"
    PLANNING = "planning"
    IMPLEMENTATION = "implementation"
    EVALUATION = "evaluation"
    COMPLETED = "completed"


class ChecklistStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    NOT_RELEVANT = "not_relevant"


class EntryKind(StrEnum):
    QUANTITATIVE = "quantitative"
    QUALITATIVE = "qualitative"


class Beneficiary(StrEnum):
    TARGET_GROUP = "target_group"
    LOCAL_COMMUNITY = "local_community"
    MUNICIPALITY = "municipality"
    STATE_TREASURY = "state_treasury"
    VOLUNTARY_SECTOR = "voluntary_sector"
    BUSINESS = "business"


class MeetingKind(StrEnum):
    PUBLIC_MEETING = "public_meeting"
    VILLAGE_MEETING = "village_meeting"
    WORK_MEETING = "work_meeting"
    OTHER = "other"


class InputStatus(StrEnum):
    NEW = "new"
    CONSIDERED = "considered"
    INCLUDED = "included"
    REJECTED = "rejected"


class LegalBasis(StrEnum):
    """Why the municipality keeps a person's data (GDPR article 6)."""

    CONSENT = "consent"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTEREST = "legitimate_interest"


# Labels (English msgids, translated where shown).
_LABEL_PAIRS: tuple[tuple[StrEnum, str], ...] = (
    (Sector.MUNICIPALITY, N_("Municipality")),
    (Sector.VOLUNTARY, N_("Voluntary sector")),
    (Sector.BUSINESS, N_("Business")),
    (Sector.CITIZENS, N_("Citizens")),
    (Sector.RESEARCH, N_("Research")),
    (Sector.OTHER_PUBLIC, N_("Other public body")),
    (Sector.OTHER, N_("Other")),
    (Phase.IDEA, N_("Idea")),
    (Phase.ANCHORING, N_("Anchoring")),
    (Phase.PLANNING, N_("Planning")),
    (Phase.IMPLEMENTATION, N_("Implementation")),
    (Phase.EVALUATION, N_("Evaluation")),
    (Phase.COMPLETED, N_("Completed")),
    (ChecklistStatus.NOT_STARTED, N_("Not started")),
    (ChecklistStatus.IN_PROGRESS, N_("In progress")),
    (ChecklistStatus.DONE, N_("Done")),
    (ChecklistStatus.NOT_RELEVANT, N_("Not relevant")),
    (EntryKind.QUANTITATIVE, N_("Quantitative")),
    (EntryKind.QUALITATIVE, N_("Qualitative")),
    (Beneficiary.TARGET_GROUP, N_("Target group (beneficiary)")),
    (Beneficiary.LOCAL_COMMUNITY, N_("Local community")),
    (Beneficiary.MUNICIPALITY, N_("The municipality")),
    (Beneficiary.STATE_TREASURY, N_("State treasury")),
    (Beneficiary.VOLUNTARY_SECTOR, N_("Voluntary sector (beneficiary)")),
    (Beneficiary.BUSINESS, N_("Business (beneficiary)")),
    (MeetingKind.PUBLIC_MEETING, N_("Public meeting")),
    (MeetingKind.VILLAGE_MEETING, N_("Village meeting")),
    (MeetingKind.WORK_MEETING, N_("Work meeting")),
    (MeetingKind.OTHER, N_("Other meeting")),
    (InputStatus.NEW, N_("New")),
    (InputStatus.CONSIDERED, N_("Considered")),
    (InputStatus.INCLUDED, N_("Included")),
    (InputStatus.REJECTED, N_("Rejected")),
    (LegalBasis.CONSENT, N_("Consent")),
    (LegalBasis.PUBLIC_TASK, N_("Public task")),
    (LegalBasis.LEGITIMATE_INTEREST, N_("Legitimate interest")),
)
# Members of different enums with the same value (Sector.BUSINESS and
# Beneficiary.BUSINESS) are equal as StrEnums, so look labels up by class and value.
_BY_TYPE: dict[tuple[type, str], str] = {(type(m), m.value): text for m, text in _LABEL_PAIRS}
# Kept for compatibility; colliding values keep the last label. Use label().
LABELS: dict[StrEnum, str] = dict(_LABEL_PAIRS)


def label(value: StrEnum) -> str:
    """The English msgid for an enum value; translate it with a Translator."""
    return _BY_TYPE[(type(value), value.value)]
