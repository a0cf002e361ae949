"""``cmc diff OLD NEW``: what changed between two canvases, as text, JSON or Markdown.

The diff itself is :func:`cmc_core.diffing.diff_canvases`; this module loads the two canvases
(:func:`~cmc_core.cli.loading.load_document`) and formats the result. Every formatter is a pure
function of the diff, so it is tested without running the command. User text is shown
JSON-quoted (control characters, bidi overrides and C1 codes escaped), so a canvas cannot send
escape sequences to a terminal or markup to a Markdown page.

Exit status follows diff(1): 0 when the content is the same, 1 when it differs, 2 when a
canvas cannot be read.
"""

from __future__ import annotations

import json
import re
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import click

from cmc_core.cli._support import terminal_safe, use_color
from cmc_core.cli.loading import load_document

if TYPE_CHECKING:
    from cmc_core.diffing import CanvasDiff, Change, Reordering
    from cmc_core.vocabulary import Language

__all__ = [
    "EXIT_DIFFERENT",
    "EXIT_SAME",
    "diff",
    "format_diff_json",
    "format_diff_markdown",
    "format_diff_text",
]

#: The content of the two canvases is the same (a reordering alone keeps it the same).
EXIT_SAME = 0
#: The canvases differ.
EXIT_DIFFERENT = 1

OUTPUT_FORMATS = ("text", "json", "markdown")

DIFF_EXIT_EPILOG = """\
\b
Exit status:
  0    the canvases have the same content
  1    the canvases differ
  2    a canvas could not be read, or a usage error
  130  interrupted
"""

_MARKS = {"added": "+", "removed": "-", "changed": "~"}
_COLOURS = {"added": "green", "removed": "red", "changed": "yellow"}
#: Headings of the parts of a canvas that belong to no block: (Dutch, English).
_SECTION_LABELS = {
    "meta": ("Canvasgegevens", "Canvas details"),
    "principles": ("Basisprincipes", "Basic principles"),
}
_WORDS = {
    "no_changes": ("Geen inhoudelijke wijzigingen.", "No changes of content."),
    "reordered": (
        "Andere volgorde (geen inhoudelijke wijziging)",
        "Order changed (not a change of content)",
    ),
    "changes": ("wijzigingen", "changes"),
    "change": ("wijziging", "change"),
    "added": ("toegevoegd", "added"),
    "removed": ("verwijderd", "removed"),
    "changed": ("gewijzigd", "changed"),
    "title": ("Verschillen tussen twee canvassen", "Differences between two canvases"),
    "path": ("Pad", "Path"),
    "old": ("Oud", "Old"),
    "new": ("Nieuw", "New"),
}
#: A value is shown on one line as ``old -> new`` while both fit in this many characters.
_ONE_LINE = 72
_MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")


def _say(key: str, language: Language) -> str:
    dutch, english = _WORDS[key]
    return dutch if language.value == "nl" else english


# -- formatting helpers ------------------------------------------------------------------------


def _shown(value: Any) -> str:
    """A value as one line of JSON (its file form), safe for a terminal."""
    from cmc_core.diffing import plain

    return terminal_safe(json.dumps(plain(value), ensure_ascii=False))


def _name(source: str) -> str:
    """A file name as given, with control characters escaped."""
    return terminal_safe(json.dumps(source, ensure_ascii=False)[1:-1])


def _section(change: Change | Reordering) -> str:
    """The heading a change is listed under: its block, else ``meta`` or ``principles``."""
    if change.block is not None:
        return change.block.value
    return "principles" if change.path.startswith("principles") else "meta"


def _section_order() -> list[str]:
    from cmc_core.blueprint import BLOCKS

    return ["meta", *(block.key.value for block in BLOCKS), "principles"]


def _heading(section: str, language: Language) -> str:
    from cmc_core.blueprint import block

    if section in _SECTION_LABELS:
        dutch, english = _SECTION_LABELS[section]
        return dutch if language.value == "nl" else english
    found = block(section)
    return f"{found.code} {found.label(language)}"


def _grouped(changes: Iterable[Change]) -> list[tuple[str, list[Change]]]:
    """Changes per section, sections in canvas order, changes in diff order within each."""
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(_section(change), []).append(change)
    return [(section, groups[section]) for section in _section_order() if section in groups]


def _summary(diff: CanvasDiff, language: Language) -> str:
    if diff.is_empty:
        return _say("no_changes", language)
    counts = diff.summary()
    noun = _say("change" if len(diff) == 1 else "changes", language)
    parts = [f"{counts[kind]} {_say(kind, language)}" for kind in _MARKS if counts[kind]]
    return f"{len(diff)} {noun}: {', '.join(parts)}."


# -- formats -----------------------------------------------------------------------------------


