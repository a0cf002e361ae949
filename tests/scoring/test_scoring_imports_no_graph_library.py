"""Scoring stays light: networkx is imported only by ``to_networkx``, when it is called."""

from __future__ import annotations

import json
import subprocess
import sys


def modules_after(code: str) -> set[str]:
    program = f"import sys, json\n{code}\nprint(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    return set(json.loads(result.stdout.splitlines()[-1]))


def graph_modules(loaded: set[str]) -> list[str]:
    return sorted(name for name in loaded if name.split(".")[0] == "networkx")


def test_importing_and_running_the_score_card_and_network_analysis_never_imports_networkx() -> None:
    loaded = modules_after(
        "import cmc_core.scoring, cmc_core.scoring.builtin, cmc_core.scoring.network\n"
        "from cmc_core.testing import sample_canvas\n"
        "canvas = sample_canvas('port-logistics')\n"
        "cmc_core.scoring.score_canvas(canvas)\n"
        "cmc_core.scoring.network.analyse_network(canvas)"
    )
    assert graph_modules(loaded) == []


def test_the_networkx_export_imports_networkx_when_called() -> None:
    loaded = modules_after(
        "from cmc_core.scoring.network import to_networkx\n"
        "from cmc_core.canvas import Canvas\n"
        "to_networkx(Canvas())"
    )
    assert "networkx" in loaded
