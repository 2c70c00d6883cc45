"""Hatch build hook: compile the translation catalogs so an installed wheel finds them."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface


class CatalogBuildHook(BuildHookInterface):  # type: ignore[misc]
    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        root = Path(self.root)
        sys.path.insert(0, str(root / "build_scripts"))
        try:
            import catalogs

            catalogs.compile_catalogs()
        finally:
            sys.path.pop(0)
        # The compiled .mo files now lie in i18n/, which the wheel force-includes
        # as stad_desktop/_i18n (see pyproject.toml).
