"""The reference commands: ``cmc rules``, ``cmc rule``, ``cmc examples``, ``cmc schema`` and
``cmc convert``. Each asks the library for data and prints it; none has logic of its own.

``cmc rules`` and ``cmc rule`` show the rules' titles and rationales in ``--lang`` (else
``CMC_LANG`` or the locale); codes, names, severities and JSON keys stay as they are, and a
plugin's rule whose texts are not in the catalog shows them as written. ``cmc examples``
speaks ``--lang`` the same way (its headers, results and titles), and ``cmc schema`` and ``cmc
convert`` say their mistakes in it."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import click

from cmc_core.analysis import severity_label
from cmc_core.cli._support import data_terminal_safe, errors_said_here
from cmc_core.cli.language import language_option, speaking
from cmc_core.cli.loading import load_document
from cmc_core.cli.plugin_options import active_plugins
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.rules import Rule

__all__ = ["convert", "examples", "rule", "rules", "schema"]

FILE_FORMATS = ("yaml", "json", "toml")
#: Explanations are wrapped to this width, whatever the terminal, so output is reproducible.
WRAP_WIDTH = 88

_ = Messages("cmc_core", "check")


def _rule_dict(rule: Rule) -> dict[str, str]:
    """A rule for JSON: its texts in the current language, everything else as it is."""
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": str(rule.severity),
        "title": rule.title_in(),
        "rationale": rule.rationale_in(),
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
@language_option(
    "The language of the titles and rationales (codes and names stay as they are).",
    reads_canvas=False,
)
def rules(output_format: str, lang: str | None) -> None:
    """List every rule, built-in or from a plugin, with its code, default severity, name and
    title."""
    every_rule = tuple(active_plugins().rules)
    with speaking(lang):
        if output_format == "json":
            listed = {"rules": [_rule_dict(r) for r in every_rule]}
            click.echo(json.dumps(listed, indent=2, ensure_ascii=False))
            return
        rows = [(r.code, severity_label(r.severity), r.name, r.title_in()) for r in every_rule]
        if not rows:  # every rule's plugin blocked: say so rather than print nothing
            click.echo(_("No rules are active: every plugin with rules is left out."), err=True)
            return
        click.echo(_table(rows))


@click.command(short_help="Explain one rule.")
@click.argument("code")
@language_option(
    "The language of the explanation (the code and name stay as they are).", reads_canvas=False
)
def rule(code: str, lang: str | None) -> None:
    """Explain the rule CODE (such as CMC001, or its name): what it wants, its default
    severity, why, and where that comes from in the domain reference."""
    from cmc_core.rules import get_rule

    every_rule = tuple(active_plugins().rules)
    with speaking(lang):
        found = get_rule(code, every_rule)  # unknown: suggests the closest
        rationale = click.wrap_text(
            found.rationale_in(), width=WRAP_WIDTH, preserve_paragraphs=True
        )
        click.echo(f"{found.code} {found.name}\n")
        click.echo(found.title_in())
        severity = severity_label(found.severity)
        click.echo("\n" + _("Default severity: {severity}", severity=severity))
        click.echo(f"\n{rationale}")
        click.echo("\n" + _("Source: {source}", source=found.source))


@click.command(short_help="List the bundled examples, or print one.")
@click.argument("name", required=False)
@language_option(
    "The language of the list (the examples' YAML stays as it is written).", reads_canvas=False
)
def examples(name: str | None, lang: str | None) -> None:
    """List the bundled example canvases with their language, title and expected result;
    with NAME, print that example's YAML (save it with `cmc examples NAME > my.cmc.yaml`)."""
    from cmc_core.examples import EXAMPLES, example_text

    with speaking(lang), errors_said_here():
        if name is None:
            rows = [(_("NAME"), _("LANG"), _("EXPECTED"), _("TITLE"))]
            rows += [(e.name, str(e.language), e.expected_in(), e.title_in()) for e in EXAMPLES]
            click.echo(_table(rows))
            return
        text = example_text(name)  # an unknown name says which ones there are
    click.echo(text, nl=False)


@click.command(short_help="Print the JSON Schema of the canvas file format.")
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Write the schema to this file instead of stdout.",
)
@language_option(
    "The language of its messages (the schema itself is in English).", reads_canvas=False
)
def schema(output: Path | None, lang: str | None) -> None:
    """Print the JSON Schema of the canvas file format, generated from the model."""
    from cmc_core.fileformat import json_schema
    from cmc_core.fileformat.atomic import write_atomic

    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    with speaking(lang), errors_said_here():
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
@language_option("The language of its messages (the canvas is converted as it is).")
def convert(source: str, target: str, to_format: str | None, lang: str | None) -> None:
    """Convert the canvas IN to OUT (.yaml/.yml, .json or .toml), losslessly.

    OUT is written atomically: a failed conversion leaves it as it was. IN may also be
    written example:NAME.
    """
    with speaking(lang), errors_said_here():
        _convert(source, target, to_format)


def _convert(source: str, target: str, to_format: str | None) -> None:
    """:func:`convert`'s work, in the language of the moment."""
    from cmc_core.fileformat import dumps, format_for_path, save

    if target == "-":
        if to_format is None:
            raise click.UsageError(_("OUT is - (stdout): say the format with --to yaml|json|toml."))
        text = dumps(load_document(source).canvas, to_format)
        # YAML escapes such characters itself; JSON and TOML would print them raw.
        click.echo(text if to_format == "yaml" else data_terminal_safe(text), nl=False)
        return
    suffix_format = format_for_path(Path(target))
    if to_format not in (None, suffix_format):
        raise click.UsageError(
            _(
                "--to {chosen} contradicts OUT's suffix, which means {suffix}.",
                chosen=to_format,
                suffix=suffix_format,
            )
        )
    save(load_document(source), Path(target), format=suffix_format)
