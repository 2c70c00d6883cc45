"""The main window's views by key, each built the first time it is asked for.

Building a view costs its imports, its widgets and Qt's enums; at start-up only the
view that is shown is built, so that it takes input sooner. The keys are all the
registry's views, built or not (``key in views`` tells whether a view exists).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from stad_desktop.ui.views.base import View
from stad_desktop.ui.views.registry import ViewSpec


class ViewShelf(Mapping[str, View]):
    """``shelf[key]`` builds the view with ``build(spec)`` when it is not yet built."""

    def __init__(
        self, specs: Iterable[ViewSpec] = (), build: Callable[[ViewSpec], View] | None = None
    ) -> None:
        self._specs = {spec.key: spec for spec in specs}
        self._build = build
        self._built: dict[str, View] = {}

    def __getitem__(self, key: str) -> View:
        view = self._built.get(key)
        if view is None:
            spec = self._specs[key]
            assert self._build is not None
            view = self._built[key] = self._build(spec)
        return view

    def __iter__(self) -> Iterator[str]:
        return iter(self._specs)

    def __len__(self) -> int:
        return len(self._specs)

    def __contains__(self, key: object) -> bool:
        return key in self._specs

    def built(self) -> list[View]:
        """The views built so far (those that can hold a selection, a dialog or input)."""
        return list(self._built.values())

    def key_of(self, view: object) -> str | None:
        """The key of ``view`` if it is one of the views built, else None."""
        return next((key for key, built in self._built.items() if built is view), None)
