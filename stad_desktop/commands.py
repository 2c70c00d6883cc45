"""Subcommands that live with their own area register themselves here."""
