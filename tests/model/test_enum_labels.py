"""Enum members with the same value in different enums keep their own labels."""

from __future__ import annotations

from stad_desktop.model.enums import Beneficiary, MeetingKind, Sector, label


def test_labels_do_not_collide_across_enums() -> None:
    assert label(Sector.BUSINESS) == "Business"
    assert label(Beneficiary.BUSINESS) == "Business (beneficiary)"
    assert label(Sector.MUNICIPALITY) == "Municipality"
    assert label(Beneficiary.MUNICIPALITY) == "The municipality"
    assert label(Sector.OTHER) == "Other"
    assert label(MeetingKind.OTHER) == "Other meeting"
