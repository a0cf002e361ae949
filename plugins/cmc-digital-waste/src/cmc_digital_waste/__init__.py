"""cmc-digital-waste: a digital waste assessment for the Community Model Canvas.

A plugin for ``cmc``. It registers

* the questionnaire ``digital-waste``: twelve questions, in English and Dutch, on how much of
  the parties' work is communication and control and what a shared network would save
  (:data:`~cmc_digital_waste.questionnaire.QUESTIONNAIRE`);
* the scorer ``digital-waste``: the waste reduction potential of a canvas from 0 to 100, with
  its reasons (:data:`~cmc_digital_waste.scorer.SCORER`; the formula is
  :data:`~cmc_digital_waste.scorer.FORMULA`).

``cmc`` finds this module through the entry point ``digital-waste`` in the group ``cmc``; the two
functions below are its hook implementations.
"""

from __future__ import annotations

from collections.abc import Callable

from cmc_core import hookimpl
from cmc_core.questionnaires import Questionnaire
from cmc_core.scoring import Scorer

from cmc_digital_waste.questionnaire import QUESTIONNAIRE
from cmc_digital_waste.scorer import FORMULA, SCORER

__all__ = [
    "FORMULA",
    "QUESTIONNAIRE",
    "SCORER",
    "cmc_register_questionnaires",
    "cmc_register_scorers",
]

__version__ = "0.1.0"


@hookimpl
def cmc_register_questionnaires(register: Callable[[Questionnaire], None]) -> None:
    """Register the digital waste assessment."""
    register(QUESTIONNAIRE)


@hookimpl
def cmc_register_scorers(register: Callable[[Scorer], None]) -> None:
    """Register the digital waste reduction score."""
    register(SCORER)
