"""Subcommands that live with their own area register themselves here."""

from stad_desktop import selftest  # noqa: F401
from stad_desktop.reports import command as _report_command  # noqa: F401
