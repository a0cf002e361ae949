"""The built-in questionnaires are sound, fully translated, and together fill the whole canvas.

The quickscan, the canvas details and the eighteen block questionnaires are data files; these
tests hold them to what the issue asks: every question, help text and choice in Dutch and
English, every canvas field filled by exactly one plain question (so a canvas turns into answers
and back without loss), the blocks in fill order, and choices that match the vocabulary.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Callable, Iterator

import attrs
import pytest

import cmc_core.questionnaires.plugin as builtin_plugin
from cmc_core.blueprint import BLOCKS, BlockKey
from cmc_core.model import Factor, Quickscan, Waste
from cmc_core.plugins import load_plugins
from cmc_core.questionnaires import (
    ENTITY_COLLECTIONS,
    QUICKSCAN_IDS,
    AnswerError,
    Binding,
    Choice,
    Question,
    QuestionKind,
    Questionnaire,
    Session,
    Text,
    binding_targets,
    block_name,
    block_questionnaire,
    builtin_questionnaires,
    canvas_details,
    canvas_questionnaires,
    quickscan,
)
from cmc_core.testing import QuestionnaireContract
from cmc_core.vocabulary import (
    LABELS,
    DevelopmentKind,
    FactorKey,
    Language,
    LegalForm,
    PrincipleKey,
    PrincipleStatus,
    Role,
    Status,
)

BUILTIN = {questionnaire.name: questionnaire for questionnaire in builtin_questionnaires()}


def untranslated(questionnaire: Questionnaire) -> Iterator[str]:
    """Every text of a questionnaire that lacks its Dutch or English version, or is missing.

    Built-in questions all have help, so a missing help counts too.
    """
    texts: list[tuple[str, Text]] = [
        ("the title", questionnaire.title),
        ("the description", questionnaire.description),
    ]
    for question in questionnaire.questions:
        texts += [
            (f"question {question.id!r}", question.text),
            (f"the help of {question.id!r}", question.help),
        ]
        texts += [
            (f"choice {choice.value!r} of {question.id!r}", choice.label)
            for choice in question.choices
        ]
    for where, text in texts:
        for language, value in (("English", text.en), ("Dutch", text.nl)):
            if not value.strip():
                yield f"{questionnaire.name}: {where} has no {language} text"


def plain(question: Question) -> bool:
    """Whether answers_from_canvas may use the question: bound, no role, defaults or condition."""
    binding = question.binding
    return (
        binding is not None
        and binding.role is None
        and not binding.defaults
        and question.condition is None
    )


# -- the contract every questionnaire plugin passes ---------------------------------------------


class TestBuiltinQuestionnaireContract(QuestionnaireContract):
    @pytest.fixture(params=sorted(BUILTIN))
    def questionnaire(self, request: pytest.FixtureRequest) -> Questionnaire:
        return BUILTIN[request.param]

    @pytest.fixture
    def plugin(self) -> object:
        return builtin_plugin


# -- translations ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(BUILTIN))
def test_every_text_help_and_choice_is_in_dutch_and_english(name: str) -> None:
    assert list(untranslated(BUILTIN[name])) == []
    assert BUILTIN[name].problems() == ()


@pytest.mark.parametrize(
    ("broken", "complaint"),
    [
        (lambda q: attrs.evolve(q, text=Text(en="Why?")), "question 'q-why' has no Dutch text"),
        (
            lambda q: attrs.evolve(q, help=Text(nl="Waarom?")),
            "the help of 'q-why' has no English text",
        ),
        (lambda q: attrs.evolve(q, help=Text()), "the help of 'q-why' has no English text"),
        (
            lambda q: attrs.evolve(
                q,
                kind=QuestionKind.SINGLE_CHOICE,
                choices=(Choice("a", Text(en="A", nl="A")), Choice("b", Text(en="B"))),
            ),
            "choice 'b' of 'q-why' has no Dutch text",
        ),
    ],
)
def test_the_translation_check_catches_a_missing_language(
    broken: Callable[[Question], Question], complaint: str
) -> None:
    sound = Question(
        "q-why", QuestionKind.LONG_TEXT, Text("Why?", "Waarom?"), help=Text("Say why.", "Zeg het.")
    )
    questionnaire = Questionnaire("t", Text("T", "T"), (sound,), Text("D", "D"))
    assert list(untranslated(questionnaire)) == []
    damaged = attrs.evolve(questionnaire, questions=(broken(sound),))
    assert f"t: {complaint}" in list(untranslated(damaged))


# -- names, ids and blocks ------------------------------------------------------------------------


def test_the_builtins_are_the_quickscan_the_details_and_a_questionnaire_per_block() -> None:
    assert list(BUILTIN) == [
        "quickscan",
        "canvas-details",
        *(f"block-{block.key.value.replace('_', '-')}" for block in BLOCKS),
    ]
    assert canvas_questionnaires() == (canvas_details(), *map(block_questionnaire, BlockKey))


def test_block_questionnaires_follow_the_fill_order_and_carry_the_block_labels() -> None:
    for block, questionnaire in zip(BLOCKS, canvas_questionnaires()[1:], strict=True):
        assert questionnaire.name == block_name(block.key)
        assert questionnaire.title == Text(
            en=f"{block.code} {block.label_en}", nl=f"{block.code} {block.label_nl}"
        )
        assert {question.block for question in questionnaire.questions} == {block.key.value}


def test_question_ids_are_unique_across_every_builtin_questionnaire() -> None:
    ids = Counter(q.id for questionnaire in BUILTIN.values() for q in questionnaire.questions)
    assert [question for question, count in ids.items() if count > 1] == []


def test_every_quickscan_question_has_a_qs_id_and_a_block_for_progress() -> None:
    blocks = {key.value for key in BlockKey}
    for question in quickscan().questions:
        assert question.id.startswith("qs-")
        assert question.block in blocks, question.id


def test_the_quickscan_asks_what_the_verdict_reads() -> None:
    questions = {question.id: question for question in quickscan().questions}
    for key in ("suppliers_count", "demanders_count"):
        counted = questions[QUICKSCAN_IDS[key]]
        assert (counted.kind, counted.minimum, counted.required) == (QuestionKind.NUMBER, 0, True)
    assert questions[QUICKSCAN_IDS["kickoff"]].kind is QuestionKind.YES_NO
    assert questions[QUICKSCAN_IDS["cooperate"]].binding == Binding(
        "process_areas", defaults={"kind": "information", "mode": "cooperate"}
    )
    assert questions[QUICKSCAN_IDS["commonality"]].binding == Binding(
        "commonalities", defaults={"primary": True}
    )


#: The quickscan table of domain.md section 4: each item, the questions that ask it, and the
#: block the table says it pre-fills.
QUICKSCAN_TABLE: dict[str, tuple[tuple[str, ...], str]] = {
    "Q1": (("qs-name", "qs-goal"), "boundary"),
    "Q2": (("qs-end-customer", "qs-end-customer-value"), "end_customer_value"),
    "Q3": (("qs-sector", "qs-knowledge-intensive"), "boundary"),
    "Q4": (("qs-suppliers-count", "qs-suppliers"), "suppliers"),
    "Q5": (("qs-demanders-count", "qs-demanders"), "demanders"),
    "Q6": (("qs-values",), "values_exchanged"),
    "Q7": (("qs-friction",), "waste_reduction"),
    "Q8": (("qs-control-share",), "waste_reduction"),
    "Q9": (("qs-cooperate",), "cooperation_competition"),
    "Q10": (("qs-compete",), "cooperation_competition"),
    "Q11": (("qs-commonality",), "commonality"),
    "Q12": (("qs-domain-leader", "qs-network-leader"), "stakeholders"),
    "Q13": (("qs-stakeholders",), "stakeholders"),
    "Q14": (("qs-kickoff-ready", "qs-kickoff-missing"), "ambition"),
    "Q15": (("qs-greenfield",), "perspective"),
    "Q16": (("qs-legal-form",), "governance"),
    "Q17": (("qs-resistances",), "resistances"),
    "Q18": (("qs-smart-goal",), "ambition"),
}


@pytest.mark.parametrize("item", list(QUICKSCAN_TABLE))
def test_the_quickscan_asks_each_item_of_the_reference_table_for_its_block(item: str) -> None:
    questions = {question.id: question for question in quickscan().questions}
    ids, block = QUICKSCAN_TABLE[item]
    for question_id in ids:
        assert questions[question_id].block == block


def test_the_quickscan_adds_only_what_a_sound_draft_canvas_needs() -> None:
    from_table = {question_id for ids, _ in QUICKSCAN_TABLE.values() for question_id in ids}
    added = [q.id for q in quickscan().questions if q.id not in from_table]
    # CMC012 needs a target group; CMC009 and CMC011 a flow reaching an end-customer server.
    assert added == ["qs-target-group", "qs-serving-demanders", "qs-flows"]


# -- coverage: every field of the canvas ----------------------------------------------------------


#: Fields no block question fills: the quickscan's own record (``quickscan.*``) keeps what the
#: quickscan answered, and ``cmc quickscan`` (or ``cmc ask`` with its answers in the file)
#: writes it as a whole (``with_quickscan``); a block question asking for it again would let
#: the record and the verdict it scores disagree with the quickscan's answers file.
NOT_ASKED_BY_BLOCKS = frozenset(
    target for target in binding_targets() if target.startswith("quickscan.")
)


def test_the_fields_no_block_question_fills_are_the_quickscans_record() -> None:
    record = {f"quickscan.{field.name}" for field in attrs.fields(Quickscan)}
    assert len(record) == 5
    assert record == NOT_ASKED_BY_BLOCKS


def test_every_canvas_field_is_filled_by_exactly_one_plain_question() -> None:
    plain_targets = Counter(
        question.binding.target
        for questionnaire in canvas_questionnaires()
        for question in questionnaire.questions
        if plain(question) and question.binding is not None
    )
    assert sorted(binding_targets() - NOT_ASKED_BY_BLOCKS - set(plain_targets)) == []
    assert not NOT_ASKED_BY_BLOCKS & set(plain_targets)
    assert [target for target, count in plain_targets.items() if count > 1] == []
    assert set(plain_targets) >= ENTITY_COLLECTIONS


def test_every_entity_list_is_asked_before_the_lists_that_refer_to_it() -> None:
    order = [
        question.binding.target
        for questionnaire in canvas_questionnaires()
        for question in questionnaire.questions
        if plain(question) and question.binding is not None
    ]
    for referring in (
        "flows",
        "process_areas",
        "commonalities",
        "resistances",
        "governance.decision_rights",
    ):
        assert order.index("parties") < order.index(referring)
    assert order.index("values") < order.index("flows")
    assert order.index("values") < order.index("boundary.instruments")


# -- choices and ranges match the model -----------------------------------------------------------

ENUM_TARGETS: dict[str, type[enum.Enum]] = {
    "meta.language": Language,
    "meta.status": Status,
    "governance.legal_form": LegalForm,
    **{f"principles.{key.value}.status": PrincipleStatus for key in PrincipleKey},
}


def bound_to(target: str) -> list[Question]:
    return [
        question
        for questionnaire in BUILTIN.values()
        for question in questionnaire.questions
        if question.binding is not None and question.binding.target == target
    ]


@pytest.mark.parametrize("target", sorted(ENUM_TARGETS))
def test_a_choice_for_a_vocabulary_field_offers_every_value_with_its_labels(target: str) -> None:
    vocabulary = ENUM_TARGETS[target]
    questions = bound_to(target)
    assert questions
    for question in questions:
        assert question.kind is QuestionKind.SINGLE_CHOICE
        offered = {choice.value: choice.label for choice in question.choices}
        assert list(offered) == [member.value for member in vocabulary]
        for member in vocabulary:
            dutch, english = LABELS[member]
            assert offered[member.value] == Text(en=english, nl=dutch)


def test_maturity_questions_take_exactly_the_range_the_model_accepts() -> None:
    Factor(FactorKey.VISION, "", 0)
    Factor(FactorKey.VISION, "", 3)
    for outside in (-1, 4):
        with pytest.raises(ValueError, match="maturity"):
            Factor(FactorKey.VISION, "", outside)
    maturity_targets = [target for target in binding_targets() if target.endswith(".maturity")]
    assert len(maturity_targets) == len(FactorKey)
    for target in maturity_targets:
        (question,) = bound_to(target)
        assert (question.kind, question.bounds) == (QuestionKind.SCALE, (0, 3))


def test_waste_percentages_take_exactly_the_range_the_model_accepts() -> None:
    with pytest.raises(ValueError, match="percentage"):
        Waste(baseline_share=100.5)
    for target in ("waste.baseline_share", "waste.expected_saving"):
        for question in bound_to(target):
            assert (question.kind, question.bounds) == (QuestionKind.PERCENTAGE, (0, 100))


# -- registration ---------------------------------------------------------------------------------


def test_the_builtin_plugin_registers_every_builtin_questionnaire() -> None:
    registry = load_plugins(plugins=[builtin_plugin], entry_points=False).questionnaires
    assert registry.names() == tuple(BUILTIN)
    assert all(registry.get(name) == questionnaire for name, questionnaire in BUILTIN.items())


# -- answering the block questionnaires -----------------------------------------------------------


def test_stakeholders_are_asked_by_kind_once_the_kinds_involved_are_chosen() -> None:
    session = Session(canvas_questionnaires())
    pending = {question.id for question in session.pending()}
    assert "governments" not in pending
    session.answer("stakeholder-kinds", ["overheid", "financiers"])  # Dutch labels work too
    pending = {question.id for question in session.pending()}
    assert {"governments", "financiers"} <= pending
    assert "experts" not in pending
    session.answer("financiers", ["Havenbedrijf"])
    session.answer("domain-leader", ["Havenbedrijf"])  # one party, two roles, in asking order
    (party,) = session.to_canvas().parties
    assert (party.id, party.roles) == ("p-havenbedrijf", (Role.DOMAIN_LEADER, Role.FINANCIER))


def test_the_guiding_questions_on_developments_give_each_item_its_kind() -> None:
    session = Session(canvas_questionnaires())
    session.answer("developments", ["Schaalvergroting"])
    session.answer("developments-problems", ["Wachttijd aan de poort"])
    session.answer("developments-opportunities", ["Digitale vrijgave"])
    session.answer("developments-threats", ["Cyberaanval"])
    kinds = [(d.description, d.kind) for d in session.to_canvas().developments]
    assert kinds == [
        ("Schaalvergroting", DevelopmentKind.DEVELOPMENT),
        ("Wachttijd aan de poort", DevelopmentKind.PROBLEM),
        ("Digitale vrijgave", DevelopmentKind.OPPORTUNITY),
        ("Cyberaanval", DevelopmentKind.THREAT),
    ]


def test_the_instruments_of_the_domain_name_known_values() -> None:
    session = Session(canvas_questionnaires())
    session.answer("values", ["Zeevervoer", {"name": "Betaling", "kind": "money"}])
    session.answer("instruments", ["zeevervoer"])
    assert session.to_canvas().boundary.instruments == ("v-zeevervoer",)
    with pytest.raises(AnswerError, match="item 1 names the unknown value 'Luchtvracht'"):
        session.answer("instruments", ["Luchtvracht"])
    assert session.to_canvas().boundary.instruments == ("v-zeevervoer",)
