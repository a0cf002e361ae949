"""The built-in questionnaires as a plugin, registered through the ``cmc`` entry-point group."""

from __future__ import annotations

from collections.abc import Callable

# A plugin of your own writes `from cmc_core import hookimpl`: the same marker. The built-ins sit
# below the hook specifications, which name their types, so they take it from where it is made.
from cmc_core._markers import hookimpl
from cmc_core.questionnaires.builtin import builtin_questionnaires
from cmc_core.questionnaires.model import Questionnaire

__all__ = ["cmc_register_questionnaires"]


@hookimpl
def cmc_register_questionnaires(register: Callable[[Questionnaire], None]) -> None:
    """Register the quickscan, the canvas details and the block questionnaires."""
    for questionnaire in builtin_questionnaires():
        register(questionnaire)
