"""No module of the program imports itself back through others (imports made only for
type checking aside): every part can be read, tested and changed from the bottom up.
The layers themselves are checked by ``lint-imports`` (contracts in pyproject.toml)."""

from __future__ import annotations

import grimp


def _cycles(graph: grimp.ImportGraph, package: str) -> list[list[str]]:
    """The groups of modules that import each other in a circle (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def imported(module: str) -> list[str]:
        return sorted(
            m
            for m in graph.find_modules_directly_imported_by(module)
            if m == package or m.startswith(package + ".")
        )

    for root in sorted(graph.modules):
        if not root.startswith(package) or root in index:
            continue
        work = [(root, iter(imported(root)))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            module, todo = work[-1]
            for target in todo:
                if target not in index:
                    index[target] = low[target] = len(index)
                    stack.append(target)
                    on_stack.add(target)
                    work.append((target, iter(imported(target))))
                    break
                if target in on_stack:
                    low[module] = min(low[module], index[target])
            else:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[module])
                if low[module] == index[module]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == module:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
    return groups


def test_no_module_imports_itself_back_through_others() -> None:
    graph = grimp.build_graph("stad_desktop", exclude_type_checking_imports=True)
    assert _cycles(graph, "stad_desktop") == []


def test_the_cycle_finder_sees_a_circle() -> None:
    graph = grimp.ImportGraph()
    for module in ("pkg", "pkg.a", "pkg.b", "pkg.c"):
        graph.add_module(module)
    graph.add_import(importer="pkg.a", imported="pkg.b")
    graph.add_import(importer="pkg.b", imported="pkg.a")
    graph.add_import(importer="pkg.b", imported="pkg.c")
    assert _cycles(graph, "pkg") == [["pkg.a", "pkg.b"]]


def test_no_module_is_longer_than_500_lines() -> None:
    """Small rooms: a module that grows past 500 lines is split by what it does."""
    from pathlib import Path

    package = Path(__file__).resolve().parent.parent / "stad_desktop"
    long = {
        str(path.relative_to(package)): lines
        for path in package.rglob("*.py")
        if (lines := len(path.read_text(encoding="utf-8").splitlines())) > 500
    }
    assert long == {}
