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
import sys
from collections.abc import Iterable
from typing import TYPE_CHECKING

import click

from cmc_core.cli._support import errors_said_here, terminal_safe, use_color
from cmc_core.cli.diff_values import markdown_text, value_lines
from cmc_core.cli.language import language_option, speaking
from cmc_core.cli.loading import load_document
from cmc_core.translation import N_, Messages, using_language

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

_ = Messages("cmc_core", "cli")

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
#: Headings of the parts of a canvas that belong to no block.
_SECTION_LABELS = {"meta": N_("Canvas details"), "principles": N_("Basic principles")}
#: How many of each kind of change, in the summary line.
_KIND_COUNTS = {
    "added": N_("{count} added"),
    "removed": N_("{count} removed"),
    "changed": N_("{count} changed"),
}
#: A value is shown on one line as ``old -> new`` while both fit in this many characters.
_ONE_LINE = 72


# -- formatting helpers ------------------------------------------------------------------------


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
        return _.translate(_SECTION_LABELS[section], language)
    found = block(section)
    return f"{found.code} {found.label(language)}"


def _grouped(changes: Iterable[Change]) -> list[tuple[str, list[Change]]]:
    """Changes per section, sections in canvas order, changes in diff order within each."""
    groups: dict[str, list[Change]] = {}
    for change in changes:
        groups.setdefault(_section(change), []).append(change)
    return [(section, groups[section]) for section in _section_order() if section in groups]


def _summary(diff: CanvasDiff) -> str:
    """``4 changes: 1 added, 1 removed, 2 changed.`` in the current language."""
    if diff.is_empty:
        return _("No changes of content.")
    counts = diff.summary()
    parts = [_.translate(_KIND_COUNTS[kind]).format(count=counts[kind]) for kind in _MARKS]
    shown = [part for kind, part in zip(_MARKS, parts, strict=True) if counts[kind]]
    total = _.plural("{count} change", "{count} changes", len(diff))
    return _("{total}: {kinds}.", total=total, kinds=", ".join(shown))


# -- formats -----------------------------------------------------------------------------------


def _text_change(change: Change, color: bool) -> list[str]:
    kind = change.kind.value
    mark = click.style(_MARKS[kind], fg=_COLOURS[kind]) if color else _MARKS[kind]
    path = terminal_safe(change.path)
    if kind in ("added", "removed"):
        lines = value_lines(change.new if kind == "added" else change.old)
        if len(lines) == 1:
            return [f"  {mark} {path}: {lines[0]}"]
        return [f"  {mark} {path}", *(f"      {line}" for line in lines)]
    old, new = value_lines(change.old), value_lines(change.new)
    if len(old) == len(new) == 1 and len(old[0]) + len(new[0]) <= _ONE_LINE:
        return [f"  {mark} {path}: {old[0]} -> {new[0]}"]
    minus, plus = "-", "+"
    if color:
        minus, plus = click.style(minus, fg="red"), click.style(plus, fg="green")
    return [
        f"  {mark} {path}",
        *(f"      {minus} {line}" for line in old),
        *(f"      {plus} {line}" for line in new),
    ]


def format_diff_text(
    diff: CanvasDiff, old_name: str, new_name: str, language: Language, color: bool = False
) -> str:
    """Human text: a header, the changes grouped per block with ``+``/``-``/``~`` marks (a
    record shown one field a line), the reorderings as a note, and a summary line. ``color``
    adds ANSI colours."""
    bold = (lambda text: click.style(text, bold=True)) if color else (lambda text: text)
    with using_language(language):
        lines = [f"--- {_name(old_name)}", f"+++ {_name(new_name)}"]
        for section, changes in _grouped(diff.changes):
            lines.append(bold(_heading(section, language)))
            for change in changes:
                lines.extend(_text_change(change, color))
        if diff.reordered:
            lines.append(bold(_("Order changed (not a change of content)")))
            lines.extend(f"  = {terminal_safe(reordering.path)}" for reordering in diff.reordered)
        lines.append(_summary(diff))
    return "\n".join(lines)


def format_diff_json(diff: CanvasDiff, old_name: str, new_name: str) -> str:
    """JSON: ``old`` and ``new`` (the names given), then :meth:`CanvasDiff.to_dict`."""
    document = {"old": old_name, "new": new_name, **diff.to_dict()}
    return json.dumps(document, indent=2, ensure_ascii=False)


def _cell(value: object) -> str:
    """A value for a Markdown table cell: a record one field a line."""
    return "<br>".join(markdown_text(line) for line in value_lines(value))


def format_diff_markdown(diff: CanvasDiff, old_name: str, new_name: str, language: Language) -> str:
    """Markdown: a title, a summary, a table of changes per block and the reorderings."""
    with using_language(language):
        names = _("{old} → {new}", old=_name(old_name), new=_name(new_name))
        title = _("Differences between two canvases")
        lines = [f"# {title}", "", markdown_text(f"{names}: {_summary(diff)}", line_start=True)]
        columns = (_("Path"), _("Old"), _("New"))
        header = "| | " + " | ".join(columns) + " |"
        for section, changes in _grouped(diff.changes):
            heading = markdown_text(_heading(section, language))
            lines += ["", f"## {heading}", "", header, "|---|---|---|---|"]
            for change in changes:
                kind = change.kind.value
                old = "" if kind == "added" else _cell(change.old)
                new = "" if kind == "removed" else _cell(change.new)
                path = markdown_text(terminal_safe(change.path))
                lines.append(f"| {markdown_text(_MARKS[kind])} | {path} | {old} | {new} |")
        if diff.reordered:
            reordered = _("Order changed (not a change of content)")
            lines += ["", f"## {markdown_text(reordered)}", ""]
            lines.extend(
                f"- {markdown_text(terminal_safe(reordering.path))}"
                for reordering in diff.reordered
            )
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
@language_option("Language of headings and the summary (NEW's meta.language by default).")
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

    with speaking(lang), errors_said_here():  # a load problem: --lang, else CMC_LANG
        before, after = load_document(old).canvas, load_document(new).canvas
    with speaking(lang, after) as language:
        _show(diff_canvases(before, after), old, new, output_format, language, color)


def _show(  # noqa: PLR0917 - the command's choices, passed on
    result: CanvasDiff,
    old: str,
    new: str,
    output_format: str,
    language: Language,
    color: bool | None,
) -> None:
    """Print the diff in the chosen format and exit with diff(1)'s status."""
    if output_format == "json":
        click.echo(format_diff_json(result, old, new))
    elif output_format == "markdown":
        click.echo(format_diff_markdown(result, old, new, language), nl=False)
    else:
        colored = use_color(color, sys.stdout)
        click.echo(format_diff_text(result, old, new, language, colored), color=colored)
    sys.exit(EXIT_SAME if result.is_empty else EXIT_DIFFERENT)
