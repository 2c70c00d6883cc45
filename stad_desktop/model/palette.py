"""The program's calm palette, defined once for the screens and the printouts: each
role's colour (the matrix cells that hold the role, the portfolio's role codes, the
printed matrices), and the amber of a role expected but without an agreed
contribution. Colours are "#RRGGBB" strings; the UI makes QColors of them, the
printouts ReportLab colours.

Every fill is light and every ink dark (contrast at least 4.5:1 between them), and
text on a fill is always drawn in its ink, so a fill reads the same in a dark theme.
"""

from __future__ import annotations

from dataclasses import dataclass

from stad_desktop.model.catalogue import (
    EMPLOYER,
    FUNDER,
    IMPLEMENTER,
    INFORMED,
    OWNER,
    PARTICIPANT,
    RESEARCHER,
    TARGET_CONTACT,
)


@dataclass(frozen=True)
class RoleColour:
    fill: str
    """Light background of a cell where an actor holds the role."""
    ink: str
    """Dark colour of the role's mark or code, on white or on ``fill``."""


# The program's own roles, each its own quiet hue.
ROLE_COLOURS: dict[str, RoleColour] = {
    FUNDER: RoleColour("#DCE9F5", "#1F4E79"),  # blue
    EMPLOYER: RoleColour("#E6E1F4", "#4B3F8C"),  # violet
    RESEARCHER: RoleColour("#D6EFEA", "#1B6457"),  # teal
    TARGET_CONTACT: RoleColour("#F6E1D5", "#8A4420"),  # terracotta
    IMPLEMENTER: RoleColour("#DCEFD4", "#2F6B2A"),  # green
    OWNER: RoleColour("#F5DDE7", "#8A2F52"),  # rose
    PARTICIPANT: RoleColour("#E3EAEE", "#34505C"),  # slate
    INFORMED: RoleColour("#ECE8DF", "#5A5040"),  # stone
}
# Roles the users make themselves take these in turn, by their position.
OWN_ROLE_COLOURS: tuple[RoleColour, ...] = (
    RoleColour("#E7EED6", "#4D6320"),  # olive
    RoleColour("#DDE6F2", "#2C4F78"),  # steel
    RoleColour("#F2DFEE", "#6F3266"),  # plum
    RoleColour("#F1E6D2", "#6B4E16"),  # sand
)

# A role expected of an actor without an agreed contribution: amber, marked "!".
LACKING = RoleColour("#FFE08A", "#6B4500")
# Text on any of the fills above.
INK = "#1E2A30"


def role_colour(code: str, position: int = 0) -> RoleColour:
    """The colour of the role with ``code`` (a role of the users' own: by its
    ``position`` among the roles)."""
    colour = ROLE_COLOURS.get(code)
    if colour is not None:
        return colour
    return OWN_ROLE_COLOURS[position % len(OWN_ROLE_COLOURS)]


def hex_rgb(colour: str) -> tuple[float, float, float]:
    """``"#RRGGBB"`` as red, green, blue in 0..1."""
    value = colour.lstrip("#")
    return tuple(int(value[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def contrast(one: str, other: str) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(colour: str) -> float:
        channels = [
            c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in hex_rgb(colour)
        ]
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]

    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)
