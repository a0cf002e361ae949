"""Run an export function in fresh interpreters with other hash seeds.

Iterating a ``set`` or a ``dict`` built from one gives an order that depends on the string hash
seed, which differs from process to process. An exporter that does so is deterministic within
one test run and different on the next machine: the classic nondeterminism that exporting twice
in one process cannot catch. So the export function is pickled (by reference, as a module-level
function) and run in child interpreters with fixed, different ``PYTHONHASHSEED`` values.
"""

from __future__ import annotations

import inspect
import os
import pickle
import subprocess
import sys
from collections.abc import Sequence

import pytest

from cmc_core.canvas import Canvas
from cmc_core.exporting import ExportFunction

__all__ = ["HASH_SEEDS", "REFUSED", "export_in_child", "refusal_output"]

#: The seeds the children run with; two, so that two different orders are always compared.
HASH_SEEDS = ("1", "2")
#: How the contract writes down a refusal (see ``ExporterContract.refusals``): this, then the
#: exception's class and message. No exporter output starts with a NUL byte.
REFUSED = b"\0refused: "


def refusal_output(exporter: object, refusal: BaseException) -> bytes:
    """A refusal as output to compare: :data:`REFUSED`, the exception's class and message.

    Fails the calling test when the refusal does not say why.
    """
    message = str(refusal).strip()
    if not message:
        name = getattr(exporter, "name", exporter)
        pytest.fail(f"exporter {name!r} refused a canvas without saying why")
    return REFUSED + f"{type(refusal).__name__}: {message}".encode()


_UNPICKLING_FAILED = 3

_CHILD = f"""
import pickle, sys
from cmc_core.exporting import ExportOptions
try:
    export, canvases, refusals = pickle.load(sys.stdin.buffer)
except Exception as error:
    sys.stderr.write(f"{{type(error).__name__}}: {{error}}")
    sys.exit({_UNPICKLING_FAILED})
outputs = []
for canvas in canvases:
    try:
        output = export(canvas, ExportOptions())
    except refusals as refusal:
        message = f"{{type(refusal).__name__}}: {{str(refusal).strip()}}"
        outputs.append({REFUSED!r} + message.encode())
        continue
    outputs.append(output.encode("utf-8") if isinstance(output, str) else bytes(output))
sys.stdout.buffer.write(pickle.dumps(outputs))
"""


def export_in_child(
    export: ExportFunction,
    canvases: Sequence[Canvas],
    seed: str,
    refusals: tuple[type[Exception], ...] = (),
) -> list[bytes]:
    """The outputs of ``export`` for each canvas with default options, in a child interpreter.

    Skips the calling test when the export function cannot be pickled by reference (a lambda
    or a closure) or cannot be imported in a fresh interpreter.

    :param seed: the ``PYTHONHASHSEED`` of the child.
    :param refusals: exceptions by which the exporter refuses a canvas; a refusal's output is
        written as :func:`refusal_output` writes it.
    """
    function = inspect.unwrap(export)  # registries wrap it to add notes to exceptions
    try:
        payload = pickle.dumps((function, list(canvases), refusals))
    except (pickle.PicklingError, AttributeError, TypeError) as error:
        pytest.skip(f"the export function cannot be pickled ({error}); define it at module level")
    environment = dict(os.environ)
    environment["PYTHONHASHSEED"] = seed
    environment["PYTHONPATH"] = os.pathsep.join(entry for entry in sys.path if entry)
    result = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input=payload,
        capture_output=True,
        env=environment,
        timeout=300,
        check=False,
    )
    stderr = result.stderr.decode("utf-8", "replace").strip()
    if result.returncode == _UNPICKLING_FAILED:
        pytest.skip(f"a fresh interpreter cannot import the export function: {stderr}")
    if result.returncode != 0:
        pytest.fail(f"exporting in a fresh interpreter failed:\n{stderr}")
    outputs: list[bytes] = pickle.loads(result.stdout)
    return outputs
