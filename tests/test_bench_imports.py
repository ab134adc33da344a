"""The benchmark scripts import the app's modules inside their functions (they set Django up
first), so nothing imports them until someone runs a benchmark. Moving code must not break them
unnoticed: every name they import from the project must exist."""

import ast
import importlib
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "bench"
PROJECT_PACKAGES = {path.parent.name for path in BENCH.parent.glob("*/apps.py")} | {"config"}


def project_imports():
    for script in sorted(BENCH.glob("*.py")):
        for node in ast.walk(ast.parse(script.read_text())):
            if not isinstance(node, ast.ImportFrom) or not node.module:
                continue
            if node.module.split(".")[0] in PROJECT_PACKAGES:
                for alias in node.names:
                    yield pytest.param(node.module, alias.name, id=f"{script.name}:{alias.name}")


@pytest.mark.parametrize(("module", "name"), list(project_imports()))
def test_bench_imports_resolve(module, name):
    imported = importlib.import_module(module)
    assert hasattr(imported, name) or importlib.util.find_spec(f"{module}.{name}") is not None


def test_the_scripts_import_the_project():
    assert len(list(project_imports())) > 10
