"""``cmc plugins`` and ``cmc export``: what the plugins contribute, and running an exporter.

``cmc export`` hands the exporter the canvas's assessment (:mod:`cmc_core.assessment`), made
as ``cmc check`` and ``cmc score`` make it, in :attr:`~cmc_core.exporting.ExportOptions.assessment`.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cmc_core.cli._support import CliError
from cmc_core.cli.configuring import config_options, resolve_config
from cmc_core.cli.loading import example_name, load_document
from cmc_core.cli.plugin_options import active_plugins

if TYPE_CHECKING:
    from cmc_core.assessment import Assessment
    from cmc_core.fileformat import CanvasDocument
    from cmc_core.plugins import PluginInfo, Plugins
    from cmc_core.rules import ValidationConfig

__all__ = ["export", "plugins"]

_KIND_LABELS = {
    "exporters": "exporters",
    "rules": "rules",
    "scorers": "scorers",
    "questionnaires": "questionnaires",
}


def _plugin_dict(info: PluginInfo, names: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    return {
        "name": info.name,
        "module": info.module,
        "distribution": info.distribution,
        "version": info.version,
        "builtin": info.builtin,
        "status": str(info.status),
        "error": info.error,
        **{kind: list(names.get(kind, ())) for kind in _KIND_LABELS},
    }


def _describe_names(names: dict[str, tuple[str, ...]]) -> str:
    parts = [
        f"{label}: {', '.join(names[kind])}" for kind, label in _KIND_LABELS.items() if names[kind]
    ]
    return "; ".join(parts) or "nothing registered"


@click.command(short_help="List the plugins and what each one registered.")
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format on stdout.",
)
def plugins(output_format: str) -> None:
    """List every plugin (built-in, installed, failed or blocked) with its distribution, version
    and the exporters, rules, scorers and questionnaires it registered."""
    active = active_plugins()
    contributions = active.contributions()
    empty: dict[str, tuple[str, ...]] = dict.fromkeys(_KIND_LABELS, ())
    rows = [(info, contributions.get(info, empty)) for info in active.infos]
    if output_format == "json":
        document = {
            "plugins": [_plugin_dict(info, names) for info, names in rows],
            "problems": [str(problem) for problem in active.problems],
        }
        click.echo(json.dumps(document, indent=2))
        return
    for info, names in rows:
        origin = info.distribution or f"module {info.module}"
        version = f" {info.version}" if info.version else ""
        builtin = " (built-in)" if info.builtin else ""
        click.echo(f"{info.name}  [{origin}{version}{builtin}]")
        if info.status == "loaded":
            click.echo(f"    {_describe_names(names)}")
        else:
            click.echo(f"    {info.status}: {info.error or 'not loaded'}")
    from cmc_core.plugins import DuplicateNameError

    clashes = [p for p in active.problems if isinstance(p, DuplicateNameError)]
    for clash in clashes:
        click.echo(f"clash: {clash} (neither is active)")


def _parse_settings(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    settings: dict[str, str] = {}
    for value in values:
        key, equals, text = value.partition("=")
        if not equals or not key.strip():
            raise click.BadParameter(f"{value!r} is not KEY=VALUE.")
        settings[key.strip()] = text
    return settings


def _list_exporters(active: Plugins) -> None:
    for exporter in active.exporters:
        provider = active.exporters.provider(exporter.name)
        origin = provider.distribution or provider.module
        click.echo(
            f"{exporter.name:<12} {exporter.extension:<10} {exporter.media_type:<28} "
            f"{exporter.title}  [{origin}]"
        )


def _write(output: str | None, content: bytes, binary: bool, source: str | None) -> None:
    from cmc_core.fileformat.atomic import write_atomic

    if output is None or output == "-":
        if binary and output is None and sys.stdout.isatty():
            raise CliError("this exporter writes binary data; name a file with -o FILE.")
        sys.stdout.flush()  # keep anything echoed before in order
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    if target.is_dir():
        raise CliError(f"{output}: is a directory; -o takes a file name.")
    if (
        source is not None
        and target.exists()
        and Path(source).exists()
        and (os.path.samefile(target, source))
    ):
        raise CliError(f"{output}: is the canvas being exported; choose another -o file.")
    write_atomic(target, content)


def _extras(active: Plugins, answers: str | None, previous: str | None) -> dict[str, Any]:
    """What ``--answers`` and ``--compare`` give the exporter, read here: exporters do no I/O."""
    extras: dict[str, Any] = {}
    if answers is not None:
        from cmc_core.questionnaires import load_answers

        extras["answers"] = load_answers(Path(answers))
        extras["questionnaires"] = tuple(active.questionnaires)
    if previous is not None:
        extras["previous"] = load_document(previous).canvas
    return extras


def _assessment(
    document: CanvasDocument, active: Plugins, config: ValidationConfig, answers: Any
) -> Assessment:
    """The canvas's report and score card as ``cmc check`` and ``cmc score`` make them; the
    quickscan answers among ``--answers`` make the quickscan dimension apply."""
    from cmc_core.assessment import assess, scoring_extras

    return assess(
        document.canvas,
        plugins=active,
        config=config,
        extras=scoring_extras(answers),
        locator=document.locate,
    )


@click.command(short_help="Export a canvas with any registered exporter.")
@click.argument("source", required=False, metavar="FILE")
@click.option("--example", metavar="NAME", help="Export a bundled example instead of a FILE.")
@click.option("--to", "exporter_name", metavar="NAME", help="The exporter (see --list).")
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="Write here (atomically). Default: stdout (text exporters), '-' forces stdout.",
)
@click.option(
    "--lang",
    type=click.Choice(["nl", "en"]),
    help="Language of labels and headings. Default: the canvas's own.",
)
@click.option(
    "-O",
    "--option",
    "settings",
    multiple=True,
    metavar="KEY=VALUE",
    callback=_parse_settings,
    help="An exporter-specific setting; repeatable.",
)
@click.option(
    "--answers",
    "answers_file",
    metavar="FILE",
    help="Questionnaire answers (an answers file) to show with the canvas (html, markdown).",
)
@click.option(
    "--compare",
    "previous_file",
    metavar="OLD",
    help="An earlier version of the canvas: show what changed since it (html, markdown).",
)
@config_options
@click.option("--list", "list_only", is_flag=True, help="List the exporters and exit.")
def export(
    *,
    source: str | None,
    example: str | None,
    exporter_name: str | None,
    output: str | None,
    lang: str | None,
    settings: dict[str, str],
    answers_file: str | None,
    previous_file: str | None,
    config_path: Path | None,
    no_config: bool,
    list_only: bool,
) -> None:
    """Export the canvas FILE (or --example NAME) with the exporter --to NAME.

    Exporters come from cmc itself and from installed plugins; `cmc export --list` names them.
    The validation summary and the score card of an export are what `cmc check` and
    `cmc score` say: the rules and scorers of the active plugins, and the project's
    configuration (the nearest cmc.toml or [tool.cmc], or --config).
    FILE may also be written example:NAME.
    """
    from cmc_core.exporting import ExportOptions, ExportSettingError
    from cmc_core.vocabulary import Language

    active = active_plugins()
    if list_only:
        _list_exporters(active)
        return
    if exporter_name is None:
        raise click.UsageError("say which exporter with --to NAME (see cmc export --list).")
    if (source is None) == (example is None):
        raise click.UsageError("name one canvas: a FILE or --example NAME.")
    exporter = active.exporters.get(exporter_name)  # unknown: did-you-mean, exit 2
    config = resolve_config(config_path, no_config)
    document = load_document(example_name(example) if example is not None else str(source))
    extras = _extras(active, answers_file, previous_file)
    options = ExportOptions(
        language=Language(lang) if lang else None,
        settings=settings,
        extras=extras,
        assessment=_assessment(document, active, config, extras.get("answers")),
    )
    try:
        content = exporter.export_bytes(document.canvas, options)
    except ExportSettingError as error:  # said in the words of the command line
        raise CliError(
            f"-O {error.setting}={error.value!r}: the {error.exporter} exporter's "
            f"{error.setting} must be {error.expected}."
        ) from None
    _write(output, content, not exporter.is_text, source)
