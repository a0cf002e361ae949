"""The quickscan's verdict: is this a business-community case, and what is still missing?

The bands follow the reference's proposal for the quickscan (domain.md section 4, grounded in
the Weconomics intake [S5] and rule V01):

- **not a community case**: only one supplier or only one demander. A single firm with its
  customers, or a platform with one owner, is designed with a Business Model Canvas or a
  platform canvas instead.
- **suitable**: at least two suppliers and two demanders, processes to cooperate on, a shared
  facility (the commonality), and a budget with a group ready for a kick-off.
- **needs work**: anything in between; the reasons say what is missing.

Counts come from the count questions, or, when those are not answered, from the parties listed.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator

import attrs

from cmc_core.canvas import Canvas
from cmc_core.questionnaires.answers import AnswerSet
from cmc_core.questionnaires.model import Text
from cmc_core.vocabulary import Language, Role

__all__ = ["QUICKSCAN_IDS", "Suitability", "Verdict", "assess_quickscan"]


class Suitability(enum.StrEnum):
    """The three outcomes of a quickscan."""

    SUITABLE = "suitable"
    NEEDS_WORK = "needs_work"
    NOT_A_COMMUNITY_CASE = "not_a_community_case"


#: Question ids of the built-in quickscan that the verdict reads.
QUICKSCAN_IDS = {
    "suppliers_count": "qs-suppliers-count",
    "demanders_count": "qs-demanders-count",
    "cooperate": "qs-cooperate",
    "commonality": "qs-commonality",
    "kickoff": "qs-kickoff-ready",
}

_LABELS = {
    Suitability.SUITABLE: Text(en="suitable", nl="geschikt"),
    Suitability.NEEDS_WORK: Text(en="needs work", nl="vraagt nog werk"),
    Suitability.NOT_A_COMMUNITY_CASE: Text(en="not a community case", nl="geen community-case"),
}


@attrs.frozen
class Verdict:
    """The outcome of a quickscan, with the reasons for it in both languages."""

    suitability: Suitability
    reasons: tuple[Text, ...]

    def label(self, language: Language = Language.EN) -> str:
        """The outcome in words (``needs work``)."""
        return _LABELS[self.suitability].in_language(language)

    def explain(self, language: Language = Language.EN) -> list[str]:
        """The reasons, one sentence each, in ``language``."""
        return [reason.in_language(language) for reason in self.reasons]


def _count(answers: AnswerSet, key: str, canvas: Canvas, role: Role) -> tuple[int, bool]:
    """A count answer, else the number of listed parties with the role; and whether answered."""
    value = answers.value(QUICKSCAN_IDS[key])
    if isinstance(value, int | float):
        return int(value), True
    return sum(role in party.roles for party in canvas.parties), False


def _filled(value: object) -> bool:
    if isinstance(value, str):
        return bool(value.strip())
    if isinstance(value, list):
        return bool(value)
    return value is not None


def assess_quickscan(answers: AnswerSet, canvas: Canvas) -> Verdict:
    """The verdict on a quickscan's answers and the draft canvas they produced."""
    suppliers, _ = _count(answers, "suppliers_count", canvas, Role.SUPPLIER)
    demanders, _ = _count(answers, "demanders_count", canvas, Role.DEMANDER)
    if suppliers <= 1 or demanders <= 1:
        return Verdict(
            Suitability.NOT_A_COMMUNITY_CASE, tuple(_single_side(suppliers, demanders, canvas))
        )
    missing = tuple(_missing(answers))
    if missing:
        return Verdict(Suitability.NEEDS_WORK, missing)
    return Verdict(
        Suitability.SUITABLE,
        (
            Text(
                en=f"{suppliers} suppliers and {demanders} demanders, processes to cooperate "
                "on, a shared facility, and a budget with a group ready to start.",
                nl=f"{suppliers} aanbieders en {demanders} vragers, processen om op samen te "
                "werken, een gedeelde voorziening, en budget met een groep die wil beginnen.",
            ),
        ),
    )


def _plural(count: int, word: str) -> str:
    """``supplier`` for one, ``suppliers`` for none or several (the Dutch words take -s too)."""
    return word if count == 1 else word + "s"


def _listed(canvas: Canvas, role: Role) -> str:
    """The names of the listed parties with ``role``, in brackets, so a reason can name them."""
    names = [party.name or party.id for party in canvas.parties if role in party.roles]
    return f" ({', '.join(names)})" if names else ""


def _single_side(suppliers: int, demanders: int, canvas: Canvas) -> Iterator[Text]:
    if suppliers <= 1:
        english = f"{suppliers} {_plural(suppliers, 'supplier')}{_listed(canvas, Role.SUPPLIER)}"
        dutch = f"{suppliers} {_plural(suppliers, 'aanbieder')}{_listed(canvas, Role.SUPPLIER)}"
        yield Text(
            en=f"Only {english}: a business community needs several independent suppliers. "
            "With one supplier this is a single firm and its customers; design it with a "
            "Business Model Canvas or a platform canvas instead.",
            nl=f"Maar {dutch}: een business community heeft meerdere onafhankelijke "
            "aanbieders nodig. Met één aanbieder is dit één bedrijf met zijn klanten; ontwerp "
            "het met een Business Model Canvas of een platformcanvas.",
        )
    if demanders <= 1:
        english = f"{demanders} {_plural(demanders, 'demander')}{_listed(canvas, Role.DEMANDER)}"
        dutch = f"{demanders} {_plural(demanders, 'vrager')}{_listed(canvas, Role.DEMANDER)}"
        yield Text(
            en=f"Only {english}: a business community needs several demanders transacting "
            "on an equal footing; design a one-customer chain with a Business Model Canvas "
            "instead.",
            nl=f"Maar {dutch}: een business community heeft meerdere vragers nodig die "
            "gelijkwaardig handelen; ontwerp een keten met één klant met een Business Model "
            "Canvas.",
        )


def _missing(answers: AnswerSet) -> Iterator[Text]:
    """What a case with enough suppliers and demanders still lacks."""
    if not _filled(answers.value(QUICKSCAN_IDS["cooperate"])):
        yield Text(
            en="No information or transaction processes to cooperate on yet: name them "
            "before the workshop.",
            nl="Nog geen informatie- of transactieprocessen om op samen te werken: benoem ze "
            "voor de workshop.",
        )
    if not _filled(answers.value(QUICKSCAN_IDS["commonality"])):
        yield Text(
            en="No shared facility (commonality) yet: what would the parties share?",
            nl="Nog geen gedeelde voorziening (commonality): wat zouden de partijen delen?",
        )
    if answers.value(QUICKSCAN_IDS["kickoff"]) is not True:
        yield Text(
            en="No budget and group of about 10-20 stakeholders ready for a kick-off yet.",
            nl="Nog geen budget en groep van zo'n 10-20 stakeholders klaar voor een kick-off.",
        )
