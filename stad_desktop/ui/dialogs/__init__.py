"""Dialogs of the user interface."""
