"""The process-start clock shared by the start-up timing and its benchmark reference.

Dependency-free (standard library only), so a bare PySide6 program can use it and
both are measured the same way: from the moment the kernel started the process.
"""

from __future__ import annotations

import os
import time

# Fallback start time where /proc is not available (set when this module loads).
_MODULE_T0 = time.perf_counter()


def process_start() -> float:
    """The ``time.perf_counter()`` value at which this process started."""
    now = time.perf_counter()
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            fields = handle.read().rsplit(")", 1)[1].split()
        start_ticks = int(fields[19])  # field 22: start time in clock ticks after boot
        with open("/proc/uptime", encoding="ascii") as handle:
            uptime = float(handle.read().split()[0])
        age = uptime - start_ticks / os.sysconf("SC_CLK_TCK")
        if 0 <= age < 600:
            return now - age
    except (OSError, ValueError, IndexError, AttributeError):
        pass
    return _MODULE_T0


def ms_since(t0: float) -> int:
    """Whole milliseconds from ``t0`` (a ``perf_counter`` value) to now."""
    return round((time.perf_counter() - t0) * 1000)
