"""Paths and files the language tests share; all of them lie inside the repository."""

from __future__ import annotations

import csv
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"
GLOSSARY = I18N / "glossary.tsv"


def po_path(lang: str) -> Path:
    return I18N / lang / "LC_MESSAGES" / "stad_desktop.po"


def glossary() -> list[dict[str, str]]:
    """The rows of ``i18n/glossary.tsv`` (en, nn, nb), its comment lines left out."""
    text = GLOSSARY.read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(rows, delimiter="\t"))
