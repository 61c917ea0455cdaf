"""Lower layers never import higher ones: every import of every lawdiff module (also the ones inside
functions, which are dependencies all the same) is checked against the declared order of layers.

The order is the one today's imports give (bottom first). An import that goes up is either a
mistake or listed in KNOWN_UPWARD with its reason; a listed one that no longer occurs must be taken
off the list, so that the list stays true. A new module must be given a layer here.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

PKG = Path(__file__).resolve().parents[1] / "lawdiff"

# bottom first; a module may import modules of its own layer and of the layers below it
LAYERS: list[tuple[str, list[str]]] = [
    ("foundation", ["lawdiff", "errors", "text", "validate", "gcpause", "cachekey", "xmlsafe", "yamlwrite",
                    "yamlfile", "names", "paths", "labels", "model", "address", "tokendiff", "refs",
                    "record"]),  # record: the consolidation record, a leaf that akn reads and writes
    ("changes", ["changes", "changes.*"]),  # the kinds: reading, wording, execution (never the engine)
    ("akn", ["akn"]),
    ("store", ["store", "akncache", "outline"]),
    ("importers", ["importers", "importers.*"]),
    ("proposal", ["proposal"]),
    ("engine", ["engine", "engine.*"]),
    ("diff", ["redline", "diff", "annexdiff"]),
    ("consolidate", ["consolidate", "blame", "check"]),
    ("render", ["render", "render.*"]),
    ("commands", ["serve", "conflicts"]),
    ("cli", ["cli"]),
]

# (importer, imported): why it may go up
KNOWN_UPWARD: dict[tuple[str, str], str] = {
    ("outline", "diff"): "the cached outline hands its lazy comparison to diff.py (an import inside a "
                         "function, so reading an outline needs no diff)",
}


def _layer_of(mod: str) -> int:
    for i, (_name, mods) in enumerate(LAYERS):
        for m in mods:
            if m == mod or (m.endswith(".*") and mod.startswith(m[:-1])):
                return i
    raise KeyError(mod)


def _modules() -> dict[str, Path]:
    out = {}
    for p in sorted(PKG.rglob("*.py")):
        parts = list(p.relative_to(PKG).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts) or "lawdiff"] = p
    return out


def _imports(mod: str, path: Path) -> set[str]:
    """The lawdiff modules `mod` imports (names relative to the package: "changes.tree")."""
    is_pkg = path.name == "__init__.py"
    here = [] if mod == "lawdiff" else mod.split(".")
    pkg = here if is_pkg else here[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = pkg[:len(pkg) - (node.level - 1)] + (node.module.split(".") if node.module else [])
            elif node.module and node.module.split(".")[0] == "lawdiff":
                base = node.module.split(".")[1:]
            else:
                continue
            for alias in node.names:  # "from . import heading" imports a module, "from .tree import x" a name
                sub = base + [alias.name]
                if (PKG.joinpath(*sub).with_suffix(".py")).exists() or PKG.joinpath(*sub).is_dir():
                    out.add(".".join(sub))
                else:
                    out.add(".".join(base) or "lawdiff")
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "lawdiff":
                    out.add(".".join(alias.name.split(".")[1:]) or "lawdiff")
    out.discard(mod)
    return out


MODULES = _modules()
GRAPH = {mod: _imports(mod, path) for mod, path in MODULES.items()}


def test_every_module_has_a_layer():
    missing = []
    for mod in MODULES:
        try:
            _layer_of(mod)
        except KeyError:
            missing.append(mod)
    assert not missing, f"give these modules a layer in tests/test_layers.py: {missing}"


def test_no_module_imports_a_higher_layer():
    up = sorted((mod, dep) for mod, deps in GRAPH.items() for dep in deps
                if _layer_of(dep) > _layer_of(mod) and (mod, dep) not in KNOWN_UPWARD)
    assert not up, "imports of a higher layer (move the code down, or list it with its reason): " + \
        ", ".join(f"{m} → {d} ({LAYERS[_layer_of(m)][0]} → {LAYERS[_layer_of(d)][0]})" for m, d in up)


@pytest.mark.parametrize("pair", sorted(KNOWN_UPWARD))
def test_known_upward_imports_still_occur(pair):
    mod, dep = pair
    assert dep in GRAPH[mod], f"{mod} no longer imports {dep}: take it off KNOWN_UPWARD"
    assert _layer_of(dep) > _layer_of(mod), f"{mod} → {dep} is not upward: take it off KNOWN_UPWARD"


def test_changes_never_import_the_engine_or_what_is_above_it():
    """The kinds' execution gets the applier as an argument; changes/ may import only the foundation
    (address, model, text, labels, errors) and itself."""
    allowed = {"address", "model", "text", "labels", "errors"}
    bad = sorted((mod, dep) for mod, deps in GRAPH.items() if mod.startswith("changes")
                 for dep in deps if not dep.startswith("changes") and dep not in allowed)
    assert not bad, f"changes/ imports outside its layer: {bad}"


def test_the_import_reader_sees_the_imports_it_must():
    """The checker itself: a module-level, a relative submodule, and a function-level import are seen."""
    assert {"changes.tree", "changes.log", "importers.text", "proposal"} <= GRAPH["engine.applier"]
    assert "changes.heading" in GRAPH["changes.repeal"]  # "from . import heading"
    assert "refs" in GRAPH["engine.refscan"]  # inside a function
    assert "engine" in GRAPH["consolidate"]  # inside a function, absolute-relative "from .engine import"
