"""The public namespace is complete, importable and free of stray names."""

from __future__ import annotations

import importlib
import pkgutil
import warnings

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
