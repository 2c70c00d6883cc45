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
        for mo in (root / "i18n").rglob("*.mo"):
            relative = mo.relative_to(root / "i18n")
            build_data.setdefault("force_include", {})[str(mo)] = f"stad_desktop/_i18n/{relative}"
