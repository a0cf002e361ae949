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

from cmc_core.cli._support import CliError, aligned, detail, errors_said_here
from cmc_core.cli.configuring import config_options, resolve_config
from cmc_core.cli.language import language_option, speaking
from cmc_core.cli.loading import example_name, load_document
from cmc_core.cli.plugin_options import active_plugins
from cmc_core.translation import N_, Messages

if TYPE_CHECKING:
    from cmc_core.assessment import Assessment
    from cmc_core.exporting import Exporter
    from cmc_core.fileformat import CanvasDocument
    from cmc_core.plugins import PluginInfo, Plugins
    from cmc_core.rules import ValidationConfig

__all__ = ["export", "plugins"]

_ = Messages("cmc_core", "cli")

_KIND_LABELS = {
    "exporters": N_("exporters"),
    "rules": N_("rules"),
    "scorers": N_("scorers"),
    "questionnaires": N_("questionnaires"),
    "commands": N_("commands"),
    "settings": N_("settings"),
}
_STATUS_LABELS = {"loaded": N_("loaded"), "failed": N_("failed"), "blocked": N_("blocked")}


def _plugin_dict(info: PluginInfo, names: dict[str, tuple[str, ...]]) -> dict[str, Any]:
    return {
        "name": info.name,
        "module": info.module,
        "distribution": info.distribution,
        "version": info.version,
        "builtin": info.builtin,
        "status": str(info.status),
        "error": info.error,
        "path": info.path,
        **{kind: list(names.get(kind, ())) for kind in _KIND_LABELS},
    }


def _describe_names(names: dict[str, tuple[str, ...]]) -> str:
    # A plugin's settings are registered under its name: shown as the table that sets them.
    shown = {**names, "settings": tuple(f"[plugins.{n}]" for n in names.get("settings", ()))}
    parts = [
        f"{_.translate(label)}: {', '.join(shown[kind])}"
        for kind, label in _KIND_LABELS.items()
        if shown.get(kind)
    ]
    return "; ".join(parts) or _("nothing registered")


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
    """List every plugin (built-in, installed, local, failed or blocked) with its distribution
    (or file), version and the exporters, rules, scorers, questionnaires, commands and settings
    it registered."""
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
    with speaking(None):
        _list_plugins(active, rows)


def _list_plugins(
    active: Plugins, rows: list[tuple[PluginInfo, dict[str, tuple[str, ...]]]]
) -> None:
    """The text form of ``cmc plugins``: a line per plugin, a line of what it registered."""
    for info, names in rows:
        origin = info.distribution or (
            _("file {path}", path=info.path)
            if info.path
            else _("module {module}", module=info.module)
        )
        version = f" {info.version}" if info.version else ""
        builtin = " " + _("(built-in)") if info.builtin else ""
        click.echo(f"{info.name}  [{origin}{version}{builtin}]")
        if info.status == "loaded":
            click.echo(f"    {_describe_names(names)}")
        else:
            status = _.translate(_STATUS_LABELS.get(str(info.status), str(info.status)))
            click.echo(f"    {status}: {info.error or _('not loaded')}")
    from cmc_core.plugins import DuplicateNameError

    clashes = [p for p in active.problems if isinstance(p, DuplicateNameError)]
    for clash in clashes:
        click.echo(_("clash: {clash} (neither is active)", clash=clash))


