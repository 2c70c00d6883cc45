"""The what-we-heard printouts in the right written form: no Bokmål in Nynorsk, no
Nynorsk in Bokmål (the project's word-form check on the text of real PDFs). The
free text of the data is neutral, so that only the program's own words are judged."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from report_helpers import TODAY, pdf_text

from stad_desktop.model import InputStatus, MeetingKind, Sector
from stad_desktop.reports.api import make_input_form, make_meeting_report
from stad_desktop.services import ActorInput, InputData, MeetingInput, Services

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build_scripts"))

import wordforms


def _neutral_meeting(services: Services) -> str:
    """A meeting with participants from every sector, input of every status, with and
    without a topic, answered and not, and minutes long enough to be shortened."""
    actors = [
        services.actors.create(ActorInput(name=f"Aktør {n}", sector=sector)).value.id
        for n, sector in enumerate(Sector, start=1)
    ]
    meeting = services.meetings.create(
        MeetingInput(
            title="Møte Alfa",
            meeting_date=dt.date(2026, 3, 12),
            kind=MeetingKind.VILLAGE_MEETING,
            place="Gamma",
            minutes="Alfa beta gamma. " * 200,
            participant_ids=actors,
        )
    ).value
    for number, status in enumerate(InputStatus):
        services.meetings.add_input(
            meeting.id,
            InputData(
                text=f"Alfa {number}",
                topic="Gamma" if number % 2 else "",
                status=status,
                answer="Beta" if number % 3 else "",
                from_actor_id=actors[number],
            ),
        )
    return meeting.id


@pytest.mark.parametrize("lang", ["nn", "nb"])
def test_program_text_is_in_the_right_written_form(
    services: Services, tmp_path: Path, lang: str
) -> None:
    meeting_id = _neutral_meeting(services)
    texts = []
    for group_by in ("topic", "project"):
        for contacts in (False, True):
            path = tmp_path / f"meeting-{group_by}-{contacts}.pdf"
            make_meeting_report(
                services,
                meeting_id,
                path,
                lang=lang,
                group_by=group_by,
                include_contacts=contacts,
                today=TODAY,
            )
            texts.append(pdf_text(path))
    path = tmp_path / "form.pdf"
    make_input_form(services, path, lang=lang, village="Gamma", meeting_date=TODAY, today=TODAY)
    texts.append(pdf_text(path))
    text = "\n".join(texts)
    # The check is only worth something if the program's words are there.
    from stad_desktop.language import Translator
    from stad_desktop.model.enums import label

    tr = Translator(lang)
    for status in InputStatus:
        assert tr._(label(status)) in text
    for sector in Sector:
        assert tr._(label(sector)) in text
    for msgid in (
        "Shortened: the full minutes are kept by the municipality.",
        "Without a topic",
        "Not linked to a project",
        "No answer yet",
        "What did you want to tell us?",
    ):
        assert tr._(msgid) in text, msgid
    findings = wordforms.check_lines(lang, wordforms.text_lines(text, f"printout ({lang})"))
    assert "\n".join(map(str, findings)) == ""
