"""The public namespace is complete, importable and free of stray names."""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
import warnings
from pathlib import Path

import cmc_core


def test_every_name_in_all_exists() -> None:
    missing = [name for name in cmc_core.__all__ if not hasattr(cmc_core, name)]
    assert missing == []


def test_all_lists_every_public_name_the_package_root_defines() -> None:
    public = {
        name
        for name, value in vars(cmc_core).items()
        if not name.startswith("_") and not isinstance(value, type(cmc_core))
    }
    public -= {"annotations", "TYPE_CHECKING", "Any", "importlib"}
    assert public - set(cmc_core.__all__) == set()


def test_every_module_imports_without_warnings() -> None:
    # __main__ modules run the command line when imported, so they are left out.
    names = [
        m.name
        for m in pkgutil.walk_packages(cmc_core.__path__, "cmc_core.")
        if not m.name.endswith("__main__")
    ]
    assert "cmc_core.fileformat" in names
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        for name in names:
            importlib.import_module(name)


def test_every_rule_is_documented_with_its_code_name_and_severity() -> None:
    from pathlib import Path

    text = (Path(__file__).resolve().parents[1] / "docs" / "rules.md").read_text("utf-8")
    for rule in cmc_core.BUILTIN_RULES:
        assert f"## {rule.code} {rule.name}" in text, rule.code
        assert f"Default severity: {rule.severity}." in text, rule.code


# -- the public API in one table ------------------------------------------------------------------


def _root_imports() -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """The (module, name) pairs the root imports from cmc_core: at run time, and for type
    checkers only (under ``if TYPE_CHECKING:``); each must re-export, ``import X as X``."""
    tree = ast.parse(Path(cmc_core.__file__).read_text(encoding="utf-8"))
    at_run_time: set[tuple[str, str]] = set()
    for_type_checkers: set[tuple[str, str]] = set()
    for node in tree.body:
        if isinstance(node, ast.If) and ast.unparse(node.test) == "TYPE_CHECKING":
            statements, found = node.body, for_type_checkers
        else:
            statements, found = [node], at_run_time
        for statement in statements:
            if isinstance(statement, ast.ImportFrom) and (statement.module or "").startswith(
                "cmc_core"
            ):
                for alias in statement.names:
                    assert alias.asname == alias.name, f"import {alias.name} as {alias.name}"
                    found.add((str(statement.module), alias.name))
    return at_run_time, for_type_checkers


def test_all_and_the_lazy_loader_come_from_one_table() -> None:
    table = [(module, name) for module, names in cmc_core._PUBLIC.items() for name in names]
    assert cmc_core.__all__ == [name for _, name in table]
    assert len(set(cmc_core.__all__)) == len(table), "a name is in the table twice"
    for module, name in table:
        assert getattr(cmc_core, name) is getattr(importlib.import_module(module), name), name


def test_the_imports_for_type_checkers_mirror_the_table() -> None:
    at_run_time, for_type_checkers = _root_imports()
    table = {(module, name) for module, names in cmc_core._PUBLIC.items() for name in names}
    assert at_run_time | for_type_checkers == table
    assert not at_run_time & for_type_checkers


def test_only_the_models_names_are_imported_with_the_package() -> None:
    at_run_time, for_type_checkers = _root_imports()
    code = "import sys, cmc_core; print(' '.join(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    loaded = set(result.stdout.split())
    assert {module for module, _ in at_run_time} <= loaded
    assert {module for module, _ in for_type_checkers} & loaded == set()
