"""The layering promises: `import cmc_core` stays light and never reaches the outer layers."""

from __future__ import annotations

import json
import subprocess
import sys

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
    from pathlib import Path

    import cmc_core

    package = Path(cmc_core.__file__).parent
    for source in package.rglob("*.py"):
        text = source.read_text(encoding="utf-8")
        assert "import cmc_exporters" not in text, source
        assert "from cmc_exporters" not in text, source
