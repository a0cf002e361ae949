"""The digital-waste scorer: how much waste a shared network could take out of this community.

The score (0-100) is a sum of points, each with the :class:`~cmc_core.scoring.Reason` that
earned it, so the reasons' effects add up to the score. :data:`FORMULA` says how, with its
grounding in the domain reference (source ids S1, S7, S9, seed; [I] marks our reconstruction);
it is also the scorer's ``description`` and is repeated in the README.

Every reason is made in the language of the moment (Dutch or English) from this plugin's own
gettext catalog, ``cmc_digital_waste/locale/LANG/LC_MESSAGES/cmc_digital_waste.po``; the title
is marked for it and translated when shown. The formula is reference text for the docs and
stays English.
"""

from __future__ import annotations

from collections.abc import Iterator

import attrs
from cmc_core.canvas import Canvas
from cmc_core.scoring import Reason, Score, ScoreContext, Scorer
from cmc_core.translation import N_, Messages, current_language

from cmc_digital_waste.answers import Assessment, read_answers
from cmc_digital_waste.questionnaire import (
    CHANNEL,
    CHANNEL_CHOICES,
    COMMUNICATION_CONTROL_SHARE,
    DOUBLE_ENTRY,
    EXPECTED_SAVING,
    NAME,
    PARTIES,
    SAVING_BASIS,
    SYSTEMS,
    TRUST_CHECKS,
)

__all__ = [
    "ASSESSMENT_WEIGHT",
    "BASELINE_FULL_AT",
    "BASELINE_POINTS",
    "BASIS_POINTS",
    "CHANNEL_WASTE",
    "COMMONALITY_POINTS",
    "COVERAGE_POINTS",
    "FORMULA",
    "FRICTION_COUNTED",
    "FRICTION_POINTS",
    "SAVING_FULL_AT",
    "SAVING_POINTS",
    "SCORER",
    "TITLE",
    "score_digital_waste",
]

_ = Messages("cmc_digital_waste", "cmc_digital_waste")

#: The scorer's title, in English; ``_.translate(TITLE)`` gives it in the current language.
TITLE = N_("Digital waste reduction potential")

BASELINE_POINTS = 25.0
#: A baseline share at or above this many percent earns all baseline points [S7: > 30%].
BASELINE_FULL_AT = 30.0
SAVING_POINTS = 20.0
#: An expected saving at or above this many percent earns all saving points [seed: > 20%].
SAVING_FULL_AT = 20.0
BASIS_POINTS = 10.0
COMMONALITY_POINTS = 5.0
COVERAGE_POINTS = 30.0
#: Points per flow via the commonality that names its friction, and how many flows count.
FRICTION_POINTS = 2.0
FRICTION_COUNTED = 5
#: The share of the score the assessment indicators take when any is answered.
ASSESSMENT_WEIGHT = 0.2
#: How much waste each way of exchanging information leaves for a shared network to remove.
CHANNEL_WASTE: dict[str, float] = {
    "phone-email": 1.0,
    "own-portals": 2 / 3,
    "point-to-point": 1 / 3,
    "shared-network": 0.0,
}
_QUOTE_LENGTH = 60

