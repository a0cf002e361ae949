"""The built-in scorers and questionnaires as plugin objects that import them only when asked.

The ``cmc`` distribution registers them through its own entry points, as any plugin is found.
These objects, not the modules :mod:`cmc_core.scoring.plugin` and
:mod:`cmc_core.questionnaires.plugin`, are what the entry points name: importing one of those
modules imports its whole package, while a hook here imports it only when its registry is built.
So ``cmc check``, which never scores, never imports the score card or the questionnaires. The
modules stay the way to pass the built-ins to :func:`~cmc_core.plugins.load_plugins` directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cmc_core._markers import hookimpl

if TYPE_CHECKING:
    from cmc_core.questionnaires.model import Questionnaire
    from cmc_core.scoring.contract import Scorer

__all__ = ["questionnaires", "scorers"]


class _BuiltinScorers:
    """The entry point ``scorers``: the dimensions of the score card."""

    @staticmethod
    @hookimpl
    def cmc_register_scorers(register: Callable[[Scorer], None]) -> None:
        from cmc_core.scoring.plugin import cmc_register_scorers  # noqa: PLC0415 (see above)

        cmc_register_scorers(register)


class _BuiltinQuestionnaires:
    """The entry point ``questionnaires``: the quickscan and the block questionnaires."""

    @staticmethod
    @hookimpl
    def cmc_register_questionnaires(register: Callable[[Questionnaire], None]) -> None:
        from cmc_core.questionnaires.plugin import (  # noqa: PLC0415 (see above)
            cmc_register_questionnaires,
        )

        cmc_register_questionnaires(register)


#: The plugin object of the ``scorers`` entry point.
scorers = _BuiltinScorers()
#: The plugin object of the ``questionnaires`` entry point.
questionnaires = _BuiltinQuestionnaires()
