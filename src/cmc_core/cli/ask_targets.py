"""What ``cmc ask TARGET`` fills, and ``cmc ask --list``.

A target is ``all`` (the canvas details and the eighteen blocks in fill order), a block key
(``end_customer_value`` or ``end-customer-value``) or the name of any registered questionnaire
(``canvas-details``, a plugin's). ``--list`` shows every target with its Dutch and English
names and, when an answers file exists, how many of its questions are answered.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from cmc_core.blueprint import BLOCKS, BlockKey
from cmc_core.cli._support import CliError, did_you_mean
from cmc_core.cli.answers_file import answers_path_for, old_answers_path_for
from cmc_core.questionnaires import (
    CANVAS_DETAILS,
    QUICKSCAN,
    AnswerSet,
    Questionnaire,
    applicable,
    block_name,
)
from cmc_core.translation import Messages

if TYPE_CHECKING:
    from cmc_core.plugins import Registry

_ = Messages("cmc_core", "prompts")

__all__ = ["ALL", "list_targets", "listed_answers", "select_questionnaires", "target_names"]

#: The ``cmc ask`` target that means the canvas details and every block, in fill order.
ALL = "all"


def target_names(registry: Registry[Questionnaire]) -> list[str]:
    """Every name ``cmc ask`` takes: all, the block keys in fill order, then other
    questionnaires by name."""
    names = [ALL, CANVAS_DETAILS, *(b.key.value for b in BLOCKS)]
    block_names = {block_name(b.key) for b in BLOCKS}
    names += [n for n in registry.names() if n not in block_names and n not in names]
    return names


def select_questionnaires(
    target: str, registry: Registry[Questionnaire]
) -> tuple[Questionnaire, ...]:
    """The questionnaires ``cmc ask TARGET`` fills, in order.

    TARGET is ``all``, a block key (``end_customer_value`` or ``end-customer-value``), or the
    name of any registered questionnaire (``canvas-details``, a plugin's).

    :raises CliError: an unknown target, with the closest name.
    """
    if target == ALL:
        return (registry.get(CANVAS_DETAILS), *(registry.get(block_name(b.key)) for b in BLOCKS))
    key = target.strip().lower().replace("-", "_")
    if key in {b.key.value for b in BLOCKS}:
        return (registry.get(block_name(BlockKey(key))),)
    if target in registry:
        return (registry.get(target),)
    raise CliError(
        _("{target!r} is not a block or questionnaire.", target=target)
        + did_you_mean(target, target_names(registry))
        + " "
        + _("See `cmc ask --list`.")
    )


def list_targets(registry: Registry[Questionnaire], answers: AnswerSet | None) -> None:
    """The targets with their Dutch and English names, and progress when answers exist."""

    def progress(name: str) -> str:
        if answers is None or name not in registry:
            return "" if name in registry else _("(not available)")
        asked = [q for q in registry.get(name).questions if applicable(q, answers)]
        return f"{sum(q.id in answers for q in asked)}/{len(asked)}"

    click.echo(f"{ALL:<26}    " + _("the canvas details and every block below, in this order"))
    if CANVAS_DETAILS in registry:
        title = registry.get(CANVAS_DETAILS).title
        click.echo(f"{CANVAS_DETAILS:<26}    {title.nl} / {title.en}  {progress(CANVAS_DETAILS)}")
    for shown in BLOCKS:
        labels = f"{shown.label_nl} / {shown.label_en}"
        done = progress(block_name(shown.key))
        click.echo(f"{shown.key.value:<26}{shown.code:<4}{labels}  {done}".rstrip())
    others = target_names(registry)[len(BLOCKS) + 2 :]
    if others:
        click.echo("\n" + _("Other questionnaires:"))
    for name in others:
        title = registry.get(name).title
        note = "  " + _("(use `cmc quickscan`)") if name == QUICKSCAN else ""
        click.echo(f"{name:<26}    {title.nl} / {title.en}  {progress(name)}{note}".rstrip())


def listed_answers(answers_file: Path | None, output: Path) -> AnswerSet | None:
    """The answers whose progress ``cmc ask --list`` shows: ``--answers FILE``, else the file
    cmc keeps next to OUT (or the one of its old name)."""
    from cmc_core.questionnaires import load_answers

    candidates = (
        [answers_file]
        if answers_file is not None
        else [answers_path_for(output), old_answers_path_for(output)]
    )
    found = next((path for path in candidates if path.exists()), None)
    return load_answers(found) if found is not None else None
