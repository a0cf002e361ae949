"""Keep the code shown in the guide pages the code of the example files, as it is today.

    python tools/docs_sources.py sync     # rewrite every marked block from its source file
    python tools/docs_sources.py check    # exit 1, listing the blocks that differ from their source

The how-to guides show the example plugins' code inline, so that a reader of the plain Markdown
(on a forge, in an editor) sees it; the examples themselves are tested (their own tests, and
``tests/docs``). An HTML comment just before a fenced block names where the block comes from,
with the selection options of Sphinx's ``literalinclude`` that the pages use::

    <!-- from: ../plugins/cmc-pptx/src/cmc_pptx/__init__.py
    :pyobject: export_pptx
    -->
    ```python
    ...
    ```

The path is relative to the page. The options, applied in ``literalinclude``'s order:

``:pyobject: NAME``
    only the module-level class or function ``NAME`` (with its decorators);
``:start-at: TEXT`` / ``:start-after: TEXT``
    from the first line containing ``TEXT`` (``start-after``: from the line after it);
``:end-at: TEXT`` / ``:end-before: TEXT``
    to the next line containing ``TEXT`` (``end-before``: to the line before it);
``:lines: 3-10,12``
    only these lines (1-based, of what is left);
``:dedent: N``
    N characters off the start of every line;
``:prepend: TEXT`` / ``:append: TEXT``
    a line added before / after.

A value in double quotes is read as a JSON string (``"    ...\\n)"``), as MyST reads a
directive's options; otherwise it is the text after the option name. ``tests/docs`` runs
:func:`stale_blocks`, so a page whose code no longer matches its source fails the tests.
"""

from __future__ import annotations

import ast
import json
import re
import sys
from collections.abc import Iterator
from pathlib import Path

import attrs

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: Pages that are not guides: the example plugins' own files.
EXCLUDED = ("examples/",)
#: The selection options a marker may give.
OPTIONS = (
    "pyobject",
    "start-at",
    "start-after",
    "end-at",
    "end-before",
    "lines",
    "dedent",
    "prepend",
    "append",
)

