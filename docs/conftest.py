"""Run the examples of the docs as tests, with Sybil, so that they cannot rot.

Every page of ``docs/`` (the example plugins under ``docs/examples/`` have tests of their own):

- ```` ```python ```` blocks run, in order, in one namespace per page. A block that is only a
  fragment gets its setup from a hidden block just before it, a MyST comment that readers do
  not see::

      % invisible-code-block: python
      %
      % canvas = cmc_core.fileformat.read_canvas("...")

  ``% skip: next`` (with a reason on the line before) leaves one block out.
- ```` ```console ```` blocks after a ``% check-output`` comment run against the real ``cmc``
  (through click's ``CliRunner``, in-process): each ``$ cmc ...`` line runs, and the lines
  after it must be what it printed. ``...`` alone on a line stands for any number of lines,
  and ``...`` within a line for any text. ``$ echo $?`` prints the last exit
  status, ``$ cat FILE`` a file (``docs/_testing/console_blocks.py``).
- a fenced block after ``% write-file: NAME`` is written to ``NAME``: the reader is told to
  save it, the test does so.

The example plugins under ``docs/examples/`` are importable here, so that their own tests run
with the docs' tests. The how-to guides show their code inline, each block after a marker
``<!-- from: FILE ... -->`` that ``tools/docs_sources.py`` keeps it in step with (and
``tests/docs/test_inlined_sources.py`` checks): such a block is tested where it comes from, so
it does not run here.

Each page runs in a fresh temporary directory, so that files the examples write (``cmc new``,
``cmc quickscan -o``, ``save(...)``) go there and later examples of the same page can read
them.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from sybil import Document, Region, Sybil
from sybil.parsers.myst import PythonCodeBlockParser, SkipParser

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_testing"))
# The example plugins under docs/examples/ run their own tests here without being installed
# (installing them would add their exporters to every `cmc` in the environment).
for _source in sorted(DOCS.glob("examples/*/src")):
    sys.path.insert(0, str(_source))

from console_blocks import ConsoleBlockParser, WriteFileParser  # noqa: E402

_WORKDIR = "_cmc_docs_workdir"
_PREVIOUS_CWD = "_cmc_docs_previous_cwd"


class OwnCodeBlockParser(PythonCodeBlockParser):
    """The ```` ```python ```` blocks of a page, less those copied from a tested source file."""

    def __call__(self, document: Document) -> Iterable[Region]:
        for region in super().__call__(document):
            before = document.text[: region.start].rstrip()
            marker = before.rfind("<!-- from: ")
            if marker == -1 or not before.endswith("-->") or "\n\n" in before[marker:]:
                yield region


def _enter_workdir(namespace: dict[str, Any]) -> None:
    namespace[_PREVIOUS_CWD] = os.getcwd()
    namespace[_WORKDIR] = tempfile.mkdtemp(prefix="cmc-docs-")
    os.chdir(namespace[_WORKDIR])


def _leave_workdir(namespace: dict[str, Any]) -> None:
    os.chdir(namespace.pop(_PREVIOUS_CWD))
    shutil.rmtree(namespace.pop(_WORKDIR), ignore_errors=True)


pytest_collect_file = Sybil(
    parsers=[
        OwnCodeBlockParser(),
        SkipParser(),
        ConsoleBlockParser(),
        WriteFileParser(),
    ],
    patterns=["*.md"],
    excludes=["examples/*/*.md", "examples/*/*/*.md", "_build/*"],
    setup=_enter_workdir,
    teardown=_leave_workdir,
).pytest()
