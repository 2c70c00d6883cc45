"""Widgets of the user interface."""
