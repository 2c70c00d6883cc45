"""Views of the user interface."""
