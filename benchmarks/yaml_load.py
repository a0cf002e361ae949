"""Informational: loading a 1k-flow canvas from YAML, the hand-written format.

``python -m benchmarks.yaml_load [--flows 1000] [--rounds 5]`` prints the figures as JSON.

The YAML text is what cmc itself writes for the generated canvas. Cases, interleaved: cmc's YAML
loader; PyYAML's ``yaml.load`` with the C loader (libyaml, which cmc's reader builds on);
ruamel.yaml's round-trip parse (what merging an edit into a loaded YAML document costs); and
cmc's JSON loader on the same canvas for scale. ``benchmarks.yaml_speed`` measures YAML reading
against its budgets.
"""

from __future__ import annotations

import argparse
import io
import sys
from typing import Any

import orjson

from benchmarks.generate import make_document, to_json_bytes
from benchmarks.harness import Case, time_cases

__all__ = ["main", "measure"]


def measure(flows: int = 1000, rounds: int = 5) -> dict[str, Any]:
    """Time the cases described in the module docstring."""
    from ruamel.yaml import YAML

    from cmc_core.fileformat import dumps, loads

    data = to_json_bytes(make_document(flows))
    canvas = loads(data, "json").canvas
    text = dumps(canvas, "yaml")
    if loads(text, "yaml").canvas != canvas:
        raise AssertionError("the YAML text does not load back to the same canvas")

    def ruamel_round_trip() -> Any:
        return YAML(typ="rt").load(io.StringIO(text))

    def pyyaml_load() -> Any:
        import yaml

        return yaml.load(text, Loader=yaml.CSafeLoader)

    cases = [
        Case("cmc loads yaml", lambda: loads(text, "yaml")),
        Case("PyYAML yaml.load, CSafeLoader", pyyaml_load),
        Case("ruamel.yaml round-trip parse (an edit)", ruamel_round_trip),
        Case("cmc loads json (same canvas)", lambda: loads(data, "json")),
    ]
    results = time_cases(cases, rounds, 1)
    return {
        "flows": flows,
        "yaml_bytes": len(text.encode()),
        "yaml_lines": text.count("\n"),
        "json_bytes": len(data),
        "cases": {name: samples.to_dict() for name, samples in results.items()},
    }


def main(argv: list[str] | None = None) -> None:
    """Print the YAML figures as JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--flows", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)
    figures = measure(args.flows, args.rounds)
    sys.stdout.write(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode() + "\n")


if __name__ == "__main__":
    main()
