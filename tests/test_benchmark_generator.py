"""The large-data generator works (a small scale), so the benchmark never rots."""

from __future__ import annotations

from benchmarks.generate import generate
from stad_desktop.services import Services


def test_generator_small_scale(services: Services) -> None:
    counts = generate(services, scale=0.02, quiet=True)
    assert counts["actors"] == 40
    assert counts["projects"] == 6
    assert counts["assignments"] == 6 * 20
    assert counts["indicators"] == 12
    assert counts["entries"] == 1000 + 200
    assert counts["meetings"] == 4 and counts["inputs"] == 100
    names = " ".join(a.name for a in services.actors.list())
    assert any(ch in names for ch in "æøåÆØÅ")
    # The data passes the same checks as the program's own views.
    biggest = max(services.projects.list(), key=lambda p: p.actor_count)
    assert services.roles.matrix(biggest.id).actors
