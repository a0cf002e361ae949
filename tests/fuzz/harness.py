"""Run one target of :mod:`targets` under atheris (libFuzzer): the body of every ``fuzz_*.py``.

The modules the targets exercise are instrumented for coverage: cmc itself and the Python parts
of the parsers and converters it drives (PyYAML, ruamel.yaml, tomllib, tomli_w, cattrs). Much of
it is imported lazily, on the first YAML or TOML document, so each seed of the target's corpus
is run once while the import hook is active; every lazy import then happens under it. libyaml,
msgspec and orjson are C and are fuzzed as a black box.
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
#: The packages whose code is instrumented for coverage feedback.
INSTRUMENTED = ["cmc_core", "yaml", "ruamel", "tomllib", "tomli_w", "cattrs"]


def fuzz(name: str) -> None:
    """Fuzz the target ``name`` with the libFuzzer arguments of ``sys.argv``."""
    import atheris

    with atheris.instrument_imports(include=INSTRUMENTED):
        from targets import TARGETS

        target = TARGETS[name]
        for seed in sorted((HERE / "corpus" / name).iterdir()):
            # only to import what the target uses lazily; the fuzzer runs the seeds again
            with contextlib.suppress(Exception):
                target(seed.read_bytes())

    def test_one_input(data: bytes) -> None:
        target(data)

    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
