"""The layering promises: `import cmc_core` stays light and never reaches the outer layers, the
layers in pyproject.toml (``[tool.importlinter]``) are kept, and no imports go round in a cycle.

Every import counts, including those inside functions and under ``if TYPE_CHECKING:``: an import
moved into a function still ties the two modules together.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

import grimp
import importlinter.api  # noqa: F401  (configures import-linter, as its command line does)
import pytest
from importlinter.application import output, use_cases

FORBIDDEN_ON_IMPORT = (
    "click",
    "ruamel",
    "yaml",
    "jinja2",
    "networkx",
    "hypothesis",
    "pytest",
    "pluggy",
    "cmc_exporters",
    "cmc_core.cli",
    "tomli_w",
    "jsonschema",
)


def modules_after(statement: str) -> set[str]:
    code = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout))


def test_importing_cmc_core_pulls_in_no_cli_yaml_template_graph_or_test_library() -> None:
    loaded = modules_after("import cmc_core")
    offenders = sorted(
        name
        for name in loaded
        for banned in FORBIDDEN_ON_IMPORT
        if name == banned or name.startswith(banned + ".")
    )
    assert offenders == []


def test_cmc_core_never_imports_cmc_exporters_or_plugins() -> None:
    import cmc_core

    package = Path(cmc_core.__file__).parent
    for source in package.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "import cmc_exporters" not in text, source
        assert "from cmc_exporters" not in text, source


# -- the layers, enforced by import-linter ---------------------------------------------------------

ROOT = Path(__file__).resolve().parents[1]
#: Imports that close a cycle today and are waiting to be fixed; each must still exist (so that
#: the entry goes once it is fixed), and each must be ignored in the layers contract too.
PENDING_IMPORTS: tuple[tuple[str, str], ...] = ()


def contract_report(config: Path) -> tuple[bool, str]:
    """Run import-linter on a configuration file as ``lint-imports`` does, without a cache.

    :returns: whether every contract was kept, and the report as ``lint-imports`` prints it.
    """
    with output.console.capture() as captured:
        kept = use_cases.lint_imports(config_filename=str(config), cache_dir=None, no_logo=True)
    return kept, captured.get()


def test_the_import_contracts_in_pyproject_are_kept() -> None:
    kept, report = contract_report(ROOT / "pyproject.toml")
    assert kept, report


def test_the_contracts_see_an_import_hidden_in_a_function(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = write_package(
        tmp_path,
        "layered_demo",
        {"high": "", "low": "def later():\n    from layered_demo import high\n"},
    )
    config = tmp_path / "contracts.toml"
    config.write_text(
        '[tool.importlinter]\nroot_packages = ["layered_demo"]\n'
        '[[tool.importlinter.contracts]]\nname = "high over low"\ntype = "layers"\n'
        f'containers = ["{package}"]\nlayers = ["high", "low"]\n',
        encoding="utf-8",
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    kept, report = contract_report(config)
    assert not kept
    assert "layered_demo.low is not allowed to import layered_demo.high" in report


# -- no import cycles, between modules or between packages -----------------------------------------


def write_package(root: Path, name: str, modules: dict[str, str]) -> str:
    """A package ``name`` under ``root`` with these modules (dotted names for subpackages)."""
    for dotted, text in {"": "", **modules}.items():
        parts = [name, *dotted.split(".")] if dotted else [name]
        for depth in range(1, len(parts) + 1):
            folder = root.joinpath(*parts[:depth])
            if depth < len(parts) or not dotted:
                folder.mkdir(exist_ok=True)
                (folder / "__init__.py").touch()
        if dotted:
            root.joinpath(*parts[:-1], f"{parts[-1]}.py").write_text(text, encoding="utf-8")
    return name


def strongly_connected(
    nodes: Iterable[str], successors: Callable[[str], Iterable[str]]
) -> list[list[str]]:
    """The strongly connected components of more than one node (Tarjan, without recursion)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in sorted(nodes):
        if start in index:
            continue
        work = [(start, iter(sorted(successors(start))))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(successors(child)))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                component = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1:
                    found.append(sorted(component))
    return sorted(found)


def module_cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Groups of modules that import each other, directly or through others."""
    return strongly_connected(graph.modules, graph.find_modules_directly_imported_by)


def package_cycles(graph: grimp.ImportGraph, roots: Iterable[str]) -> list[list[str]]:
    """Groups of sibling packages or modules that import each other, each counted with
    everything inside it; for the given top-level packages and every package within them."""
    containers: dict[str, set[str]] = {"": set(roots)}
    containers.update({m: graph.find_children(m) for m in graph.modules if graph.find_children(m)})
    cycles: list[list[str]] = []
    for container, children in containers.items():

        def sibling(module: str, container: str = container) -> str | None:
            prefix = f"{container}." if container else ""
            if not module.startswith(prefix) or module == container:
                return None
            return prefix + module[len(prefix) :].split(".", maxsplit=1)[0]

        def successors(child: str) -> set[str]:
            inside = {child} | graph.find_descendants(child)
            reached = {
                sibling(t) for m in inside for t in graph.find_modules_directly_imported_by(m)
            }
            return {s for s in reached if s is not None and s != child}

        cycles.extend(strongly_connected(children, successors))
    return sorted(cycles)


def cmc_graph() -> grimp.ImportGraph:
    """The import graph of cmc, every import counted (in functions, under TYPE_CHECKING), less
    the pending imports, each of which must still exist."""
    graph = grimp.build_graph("cmc_core", "cmc_exporters", cache_dir=None)
    for importer, imported in PENDING_IMPORTS:
        assert graph.direct_import_exists(importer=importer, imported=imported), (
            f"{importer} no longer imports {imported}: remove it from PENDING_IMPORTS here and "
            "from ignore_imports in pyproject.toml"
        )
        graph.remove_import(importer=importer, imported=imported)
    return graph


def describe_cycles(graph: grimp.ImportGraph, cycles: list[list[str]]) -> str:
    lines = []
    for cycle in cycles:
        lines.append(" <-> ".join(cycle))
        for importer in cycle:
            for imported in sorted(graph.find_modules_directly_imported_by(importer)):
                if imported in cycle:
                    for detail in graph.get_import_details(importer=importer, imported=imported):
                        lines.append(f"    {importer}:{detail['line_number']} -> {imported}")
    return "\n".join(lines)


def test_no_module_of_cmc_imports_itself_through_others() -> None:
    graph = cmc_graph()
    cycles = module_cycles(graph)
    assert cycles == [], describe_cycles(graph, cycles)


def test_no_package_of_cmc_imports_a_sibling_that_imports_it() -> None:
    assert package_cycles(cmc_graph(), ["cmc_core", "cmc_exporters"]) == []


def test_the_cycle_finder_sees_imports_in_functions_and_under_type_checking(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    write_package(
        tmp_path,
        "cyclic_demo",
        {
            "a": "def later():\n    from cyclic_demo import b\n",
            "b": "import typing\nif typing.TYPE_CHECKING:\n    from cyclic_demo import a\n",
            "c": "from cyclic_demo import a\n",
            "x.one": "from cyclic_demo.y import one\n",
            "y.one": "",
            "y.two": "def later():\n    import cyclic_demo.x.two\n",
            "x.two": "",
        },
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    graph = grimp.build_graph("cyclic_demo", cache_dir=None)
    assert module_cycles(graph) == [["cyclic_demo.a", "cyclic_demo.b"]]
    assert package_cycles(graph, ["cyclic_demo"]) == [
        ["cyclic_demo.a", "cyclic_demo.b"],
        ["cyclic_demo.x", "cyclic_demo.y"],
    ]
