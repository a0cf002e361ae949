"""Sybil parsers that check the ``cmc`` sessions shown in the docs against the real command line.

A MyST comment marks a block; readers see only the block::

    % check-output
    ```console
    $ cmc check --example port-logistics
    No problems found in 1 file.
    $ echo $?
    0
    ```

    % write-file: quickscan.answers.yaml
    ```yaml
    language: en
    ```

The comment must be directly above the fence. ``$ cmc ...`` runs in-process with click's
``CliRunner`` in the page's working directory; what it prints (stdout and stderr, as a terminal
shows them) must equal the lines below it, where a line ``...`` stands for any number of lines
and ``...`` within a line for any text. Besides ``cmc``, a session may
use ``echo $?`` (the last exit status), ``cat FILE``, ``ls`` and ``> FILE``.

``% check-output: install=examples/cmc-plaintext`` runs the block with that example plugin
installed (its entry points visible to ``cmc``), as the reader will have installed it.
"""

from __future__ import annotations

import contextlib
import importlib
import re
import shlex
import sys
import tempfile
import tomllib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import attrs
from click.testing import CliRunner
from sybil import Document, Example, Region

__all__ = ["ConsoleBlockParser", "Session", "WriteFileParser", "matches", "run_session"]

_FENCE_AFTER = r"(?P<fence>`{3,})(?P<language>[\w-]*)[^\n]*\n(?P<body>.*?)^(?P=fence)[ \t]*$"
_CHECK_OUTPUT = re.compile(
    r"^%[ \t]*check-output(?::[ \t]*install=(?P<install>\S+))?[ \t]*\n" + _FENCE_AFTER, re.M | re.S
)
_WRITE_FILE = re.compile(
    r"^%[ \t]*write-file:[ \t]*(?P<name>\S+)[ \t]*\n" + _FENCE_AFTER, re.M | re.S
)
ELLIPSIS = "..."


@attrs.frozen
class Step:
    """One ``$ command`` of a session and the lines it is expected to print."""

    command: str
    expected: tuple[str, ...]


@attrs.frozen
class Session:
    """A console block: its steps, in order."""

    steps: tuple[Step, ...]

    @classmethod
    def parse(cls, body: str) -> Session:
        """Split a console block into ``$`` commands and the output lines after each."""
        steps: list[Step] = []
        command: str | None = None
        expected: list[str] = []
        for line in body.splitlines():
            if line.startswith("$ "):
                if command is not None:
                    steps.append(Step(command, tuple(expected)))
                command, expected = line[2:], []
            elif command is None:
                raise ValueError(f"console block starts with output, not a command: {line!r}")
            else:
                expected.append(line)
        if command is not None:
            steps.append(Step(command, tuple(expected)))
        return cls(tuple(steps))


def matches(expected: Sequence[str], actual: Sequence[str]) -> bool:
    """Whether the printed lines match the expected ones, with ``...`` as a wildcard."""
    expected = [line.rstrip() for line in expected]
    actual = [line.rstrip() for line in actual]

    def match(e: int, a: int) -> bool:
        if e == len(expected):
            return a == len(actual)
        line = expected[e]
        if line == ELLIPSIS:
            return any(match(e + 1, later) for later in range(a, len(actual) + 1))
        if a == len(actual):
            return False
        return _line_matches(line, actual[a]) and match(e + 1, a + 1)

    return match(0, 0)


def _line_matches(expected: str, actual: str) -> bool:
    """One line: equal, where each ``...`` in ``expected`` stands for any text."""
    if ELLIPSIS not in expected:
        return expected == actual
    pattern = ".*".join(re.escape(part) for part in expected.split(ELLIPSIS))
    return re.fullmatch(pattern, actual) is not None


def _words(command: str) -> list[str]:
    """The words of a shell command, its ``# comment`` dropped."""
    lexer = shlex.shlex(command, posix=True, punctuation_chars=False)
    lexer.whitespace_split = True
    lexer.commenters = "#"
    return list(lexer)