#: The formula, for the docs, ``cmc plugins`` and the score card.
FORMULA = """\
Waste reduction potential from 0 to 100: the sum of the points below, each given by one reason.

From the canvas, up to 100 points:
  25 x min(B, 30) / 30  B = waste.baseline_share, the % of work spent on communication and
                        control; 30% or more counts in full ("more than 30% of work is
                        control" [S7]; "tens of percent" [seed]).
  20 x min(E, 20) / 20  E = waste.expected_saving, the % of that cost a shared network saves;
                        20% or more counts in full ("more than 20%" [seed]; "tens of
                        percent" [S1]), so larger claims earn no more.
  10                    waste.basis substantiates the expected saving (V18, rule CMC018).
   5                    there is a primary commonality: the shared network the saving runs
                        on [S1, S7].
  30 x k / n            k of the n value flows run via the commonality (flow.via_commonality):
                        the digital assembly line reaches them [S1b, S9].
   2 per flow, max 10   flows via the commonality that name their friction: the waste is
                        located where the network takes it out [S1b; quickscan Q7].

From the assessment answers (ScoreContext.extras["digital-waste"], question id -> answer):
  dw-communication-control-share, dw-expected-saving and dw-saving-basis stand in for B, E and
  the basis while the canvas lacks them (the canvas wins). Five answers are indicators from 0
  to 1 of waste a shared network removes [I]:
    dw-parties n          1 - 2 / (n - 1), 0 below 3: the share of the n(n-1)/2 pairwise
                          links that n connections to one network replace [seed].
    dw-systems s          1 - 1 / s: hand-overs between systems that re-type data [S9].
    dw-double-entry       no: 0; yes: 1 - 1 / t, t = dw-double-entry-times (2 when not
                          given): every entry after the first is waste [S9].
    dw-trust-checks c     (c - 1) / 4: control work between parties [S7, S12, S13].
    dw-channel            phone and e-mail 1, own portals 2/3, pairwise links 1/3, one shared
                          network 0 [seed, S1b].
  When any indicator is answered: score = 0.8 x canvas points + 20 x mean of the answered
  indicators.

Not applicable when the canvas has no waste figures, value flows or commonality and there
are no usable answers. The figures (30%, 20%, tens of percent) are from the sources; the
weights and the indicator formulas are our reconstruction [I].
"""


def score_digital_waste(canvas: Canvas, context: ScoreContext) -> Score:
    """Score the waste reduction potential of ``canvas`` by :data:`FORMULA`.

    Reads the canvas and ``context.extras["digital-waste"]``; changes neither.
    """
    assessment = read_answers(context.extras.get(NAME))
    canvas_reasons = [*_waste_figures(canvas, assessment), *_network(canvas)]
    indicators = list(_indicators(assessment))
    notes = [
        Reason(
            _("answer {question} is not used: {why}", question=item.question, why=item.why)
            if item.question
            else _("the answers are not used: {why}", why=item.why),
            "",
            None,
        )
        for item in assessment.ignored
    ]
    if not indicators and _nothing_to_judge(canvas, assessment):
        reason = Reason(
            _(
                "nothing to judge: the canvas has no waste figures, value flows or "
                "commonality, and there are no assessment answers"
            ),
            "",
            None,
        )
        return Score(0.0, (reason, *notes), applicable=False)
    reasons: list[Reason] = []
    if indicators:
        canvas_share = 1 - ASSESSMENT_WEIGHT
        reasons.append(
            Reason(
                _(
                    "assessment answers weigh {weight:.0%}: the canvas points count at {share:.0%}",
                    weight=ASSESSMENT_WEIGHT,
                    share=canvas_share,
                ),
            )
        )
        canvas_reasons = [_scaled(reason, canvas_share) for reason in canvas_reasons]
        each = ASSESSMENT_WEIGHT * 100 / len(indicators)
        canvas_reasons += [Reason(text, "", each * indicator) for text, indicator in indicators]
    reasons += sorted(canvas_reasons, key=_importance)
    total = sum(reason.effect or 0.0 for reason in reasons)
    return Score(min(max(total, 0.0), 100.0), (*reasons, *notes))


def _importance(reason: Reason) -> float:
    return -(reason.effect or 0.0)


def _scaled(reason: Reason, factor: float) -> Reason:
    if reason.effect is None:
        return reason
    return attrs.evolve(reason, effect=reason.effect * factor)


def _nothing_to_judge(canvas: Canvas, assessment: Assessment) -> bool:
    waste = canvas.waste
    return not (
        canvas.flows
        or canvas.commonalities
        or waste.baseline_share is not None
        or waste.expected_saving is not None
        or waste.basis.strip()
        or waste.baseline.strip()
        or assessment.communication_control_share is not None
        or assessment.expected_saving is not None
        or assessment.saving_basis
    )


