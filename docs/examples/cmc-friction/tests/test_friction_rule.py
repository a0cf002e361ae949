import cmc_friction
import pytest
from cmc_friction import FRICTION_NAMED

from cmc_core import Party, Role, Value, ValueFlow
from cmc_core.rules import Rule, validate
from cmc_core.testing import RuleContract, sample_canvas
from cmc_core.translation import using_language


class TestFrictionRule(RuleContract):
    @pytest.fixture
    def rule(self) -> Rule:
        return FRICTION_NAMED

    @pytest.fixture
    def plugin(self) -> object:
        return cmc_friction


def test_a_flow_over_the_commonality_that_names_no_friction_is_reported() -> None:
    canvas = (
        sample_canvas("starter-en")
        .add(Party("p-a", "Alpha", (Role.SUPPLIER,)))
        .add(Party("p-b", "Beta", (Role.DEMANDER,)))
        .add(Value("v-x", "Transport"))
        .add(ValueFlow("f-1", "v-x", "p-a", "p-b", via_commonality=True))
    )
    report = validate(canvas, rules=[FRICTION_NAMED])
    assert [(d.code, d.path) for d in report] == [("FR001", "flows[0].friction")]


def test_a_flow_that_names_its_friction_or_runs_outside_the_commonality_is_not() -> None:
    canvas = (
        sample_canvas("starter-en")
        .add(Party("p-a", "Alpha", (Role.SUPPLIER,)))
        .add(Party("p-b", "Beta", (Role.DEMANDER,)))
        .add(Value("v-x", "Transport"))
        .add(ValueFlow("f-1", "v-x", "p-a", "p-b", via_commonality=True, friction="Re-typing"))
        .add(ValueFlow("f-2", "v-x", "p-a", "p-b"))
    )
    assert not list(validate(canvas, rules=[FRICTION_NAMED]))


def test_the_finding_speaks_the_language_of_the_run() -> None:
    canvas = (
        sample_canvas("starter-en")
        .add(Party("p-a", "Alpha", (Role.SUPPLIER,)))
        .add(Party("p-b", "Beta", (Role.DEMANDER,)))
        .add(Value("v-x", "Transport"))
        .add(ValueFlow("f-1", "v-x", "p-a", "p-b", via_commonality=True))
    )
    with using_language("nl"):
        [dutch] = validate(canvas, rules=[FRICTION_NAMED])
    with using_language("en"):
        [english] = validate(canvas, rules=[FRICTION_NAMED])
    assert dutch.message == (
        "De stroom 'f-1' loopt via de commonality, maar zegt niet welke frictie ze wegneemt."
    )
    assert english.message == (
        "The flow 'f-1' runs over the commonality but does not say which friction it takes away."
    )


def test_its_title_and_rationale_come_from_its_own_catalog() -> None:
    from cmc_core.vocabulary import Language

    assert FRICTION_NAMED.title_in(Language.NL) == (
        "Elke stroom via de commonality noemt de frictie die ze wegneemt"
    )
    assert FRICTION_NAMED.title_in(Language.EN) == FRICTION_NAMED.title
    assert FRICTION_NAMED.rationale_in(Language.NL).startswith("Waarde moet zo frictieloos")
