"""One evaluation of a canvas: its validation report and its score card, made the same way.

``cmc check`` shows the report of a canvas, ``cmc score`` its score card and the poster both.
They all get them from :func:`assess`, with the same rules, scorers and configuration, so that
the poster's diagnostics are ``cmc check``'s and its overall score is ``cmc score``'s::

    from cmc_core import assess, load
    from cmc_core.plugins import load_plugins

    document = load("canvas.cmc.yaml")
    assessment = assess(document.canvas, plugins=load_plugins(), locator=document.locate)
    assessment.report.has_errors, assessment.scores.overall

An exporter receives the assessment in :attr:`cmc_core.exporting.ExportOptions.assessment`.

Each part is computed when it is first read, once: ``cmc check`` reads only the report and
never pays for the score card (on a large canvas scoring takes several times as long as
validating). An assessment made in a chosen language (inside
:func:`~cmc_core.translation.using_language`) computes its parts in that language wherever they
are first read: made in Dutch, it speaks Dutch. One made where no language was chosen speaks
the language of the moment its parts are first read, as a text does: an exporter showing it
for a Dutch canvas shows it in Dutch, as it would its own assessment.

The score card reads the report, because an error-level diagnostic caps the overall score and
the dimensions its rule concerns (:func:`cmc_core.scoring.error_cap`): a canvas that fails the
rules is never scored strong.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, Protocol

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Report
from cmc_core.plugin_config import PluginConfig
from cmc_core.rules import Locator, Rule, ValidationConfig, validate
from cmc_core.translation import chosen_language, using_language

if TYPE_CHECKING:
    # Imported where they are used: ``cmc check`` validates only, and should not pay for
    # importing the score card or the questionnaires.
    from cmc_core.questionnaires import Questionnaire
    from cmc_core.scoring import ScoreCard, Scorer

__all__ = ["Assessment", "Contributions", "assess", "scoring_extras"]


class Contributions(Protocol):
    """Where the rules and scorers of an assessment come from: a
    :class:`~cmc_core.plugins.Plugins` (from :func:`~cmc_core.plugins.load_plugins`), or any
    object with these two attributes."""

    @property
    def rules(self) -> Iterable[Rule]:
        """The rules to validate with, in order."""
        ...

    @property
    def scorers(self) -> Iterable[Scorer]:
        """The dimensions of the score card, in order."""
        ...


class _Evaluation:
    """What an assessment is made from, and its parts as far as they are computed.

    Mutable and private: an input is dropped once the parts that need it are computed, so
    that an assessment does not keep, say, a loaded document's YAML tree alive through its
    locator.
    """

    __slots__ = (
        "config",
        "extras",
        "language",
        "locator",
        "lock",
        "plugin_config",
        "plugins",
        "report",
        "scores",
        "weights",
    )

    def __init__(self) -> None:
        # The parts speak the language chosen when the assessment was made, if one was, not
        # that of the moment they are first read (None: the language of that moment).
        self.language = chosen_language()
        # No inputs: the built-in rules and scorers, the default configuration.
        self.plugins: Contributions | None = None
        self.config: ValidationConfig | None = None
        # The plugins' settings reach the scorers too, after the configuration has gone.
        self.plugin_config = PluginConfig()
        self.weights: dict[str, float] | None = None
        self.extras: dict[str, Any] | None = None
        self.locator: Locator | None = None
        self.report: Report | None = None
        self.scores: ScoreCard | None = None
        # Threads that read a part first at the same time compute it once, with the inputs.
        # Re-entrant: scoring reads the report, which it may have to compute first.
        self.lock = threading.RLock()

    def validate(self, canvas: Canvas) -> Report:
        with self.lock, using_language(self.language):
            if self.report is None:
                rules = None if self.plugins is None else tuple(self.plugins.rules)
                locator, config = self.locator, self.config
                self.report = validate(canvas, rules=rules, config=config, locator=locator)
                self.config = self.locator = None
                if self.scores is not None:
                    self.plugins = None
            return self.report

    def score(self, canvas: Canvas) -> ScoreCard:
        from cmc_core.scoring import score_canvas  # noqa: PLC0415 (see the imports)

        with self.lock, using_language(self.language):
            if self.scores is None:
                scorers = None if self.plugins is None else tuple(self.plugins.scorers)
                weights, extras = self.weights, _remembered(canvas, self.extras)
                # Errors cap the score card, so the card never calls a failing canvas strong.
                errors = self.validate(canvas).errors
                self.scores = score_canvas(
                    canvas,
                    scorers,
                    weights=weights,
                    extras=extras,
                    errors=errors,
                    plugin_config=self.plugin_config,
                )
                self.weights = self.extras = None
                if self.report is not None:
                    self.plugins = None
            return self.scores


def _remembered(canvas: Canvas, extras: dict[str, Any] | None) -> dict[str, Any] | None:
    """``extras``, with the quickscan's answers the canvas remembers (:attr:`Canvas.quickscan
    <cmc_core.canvas.Canvas.quickscan>`) when none are given: answers given explicitly win."""
    if extras is not None and "quickscan" in extras:
        return extras
    from cmc_core.questionnaires.quickscan import (  # noqa: PLC0415 (see the imports)
        recalled_answers,
    )

    kept = recalled_answers(canvas)
    if kept is None:
        return extras
    return {**(extras or {}), "quickscan": kept}


@attrs.frozen(eq=False)
class Assessment:
    """A canvas evaluated once: its validation report and its score card. Make one with
    :func:`assess`; ``Assessment(canvas)`` alone judges with the built-ins, as
    ``assess(canvas)`` does.

    The report and the score card are computed when first read, each once, with the rules,
    configuration, scorers, weights and extras given to :func:`assess`, in the language
    chosen when the assessment was made (if one was); an error of a rule or
    scorer is therefore raised where the part is first read (an unknown or invalid weight is
    refused by :func:`assess` itself). An
    assessment is immutable and may be shared between threads. Pickling (or copying) it
    computes both parts and keeps only the results, so it can go to a worker process with
    the canvas even when the plugins it was made with cannot. Two assessments are equal only
    when they are the same object.
    """

    #: The canvas that was evaluated.
    canvas: Canvas = attrs.field(repr=False)
    _evaluation: _Evaluation = attrs.field(factory=_Evaluation, init=False, repr=False)

    def __repr__(self) -> str:
        # Short: the canvas may hold a million flows, and an assessment travels in the options
        # of every export. Parts not computed yet are not computed for a repr.
        parts = [f"canvas {_title(self.canvas)}"]
        if self._evaluation.report is not None:
            parts.append(f"{len(self._evaluation.report)} diagnostics")
        scores = self._evaluation.scores
        if scores is not None:
            overall = scores.overall
            parts.append("no overall score" if overall is None else f"overall {overall:.1f}")
        return f"<Assessment of {', '.join(parts)}>"

    @property
    def report(self) -> Report:
        """The validation report: every diagnostic of the rules, as ``cmc check`` shows it."""
        report = self._evaluation.report
        return self._evaluation.validate(self.canvas) if report is None else report

    @property
    def scores(self) -> ScoreCard:
        """The score card: every dimension and the overall score, as ``cmc score`` shows it."""
        scores = self._evaluation.scores
        return self._evaluation.score(self.canvas) if scores is None else scores

    @property
    def has_errors(self) -> bool:
        """Whether the report has an error-level diagnostic (``cmc check`` then exits with 1)."""
        return self.report.has_errors

    def require_canvas(self, canvas: Canvas) -> Assessment:
        """This assessment, after making sure it is of ``canvas``.

        A consumer that was handed a canvas and an assessment (an exporter, through
        :class:`~cmc_core.exporting.ExportOptions`) calls this before showing the assessment,
        so that it never shows the diagnostics or the score of another canvas.

        :raises ValueError: when the assessment was made for another canvas.
        """
        if self.canvas is canvas or self.canvas == canvas:
            return self
        raise ValueError(
            f"the assessment is of another canvas ({_title(self.canvas)}) than the one given "
            f"({_title(canvas)}); assess that canvas, or pass no assessment"
        )

    def __reduce__(self) -> tuple[Callable[..., Assessment], tuple[Canvas, Report, ScoreCard]]:
        return (_evaluated, (self.canvas, self.report, self.scores))


def _title(canvas: Canvas) -> str:
    name = canvas.meta.name.strip()
    return repr(name) if name else "without a name"


def _evaluated(canvas: Canvas, report: Report, scores: ScoreCard) -> Assessment:
    """An assessment whose parts are already known (how a pickled assessment comes back)."""
    assessment = Assessment(canvas)
    assessment._evaluation.report, assessment._evaluation.scores = report, scores
    return assessment


def assess(
    canvas: Canvas,
    *,
    plugins: Contributions | None = None,
    config: ValidationConfig | None = None,
    weights: Mapping[str, float] | None = None,
    extras: Mapping[str, Any] | None = None,
    locator: Locator | None = None,
) -> Assessment:
    """Evaluate ``canvas``: the validation report and the score card, from one set of inputs.

    :param plugins: the plugin set whose rules and scorers are used (from
        :func:`~cmc_core.plugins.load_plugins`; the command line's holds the built-ins and every
        active plugin). ``None`` means the built-in rules
        (:data:`~cmc_core.rules.BUILTIN_RULES`) and the built-in scorers.
    :param config: which rules run, at what severity, with which thresholds, as ``cmc check``
        reads it from ``cmc.toml`` or ``[tool.cmc]`` (:mod:`cmc_core.config`); the default
        configuration when ``None``.
    :param weights: the weight of each dimension in the overall score, by scorer name,
        replacing the scorers' own.
    :param extras: further inputs for the scorers, such as ``{"quickscan": answers}``
        (:func:`scoring_extras` makes them from answers given with a canvas). Without a
        ``"quickscan"`` entry the scorers get the quickscan's answers the canvas remembers
        (:attr:`Canvas.quickscan <cmc_core.canvas.Canvas.quickscan>`), if any: the canvas a
        quickscan made shows its suitability with no answers given.
    :param locator: maps a logical path to its place in a file, for the report's locations
        (a loaded document's :meth:`~cmc_core.fileformat.CanvasDocument.locate`).
    :returns: the assessment; each part is computed when first read, in the language chosen
        for this call (:func:`~cmc_core.translation.using_language`), if one was (see
        :class:`Assessment`).
    :raises cmc_core.scoring.UnknownScorerError: a weight names no scorer (with a suggestion).
    :raises cmc_core.scoring.InvalidWeightError: a weight is no finite number of at least 0.
    """
    if weights:
        from cmc_core.scoring import check_weights  # noqa: PLC0415 (see the imports)
        from cmc_core.scoring.builtin import BUILTIN_SCORERS  # noqa: PLC0415

        check_weights(BUILTIN_SCORERS if plugins is None else plugins.scorers, weights)
    assessment = Assessment(canvas)
    evaluation = assessment._evaluation
    evaluation.plugins, evaluation.config, evaluation.locator = plugins, config, locator
    if config is not None:
        evaluation.plugin_config = config.plugins
    # Private copies: the caller's dicts may change before the score card is computed.
    evaluation.weights = None if weights is None else dict(weights)
    evaluation.extras = None if extras is None else dict(extras)
    return assessment


def scoring_extras(
    answers: object, questionnaires: Iterable[Questionnaire] | None = None
) -> dict[str, Any]:
    """The scorers' extras that answers given with a canvas bring: the answers of each
    questionnaire, under its name, for the scorers that read them
    (``cmc_core.questionnaires.for_scorers.answers_by_questionnaire``):
    ``{"quickscan": AnswerSet}`` when they answer a question of the quickscan (the quickscan
    dimension then applies), ``{"digital-waste": {"dw-parties": 12, ...}}`` for a plugin's.

    The answers are checked and made canonical as ``cmc score --answers`` does (``yes``
    becomes ``True``), so that a scorer judges them alike; answers that do not fit their
    questions are passed as given (``cmc score`` refuses them instead).

    :param answers: an :class:`~cmc_core.questionnaires.AnswerSet` (``cmc export --answers``),
        possibly with answers to several questionnaires; anything else, ``None`` included,
        brings nothing.
    :param questionnaires: the questionnaires whose answers go to the scorers (the plugins'
        :attr:`~cmc_core.plugins.Plugins.questionnaires`); ``None``: the quickscan only.
    """
    from cmc_core.questionnaires import AnswerSet, quickscan  # noqa: PLC0415 (see the imports)
    from cmc_core.questionnaires.for_scorers import (  # noqa: PLC0415
        answers_by_questionnaire,
    )

    if not isinstance(answers, AnswerSet):
        return {}
    chosen = (quickscan(),) if questionnaires is None else tuple(questionnaires)
    return answers_by_questionnaire(answers, chosen)
