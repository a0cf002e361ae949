"""What the built-in scorers share: the tally that ties every point to a reason, the shared flow
table and network analysis, and the wording of the rules' messages (from
:mod:`cmc_core.analysis`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from cmc_core.analysis import describe, describe_all, quote
from cmc_core.canvas import Canvas
from cmc_core.model import Party
from cmc_core.rules.index import CanvasIndex
from cmc_core.scoring.contract import MAXIMUM_SCORE, Reason, Score, ScoreContext, Scorer
from cmc_core.scoring.flows import FlowTable, flow_table
from cmc_core.scoring.network import NetworkAnalysis, analyse_flow_table
from cmc_core.translation import Messages, current_language
from cmc_core.vocabulary import Period, label

_ = Messages("cmc_core", "scores")

__all__ = [
    "LIST_LIMIT",
    "Tally",
    "amount",
    "describe",
    "describe_all",
    "figure",
    "flows_of",
    "index_of",
    "make_scorer",
    "network_of",
    "party_path",
    "percent",
    "quote",
    "share",
]

#: How many missing items a scorer lists one by one before it counts the rest.
LIST_LIMIT = 5


class Tally:
    """Points and the reasons behind them: every point a scorer gives is added with its reason,
    so the effects of the reasons add up to the score."""

    def __init__(self) -> None:
        self.points = 0.0
        self.reasons: list[Reason] = []

    def add(self, points: float, text: str, path: str = "", *, first: bool = False) -> None:
        """Add points (negative ones cost) with the fact that earned them.

        :param first: put the reason before the others, for what matters most.
        """
        self.points += points
        self.reasons.insert(0 if first else len(self.reasons), Reason(text, path, points))

    def note(self, text: str, path: str = "") -> None:
        """A fact that earned nothing, such as what is missing and where to fill it in."""
        self.reasons.append(Reason(text, path, 0.0))

    def missing(
        self, items: Iterable[tuple[str, str]], more: Callable[[int], str], path: str
    ) -> None:
        """One note per missing item (text, path), at most :data:`LIST_LIMIT`, then a count.

        :param more: the note for the count of the rest, such as ``... and 3 more market
            parties``, in the current language.
        """
        listed = list(items)
        for text, item_path in listed[:LIST_LIMIT]:
            self.note(text, item_path)
        if len(listed) > LIST_LIMIT:
            self.note(more(len(listed) - LIST_LIMIT), path)

    def score(self) -> Score:
        """The score: the points, kept within 0 to 100 against rounding."""
        value = min(MAXIMUM_SCORE, max(0.0, self.points))
        return Score(value, tuple(self.reasons))


def share(part: float, whole: float) -> float:
    """``part / whole``, or 0.0 when there is no whole."""
    return part / whole if whole else 0.0


def figure(value: float) -> str:
    """A number as the reasons write it: thousands separated, never in exponent form, up to
    15 significant digits (``18,000``, ``123,456,789``, ``0.000000123``)."""
    return format(Decimal(repr(float(value))).normalize(), ",f")


def amount(value: float, unit: str = "", period: Period | None = None) -> str:
    """``value`` in ``unit`` per ``period``, each when given: ``18,000 delivery notes per year``
    (``per jaar`` in Dutch)."""
    text = figure(value)
    if unit.strip():
        text += f" {' '.join(unit.split())}"
    if period is not None:
        text = _("{amount} per {period}", amount=text, period=label(period, current_language()))
    return text


def percent(fraction: float) -> str:
    """A share as a whole percentage: ``94%``."""
    return f"{fraction:.0%}"


def party_path(table: FlowTable, party: Party | str) -> str:
    """The logical path of a party, such as ``parties[3]``."""
    key = party if isinstance(party, str) else party.id
    return f"parties[{table.party_position[key]}]"


def _flows(context: ScoreContext) -> FlowTable:
    return flow_table(context.canvas)


def _network(context: ScoreContext) -> NetworkAnalysis:
    return analyse_flow_table(flows_of(context))


def _index(context: ScoreContext) -> CanvasIndex:
    return CanvasIndex(context.canvas)


def index_of(context: ScoreContext) -> CanvasIndex:
    """The rules' index of the context's canvas (who trades, who owns), built once per run."""
    return context.shared(_index)


def flows_of(context: ScoreContext) -> FlowTable:
    """The flow table of the context's canvas, read once per scoring run."""
    return context.shared(_flows)


def network_of(context: ScoreContext) -> NetworkAnalysis:
    """The network analysis of the context's canvas, computed once per scoring run."""
    return context.shared(_network)


def make_scorer(
    name: str,
    title: str,
    score: Callable[[Canvas, ScoreContext], Score],
    description: str,
    weight: float = 1.0,
    *,
    rules: Iterable[str] = (),
) -> Scorer:
    """A built-in :class:`Scorer`; the description's indentation is removed line by line.

    :param rules: the codes of the rules whose errors cap this dimension.
    """
    text = "\n".join(line.strip() for line in description.strip().splitlines())
    return Scorer(
        name=name, title=title, score=score, description=text, weight=weight, rules=frozenset(rules)
    )
