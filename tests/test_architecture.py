"""The shape of the package: no import cycle between modules, and the pipeline stages never
import the layers built on them (docs/architecture.md)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
STAGES = ("read", "knowledge", "nlp", "actors", "events", "geo")
ABOVE = ("store", "watch", "feeds", "api", "dashboard", "evaluation", "cli", "coder", "ingest",
         "parallel", "query", "query_run", "query_sql", "query_write")  # fmt: skip


def _module(path: Path) -> str:
    return ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")


def _top_level_imports() -> dict[str, set[str]]:
    """First-party imports each module makes when it is imported (not inside functions, not
    under TYPE_CHECKING)."""
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        found: set[str] = set()
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dyadwatch"):
                for alias in node.names:
                    full = f"{node.module}.{alias.name}"
                    found.add(full if full in modules else node.module)
            elif isinstance(node, ast.Import):
                found |= {a.name for a in node.names if a.name.startswith("dyadwatch")}
        graph[name] = {m for m in found if m in modules and m != name}
    return graph


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_import_cycle() -> None:
    # a package's own __init__ may re-export its submodules: that is not a cycle
    graph = {m: {d for d in deps if not m.startswith(d + ".")}
             for m, deps in _top_level_imports().items()}  # fmt: skip
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_cycles() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_pipeline_stages_never_import_the_layers_above() -> None:
    wrong = [
        (m, d)
        for m, deps in _top_level_imports().items()
        if m.split(".")[1:2] and m.split(".")[1] in STAGES
        for d in deps
        if d.split(".")[1] in ABOVE
    ]
    assert wrong == []
