"""The messages Python's argparse writes itself (usage, help, errors), in our catalogs.

argparse looks its texts up through ``gettext`` at the moment it needs them; pointing
its lookups at our Translator makes help and errors read in the user's language. The
msgids below are argparse's own (with its %-placeholders), listed so extraction puts
them in the catalogs.
"""

from __future__ import annotations

import argparse

from stad_desktop.language import N_, Translator

ARGPARSE_MESSAGES = (
    N_("usage: "),
    N_("options"),
    N_("positional arguments"),
    N_("show this help message and exit"),
    N_("argument %(argument_name)s: %(message)s"),
    N_("unknown parser %(parser_name)r (choices: %(choices)s)"),
    N_("unrecognized arguments: %s"),
    N_("not allowed with argument %s"),
    N_("the following arguments are required: %s"),
    N_("one of the arguments %s is required"),
    N_("expected one argument"),
    N_("expected at most one argument"),
    N_("expected at least one argument"),
    N_("ambiguous option: %(option)s could match %(matches)s"),
    N_("invalid %(type)s value: %(value)r"),
    N_("invalid choice: %(value)r (choose from %(choices)s)"),
    N_("ignored explicit argument %r"),
    N_("unexpected option string: %s"),
    N_("%(prog)s: error: %(message)s\n"),
)


def translate_argparse(tr: Translator) -> None:
    """Let argparse's own texts come from our catalog in ``tr``'s language."""
    argparse._ = tr._  # type: ignore[attr-defined]
    argparse.ngettext = tr.ngettext  # type: ignore[attr-defined]
