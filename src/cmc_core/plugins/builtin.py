"""The built-in rules, scorers and questionnaires as plugin objects that import them only when
asked.

The ``community-model-canvas`` distribution registers them through its own entry points, as any
plugin is found.
These objects, not the modules :mod:`cmc_core.rules.plugin`, :mod:`cmc_core.scoring.plugin` and
:mod:`cmc_core.questionnaires.plugin`, are what the entry points name: importing one of those
modules imports its whole package, while a hook here imports it only when its registry is built.
So ``cmc check``, which never scores, never imports the score card or the questionnaires, and
``cmc --help``, which asks the plugins for their commands only, imports none of them. The
modules stay the way to pass the built-ins to :func:`~cmc_core.plugins.load_plugins` directly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from cmc_core._markers import hookimpl

if TYPE_CHECKING:
    from cmc_core.questionnaires.model import Questionnaire
    from cmc_core.rules.engine import Rule
    from cmc_core.scoring.contract import Scorer

__all__ = ["questionnaires", "rules", "scorers"]


class _BuiltinRules:
    """The entry point ``rules``: the rules CMC001-CMC029 and their thresholds' settings."""

    @staticmethod
    @hookimpl
    def cmc_register_rules(register: Callable[[Rule], None]) -> None:
        from cmc_core.rules.plugin import cmc_register_rules  # noqa: PLC0415 (see above)

        cmc_register_rules(register)

    @staticmethod
    @hookimpl
    def cmc_register_settings(register: Callable[[type[Any]], None]) -> None:
        from cmc_core.rules.plugin import cmc_register_settings  # noqa: PLC0415 (see above)

        cmc_register_settings(register)


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


#: The plugin object of the ``rules`` entry point.
rules = _BuiltinRules()
#: The plugin object of the ``scorers`` entry point.
scorers = _BuiltinScorers()
#: The plugin object of the ``questionnaires`` entry point.
questionnaires = _BuiltinQuestionnaires()
