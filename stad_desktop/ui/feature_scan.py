"""Spare start-up PySide6's scan of every module imported after it.

Once PySide6 is imported, every later import passes through its ``__feature__``
hook, which reads the new module's whole source file to see whether the module
uses PySide6 (and so might select a ``__feature__`` such as ``snake_case``). At
start-up that is the source of some 300 modules of the database layer read and
split into lines: 40-90 ms of the time before the window takes input, and the
lines are then kept in memory.

This program selects no ``__feature__`` anywhere (a test holds it to that), so a
module's answer only decides between "no feature" and "ignore this module", which
behave the same while no feature is ever selected. ``skip_feature_scan`` answers
"ignore" without reading the source. A module that did import ``__feature__``
would still get its selection: that import is handled apart from the scan.
"""

from __future__ import annotations

import sys
from types import ModuleType

# Where PySide6 keeps the hook (in PySide6 6.x; absent in other versions, then
# nothing is changed).
FEATURE_MODULE = "shibokensupport.feature"
SCAN = "_mod_uses_pyside"


def _selects_no_feature(module: ModuleType) -> bool:
    return False


def skip_feature_scan() -> bool:
    """Have PySide6 take every module imported from now on as one without features,
    without reading its source. Returns False when this PySide6 has no such scan."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, SCAN, None)):
        return False
    setattr(feature, SCAN, _selects_no_feature)
    return True
