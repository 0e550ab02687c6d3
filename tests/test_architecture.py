"""The package's shape: imports flow one way, from the report down to the text layer,
never up and never in a circle; old module paths still import; modules stay small."""
from __future__ import annotations

import ast
import importlib
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "analysis_utils"

#: the rank of each top-level unit of the package: a unit may import only units of a
#: lower rank (and itself). Units of equal rank are siblings and never import each other.
LAYERS = {
    "errors": 0, "paths": 0, "_compat": 0, "models": 0, "table_names": 0,
    "yaml_files": 0.5,
    "text": 1,
    "actors": 2,
    "quotes": 3, "timeline": 3,
    "sentiment": 4,
    "article": 5,
    "charts": 6,
    "corpus": 7,
    "report": 8,
    "__init__": 9, "__main__": 9,
}


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PKG.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _imports(path: Path) -> set[str]:
    """Every ``analysis_utils`` module that ``path`` imports, anywhere in it (top level,
    inside functions, under ``TYPE_CHECKING``), as absolute dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    me = _module_name(path)
    package = me if path.name == "__init__.py" else me.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            if not mod.startswith("analysis_utils"):
                continue
            out.add(mod)
            for alias in node.names:  # "from . import segments" imports a module
                candidate = f"{mod}.{alias.name}"
                if (PKG.parent / (candidate.replace(".", "/") + ".py")).is_file() or \
                        (PKG.parent / candidate.replace(".", "/") / "__init__.py").is_file():
                    out.add(candidate)
        elif isinstance(node, ast.Import):
            out.update(a.name for a in node.names if a.name.startswith("analysis_utils"))
    out.discard(me)
    return out


def _graph() -> dict[str, set[str]]:
    return {_module_name(p): _imports(p) for p in sorted(PKG.rglob("*.py"))}


def _unit(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def test_every_unit_of_the_package_has_a_layer():
    units = {_unit(m) for m in _graph()}
    assert units <= set(LAYERS), f"give these a rank in LAYERS: {sorted(units - set(LAYERS))}"


def test_imports_flow_down_the_layers():
    bad = []
    for module, imports in _graph().items():
        mine = _unit(module)
        for imp in imports:
            theirs = _unit(imp)
            if theirs == mine or imp == "analysis_utils":
                continue
            if LAYERS[theirs] >= LAYERS[mine]:
                bad.append(f"{module} -> {imp} ({mine}: {LAYERS[mine]}, {theirs}: {LAYERS[theirs]})")
    assert not bad, "imports that go up or sideways:\n" + "\n".join(bad)


def test_no_import_cycles():
    graph = _graph()
    # a package's __init__ re-exporting its submodules is not a cycle with them: drop the
    # edges from a package to the modules inside it
    edges = {m: {i for i in imps if i in graph and not i.startswith(m + ".")} for m, imps in graph.items()}
    # the import of a submodule also runs its package's __init__
    for m in graph:
        for i in list(edges[m]):
            parent = i.rpartition(".")[0]
            if parent in graph and parent != "analysis_utils" and not m.startswith(parent):
                edges[m].add(parent)
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(m: str) -> None:
        state[m] = 1
        stack.append(m)
        for n in sorted(edges[m]):
            if state.get(n) == 1:
                cycles.append(stack[stack.index(n):] + [n])
            elif n not in state:
                visit(n)
        stack.pop()
        state[m] = 2

    for m in sorted(graph):
        if m not in state:
            visit(m)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_the_layer_test_sees_a_violation():
    """The checks above can fail: an upward import in a module is caught."""
    fake = PKG / "text" / "_probe_upward.py"
    fake.write_text("from ..report import build\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError, match="_probe_upward"):
            test_imports_flow_down_the_layers()
    finally:
        fake.unlink()


def test_the_cycle_test_sees_a_cycle():
    a, b = PKG / "text" / "_probe_a.py", PKG / "text" / "_probe_b.py"
    a.write_text("def f():\n    from ._probe_b import g\n", encoding="utf-8")
    b.write_text("from ._probe_a import f\ng = f\n", encoding="utf-8")
    try:
        with pytest.raises(AssertionError, match="_probe_a"):
            test_no_import_cycles()
    finally:
        a.unlink()
        b.unlink()


@pytest.mark.parametrize("old", sorted(importlib.import_module("analysis_utils._compat").MOVED))
def test_old_module_paths_still_import(old):
    from analysis_utils import _compat

    module = importlib.import_module(f"analysis_utils.{old}")
    new = importlib.import_module(f"analysis_utils.{_compat.MOVED[old]}")
    assert module is new
    assert module.__spec__.name == f"analysis_utils.{_compat.MOVED[old]}"


def test_modules_stay_small():
    """A module of a thousand lines is a concept that wants its own module."""
    big = {str(p.relative_to(PKG)): n for p in PKG.rglob("*.py")
           if (n := len(p.read_text(encoding="utf-8").splitlines())) > 700}
    assert not big, f"split these modules: {big}"


def test_tests_mirror_the_package():
    """Each subpackage has its folder of tests, and each folder of tests names a subpackage."""
    tests = Path(__file__).resolve().parent
    subpackages = {p.parent.name for p in PKG.glob("*/__init__.py")}
    folders = {p.name for p in tests.iterdir()
               if p.is_dir() and p.name not in {"fixtures", "__pycache__"} and any(p.glob("test_*.py"))}
    assert folders, "no test folders found"
    assert folders <= subpackages, f"test folders naming no subpackage: {sorted(folders - subpackages)}"
    untested = subpackages - folders - {"models"}
    assert not untested, f"subpackages without a tests/<name>/ folder: {sorted(untested)}"
    names = [p.name for p in tests.rglob("test_*.py")]
    assert len(names) == len(set(names)), "test module basenames must be unique across folders"
