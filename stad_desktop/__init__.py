"""Stad Desktop: co-creation register, role matrices and effect logs for municipalities."""

__version__ = "0.1.0"