def _waste_figures(canvas: Canvas, assessment: Assessment) -> Iterator[Reason]:
    """Baseline share, expected saving and basis: from the canvas, else from the answers."""
    waste = canvas.waste
    share, answered = _figure(waste.baseline_share, assessment.communication_control_share)
    if share is None:
        described = bool(waste.baseline.strip())
        yield Reason(
            _("the waste today is described but its share of the work is not estimated")
            if described
            else _("no estimate of the share of work spent on communication and control"),
            "waste.baseline" if described else "waste",
            0.0,
        )
    else:
        points = BASELINE_POINTS * min(share, BASELINE_FULL_AT) / BASELINE_FULL_AT
        fields = {"share": share, "full": BASELINE_FULL_AT}
        yield Reason(
            _(
                "{share:g}% of the work is communication and control (answer {question}, "
                "not yet on the canvas); {full:g}% or more counts in full",
                question=COMMUNICATION_CONTROL_SHARE,
                **fields,
            )
            if answered
            else _(
                "{share:g}% of the work is communication and control; {full:g}% or more "
                "counts in full",
                **fields,
            ),
            "" if answered else "waste.baseline_share",
            points,
        )
    saving, answered = _figure(waste.expected_saving, assessment.expected_saving)
    if saving is None:
        yield Reason(_("no expected saving is estimated"), "waste", 0.0)
    else:
        points = SAVING_POINTS * min(saving, SAVING_FULL_AT) / SAVING_FULL_AT
        fields = {"saving": saving, "full": SAVING_FULL_AT}
        yield Reason(
            _(
                "a shared network is expected to save {saving:g}% of it (answer {question}, "
                "not yet on the canvas); {full:g}% or more counts in full",
                question=EXPECTED_SAVING,
                **fields,
            )
            if answered
            else _(
                "a shared network is expected to save {saving:g}% of it; {full:g}% or more "
                "counts in full",
                **fields,
            ),
            "" if answered else "waste.expected_saving",
            points,
        )
    yield _basis(canvas, assessment, has_saving=saving is not None)


def _figure(on_canvas: float | None, answered: float | None) -> tuple[float | None, bool]:
    """A figure, and whether it came from the answers rather than the canvas."""
    if on_canvas is not None:
        return on_canvas, False
    return answered, answered is not None


def _basis(canvas: Canvas, assessment: Assessment, *, has_saving: bool) -> Reason:
    on_canvas = bool(canvas.waste.basis.strip())
    if not (on_canvas or assessment.saving_basis):
        path = "waste"
        if has_saving:
            return Reason(_("the expected saving has no basis"), path, 0.0)
        return Reason(_("no basis for a saving estimate"), path, 0.0)
    if on_canvas:
        if not has_saving:
            text = _("a basis is given but there is no saving to substantiate")
            return Reason(text, "waste.basis", 0.0)
        return Reason(_("the expected saving has a basis"), "waste.basis", BASIS_POINTS)
    if not has_saving:
        text = _(
            "a basis is given (answer {question}, not yet on the canvas) but there is no saving "
            "to substantiate",
            question=SAVING_BASIS,
        )
        return Reason(text, "", 0.0)
    text = _(
        "the expected saving has a basis (answer {question}, not yet on the canvas)",
        question=SAVING_BASIS,
    )
    return Reason(text, "", BASIS_POINTS)


def _network(canvas: Canvas) -> Iterator[Reason]:
    """The primary commonality, the flows that run via it, and the friction they name."""
    flows = canvas.flows
    primary = canvas.primary_commonality
    if primary is None:
        yield Reason(
            _("there is no commonality: no shared network to run the value flows over"),
            "commonalities",
            0.0,
        )
    else:
        index = canvas.commonalities.index(primary)
        yield Reason(
            _(
                "primary commonality {name} is the shared network the saving runs on",
                name=_quote(primary.name),
            )
            if primary.name.strip()
            else _("primary commonality without a name is the shared network the saving runs on"),
            f"commonalities[{index}]",
            COMMONALITY_POINTS,
        )
    if not flows:
        yield Reason(_("there are no value flows yet"), "flows", 0.0)
        return
    via = [flow.via_commonality and primary is not None for flow in flows]
    routed = sum(via)
    if primary is None and any(flow.via_commonality for flow in flows):
        text = _.plural(
            "{routed} of {count} value flow run via the commonality (flows are marked via the "
            "commonality, but the canvas has none)",
            "{routed} of {count} value flows run via the commonality (flows are marked via the "
            "commonality, but the canvas has none)",
            len(flows),
            routed=routed,
        )
    else:
        text = _.plural(
            "{routed} of {count} value flow run via the commonality",
            "{routed} of {count} value flows run via the commonality",
            len(flows),
            routed=routed,
        )
    yield Reason(text, "flows", COVERAGE_POINTS * routed / len(flows))
    yield from _friction(canvas, via)


