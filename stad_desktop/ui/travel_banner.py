"""The travel-copy banner above the window's views, and how times of travel copies
are shown (in the computer's time zone). Kept apart from the travel dialogs, which
load only when one is opened."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel

from stad_desktop.format import format_datetime
from stad_desktop.language import _, current
from stad_desktop.ui.widgets.forms import plain_label

if TYPE_CHECKING:
    from stad_desktop.services.travel_info import TravelInfo


def local_time(value: dt.datetime) -> dt.datetime:
    """``value`` in the computer's time zone (a stored UTC time is shown as local)."""
    return value.astimezone() if value.tzinfo is not None else value


def when(value: dt.datetime) -> str:
    return format_datetime(local_time(value), current())


def travel_banner_text(info: TravelInfo) -> str:
    return _(
        "Travel copy of {office}, taken {date}. Back at the office, bring it home there "
        "with File → Bring travel copy home …"
    ).format(office=info.office_name, date=when(info.taken_at))


BANNER_STYLE = "QLabel { background: #e8f0f8; color: #1f3a56; padding: 6px 10px; }"


def travel_banner() -> QLabel:
    banner = plain_label()
    banner.setObjectName("travel_banner")
    banner.setStyleSheet(BANNER_STYLE)
    banner.setWordWrap(True)
    banner.setVisible(False)
    return banner
