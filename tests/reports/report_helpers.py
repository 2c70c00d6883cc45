"""Helpers for the printout tests: reading a PDF's text with pypdf."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from stad_desktop.services import Services

TODAY = dt.date(2026, 11, 26)


def pdf_text(path: Path) -> str:
    """All text of the PDF with runs of white space made single spaces."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    return re.sub(r"\s+", " ", text)


def pdf_pages(path: Path) -> int:
    from pypdf import PdfReader

    return len(PdfReader(str(path)).pages)


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def project_id(services: Services, name: str) -> str:
    return services.projects.find(name).id