def _parse_settings(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> dict[str, str]:
    settings: dict[str, str] = {}
    for value in values:
        key, equals, text = value.partition("=")
        if not equals or not key.strip():
            raise click.BadParameter(_("{value} is not KEY=VALUE.", value=repr(value)))
        settings[key.strip()] = text
    return settings


def _list_exporters(active: Plugins) -> None:
    """``cmc export --list``: a table of the exporters, its columns aligned as shown."""
    rows = [[_("NAME"), _("SUFFIX"), _("TITLE"), _("PLUGIN"), _("MEDIA TYPE")]]
    for exporter in active.exporters:
        provider = active.exporters.provider(exporter.name)
        origin = provider.distribution or provider.module
        rows.append(
            [
                exporter.name,
                exporter.extension,
                exporter.title_in(),
                f"[{origin}]",
                exporter.media_type,
            ]
        )
    click.echo(aligned(rows))


def _exporter_names(ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of ``--to``: the exporters of the active plugins."""
    try:
        names = [exporter.name for exporter in active_plugins(ctx).exporters]
    except Exception:
        return []
    return [name for name in names if name.startswith(incomplete)]


def _example_names(_ctx: click.Context, _param: click.Parameter, incomplete: str) -> list[str]:
    """Shell completion of ``--example``: the bundled examples."""
    from cmc_core.examples import names

    return [name for name in names() if name.startswith(incomplete)]


def _write(output: str | None, content: bytes, binary: bool, source: str | None) -> None:
    from cmc_core.fileformat.atomic import write_atomic

    if output is None or output == "-":
        if binary and output is None and sys.stdout.isatty():
            raise CliError(_("this exporter writes binary data; name a file with -o FILE."))
        sys.stdout.flush()  # keep anything echoed before in order
        sys.stdout.buffer.write(content)
        sys.stdout.buffer.flush()
        return
    target = Path(output)
    if target.is_dir():
        raise CliError(_("{output}: is a directory; -o takes a file name.", output=output))
    if (
        source is not None
        and target.exists()
        and Path(source).exists()
        and (os.path.samefile(target, source))
    ):
        raise CliError(
            _("{output}: is the canvas being exported; choose another -o file.", output=output)
        )
    write_atomic(target, content)
    detail(_("Wrote {output}.", output=output))


def _extras(active: Plugins, answers: str | None, previous: str | None) -> dict[str, Any]:
    """What ``--answers`` and ``--compare`` give the exporter, read here: exporters do no I/O.
    The answers' checked form for the scorers is under ``"scoring"``, which ``_exported``
    takes out (see :mod:`cmc_core.cli.scoring_answers`)."""
    extras: dict[str, Any] = {}
    if answers is not None:
        from cmc_core.cli.scoring_answers import read_scoring_answers

        extras["answers"], extras["scoring"] = read_scoring_answers(Path(answers), active)
        extras["questionnaires"] = tuple(active.questionnaires)
    if previous is not None:
        extras["previous"] = load_document(previous).canvas
    return extras


def _assessment(
    document: CanvasDocument, active: Plugins, config: ValidationConfig, scoring: dict[str, Any]
) -> Assessment:
    """The canvas's report and score card as ``cmc check`` and ``cmc score`` make them; the
    answers of ``--answers`` reach every scorer that reads them (the quickscan's make the
    quickscan dimension apply)."""
    from cmc_core.assessment import assess

    return assess(
        document.canvas,
        plugins=active,
        config=config,
        extras=scoring,
        locator=document.locate,
    )


@click.command(short_help="Export a canvas with any registered exporter.")
@click.argument("source", required=False, metavar="FILE")
@click.option(
    "--example",
    metavar="NAME",
    shell_complete=_example_names,
    help="Export a bundled example instead of a FILE.",
)
@click.option(
    "--to",
    "exporter_name",
    metavar="NAME",
    shell_complete=_exporter_names,
    help="The exporter (see --list).",
)
@click.option(
    "-o",
    "--output",
    metavar="OUT",
    help="Write here (atomically). Default: stdout (text exporters), '-' forces stdout.",
)
@language_option("Language of labels, headings and messages.")
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
    # Reading files speaks --lang, else CMC_LANG or the locale, as every reader does; the
    # export and its messages then speak the canvas's language unless --lang says otherwise.
    with speaking(lang), errors_said_here():
        active = active_plugins()
        if list_only:
            _list_exporters(active)
            return
        if exporter_name is None:
            raise click.UsageError(_("say which exporter with --to NAME (see cmc export --list)."))
        if (source is None) == (example is None):
            raise click.UsageError(_("name one canvas: a FILE or --example NAME."))
        exporter = active.exporters.get(exporter_name)  # unknown: did-you-mean, exit 2
        _refuse_unknown_settings(exporter, settings)
        config = resolve_config(config_path, no_config)
        document = load_document(example_name(example) if example is not None else str(source))
        extras = _extras(active, answers_file, previous_file)  # files read as the canvas was
    with speaking(lang, document.canvas) as language, errors_said_here():
        detail(
            _(
                "Exporter: {name} ({title}); language: {language}.",
                name=exporter.name,
                title=exporter.title_in(),
                language=language.value,
            )
        )
        content = _exported(
            exporter,
            document,
            active,
            config,
            lang,
            settings,
            extras,
        )
        _write(output, content, not exporter.is_text, source)


def _refuse_unknown_settings(exporter: Exporter, settings: dict[str, str]) -> None:
    """A ``-O`` key the exporter does not read (when it declares its settings) stops the
    command with exit 2, naming the exporter and the key, with the closest known key."""
    from cmc_core.exporting import UnknownSettingError

    try:
        exporter.check_settings(settings)
    except UnknownSettingError as error:
        raise CliError(f"-O {error.setting}={error.value}: {error}") from None


def _exported(  # noqa: PLR0917 - the command's choices, passed on
    exporter: Exporter,
    document: CanvasDocument,
    active: Plugins,
    config: ValidationConfig,
    lang: str | None,
    settings: dict[str, str],
    extras: dict[str, Any],
) -> bytes:
    """What the exporter makes of the canvas, its assessment and the command's choices."""
    from cmc_core.exporting import ExportOptions, ExportSettingError
    from cmc_core.vocabulary import Language

    scoring = extras.pop("scoring", {})
    options = ExportOptions(
        language=Language(lang) if lang else None,
        settings=settings,
        extras=extras,
        assessment=_assessment(document, active, config, scoring),
        plugins=config.plugins,
    )
    try:
        return exporter.export_bytes(document.canvas, options)
    except ExportSettingError as error:  # said in the words of the command line
        raise CliError(
            _(
                "-O {setting}={value}: the {exporter} exporter's {setting} must be {expected}.",
                setting=error.setting,
                value=repr(error.value),
                exporter=error.exporter,
                expected=error.expected,
            )
        ) from None
