"""``cmc score``: the community score card of a canvas, how it changed between two, or how
one community's verdict and scores changed over its snapshots.

The card is the score card of the canvas's assessment (:func:`cmc_core.assessment.assess`),
made as ``cmc check`` and ``cmc export`` make it: the scorers come from the plugins (the
built-ins and any installed), so a plugin's dimension appears on the card next to the built-in
ones, and the project's configuration is read the same way (``--config``, ``--no-config``).
Text output is a table with bars and the top reasons per dimension; ``--format json`` is the
card's own ``to_dict()``.

A canvas is a FILE or a bundled example (``example:NAME``, or ``--example NAME``, repeatable:
each adds one after the FILEs). Three or more canvases (or ``--timeline``) make a timeline
(:func:`cmc_core.scoring.build_timeline`): the snapshots in the order of their ``meta.as_of``,
a column each (:mod:`cmc_core.cli.score_timeline` renders it), and the rule codes that appeared
or disappeared from one to the next. Every snapshot is assessed with the same plugins,
configuration and weights, so a change in the table is a change of the canvas.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from cmc_core.cli._support import CliError, did_you_mean, errors_said_here, terminal_safe
from cmc_core.cli.configuring import config_options, resolve_config
from cmc_core.cli.language import language_option, speaking
from cmc_core.cli.loading import example_name, load_document
from cmc_core.cli.plugin_options import active_plugins
from cmc_core.cli.scoring_answers import read_scoring_answers
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.assessment import Assessment
    from cmc_core.fileformat import CanvasDocument
    from cmc_core.rules import ValidationConfig
    from cmc_core.scoring.bands import Band
    from cmc_core.scoring.card import DimensionScore, ScoreCard
    from cmc_core.scoring.compare import ScoreComparison

__all__ = ["score"]

_ = Messages("cmc_core", "scores")

BAR_WIDTH = 20
#: How many reasons per dimension the text output shows (JSON has them all).
TOP_REASONS = 3


def _weights(
    _ctx: click.Context, _param: click.Parameter, values: tuple[str, ...]
) -> dict[str, float]:
    weights: dict[str, float] = {}
    for value in values:
        name, equals, number = value.partition("=")
        problem = _("{value} is not NAME=NUMBER, such as market-balance=2.", value=repr(value))
        try:
            weights[name.strip()] = float(number)
        except ValueError:
            raise click.BadParameter(problem) from None
        if not equals or not name.strip():
            raise click.BadParameter(problem)
    return weights


def bar(score: float | None) -> str:
    """``[#########-----------]`` for a score from 0 to 100; blanks when it does not apply."""
    if score is None:
        return "[" + " " * BAR_WIDTH + "]"
    filled = round(score / 100 * BAR_WIDTH)
    return "[" + "#" * filled + "-" * (BAR_WIDTH - filled) + "]"


def _band(band: Band | None) -> str:
    """A band's label in the current language; ``n/a`` for none."""
    return _("n/a") if band is None else band.label()


def _dimension_lines(dimension: DimensionScore) -> list[str]:
    if not dimension.applicable:
        figure, band = _("n/a"), _("does not apply")
        lines = [f"{dimension.title:<40} {bar(None)} {figure:>5}  {band}"]
    else:
        band = "" if dimension.band is None else dimension.band.label()
        lines = [f"{dimension.title:<40} {bar(dimension.score)} {dimension.score:5.1f}  {band}"]
    for reason in dimension.reasons[:TOP_REASONS]:
        where = f" [{reason.path}]" if reason.path else ""
        lines.append(f"    - {reason.text}{where}")
    hidden = len(dimension.reasons) - TOP_REASONS
    if hidden > 0:
        lines.append("    " + _("({count} more; --format json lists every reason)", count=hidden))
    return lines


def render_card(card: ScoreCard, name: str) -> str:
    """The text of one score card."""
    lines = [_("Score card of {name}", name=name), ""]
    for dimension in card.dimensions:
        lines += _dimension_lines(dimension)
    overall = _("n/a") if card.overall is None else f"{card.overall:5.1f}  {_band(card.band)}"
    lines += ["", f"{_('Overall (weighted)'):<40} {bar(card.overall)} {overall}"]
    lines += [f"    - {note.text}" for note in card.notes]
    return "\n".join(lines)


def _signed(delta: float | None) -> str:
    return f"{_('n/a'):>6}" if delta is None else f"{delta:+6.1f}"


def render_comparison(comparison: ScoreComparison, old: str, new: str) -> str:
    """The text of a comparison of two score cards."""
    lines = [_("Score card of {new} against {old}", new=new, old=old), ""]
    for change in comparison.dimensions:
        before = (
            _("n/a")
            if change.before is None or not change.before.applicable
            else (f"{change.before.score:.1f}")
        )
        after = (
            _("n/a")
            if change.after is None or not change.after.applicable
            else (f"{change.after.score:.1f}")
        )
        band = (
            f"  {_band(change.band_before)} -> {_band(change.band_after)}"
            if change.band_changed
            else ""
        )
        lines.append(f"{change.title:<40} {before:>5} -> {after:>5}  {_signed(change.delta)}{band}")
        lines += [f"    + {reason.text}" for reason in change.reasons_added[:TOP_REASONS]]
        lines += [f"    - {reason.text}" for reason in change.reasons_removed[:TOP_REASONS]]
    lines += ["", f"{_('Overall (weighted)'):<40} {_signed(comparison.overall_delta)}"]
    return "\n".join(lines)


def _check_weights(weights: dict[str, float]) -> None:
    """Refuse a ``--weight`` that names no scorer of the active plugins, with a suggestion."""
    known = active_plugins().scorers.names()
    for weighted in weights:
        if weighted not in known:
            hint = did_you_mean(weighted, known)
            raise CliError(_("--weight names no scorer {name}.", name=repr(weighted)) + hint)


def _assess(
    document: CanvasDocument,
    config: ValidationConfig,
    weights: dict[str, float],
    extras: dict[str, Any],
) -> Assessment:
    """The assessment of a loaded canvas: the one ``cmc check`` and ``cmc export`` make, with
    the active plugins and the project's configuration, in the language of the moment. Every
    file is loaded first, so a later file that does not load stops the command before anything
    is scored."""
    from cmc_core.assessment import assess

    return assess(
        document.canvas,
        plugins=active_plugins(),
        config=config,
        weights=weights,
        extras=extras,
        locator=document.locate,
    )


@click.command(short_help="Score a canvas: how healthy is the designed community?")
@click.argument("files", nargs=-1, metavar="FILE [FILE...]")
@click.option(
    "--example",
    "examples",
    multiple=True,
    metavar="NAME",
    help="Score a bundled example (see `cmc examples`), after any FILE; repeatable.",
)
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format on stdout.",
)
@click.option(
    "--weight",
    "weights",
    multiple=True,
    metavar="NAME=NUMBER",
    callback=_weights,
    help="Weight of a dimension in the overall score (default: the scorer's own); repeatable.",
)
@click.option(
    "--answers",
    "--quickscan-answers",
    "quickscan_answers",
    metavar="FILE",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="An answers file (as cmc quickscan and cmc ask write it): the answers of each "
    "installed questionnaire go to the scorers that read them, the quickscan's to the "
    "quickscan-suitability dimension (instead of the answers the canvas remembers), a "
    "plugin's to its scorer.",
)
@click.option(
    "--timeline",
    is_flag=True,
    help="Show the canvases as snapshots of one community over time (the default for three or "
    "more).",
)
@language_option("The language of the card's titles, bands and reasons (JSON keeps its keys).")
@config_options
def score(
    *,
    files: tuple[str, ...],
    examples: tuple[str, ...],
    output_format: str,
    weights: dict[str, float],
    quickscan_answers: Path | None,
    timeline: bool,
    config_path: Path | None,
    no_config: bool,
    lang: str | None,
) -> None:
    """Score FILE (or --example NAME) on every dimension of the community score card, with the
    facts behind each score. With two canvases, OLD NEW, show how the scores changed. With three
    or more (or --timeline), show them as snapshots of one community: a column per snapshot,
    in the order of their meta.as_of dates, and the rule codes that appeared or disappeared.

    FILE may also be written example:NAME. Each --example adds a canvas after the FILEs, so
    --example a --example b compares two bundled examples.
    """
    names = list(files) + [example_name(example) for example in examples]
    # Until a canvas is read, --lang speaks, else CMC_LANG; then --lang, else the (last) canvas's.
    with speaking(lang), errors_said_here():
        if not names:
            raise click.UsageError(
                _("name one canvas to score, two (OLD NEW) to compare, or more for a timeline.")
            )
        config = resolve_config(config_path, no_config)
        extras: dict[str, Any] = {}
        if quickscan_answers is not None:
            extras = read_scoring_answers(quickscan_answers, active_plugins())[1]
        _check_weights(weights)
        documents = [load_document(name) for name in names]
    with speaking(lang, documents[-1].canvas), errors_said_here():
        assessments = [_assess(document, config, weights, extras) for document in documents]
        _show(assessments, names, output_format, timeline=timeline)


