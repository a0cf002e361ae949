"""The documentation builds with warnings as errors, and its reference is complete.

The build runs once per test session (about half a minute); the completeness tests read what it
wrote: the inventory of documented Python objects (``objects.inv``) and the HTML pages.
"""

from __future__ import annotations

import importlib
import json
import posixpath
import warnings
from pathlib import Path

import attrs
import pytest
from sphinx.cmd.build import build_main
from sphinx.util.inventory import InventoryFile

import cmc_core
from cmc_core import hookspecs
from cmc_core.cli import cli
from cmc_core.fileformat.layout import SCHEMA_FILE_NAME
from cmc_core.rules import BUILTIN_RULES

pytestmark = pytest.mark.slow  # every test here reads one Sphinx build of the whole site

DOCS = Path(__file__).resolve().parents[2] / "docs"

#: The documented packages: every name in their ``__all__`` must be in the API reference.
DOCUMENTED_MODULES = (
    "cmc_core",
    "cmc_core.assessment",
    "cmc_core.analysis",
    "cmc_core.blueprint",
    "cmc_core.cli.hosting",
    "cmc_core.config",
    "cmc_core.diffing",
    "cmc_core.examples",
    "cmc_core.exporting",
    "cmc_core.export_api",
    "cmc_core.fields",
    "cmc_core.fileformat",
    "cmc_core.hookspecs",
    "cmc_core.plugin_config",
    "cmc_core.plugins",
    "cmc_core.plugins.local",
    "cmc_core.questionnaires",
    "cmc_core.reproducible",
    "cmc_core.rules",
    "cmc_core.scoring",
    "cmc_core.settings_tables",
    "cmc_core.shape",
    "cmc_core.strategies",
    "cmc_core.testing",
    "cmc_core.vocabulary",
    "cmc_exporters.blocks",
)


@attrs.frozen
class Build:
    """What one Sphinx build left behind."""

    status: int
    html: Path
    warnings: str

    def page(self, docname: str) -> str:
        return (self.html / f"{docname}.html").read_text(encoding="utf-8")

    def python_objects(self) -> dict[str, str]:
        """Every documented Python object's full name, with the page that documents it."""
        with (self.html / "objects.inv").open("rb") as stream:
            inventory = InventoryFile.load(stream, "", posixpath.join)
        found: dict[str, str] = {}
        for kind, entries in (
            inventory.data.items() if hasattr(inventory, "data") else inventory.items()
        ):
            if kind.startswith("py:"):
                for name, entry in entries.items():
                    found[name] = _uri(entry).split("#")[0].removesuffix(".html")
        return found


def _uri(entry: object) -> str:
    uri = getattr(entry, "uri", None)
    return uri if isinstance(uri, str) else entry[2]  # type: ignore[index]


@pytest.fixture(scope="session")
def docs_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Build the HTML docs once, as CI does: warnings are errors."""
    out = tmp_path_factory.mktemp("docs")
    warnings_file = out / "warnings.txt"
    html = out / "html"
    arguments = ["-W", "--keep-going", "-E", "-q", "-b", "html", "-w", str(warnings_file)]
    with warnings.catch_warnings():
        # Deprecations inside Sphinx extensions (sphinx-click uses env.app) are theirs to fix;
        # the suite's filterwarnings=error would otherwise abort the build.
        warnings.simplefilter("ignore", DeprecationWarning)
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        status = build_main([*arguments, "-d", str(out / "doctrees"), str(DOCS), str(html)])
    return Build(status, html, warnings_file.read_text(encoding="utf-8"))


def test_the_docs_build_with_warnings_as_errors(docs_build: Build) -> None:
    assert docs_build.status == 0, docs_build.warnings


def _documented_as(name: str, module_name: str, documented: dict[str, str]) -> bool:
    """Whether ``module_name.name`` is documented: under that name, or the same object elsewhere.

    A constant (a number or a string) must be documented under its own name or under the same
    name in the first other public module that exports it, since equal values are not the same
    documentation.
    """
    if f"{module_name}.{name}" in documented:
        return True
    value = getattr(importlib.import_module(module_name), name)
    for other in documented:
        owner, _, short = other.rpartition(".")
        if short != name or not owner:
            continue
        try:
            candidate = getattr(importlib.import_module(owner), short)
        except (ImportError, AttributeError):
            continue
        if candidate is value:
            return True
    return False


@pytest.mark.parametrize("module_name", DOCUMENTED_MODULES)
def test_every_public_name_is_in_the_api_reference(docs_build: Build, module_name: str) -> None:
    documented = docs_build.python_objects()
    module = importlib.import_module(module_name)
    missing = [name for name in module.__all__ if not _documented_as(name, module_name, documented)]
    assert missing == [], f"{module_name}: not in docs/reference/api: {missing}"


def test_every_name_of_the_package_root_is_documented_where_its_table_says(
    docs_build: Build,
) -> None:
    """``cmc_core._PUBLIC``, the table behind ``cmc_core.__all__`` and its lazy loader: a name
    is documented on the ``cmc_core`` page (the model's) or with the module the table names."""
    documented = docs_build.python_objects()
    missing = [
        f"{module}.{name}"
        for module, names in cmc_core._PUBLIC.items()
        for name in names
        if f"cmc_core.{name}" not in documented and f"{module}.{name}" not in documented
    ]
    assert missing == [], f"not in docs/reference/api: {missing}"


def test_every_hook_is_in_the_hook_reference_with_its_signature(docs_build: Build) -> None:
    documented = docs_build.python_objects()
    hooks = [name for name in vars(hookspecs) if name.startswith("cmc_register_")]
    assert hooks
    page = docs_build.page("reference/hooks")
    for hook in hooks:
        assert documented.get(f"cmc_core.hookspecs.{hook}") == "reference/hooks", hook
        assert f'id="cmc_core.hookspecs.{hook}"' in page, hook


def test_every_rule_code_is_in_the_rule_reference(docs_build: Build) -> None:
    codes_page = docs_build.page("reference/rule-codes")
    rules_page = docs_build.page("rules")
    for rule in BUILTIN_RULES:
        anchor = f"{rule.code}-{rule.name}".lower()
        assert f'href="../rules.html#{anchor}"' in codes_page, rule.code
        assert f'id="{anchor}"' in rules_page, rule.code


def test_every_command_is_in_the_command_reference(docs_build: Build) -> None:
    page = docs_build.page("reference/cli")
    for name in cli.commands:
        assert f'id="cmc-{name}"' in page, name


def test_the_built_json_schema_is_what_cmc_schema_prints(docs_build: Build) -> None:
    from click.testing import CliRunner

    printed = CliRunner().invoke(cli, ["schema"]).output
    written = (docs_build.html / SCHEMA_FILE_NAME).read_text(encoding="utf-8")
    assert written == printed
    assert json.loads(written)["$id"] == SCHEMA_FILE_NAME


def test_every_command_is_on_the_exit_codes_page(docs_build: Build) -> None:
    page = docs_build.page("reference/exit-codes")
    for name in cli.commands:
        assert f'<span class="pre">cmc</span> <span class="pre">{name}</span>' in page, name
