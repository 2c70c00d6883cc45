"""The help's texts (F1), in the current language, as simple HTML per section.

What can be taken from the program itself is: the role and checklist names come
from the catalogue, the warnings' texts and limits from ``services.matrix`` (the
rules that decide them), and the keyboard shortcuts from the window's actions
(see ``help_menu.shortcut_groups``), so the help cannot drift from the program.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from stad_desktop.language import N_, Localized, Message, _, current
from stad_desktop.model.catalogue import (
    CHECKLIST_ITEMS,
    DEFAULT_ROLES,
    EMPLOYER,
    FUNDER,
    IMPLEMENTER,
    INFORMED,
    OWNER,
    PARTICIPANT,
    RESEARCHER,
    TARGET_CONTACT,
)

OVERVIEW = "overview"
ROLES = "roles"
ADVICE = "advice"
WARNINGS = "warnings"
SHORTCUTS = "shortcuts"

# Each view's part of the help: its key in the main window -> (title, text).
VIEW_HELP: dict[str, tuple[str, str]] = {
    "home": (
        N_("Home"),
        N_(
            "The home page gathers what needs attention: warnings in the role matrices, "
            "indicators behind their path to the target, input waiting for an answer, "
            "upcoming and recent meetings, checklist progress and a few key figures. "
            "Choose an entry to go to its place."
        ),
    ),
    "actors": (
        N_("Actors"),
        N_(
            "Actors are everyone who takes part: municipal units, associations, "
            "businesses, citizens, research and other public bodies. Register each one "
            "with its sector, organisation number, place, contact persons and what it "
            "wishes to contribute. Actors are archived, not deleted, so their history "
            "stays."
        ),
    ),
    "projects": (
        N_("Projects"),
        N_(
            "A project is a shared effort with a common goal, a target group, a phase "
            "and an owner. The owner you choose in the project dialog holds the role "
            "project owner in the role matrix, and the other way round. The checklist "
            "of the eleven pieces of advice opens with the Checklist button under the "
            "list, and its progress shows in the list."
        ),
    ),
    "role_matrix": (
        N_("Role matrix"),
        N_(
            "The role matrix shows a project's actors (rows) and roles (columns). Tick "
            "a cell to give the role, and write what the actor is expected to do and "
            "what it has agreed to contribute. The warnings beside the matrix point to "
            "what is missing; choose one to go to its cell. The Portfolio matrix tab "
            "shows each actor's roles in every project."
        ),
    ),
    "effect_log": (
        N_("Effect log"),
        N_(
            "The effect log notes effects and gains: indicators with a baseline and a "
            "target, and dated entries, measured or described, with the source and who "
            "noted them. The chart shows the measurements against the baseline and the "
            "target."
        ),
    ),
    "meetings": (
        N_("Meetings"),
        N_(
            "Village meetings, public meetings and work meetings, with participants and "
            "minutes, and the input received at each: from whom, on what, for which "
            "project, and what came of it (the status and the answer given). During a "
            "meeting, type each piece of input in the quick-input line and press Enter. "
            "The list of input waiting for an answer shows what has had no answer after "
            "the number of weeks you choose."
        ),
    ),
    "people": (
        N_("People"),
        N_(
            "The contact persons of every actor, searchable as people, with their actor "
            "and the roles it holds. Copy the e-mail addresses of the people listed to "
            "send them all one message."
        ),
    ),
}

ROLE_HELP = {
    FUNDER: N_("Holds the money: pays for the project or a part of it."),
    EMPLOYER: N_("Employs the people who do the work in the project."),
    RESEARCHER: N_("Follows the work with research: gathers knowledge and evaluates."),
    TARGET_CONTACT: N_(
        "Has contact with the target group: knows the people the project is for and reaches them."
    ),
    IMPLEMENTER: N_("Carries out the project: does the work on the ground."),
    OWNER: N_(
        "Owns the project and answers for it. A project has one owner: the owner chosen "
        "in the project dialog holds this role, and giving this role to another actor "
        "in the role matrix makes that actor the owner (the former owner keeps its "
        "other roles). Taking the role away leaves the project without an owner."
    ),
    PARTICIPANT: N_("Takes part and contributes, without one of the roles above."),
    INFORMED: N_("Is kept informed about the project, without taking part in the work."),
}

ADVICE_HELP = (
    N_(
        "Co-creation asks time and effort of everyone. Check that several parties share "
        "a real need and want to work together before you start."
    ),
    N_(
        "Invite those who have something to bring: knowledge, contact with the target "
        "group, resources or the will to act. Look beyond the municipality: "
        "associations, businesses, citizens and research."
    ),
    N_(
        "Make sure leaders and politicians know the work and back it, in the "
        "municipality and in the partners' own organisations, so that it lasts."
    ),
    N_(
        "Co-creation means different things to different people. Talk about what it "
        "means in this project: who decides what, and how you work together."
    ),
    N_(
        "Agree on one goal that everyone can stand behind, and look at what you can do "
        "together rather than at what stands in the way."
    ),
    N_(
        "Write down who does what, what is expected of each one and what each one has "
        "agreed to contribute. The role matrix is made for this."
    ),
    N_(
        "Set aside time and money for working together: meetings, coordination and "
        "someone who keeps things moving."
    ),
    N_(
        "Every party brings something of value. Listen to each other and share the "
        "power: equal voices, even where the roles differ."
    ),
    N_(
        "Tell each other, the target group and the public what is going on, often and "
        "in more than one way. Say what you heard and what came of it."
    ),
    N_(
        "Working across sectors is demanding and at times slower than hoped. Expect "
        "some friction, and talk about it."
    ),
    N_(
        "Decide early what you want to achieve and how you will see it, then note "
        "effects and gains along the way. The effect log is made for this."
    ),
)


def section_titles() -> list[tuple[str, str]]:
    """(key, title) of every section, in order, in the current language."""
    return [
        (OVERVIEW, _("About the help")),
        *((key, _(title)) for key, (title, _text) in VIEW_HELP.items()),
        (ROLES, _("What the roles mean")),
        (ADVICE, _("The eleven pieces of advice")),
        (WARNINGS, _("How the warnings are decided")),
        (SHORTCUTS, _("Keyboard shortcuts")),
    ]


def _h(text: str) -> str:
    return f"<h2>{escape(text)}</h2>"


def _p(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def _name(name: Localized) -> str:
    return name.get(current().lang)


def overview_html() -> str:
    return _h(_("About the help")) + _p(
        _(
            "Stad Desktop keeps the actors and co-creation projects of the municipality, "
            "their role matrices, effect logs, meetings and input. Choose a part of the "
            "help on the left. F1 opens the help on the part about the view you are in; "
            "the link What is this? in the status bar does the same."
        )
    )


def view_html(key: str) -> str:
    title, text = VIEW_HELP[key]
    return _h(_(title)) + _p(_(text))


def roles_html() -> str:
    rows = "".join(
        f"<dt><b>{escape(_name(role.name))}</b></dt><dd>{escape(_(ROLE_HELP[role.code]))}</dd>"
        for role in DEFAULT_ROLES
    )
    own = _p(
        _(
            "Roles you add yourself (New role in the role matrix) mean what you decide. "
            "You can delete them again; where one is given, you are told where first."
        )
    )
    return _h(_("What the roles mean")) + f"<dl>{rows}</dl>" + own


def advice_html() -> str:
    items = "".join(
        f"<li><b>{escape(_name(title))}</b><br>{escape(_(text))}</li>"
        for title, text in zip(CHECKLIST_ITEMS, ADVICE_HELP, strict=True)
    )
    intro = _p(
        _(
            "The eleven pieces of advice for co-creation make up each project's "
            "checklist. The program suggests a status for items 2, 6 and 11 from the "
            "data; you decide."
        )
    )
    return _h(_("The eleven pieces of advice")) + intro + f"<ol>{items}</ol>"


def warnings_html() -> str:
    from stad_desktop.services.matrix import MANY_ROLES, REQUIRED_ROLES

    names = {role.code: role.name.in_sentence() for role in DEFAULT_ROLES}
    rules: list[tuple[str, str]] = [
        (
            Message(text, {"role": names[code]}).render(),
            _("Every project needs at least one actor with this role."),
        )
        for code, text in REQUIRED_ROLES
    ]
    rules += [
        (_("The project has no actors yet."), _("Shown until an actor is added.")),
        (
            _("Every actor is from one sector."),
            _(
                "Co-creation involves more than the municipality: the warning comes when "
                "all the project's actors are from the same sector. The sector mix is "
                "shown beside the matrix."
            ),
        ),
        (
            _("An expectation without an agreed contribution."),
            _(
                "The municipality must not expect more of an actor than it wishes to "
                "contribute: the warning comes where a cell has an expectation and no "
                "agreed contribution. For an actor that is kept informed, it means that "
                "how it is informed has not been agreed."
            ),
        ),
        (
            _("Many roles held by one actor."),
            _(
                "Equal voices, different roles: an actor that holds {count} roles or "
                "more in one project is named, so that a concentration of power is "
                "visible."
            ).format(count=MANY_ROLES),
        ),
    ]
    items = "".join(f"<li><b>{escape(a)}</b><br>{escape(b)}</li>" for a, b in rules)
    intro = _p(
        _(
            "The warnings are advice from the article on co-creation; they never stop "
            "you from saving. The projects list shows how many each project has."
        )
    )
    return _h(_("How the warnings are decided")) + intro + f"<ul>{items}</ul>"


def shortcuts_html(groups: Sequence[tuple[str, Sequence[tuple[str, str]]]]) -> str:
    parts = [_h(_("Keyboard shortcuts"))]
    for title, keys in groups:
        rows = "".join(
            f"<tr><td>{escape(text)}</td><td>&nbsp;&nbsp;<b>{escape(key)}</b></td></tr>"
            for text, key in keys
        )
        parts.append(f"<h3>{escape(title)}</h3><table>{rows}</table>")
    return "".join(parts)
