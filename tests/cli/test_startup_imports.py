"""What ``cmc check`` imports: only what checking needs, so that it starts fast.

The budget (a whole ``cmc check`` at most 3x ``import cmc_core``) is measured by
``benchmarks/cli_startup.py``; this test keeps the means of it: the score card, the
questionnaires, the exporters, the other commands and importlib.metadata stay unimported by a
check, with the installed example plugins loaded.
"""

from __future__ import annotations

import json
import subprocess
import sys

NOT_FOR_CHECKING = (
    "cmc_core.scoring",
    "cmc_core.questionnaires",
    "cmc_exporters.html",
    "cmc_exporters.csv",
    "cmc_core.cli.ask",
    "cmc_core.cli.score",
    "cmc_core.cli.diff",
    "importlib.metadata",
    "email",
    "jinja2",
    "ruamel",
)

SCRIPT = """
import json, sys
from cmc_core.cli import main
try:
    main(["check", "--example", "port-logistics"])
except SystemExit as ending:
    code = ending.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def test_a_check_imports_nothing_that_only_scoring_asking_or_exporting_needs() -> None:
    completed = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, cwd="/"
    )
    result = json.loads(completed.stdout.splitlines()[-1])
    assert result["code"] == 0
    modules = result["modules"]
    assert "cmc_core.rules" in modules  # the script did check
    imported = sorted(
        name
        for name in modules
        for unwanted in NOT_FOR_CHECKING
        if name == unwanted or name.startswith(unwanted + ".")
    )
    assert imported == []