def _text_change(change: Change, color: bool) -> list[str]:
    kind = change.kind.value
    mark = click.style(_MARKS[kind], fg=_COLOURS[kind]) if color else _MARKS[kind]
    path = terminal_safe(change.path)
    if kind == "added":
        return [f"  {mark} {path}: {_shown(change.new)}"]
    if kind == "removed":
        return [f"  {mark} {path}: {_shown(change.old)}"]
    old, new = _shown(change.old), _shown(change.new)
    if len(old) + len(new) <= _ONE_LINE:
        return [f"  {mark} {path}: {old} -> {new}"]
    minus, plus = "-", "+"
    if color:
        minus, plus = click.style(minus, fg="red"), click.style(plus, fg="green")
    return [f"  {mark} {path}", f"      {minus} {old}", f"      {plus} {new}"]


def format_diff_text(
    diff: CanvasDiff, old_name: str, new_name: str, language: Language, color: bool = False
) -> str:
    """Human text: a header, the changes grouped per block with ``+``/``-``/``~`` marks, the
    reorderings as a note, and a summary line. ``color`` adds ANSI colours."""
    bold = (lambda text: click.style(text, bold=True)) if color else (lambda text: text)
    lines = [f"--- {_name(old_name)}", f"+++ {_name(new_name)}"]
    for section, changes in _grouped(diff.changes):
        lines.append(bold(_heading(section, language)))
        for change in changes:
            lines.extend(_text_change(change, color))
    if diff.reordered:
        lines.append(bold(_say("reordered", language)))
        lines.extend(f"  = {terminal_safe(reordering.path)}" for reordering in diff.reordered)
    lines.append(_summary(diff, language))
    return "\n".join(lines)


def format_diff_json(diff: CanvasDiff, old_name: str, new_name: str) -> str:
    """JSON: ``old`` and ``new`` (the names given), then :meth:`CanvasDiff.to_dict`."""
    document = {"old": old_name, "new": new_name, **diff.to_dict()}
    return json.dumps(document, indent=2, ensure_ascii=False)


def _md(text: str) -> str:
    """Text for Markdown: every ASCII punctuation character backslash-escaped, so user text
    can start no element, link, table cell or HTML tag."""
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", text)


def format_diff_markdown(diff: CanvasDiff, old_name: str, new_name: str, language: Language) -> str:
    """Markdown: a title, a summary, a table of changes per block and the reorderings."""
    lines = [
        f"# {_say('title', language)}",
        "",
        f"{_md(_name(old_name))} → {_md(_name(new_name))}: {_md(_summary(diff, language))}",
    ]
    header = f"| | {_say('path', language)} | {_say('old', language)} | {_say('new', language)} |"
    for section, changes in _grouped(diff.changes):
        lines += ["", f"## {_md(_heading(section, language))}", "", header, "|---|---|---|---|"]
        for change in changes:
            kind = change.kind.value
            old = "" if kind == "added" else _shown(change.old)
            new = "" if kind == "removed" else _shown(change.new)
            mark = _md(_MARKS[change.kind.value])
            lines.append(
                f"| {mark} | {_md(terminal_safe(change.path))} | {_md(old)} | {_md(new)} |"
            )
    if diff.reordered:
        lines += ["", f"## {_md(_say('reordered', language))}", ""]
        lines.extend(f"- {_md(terminal_safe(reordering.path))}" for reordering in diff.reordered)
    return "\n".join(lines) + "\n"


# -- the command -------------------------------------------------------------------------------


@click.command(short_help="Show what changed between two canvases.", epilog=DIFF_EXIT_EPILOG)
@click.argument("old", metavar="OLD")
@click.argument("new", metavar="NEW")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(OUTPUT_FORMATS),
    default="text",
    show_default=True,
    help="Output format on stdout.",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    help="Language of headings and the summary. Default: the NEW canvas's own.",
)
@click.option(
    "--color/--no-color",
    default=None,
    help="Colour the text output. Default: only on a terminal, never with NO_COLOR.",
)
def diff(*, old: str, new: str, output_format: str, lang: str | None, color: bool | None) -> None:
    """Compare the canvases OLD and NEW (files, or example:NAME for a bundled example).

    Entities are matched by id, so renaming a party is one change and moving it in the file is
    none. Changes are listed per block: + added, - removed, ~ changed; a different order alone
    is noted but is not a change. Exits 1 when the canvases differ, like diff(1).
    """
    from cmc_core.diffing import diff_canvases
    from cmc_core.vocabulary import Language

    before, after = load_document(old).canvas, load_document(new).canvas
    result = diff_canvases(before, after)
    language = Language(lang) if lang else after.meta.language
    if output_format == "json":
        click.echo(format_diff_json(result, old, new))
    elif output_format == "markdown":
        click.echo(format_diff_markdown(result, old, new, language), nl=False)
    else:
        colored = use_color(color, sys.stdout)
        click.echo(format_diff_text(result, old, new, language, colored), color=colored)
    sys.exit(EXIT_SAME if result.is_empty else EXIT_DIFFERENT)