def run_command(words: list[str], workdir: Path, last_status: int) -> tuple[str, int]:
    """Run one command as a shell would show it: (what it printed, its exit status)."""
    from cmc_core.cli import cli

    program, arguments = words[0], words[1:]
    if program == "cmc":
        result = CliRunner().invoke(cli, arguments, prog_name="cmc", catch_exceptions=True)
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return result.output, result.exit_code
    if words == ["echo", "$?"]:
        return f"{last_status}\n", 0
    if program == "cat":
        return "".join((workdir / name).read_text(encoding="utf-8") for name in arguments), 0
    if program == "ls":
        return "".join(f"{path.name}\n" for path in sorted(workdir.iterdir())), 0
    raise ValueError(f"the docs' console checker cannot run {program!r}")


def run_session(session: Session, workdir: Path) -> Iterator[str]:
    """Run every step in ``workdir``; yield a description of each step whose output differs.

    ``COMMAND > FILE`` writes what the command printed to ``FILE`` (and shows nothing).
    """
    status = 0
    for step in session.steps:
        words = _words(step.command)
        target = None
        if ">" in words:
            at = words.index(">")
            words, target = words[:at], words[at + 1]
        with contextlib.chdir(workdir):
            output, status = run_command(words, workdir, status)
        if target is not None:
            (workdir / target).write_text(output, encoding="utf-8")
            output = ""
        printed = output.splitlines()
        if not matches(step.expected, printed):
            shown = "\n".join(printed)
            wanted = "\n".join(step.expected)
            printed_as = f"--- printed (status {status}):"
            yield f"$ {step.command}\n--- expected:\n{wanted}\n{printed_as}\n{shown}"


@contextlib.contextmanager
def installed(project: Path | None) -> Iterator[None]:
    """The example plugin at ``project`` installed for the duration, as pip would show it to
    ``cmc``: a ``*.dist-info`` with its entry points on ``sys.path`` (its code is importable
    already, see ``docs/conftest.py``)."""
    if project is None:
        yield
        return
    metadata = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    with tempfile.TemporaryDirectory(prefix="cmc-docs-site-") as site:
        info = Path(site, f"{metadata['name'].replace('-', '_')}-{metadata['version']}.dist-info")
        info.mkdir()
        (info / "METADATA").write_text(
            f"Metadata-Version: 2.1\nName: {metadata['name']}\nVersion: {metadata['version']}\n",
            encoding="utf-8",
        )
        points = metadata["entry-points"]["cmc"]
        lines = "".join(f"{name} = {target}\n" for name, target in points.items())
        (info / "entry_points.txt").write_text(f"[cmc]\n{lines}", encoding="utf-8")
        sys.path.insert(0, site)
        importlib.invalidate_caches()
        try:
            yield
        finally:
            sys.path.remove(site)
            importlib.invalidate_caches()


def _evaluate_session(example: Example) -> str | None:
    session, install = example.parsed
    project = Path(example.path).parent / install if install else None
    with installed(project):
        problems = list(run_session(session, Path.cwd()))
    return "\n\n".join(problems) or None


def _evaluate_write(example: Example) -> None:
    name, text = example.parsed
    Path(name).write_text(text, encoding="utf-8")


def _comment_regions(
    document: Document, pattern: re.Pattern[str]
) -> Iterable[tuple[int, int, re.Match[str]]]:
    """The comment line of each match: the region must not overlap the fenced block's own."""
    for match in pattern.finditer(document.text):
        comment_end = document.text.index("\n", match.start()) + 1
        yield match.start(), comment_end, match


class ConsoleBlockParser:
    """Finds ``% check-output`` console blocks."""

    def __call__(self, document: Document) -> Iterable[Region]:
        for start, end, match in _comment_regions(document, _CHECK_OUTPUT):
            if match["language"] != "console":
                raise ValueError(f"check-output must precede a console block, not {match[0]!r}")
            parsed = (Session.parse(match["body"]), match["install"])
            yield Region(start, end, parsed, _evaluate_session)


class WriteFileParser:
    """Finds ``% write-file: NAME`` blocks."""

    def __call__(self, document: Document) -> Iterable[Region]:
        for start, end, match in _comment_regions(document, _WRITE_FILE):
            yield Region(start, end, (match["name"], match["body"]), _evaluate_write)
