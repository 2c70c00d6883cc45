"""Models of the user interface."""
