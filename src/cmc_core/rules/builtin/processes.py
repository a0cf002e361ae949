"""Rules about process areas: cooperate on information and transactions, compete on execution.

CMC007 cooperate-on-information-and-transactions and CMC008 compete-on-execution.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import ProcessArea
from cmc_core.rules.builtin._common import describe, describe_all, rule
from cmc_core.rules.engine import RuleContext
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Mode, ProcessKind

__all__ = ["compete_on_execution", "cooperate_on_information_and_transactions"]

_ = Messages("cmc_core", "rules")

_COOPERATIVE_KINDS = (ProcessKind.INFORMATION, ProcessKind.TRANSACTION)


@rule(
    code="CMC007",
    name="cooperate-on-information-and-transactions",
    severity=Severity.ERROR,
    title=N_("The parties cooperate on at least one information or transaction process"),
    rationale=N_(
        'Market parties "werken vooral samen op informatie- en transactieprocessen" '
        "(cooperate mainly on information and transaction processes) [S1]: that shared "
        "network is what a business community is. Without a cooperated information or "
        "transaction process area the canvas describes an ordinary market."
    ),
    source="domain.md 3.4 V07; [S1]",
)
def cooperate_on_information_and_transactions(
    canvas: Canvas, context: RuleContext
) -> Iterator[Finding]:
    """Yield a finding when no information or transaction area is cooperated on."""
    for area in canvas.process_areas:
        if area.kind in _COOPERATIVE_KINDS and area.effective_mode is Mode.COOPERATE:
            return
    yield Finding(
        message=_(
            "No process area of kind information or transaction is cooperated on; the parties "
            "of a business community cooperate mainly on information and transaction processes."
        ),
        path="process_areas",
    )


@rule(
    code="CMC008",
    name="compete-on-execution",
    severity=Severity.WARNING,
    title=N_("Parties compete on execution and cooperate on information and transactions"),
    rationale=N_(
        'Market parties cooperate on information and transactions "maar concurreren '
        'bijvoorbeeld op de uitvoering" (but compete on, for example, execution) [S1]. '
        'The "bijvoorbeeld" makes this a warning, not an error: an execution area '
        "cooperated on, an information or transaction area competed in, or one area (by "
        "name) given both modes."
    ),
    source="domain.md 3.4 V08; [S1]",
)
def compete_on_execution(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield findings for areas in the unexpected mode and for areas given both modes."""
    by_name: defaultdict[str, list[tuple[int, ProcessArea]]] = defaultdict(list)
    for position, area in enumerate(canvas.process_areas):
        mode = area.effective_mode
        if area.kind is ProcessKind.EXECUTION and mode is Mode.COOPERATE:
            yield Finding(
                message=_(
                    "The execution area {area} is cooperated on; parties normally compete on "
                    "execution.",
                    area=describe(area),
                ),
                path=f"process_areas[{position}].mode",
                subject=area.id,
            )
        elif area.kind in _COOPERATIVE_KINDS and mode is Mode.COMPETE:
            yield Finding(
                message=(
                    _(
                        "The information area {area} is competed in; parties normally cooperate "
                        "on information and transaction processes.",
                        area=describe(area),
                    )
                    if area.kind is ProcessKind.INFORMATION
                    else _(
                        "The transaction area {area} is competed in; parties normally cooperate "
                        "on information and transaction processes.",
                        area=describe(area),
                    )
                ),
                path=f"process_areas[{position}].mode",
                subject=area.id,
            )
        name = area.name.strip().casefold()
        if name:
            by_name[name].append((position, area))
    for group in by_name.values():
        if len({area.effective_mode for _position, area in group}) < 2:
            continue
        for position, area in group:
            others = [
                other
                for _position, other in group
                if other.effective_mode is not area.effective_mode
            ]
            fields = {"area": describe(area), "others": describe_all(others)}
            yield Finding(
                message=(
                    _.plural(
                        "The process area {area} is cooperated on, but {others} of the same name "
                        "is competed in: one area cannot carry both modes.",
                        "The process area {area} is cooperated on, but {others} of the same name "
                        "are competed in: one area cannot carry both modes.",
                        len(others),
                        **fields,
                    )
                    if area.effective_mode is Mode.COOPERATE
                    else _.plural(
                        "The process area {area} is competed in, but {others} of the same name "
                        "is cooperated on: one area cannot carry both modes.",
                        "The process area {area} is competed in, but {others} of the same name "
                        "are cooperated on: one area cannot carry both modes.",
                        len(others),
                        **fields,
                    )
                ),
                path=f"process_areas[{position}].mode",
                subject=area.id,
            )