def _show(
    assessments: list[Assessment], names: list[str], output_format: str, *, timeline: bool
) -> None:
    """Print the card, the comparison or the timeline, in the language of the moment."""
    if timeline or len(names) > 2:
        _echo_timeline(assessments, names, output_format)
    elif len(names) == 1:
        card = assessments[0].scores
        if output_format == "json":
            _echo_json(card.to_dict())
        else:
            click.echo(terminal_safe(render_card(card, names[0])))
    else:
        from cmc_core.scoring import compare

        comparison = compare(assessments[0].scores, assessments[1].scores)
        if output_format == "json":
            _echo_json(comparison.to_dict())
        else:
            click.echo(terminal_safe(render_comparison(comparison, names[0], names[1])))


def _echo_json(data: dict[str, Any]) -> None:
    click.echo(json.dumps(data, indent=2, ensure_ascii=False))


def _echo_timeline(assessments: list[Assessment], names: list[str], output_format: str) -> None:
    """Print the timeline of the snapshots: a table, or its ``to_dict()`` as JSON."""
    from cmc_core.cli.score_timeline import render_timeline
    from cmc_core.scoring import build_timeline

    timeline = build_timeline(assessments, names)
    if output_format == "json":
        _echo_json(timeline.to_dict())
    else:
        click.echo(terminal_safe(render_timeline(timeline)))
