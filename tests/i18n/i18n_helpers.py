"""Paths the language tests share."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "i18n"


def shared_folder() -> Path:
    """``../shared`` relative to the repository root (the glossary and malform_lint)."""
    for parent in Path(__file__).resolve().parents:
        candidate = parent.parent / "shared"
        if (candidate / "glossary.tsv").is_file():
            return candidate
    raise AssertionError(
        "The shared folder (../shared next to the repository, with glossary.tsv and "
        "tools/malform_lint.py) was not found; the language tests need it."
    )


def po_path(lang: str) -> Path:
    return I18N / lang / "LC_MESSAGES" / "stad_desktop.po"
