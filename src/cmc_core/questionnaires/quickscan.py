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

A canvas the quickscan made or filled remembers the answers its verdict reads
(:class:`~cmc_core.model.Quickscan`, written by :func:`with_quickscan`), so that the score card
shows the verdict without the answers file (:func:`recalled_answers`).
"""

from __future__ import annotations

import enum
import math
from collections.abc import Iterator
from typing import Any

import attrs

from cmc_core.canvas import Canvas
from cmc_core.model import Quickscan
from cmc_core.questionnaires.answers import Answer, AnswersError, AnswerSet
from cmc_core.questionnaires.builtin import quickscan as quickscan_questionnaire
from cmc_core.questionnaires.model import Text
from cmc_core.questionnaires.session import Session
from cmc_core.vocabulary import Language, Role

__all__ = [
    "QUICKSCAN_IDS",
    "Suitability",
    "Verdict",
    "assess_quickscan",
    "quickscan_answers",
    "recalled_answers",
    "remembered_answers",
    "with_quickscan",
]


class Suitability(enum.StrEnum):
    """The three outcomes of a quickscan."""

    SUITABLE = "suitable"
    NEEDS_WORK = "needs_work"
    NOT_A_COMMUNITY_CASE = "not_a_community_case"


#: The largest count a canvas keeps (a count is an estimate; the file format bounds it).
MOST_COUNTED = 10**9

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
                nl=f"{suppliers} aanbieders en {demanders} afnemers, processen om op samen te "
                "werken, een gedeelde voorziening en een budget met een groep die wil beginnen.",
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
            nl=f"Maar {dutch}: een business community heeft meerdere afnemers nodig die "
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


# -- what a canvas remembers ---------------------------------------------------------------------


def quickscan_answers(answers: AnswerSet) -> AnswerSet:
    """The answers to the built-in quickscan's questions among ``answers``, checked and made
    canonical as a session makes them (``yes`` becomes ``True``).

    One answers file serves ``cmc quickscan`` and ``cmc ask`` block by block, and may hold a
    plugin's answers too: those are left out, not refused, since they are another
    questionnaire's business.

    :raises AnswersError: a quickscan answer does not fit its question, one error per answer.
    """
    questionnaire = quickscan_questionnaire()
    asked = {question.id for question in questionnaire.questions}
    mine = {question: answer for question, answer in answers.answers.items() if question in asked}
    return Session([questionnaire], answers=AnswerSet(mine, answers.language)).answers


def _names(value: object) -> tuple[str, ...]:
    """The names in a list answer: entities in their file form give their name (else their id),
    texts themselves; a text answer is one name."""
    if isinstance(value, str):
        return (value.strip(),) if value.strip() else ()
    if not isinstance(value, list | tuple):
        return ()
    names: list[str] = []
    for item in value:
        name = item.get("name") or item.get("id") if isinstance(item, dict) else item
        if isinstance(name, str) and name.strip():
            names.append(name.strip())
    return tuple(names)


def _whole(value: object) -> int | None:
    """A count answer as a whole number from 0 to a billion, or ``None`` when it is none (or
    not finite, which no count is)."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return max(0, min(int(value), MOST_COUNTED))


def remembered_answers(answers: AnswerSet) -> Quickscan:
    """What a canvas keeps of the quickscan's ``answers``: the answers its verdict reads (an
    empty record when they answer none of them). Answers of the wrong type are left out."""
    kickoff = answers.value(QUICKSCAN_IDS["kickoff"])
    return Quickscan(
        suppliers_count=_whole(answers.value(QUICKSCAN_IDS["suppliers_count"])),
        demanders_count=_whole(answers.value(QUICKSCAN_IDS["demanders_count"])),
        cooperate=_names(answers.value(QUICKSCAN_IDS["cooperate"])),
        commonality=_names(answers.value(QUICKSCAN_IDS["commonality"])),
        kickoff_ready=kickoff if isinstance(kickoff, bool) else None,
    )


def recalled_answers(canvas: Canvas) -> AnswerSet | None:
    """The quickscan's answers a canvas remembers, as the verdict reads them; ``None`` when no
    quickscan made or filled it.

    ``assess_quickscan(recalled_answers(canvas), canvas)`` gives the verdict the quickscan gave
    (unless the canvas was edited since and the counts were not answered).
    """
    kept = canvas.quickscan
    if not kept.is_answered:
        return None
    values: dict[str, Any] = {
        QUICKSCAN_IDS["suppliers_count"]: kept.suppliers_count,
        QUICKSCAN_IDS["demanders_count"]: kept.demanders_count,
        QUICKSCAN_IDS["cooperate"]: list(kept.cooperate) or None,
        QUICKSCAN_IDS["commonality"]: list(kept.commonality) or None,
        QUICKSCAN_IDS["kickoff"]: kept.kickoff_ready,
    }
    given = {key: Answer(key, value) for key, value in values.items() if value is not None}
    return AnswerSet(given, canvas.meta.language)


def with_quickscan(canvas: Canvas, answers: AnswerSet) -> Canvas:
    """``canvas`` remembering the quickscan's answers among ``answers`` (what
    :func:`remembered_answers` keeps), replacing what it remembered; unchanged when they answer
    nothing the verdict reads.

    ``answers`` may hold other questionnaires' answers (a shared answers file). The quickscan's
    are made canonical first; when one does not fit its question they are read as given, and
    what does not fit is left out: the canvas is still written, so a run is never lost to a
    stray answer that the run itself did not ask.
    """
    try:
        canonical = quickscan_answers(answers)
    except AnswersError:
        canonical = answers
    kept = remembered_answers(canonical)
    return canvas.evolve(quickscan=kept) if kept.is_answered else canvas
