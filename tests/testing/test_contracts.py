"""The rule, scorer and questionnaire contracts catch plugins that break the rules of the road.

Each test writes a small plugin test module, as a plugin author would, runs pytest on it in
process and looks at the outcome of each contract test: the relevant one must fail with a
message that says why, while the rest of the contract passes (so the failure is pinned on the
right rule, not on a broken fixture).
"""

from __future__ import annotations

import pytest

from .contract_runs import PREAMBLE, Outcomes

pytest_plugins = ["pytester"]


# -- rules -------------------------------------------------------------------------------------

RULE = """
def check(canvas, context):
    if not canvas.meta.name:
        yield Finding("the canvas has no name", path={path!r})

class TestSubject(RuleContract):
    max_examples = 10

    @pytest.fixture
    def rule(self):
        return Rule({code!r}, {name!r}, Severity.WARNING, "Name the canvas",
                    "A canvas needs a name.", "test", check)
"""


def test_a_sound_rule_passes_the_rule_contract(pytester: pytest.Pytester) -> None:
    run = Outcomes(pytester, RULE.format(code="XT001", name="canvas-has-a-name", path="meta.name"))
    assert run.failing() == set()


def test_a_rule_with_a_dangling_path_fails_the_contract(pytester: pytest.Pytester) -> None:
    run = Outcomes(
        pytester,
        RULE.format(code="XT001", name="canvas-has-a-name", path="meta.title"),
        "-k",
        "starter",
    )
    run.failed(
        "TestSubject::test_findings_point_at_real_places_deterministically_without_changing_"
        "the_canvas[starter-en]",
        "'meta' has no key 'title'",
    )


def test_a_plugin_rule_with_a_cmc_code_fails_the_contract(pytester: pytest.Pytester) -> None:
    run = Outcomes(
        pytester,
        RULE.format(code="CMC001", name="canvas-has-a-name", path="meta.name"),
        "-k",
        "code",
    )
    run.failed(
        "TestSubject::test_code_matches_the_pattern_and_leaves_cmc_to_the_built_ins",
        "reserved for the built-in rules",
    )
    run.failed(
        "TestSubject::test_code_and_name_are_unique_among_the_built_ins_and_its_plugin",
        "2 rules have the code 'CMC001'",
    )


def test_a_rule_named_like_a_built_in_rule_fails_the_contract(pytester: pytest.Pytester) -> None:
    source = RULE.format(code="XT001", name="several-suppliers-and-demanders", path="meta.name")
    run = Outcomes(pytester, source, "-k", "unique")
    run.failed(
        "TestSubject::test_code_and_name_are_unique_among_the_built_ins_and_its_plugin",
        "2 rules have the name 'several-suppliers-and-demanders'",
    )


# -- scorers -----------------------------------------------------------------------------------

SCORER = """
def score(canvas, context):
    {body}

class TestSubject(ScorerContract):
    max_examples = 10

    @pytest.fixture
    def scorer(self):
        return Scorer("parties", "Number of parties", score)
"""


def test_a_sound_scorer_passes_the_scorer_contract(pytester: pytest.Pytester) -> None:
    body = (
        "return Score(min(100, 20 * len(canvas.parties)), "
        "(Reason(f'{len(canvas.parties)} parties', 'parties'),))"
    )
    run = Outcomes(pytester, SCORER.format(body=body))
    assert run.failing() == set()


def test_a_scorer_that_gives_120_fails_the_contract(pytester: pytest.Pytester) -> None:
    body = "return Score(120, (Reason('too good', 'parties'),))"
    run = Outcomes(pytester, SCORER.format(body=body), "-k", "starter-en")
    run.failed(
        "TestSubject::test_scores_each_canvas_within_range_with_reasons_deterministically"
        "[starter-en]",
        "a score must lie between 0 and 100",
    )


def test_a_scorer_without_reasons_fails_the_contract(pytester: pytest.Pytester) -> None:
    run = Outcomes(pytester, SCORER.format(body="return Score(50)"), "-k", "starter-en")
    run.failed(
        "TestSubject::test_scores_each_canvas_within_range_with_reasons_deterministically"
        "[starter-en]",
        "without a reason",
    )


def test_a_scorer_that_reads_ids_fails_the_renaming_check(pytester: pytest.Pytester) -> None:
    body = (
        "value = sum(len(p.id) for p in canvas.parties) % 101\n"
        "    return Score(value, (Reason('id lengths', 'parties'),))"
    )
    run = Outcomes(pytester, SCORER.format(body=body), "-k", "port-logistics")
    run.failed(
        "TestSubject::test_scores_each_canvas_within_range_with_reasons_deterministically"
        "[port-logistics]",
        "changed its score when ids were renamed",
    )


# -- questionnaires ----------------------------------------------------------------------------

QUESTIONNAIRE = """
class TestSubject(QuestionnaireContract):
    @pytest.fixture
    def questionnaire(self):
        question = Question("q-name", QuestionKind.SHORT_TEXT, Text("Name?", "Naam?"),
                            binding=Binding({target!r}))
        return Questionnaire("naming", Text("Naming", "Naamgeving"), (question,))
"""


def test_a_sound_questionnaire_passes_the_contract(pytester: pytest.Pytester) -> None:
    run = Outcomes(pytester, QUESTIONNAIRE.format(target="meta.name"))
    assert run.failing() == set()


def test_a_questionnaire_with_a_bad_binding_fails_the_contract(
    pytester: pytest.Pytester,
) -> None:
    run = Outcomes(pytester, QUESTIONNAIRE.format(target="meta.nmae"))
    run.failed(
        "TestSubject::test_every_binding_targets_a_canvas_field", "did you mean 'meta.name'?"
    )
    run.failed("TestSubject::test_questionnaire_has_no_problems", "is not a field of the canvas")
    assert run.outcome["TestSubject::test_name_and_title_are_valid"] == "passed"


# -- every contract ---------------------------------------------------------------------------


def test_a_contract_without_its_fixture_says_what_to_define(pytester: pytest.Pytester) -> None:
    source = "class TestSubject(ScorerContract):\n    pass\n"
    run = Outcomes(pytester, source, "-k", "well_formed")
    run.failed("TestSubject::test_scorer_is_well_formed", "must define a fixture 'scorer'")


def test_the_contract_classes_are_not_collected_on_their_own(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_subject=PREAMBLE)
    result = pytester.runpytest_inprocess("-p", "no:cacheprovider")
    assert result.ret == pytest.ExitCode.NO_TESTS_COLLECTED
