"""Input items as the printouts show them: the services' :class:`InputInContext`
(where and when it was heard, the actor who gave it, the linked projects).

The name of the person who gave an item is personal data: it is blanked unless
the caller asks for contact data.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from stad_desktop.model import InputStatus
from stad_desktop.services.readmodels import InputInContext

HeardItem = InputInContext


def for_print(
    entries: Iterable[InputInContext], *, include_contacts: bool
) -> tuple[InputInContext, ...]:
    """``entries`` as printed: without the names of people unless contacts are asked for."""
    if include_contacts:
        return tuple(entries)
    return tuple(replace(e, item=replace(e.item, from_name="")) for e in entries)


def status_counts(entries: Iterable[InputInContext]) -> dict[str, int]:
    """Items per status, for every status (in status order)."""
    counter = Counter(entry.item.status for entry in entries)
    return {status.value: counter.get(status.value, 0) for status in InputStatus}
