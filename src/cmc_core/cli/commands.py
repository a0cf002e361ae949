"""The reference commands: ``cmc rules``, ``cmc rule``, ``cmc examples``, ``cmc schema`` and
``cmc convert``. Each asks the library for data and prints it; none has logic of its own."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cmc_core.cli._support import data_terminal_safe
from cmc_core.cli.loading import load_document
from cmc_core.cli.plugin_options import active_plugins

if TYPE_CHECKING:
    from cmc_core.rules import Rule

__all__ = ["convert", "examples", "rule", "rules", "schema"]

FILE_FORMATS = ("yaml", "json", "toml")
#: Explanations are wrapped to this width, whatever the terminal, so output is reproducible.
WRAP_WIDTH = 88


def _rule_dict(rule: Rule) -> dict[str, str]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "title": rule.title,
        "rationale": rule.rationale,
        "source": rule.source,
    }


def _table(rows: Sequence[Sequence[str]]) -> str:
    """Rows as left-aligned columns; the last column is not padded."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join(
        "  ".join([*(cell.ljust(width) for cell, width in zip(row, widths, strict=False)), row[-1]])
        for row in rows
    )


@click.command(short_help="List the validation rules.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format on stdout.",
)
def rules(output_format: str) -> None:
    """List every rule, built-in or from a plugin, with its code, default severity, name and
    title."""
    every_rule = tuple(active_plugins().rules)
    if output_format == "json":
        click.echo(json.dumps({"rules": [_rule_dict(r) for r in every_rule]}, indent=2))
        return
    click.echo(_table([(r.code, str(r.severity), r.name, r.title) for r in every_rule]))


@click.command(short_help="Explain one rule.")
@click.argument("code")
def rule(code: str) -> None:
    """Explain the rule CODE (such as CMC001, or its name): what it wants, its default
    severity, why, and where that comes from in the domain reference."""
    from cmc_core.rules import get_rule

    found = get_rule(code, tuple(active_plugins().rules))  # unknown: suggests the closest
    click.echo(f"{found.code} {found.name}\n")
    click.echo(found.title)
    click.echo(f"\nDefault severity: {found.severity}")
    click.echo(f"\n{click.wrap_text(found.rationale, width=WRAP_WIDTH, preserve_paragraphs=True)}")
    click.echo(f"\nSource: {found.source}")


@click.command(short_help="List the bundled examples, or print one.")
@click.argument("name", required=False)
def examples(name: str | None) -> None:
    """List the bundled example canvases with their language, title and expected result;
    with NAME, print that example's YAML (save it with `cmc examples NAME > my.cmc.yaml`)."""
    from cmc_core.examples import EXAMPLES, example_text

    if name is None:
        rows = [("NAME", "LANG", "EXPECTED", "TITLE")]
        rows += [(e.name, str(e.language), e.expected, e.title) for e in EXAMPLES]
        click.echo(_table(rows))
        return
    click.echo(example_text(name), nl=False)  # an unknown name says which ones there are


@click.command(short_help="Print the JSON Schema of the canvas file format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of stdout.",
)
def schema(output: Path | None) -> None:
    """Print the JSON Schema of the canvas file format, generated from the model."""
    from cmc_core.fileformat import json_schema
    from cmc_core.fileformat.atomic import write_atomic

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
    else:
        write_atomic(output, text.encode("utf-8"))


@click.command(short_help="Convert a canvas between YAML, JSON and TOML.")
@click.argument("source", metavar="IN")
@click.argument("target", metavar="OUT")
@click.option(
    "--to",
    "to_format",
    type=click.Choice(FILE_FORMATS),
    help="Output format; needed when OUT is - (stdout), else taken from OUT's suffix.",
)
def convert(source: str, target: str, to_format: str | None) -> None:
    """Convert the canvas IN to OUT (.yaml/.yml, .json or .toml), losslessly.

    OUT is written atomically: a failed conversion leaves it as it was. IN may also be
    written example:NAME.
    """
    from cmc_core.fileformat import dumps, format_for_path, save

    if target == "-":
        if to_format is None:
            raise click.UsageError("OUT is - (stdout): say the format with --to yaml|json|toml.")
        text = dumps(load_document(source).canvas, to_format)
        # YAML escapes such characters itself; JSON and TOML would print them raw.
        click.echo(text if to_format == "yaml" else data_terminal_safe(text), nl=False)
        return
    suffix_format = format_for_path(Path(target))
    if to_format not in (None, suffix_format):
        raise click.UsageError(
            f"--to {to_format} contradicts OUT's suffix, which means {suffix_format}."
        )
    save(load_document(source), Path(target), format=suffix_format)
