"""cmc-friction: every value flow over the commonality says which friction it takes away.

Its texts are written in English and translated in its own catalogs, in
``cmc_friction/locale/LANG/LC_MESSAGES/cmc_friction.po``.
"""

from collections.abc import Callable, Iterator

from cmc_core import Canvas, Finding, Severity, hookimpl
from cmc_core.rules import Rule, RuleContext
from cmc_core.translation import N_, Messages

_ = Messages("cmc_friction", "cmc_friction")


def check_friction_named(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding for each primary flow over the commonality that names no friction."""
    for position, flow in enumerate(canvas.flows):
        if not flow.via_commonality or flow.counter_of is not None:
            continue  # counter-flows (payments) run back along a flow that is checked itself
        if flow.friction.strip():
            continue
        yield Finding(
            message=_(
                "The flow {flow} runs over the commonality but does not say which friction "
                "it takes away.",
                flow=repr(flow.id),
            ),
            path=f"flows[{position}].friction",
            subject=flow.id,
        )


FRICTION_NAMED = Rule(
    code="FR001",
    name="friction-named",
    severity=Severity.INFO,
    title=N_("Every flow over the commonality names the friction it takes away"),
    rationale=N_(
        "Value should flow from supply to demand as frictionlessly as possible; a flow moved "
        "onto the shared network earns its place by the friction it removes (re-typing, "
        "phone calls, waiting). Naming it makes the expected saving checkable."
    ),
    source="domain reference 2.1, 3.2 (block B5); quickscan Q7",
    check=check_friction_named,
    messages=_,
)


@hookimpl
def cmc_register_rules(register: Callable[[Rule], None]) -> None:
    register(FRICTION_NAMED)
