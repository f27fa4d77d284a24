"""The shape of the package: no import cycle between modules, and the pipeline stages never
import the layers built on them (docs/architecture.md)."""

from __future__ import annotations

import ast
import functools
from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"
STAGES = ("read", "knowledge", "nlp", "actors", "events", "geo")
ABOVE = ("store", "watch", "feeds", "api", "dashboard", "evaluation", "cli", "coder", "ingest",
         "parallel", "placed", "query", "query_run", "query_sql", "query_write")  # fmt: skip


def _module(path: Path) -> str:
    return ".".join(path.relative_to(SRC).with_suffix("").parts).removesuffix(".__init__")


@dataclass(frozen=True)
class Import:
    """A first-party import: the module it names, and whether it runs only when a function or
    method runs (``local``) rather than when the module is imported."""

    target: str
    local: bool
    line: int


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    found: set[int] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            found |= {id(n) for n in ast.walk(node)}
    return found


def imports_of(source: str, known: Collection[str]) -> list[Import]:
    """The first-party imports of a module's source, anywhere in it (imports under
    ``TYPE_CHECKING`` never run, so they are left out). ``from pkg import sub`` names the
    submodule when ``known`` has it."""
    tree = ast.parse(source)
    skipped = _type_checking_nodes(tree)
    top = {id(n) for n in tree.body}
    out: list[Import] = []
    for node in ast.walk(tree):
        if id(node) in skipped:
            continue
        names: list[str] = []
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("dyadwatch"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                names.append(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names if a.name.startswith("dyadwatch")]
        out += [Import(n, id(node) not in top, node.lineno) for n in names]
    return out


@functools.cache
def _all_imports() -> dict[str, list[Import]]:
    modules = {_module(p): p for p in SRC.rglob("*.py")}
    return {
        name: [i for i in imports_of(path.read_text(encoding="utf-8"), modules)
               if i.target in modules and i.target != name]
        for name, path in modules.items()
    }  # fmt: skip


def _top_level_imports() -> dict[str, set[str]]:
    """First-party imports each module makes when it is imported (not inside functions, not
    under TYPE_CHECKING)."""
    return {m: {i.target for i in found if not i.local} for m, found in _all_imports().items()}


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


# -- packages, lazy imports, sizes ---------------------------------------------------------------

# Function-local imports that point up the layers on purpose; the package cycle check skips them.
UPWARD: dict[tuple[str, str], str] = {
    # ``dyadwatch.query(...)`` runs a query on a store (docs/api.md): the query module is the
    # store's vocabulary, so it reaches the store layer only when called.
    ("dyadwatch.query", "dyadwatch.store.connect"): "the callable module",
}

# Modules that may import first-party modules inside functions, and why.
LAZY: dict[str, str] = {
    # ``import dyadwatch`` stays cheap: ``dyadwatch.code()`` loads the coder (spaCy) when called.
    "dyadwatch": "public API",
    "dyadwatch.query": "see UPWARD",
    # ``dyadwatch --help`` imports every command module; loading the library there (YAML
    # knowledge files, the store, geo) doubled its time (0.17 s -> 0.32 s), so each command
    # imports what it runs.
    "dyadwatch.cli.*": "fast --help",
    # nlp/attributes.py and nlp/lemmas.py subclass spaCy's components: importing them loads spaCy (about
    # 100 MB), which a process that never parses (the parent of ingest's workers) must not pay.
    "dyadwatch.nlp.pipeline": "spaCy only when a pipeline is loaded",
}

MAX_MODULE_LINES = 600
MAX_CLASS_LINES = 250


def _package(module: str) -> str:
    """``dyadwatch.store.store`` -> ``store``; a top-level module is its own package."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def _package_graph(imports: dict[str, list[Import]]) -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for module, found in imports.items():
        for i in found:
            if (module, i.target) in UPWARD or _package(module) == _package(i.target):
                continue
            graph.setdefault(_package(module), set()).add(_package(i.target))
    return graph


def _lazy_allowed(module: str) -> bool:
    """``pkg.*`` in ``LAZY`` stands for the package and its modules."""
    return module in LAZY or any(
        k.endswith(".*") and (module == k[:-2] or module.startswith(k[:-1])) for k in LAZY
    )


def test_no_package_import_cycle_counting_imports_inside_functions() -> None:
    assert _cycles(_package_graph(_all_imports())) == []


def test_the_import_scanner_sees_imports_inside_functions() -> None:
    source = (
        "from typing import TYPE_CHECKING\n"
        "from dyadwatch.errors import StoreError\n"
        "if TYPE_CHECKING:\n    from dyadwatch.query import EventQuery\n"
        "def f():\n    from dyadwatch.store import store\n"
    )
    found = imports_of(source, {"dyadwatch.store.store"})
    assert [(i.target, i.local) for i in found] == [
        ("dyadwatch.errors", False), ("dyadwatch.store.store", True)
    ]
    graph = _package_graph({"dyadwatch.query_run": [Import("dyadwatch.store.store", True, 1)],
                            "dyadwatch.store.store": [Import("dyadwatch.query_run", False, 1)]})
    assert _cycles(graph) == [["query_run", "store"]]


def test_first_party_imports_are_at_module_top() -> None:
    local = sorted(
        f"{m}:{i.line} imports {i.target}"
        for m, found in _all_imports().items()
        if not _lazy_allowed(m)
        for i in found
        if i.local
    )
    assert local == []


def _sizes() -> list[tuple[str, str, int]]:
    """(module, class or "", lines) of every module and every class."""
    out = []
    for path in SRC.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        out.append((_module(path), "", len(text.splitlines())))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.ClassDef) and node.end_lineno is not None:
                out.append((_module(path), node.name, node.end_lineno - node.lineno + 1))
    return out


def test_no_module_over_600_lines_and_no_class_over_250() -> None:
    too_long = [
        (module, cls, n)
        for module, cls, n in _sizes()
        if n > (MAX_CLASS_LINES if cls else MAX_MODULE_LINES)
    ]
    assert too_long == []


def test_the_allow_lists_name_real_modules_that_still_need_them() -> None:
    """An entry the code no longer needs is removed, so the allow-lists only shrink."""
    imports = _all_imports()
    assert all(any(i.target == t and i.local for i in imports[m]) for m, t in UPWARD)
    for entry in LAZY:
        covered = [m for m in imports if m == entry.removesuffix(".*") or
                   (entry.endswith(".*") and m.startswith(entry[:-1]))]  # fmt: skip
        assert any(i.local for m in covered for i in imports[m]), entry