def _friction(canvas: Canvas, via: list[bool]) -> Iterator[Reason]:
    addressed = [i for i, flow in enumerate(canvas.flows) if via[i] and flow.friction.strip()]
    for index in addressed[:FRICTION_COUNTED]:
        friction = _quote(canvas.flows[index].friction)
        yield Reason(
            _("the shared network addresses named friction: {friction}", friction=friction),
            f"flows[{index}].friction",
            FRICTION_POINTS,
        )
    if len(addressed) > FRICTION_COUNTED:
        more = len(addressed) - FRICTION_COUNTED
        yield Reason(
            _.plural(
                "{count} more flow via the commonality name friction; at most {counted} count",
                "{count} more flows via the commonality name friction; at most {counted} count",
                more,
                counted=FRICTION_COUNTED,
            ),
            "flows",
            0.0,
        )
    left = [i for i, flow in enumerate(canvas.flows) if not via[i] and flow.friction.strip()]
    if left:
        yield Reason(
            _.plural(
                "{count} flow naming friction do not run via the commonality, so that waste stays",
                "{count} flows naming friction do not run via the commonality, so that waste stays",
                len(left),
            ),
            f"flows[{left[0]}].friction",
            0.0,
        )


def _indicators(assessment: Assessment) -> Iterator[tuple[str, float]]:
    """Each answered indicator question as (reason text, indicator from 0 to 1)."""
    if assessment.parties is not None:
        n = assessment.parties
        if n < 3:
            text = _.plural(
                "{count} organisation (answer {question}): too few for a network to pay",
                "{count} organisations (answer {question}): too few for a network to pay",
                n,
                question=PARTIES,
            )
            yield text, 0.0
        else:
            text = _(
                "{count} organisations (answer {question}): one network replaces {links} "
                "pairwise links with {count} connections",
                count=n,
                links=n * (n - 1) // 2,
                question=PARTIES,
            )
            yield text, 1 - 2 / (n - 1)
    if assessment.systems is not None:
        s = assessment.systems
        text = (
            _(
                "a transaction passes {count:g} system (answer {question})",
                count=s,
                question=SYSTEMS,
            )
            if s == 1
            else _(
                "a transaction passes {count:g} systems (answer {question})",
                count=s,
                question=SYSTEMS,
            )
        )
        yield text, 1 - 1 / s
    if assessment.double_entry is not None:
        if assessment.double_entry:
            times = assessment.double_entry_times or 2.0
            text = _(
                "the same data is entered {times:g} times (answer {question})",
                times=times,
                question=DOUBLE_ENTRY,
            )
            yield text, 1 - 1 / times
        else:
            yield _("no data is entered twice (answer {question})", question=DOUBLE_ENTRY), 0.0
    if assessment.trust_checks is not None:
        checks = assessment.trust_checks
        text = _(
            "parties check each other's information at {checks} of 5 (answer {question})",
            checks=checks,
            question=TRUST_CHECKS,
        )
        yield text, (checks - 1) / 4
    if assessment.channel is not None:
        choice = next(c for c in CHANNEL_CHOICES if c.value == assessment.channel)
        text = _(
            "the parties mostly exchange information by: {label} (answer {question})",
            label=choice.label.in_language(current_language()),
            question=CHANNEL,
        )
        yield text, CHANNEL_WASTE[assessment.channel]


def _quote(text: str) -> str:
    """A short quote of free text, on one line."""
    line = " ".join(text.split())
    if len(line) > _QUOTE_LENGTH:
        line = line[: _QUOTE_LENGTH - 1].rstrip() + "…"
    return f"“{line}”"


#: The scorer this plugin registers.
SCORER = Scorer(
    name=NAME,
    title=TITLE,
    score=score_digital_waste,
    description=FORMULA,
    messages=_,
)
