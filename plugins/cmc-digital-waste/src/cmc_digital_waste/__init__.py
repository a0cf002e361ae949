"""cmc-digital-waste: a digital waste assessment for the Community Model Canvas.

A plugin for ``cmc``. It registers

* the questionnaire ``digital-waste``: twelve questions, in English and Dutch, on how much of
  the parties' work is communication and control and what a shared network would save
  (:data:`~cmc_digital_waste.questionnaire.QUESTIONNAIRE`);
* the scorer ``digital-waste``: the waste reduction potential of a canvas from 0 to 100, with
  its reasons (:data:`~cmc_digital_waste.scorer.SCORER`; the formula is
  :data:`~cmc_digital_waste.scorer.FORMULA`).

``cmc`` finds this module through the entry point ``digital-waste`` in the group ``cmc``; the two
functions below are its hook implementations. They import the questionnaire and the scorer only
when ``cmc`` asks for them, and so do the names above: ``cmc`` loads every plugin at the start of
every command, and ``cmc check``, which neither scores nor asks, should not pay for importing the
score card and the questionnaires.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import TYPE_CHECKING

from cmc_core import hookimpl

if TYPE_CHECKING:
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

# Where each public name is defined, imported on first use (PEP 562).
_LAZY = {"QUESTIONNAIRE": "questionnaire", "SCORER": "scorer", "FORMULA": "scorer"}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        return getattr(importlib.import_module(f"{__name__}.{_LAZY[name]}"), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@hookimpl
def cmc_register_questionnaires(register: Callable[[Questionnaire], None]) -> None:
    """Register the digital waste assessment."""
    from cmc_digital_waste.questionnaire import QUESTIONNAIRE  # see the module docstring

    register(QUESTIONNAIRE)


@hookimpl
def cmc_register_scorers(register: Callable[[Scorer], None]) -> None:
    """Register the digital waste reduction score."""
    from cmc_digital_waste.scorer import SCORER  # see the module docstring

    register(SCORER)
