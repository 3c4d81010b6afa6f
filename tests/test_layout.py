"""The layout the architecture note promises (docs/architecture.md): apps import downward only,
``core`` imports no app, and no module grows past about 400 lines without saying why."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# Lowest first: each may import those before it, never those after it.
LAYERS = [
    "core",
    "programmes",
    "accounts",
    "milestones",
    "dashboards",
    "exports",
    "imports",
    "reports",
    "seeds",
]
LONG = 400


def modules():
    for layer in LAYERS:
        for path in sorted((ROOT / layer).rglob("*.py")):
            if "migrations" not in path.parts:
                yield layer, path


MODULES = list(modules())
NAMES = [str(path.relative_to(ROOT)) for _, path in MODULES]


def imported_apps(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
        elif isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
    return found & set(LAYERS)


@pytest.mark.parametrize(("layer", "path"), MODULES, ids=NAMES)
def test_imports_run_downward(layer, path):
    above = set(LAYERS[LAYERS.index(layer) + 1 :])
    assert not imported_apps(path) & above, f"{path.relative_to(ROOT)} imports an app above {layer}"


def test_core_has_no_models():
    assert not (ROOT / "core" / "models.py").exists()
    assert not (ROOT / "core" / "models").exists()


@pytest.mark.parametrize(("layer", "path"), MODULES, ids=NAMES)
def test_long_modules_say_why(layer, path):
    lines = path.read_text().count("\n")
    if lines <= LONG:
        return
    docstring = ast.get_docstring(ast.parse(path.read_text())) or ""
    assert "Why this module is long:" in docstring, (
        f"{path.relative_to(ROOT)} has {lines} lines; split it or say why in its docstring"
    )