_MARKED_BLOCK = re.compile(
    r"^<!-- from: (?P<path>\S+)[ \t]*\n?(?P<options>(?:[ \t]*:[\w-]+:[^\n]*\n)*)[ \t]*-->\n"
    r"(?P<fence>`{3,})(?P<language>[^\n`]*)\n(?P<body>.*?)^(?P=fence)[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
_OPTION = re.compile(r"^[ \t]*:(?P<name>[\w-]+):[ \t]*(?P<value>.*?)[ \t]*$", re.MULTILINE)


class SourceError(Exception):
    """A marker that names a missing file or object, or an option this tool does not know."""


@attrs.frozen
class MarkedBlock:
    """One fenced block of a page with the source it shows; ``body`` is its text as written."""

    page: Path
    line: int
    source: str
    options: tuple[tuple[str, str], ...]
    body: str
    span: tuple[int, int]  # of the body within the page's text

    @property
    def where(self) -> str:
        """``docs/howto-rule.md:16`` for messages."""
        return f"{_shown(self.page)}:{self.line}"


def _shown(path: Path) -> str:
    """``path`` relative to the repository when it is inside it."""
    path = path.resolve()
    return path.relative_to(ROOT).as_posix() if path.is_relative_to(ROOT) else str(path)


def _value(text: str) -> str:
    return str(json.loads(text)) if text.startswith('"') else text


def marked_blocks(page: Path) -> Iterator[MarkedBlock]:
    """The marked blocks of one page, in order."""
    text = page.read_text(encoding="utf-8")
    for match in _MARKED_BLOCK.finditer(text):
        options = tuple(
            (option["name"], _value(option["value"]))
            for option in _OPTION.finditer(match["options"])
        )
        yield MarkedBlock(
            page=page,
            line=text.count("\n", 0, match.start()) + 1,
            source=match["path"],
            options=options,
            body=match["body"],
            span=(match.start("body"), match.end("body")),
        )


def _pyobject(lines: list[str], name: str, where: str) -> list[str]:
    tree = ast.parse("".join(lines))
    for node in tree.body:
        definition = ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef
        if isinstance(node, definition) and node.name == name:
            first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
            assert node.end_lineno is not None
            return lines[first - 1 : node.end_lineno]
    raise SourceError(f"{where}: no module-level class or function {name!r} in the source")


def _find(lines: list[str], text: str, option: str, where: str) -> int:
    for number, line in enumerate(lines):
        if text in line:
            return number
    raise SourceError(f"{where}: :{option}: {text!r} is on no line of the selection")


def _line_numbers(spec: str, count: int, where: str) -> list[int]:
    numbers: list[int] = []
    for part in spec.split(","):
        first, _, last = part.strip().partition("-")
        try:
            start = int(first)
            end = (int(last) if last else count) if "-" in part else start
        except ValueError:
            message = f"{where}: :lines: expects numbers such as 3-10,12, not {spec!r}"
            raise SourceError(message) from None
        numbers.extend(range(start - 1, min(end, count)))
    return numbers


def _select(lines: list[str], option: str, value: str, where: str) -> list[str]:
    if option == "pyobject":
        return _pyobject(lines, value, where)
    if option == "start-at":
        return lines[_find(lines, value, option, where) :]
    if option == "start-after":
        return lines[_find(lines, value, option, where) + 1 :]
    if option == "end-at":
        return lines[: _find(lines, value, option, where) + 1]
    if option == "end-before":
        return lines[: _find(lines, value, option, where)]
    if option == "lines":
        return [lines[n] for n in _line_numbers(value, len(lines), where)]
    if option == "dedent":
        width = int(value)
        return [line[width:] or ("\n" if line.endswith("\n") else "") for line in lines]
    if option == "prepend":
        return [value + "\n", *lines]
    if option == "append":
        last = lines[-1] if lines else "\n"
        return [*lines[:-1], last if last.endswith("\n") else last + "\n", value + "\n"]
    raise SourceError(f"{where}: unknown option :{option}: (known: {', '.join(OPTIONS)})")


def expected_body(block: MarkedBlock) -> str:
    """The text the block must hold: its source file, selected as its options say."""
    path = (block.page.parent / block.source).resolve()
    if not path.is_file():
        raise SourceError(f"{block.where}: the source {block.source} does not exist")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    given = dict(block.options)
    # literalinclude's order, whatever the order in the marker.
    for option in sorted(given, key=lambda name: OPTIONS.index(name) if name in OPTIONS else -1):
        lines = _select(lines, option, given[option], block.where)
    text = "".join(lines)
    return text if text.endswith("\n") or not text else text + "\n"


def pages(docs: Path = DOCS) -> list[Path]:
    """Every Markdown page of the docs, the example plugins' own files aside."""
    return sorted(
        page
        for page in docs.rglob("*.md")
        if not page.relative_to(docs).as_posix().startswith(EXCLUDED) and "_build" not in page.parts
    )


def stale_blocks(docs: Path = DOCS) -> list[str]:
    """``PAGE:LINE: ...`` for every marked block that differs from its source."""
    return [
        f"{block.where}: differs from {block.source}"
        for page in pages(docs)
        for block in marked_blocks(page)
        if block.body != expected_body(block)
    ]


def sync_page(page: Path) -> bool:
    """Rewrite the marked blocks of ``page`` from their sources; whether anything changed."""
    text = page.read_text(encoding="utf-8")
    new = text
    for block in reversed(list(marked_blocks(page))):
        start, end = block.span
        new = new[:start] + expected_body(block) + new[end:]
    if new != text:
        page.write_text(new, encoding="utf-8")
    return new != text


def main(argv: list[str], docs: Path = DOCS) -> int:
    """``sync`` or ``check`` the pages under ``docs``; exit 0 when done or in step, 1 when a
    block is stale, 2 on bad usage or a marker that names no source."""
    if argv not in (["sync"], ["check"]):
        print("usage: python tools/docs_sources.py sync|check", file=sys.stderr)
        return 2
    try:
        if argv == ["sync"]:
            for page in pages(docs):
                if sync_page(page):
                    print(f"updated {_shown(page)}")
            return 0
        stale = stale_blocks(docs)
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    for line in stale:
        print(line)
    if stale:
        print("run: python tools/docs_sources.py sync", file=sys.stderr)
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
