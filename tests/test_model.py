"""Behaviour of the domain model: immutability, canonical order, edit helpers, invariants."""

from __future__ import annotations

import pickle

import attrs
import pytest

from cmc_core import (
    BLOCKS,
    ZONES,
    BlockKey,
    Canvas,
    Commonality,
    Factor,
    FactorKey,
    FactorSide,
    Language,
    Mode,
    Party,
    PrincipleKey,
    PrincipleStatus,
    ProcessArea,
    ProcessKind,
    Role,
    Value,
    ValueFlow,
    Waste,
)
from cmc_core.vocabulary import LABELS, label


def small_canvas() -> Canvas:
    return Canvas(
        parties=(
            Party("s1", "Supplier One", (Role.SUPPLIER,)),
            Party("d1", "Demander One", (Role.DEMANDER,), organisation="org-d"),
        ),
        values=(Value("v1", "Cargo slot"),),
        flows=(ValueFlow("f1", value="v1", from_party="s1", to_party="d1"),),
    )


def test_a_canvas_cannot_be_changed_in_place() -> None:
    canvas = small_canvas()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        canvas.parties = ()  # type: ignore[misc]


def test_adding_an_entity_returns_a_new_canvas_and_leaves_the_old_one_alone() -> None:
    canvas = small_canvas()
    grown = canvas.add(Party("s2", "Supplier Two", (Role.SUPPLIER,)))
    assert [p.id for p in grown.parties] == ["s1", "d1", "s2"]
    assert [p.id for p in canvas.parties] == ["s1", "d1"]


def test_adding_an_entity_whose_id_is_taken_is_refused() -> None:
    with pytest.raises(ValueError, match="'s1'"):
        small_canvas().add(Party("s1"))


def test_replacing_keeps_the_position_of_the_entity() -> None:
    canvas = small_canvas().replace(Party("s1", "Renamed", (Role.SUPPLIER,)))
    assert canvas.parties[0].name == "Renamed"


def test_replacing_an_unknown_entity_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        small_canvas().replace(Value("nope"))


def test_removing_an_entity_leaves_references_for_validation_to_find() -> None:
    canvas = small_canvas().remove("d1")
    assert canvas.party("d1") is None
    assert canvas.flows[0].to_party == "d1"


def test_removing_an_unknown_id_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        small_canvas().remove("ghost")


def test_only_entities_can_be_added() -> None:
    with pytest.raises(TypeError):
        small_canvas().add(Factor(FactorKey.VISION))  # type: ignore[arg-type]


def test_factors_are_kept_in_their_fixed_order_so_equal_content_is_equal() -> None:
    one = Canvas().with_factor("culture", "open").with_factor("perspective", "why")
    other = Canvas().with_factor("perspective", "why").with_factor("culture", "open")
    assert one == other
    assert [f.key for f in one.factors] == [FactorKey.PERSPECTIVE, FactorKey.CULTURE]


def test_the_same_factor_twice_is_refused() -> None:
    with pytest.raises(ValueError, match="twice"):
        Canvas(factors=(Factor(FactorKey.VISION), Factor(FactorKey.VISION)))


def test_answering_a_factor_again_replaces_the_answer() -> None:
    canvas = Canvas().with_factor("vision", "first").with_factor("vision", "second", 2)
    assert canvas.factor("vision") == Factor(FactorKey.VISION, "second", 2)


def test_an_unanswered_factor_reads_as_empty() -> None:
    assert not Canvas().factor(FactorKey.GOVERNANCE).is_answered


@pytest.mark.parametrize("maturity", [-1, 4])
def test_maturity_outside_zero_to_three_is_refused(maturity: int) -> None:
    with pytest.raises(ValueError, match="maturity"):
        Factor(FactorKey.VISION, "x", maturity)


@pytest.mark.parametrize("share", [-0.5, 100.5])
def test_waste_percentages_stay_between_zero_and_hundred(share: float) -> None:
    with pytest.raises(ValueError, match="percentage"):
        Waste(baseline_share=share)


def test_block_notes_can_be_written_and_cleared() -> None:
    canvas = Canvas().with_note(BlockKey.BOUNDARY, "inside: terminals")
    assert canvas.note("boundary") == "inside: terminals"
    assert canvas.with_note("boundary", "").note("boundary") == ""


def test_principles_default_to_not_assessed() -> None:
    canvas = Canvas().with_principle(PrincipleKey.APART_TOGETHER, "strong", "own brands")
    assert canvas.principle("apart_together").status is PrincipleStatus.STRONG
    assert canvas.principle("back_to_basic").status is PrincipleStatus.NOT_ASSESSED


def test_a_party_without_organisation_is_its_own_organisation() -> None:
    assert Party("p1").organisation_id == "p1"
    assert Party("p1", organisation="acme").organisation_id == "acme"


def test_only_suppliers_and_demanders_are_market_parties() -> None:
    assert Party("a", roles=(Role.SUPPLIER,)).is_market_party
    assert not Party("b", roles=(Role.NETWORK_LEADER, Role.EXPERT)).is_market_party


def test_execution_areas_default_to_competition_and_others_to_cooperation() -> None:
    assert ProcessArea("a", kind=ProcessKind.EXECUTION).effective_mode is Mode.COMPETE
    assert ProcessArea("b", kind=ProcessKind.INFORMATION).effective_mode is Mode.COOPERATE
    explicit = ProcessArea("c", kind=ProcessKind.EXECUTION, mode=Mode.COOPERATE)
    assert explicit.effective_mode is Mode.COOPERATE


def test_the_primary_commonality_is_the_marked_one_else_the_first() -> None:
    first, marked = Commonality("c1"), Commonality("c2", primary=True)
    assert Canvas(commonalities=(first, marked)).primary_commonality == marked
    assert Canvas(commonalities=(first,)).primary_commonality == first
    assert Canvas().primary_commonality is None


def test_get_finds_entities_in_every_collection() -> None:
    canvas = small_canvas()
    assert canvas.get("v1") == Value("v1", "Cargo slot")
    assert canvas.get("f1") is not None
    assert canvas.get("nothing") is None


def test_a_canvas_survives_pickling() -> None:
    canvas = small_canvas().with_factor("vision", "x", 1).with_note("vision", "y")
    assert pickle.loads(pickle.dumps(canvas)) == canvas


def test_factors_belong_to_demand_hinge_and_supply_in_the_sources_order() -> None:
    sides = [key.side for key in FactorKey]
    assert sides == [FactorSide.DEMAND] * 3 + [FactorSide.HINGE] + [FactorSide.SUPPLY] * 3
    assert [key.number for key in FactorKey] == list(range(1, 8))


def test_the_blueprint_has_four_zones_and_eighteen_blocks_each_with_questions() -> None:
    assert [z.code for z in ZONES] == ["A", "B", "C", "D"]
    assert len(BLOCKS) == len(BlockKey) == 18
    assert all(b.questions for b in BLOCKS)
    assert {b.factor for b in BLOCKS if b.factor} == set(FactorKey)


def test_every_block_has_dutch_and_english_labels_and_questions() -> None:
    for block in BLOCKS:
        assert block.label("nl")
        assert block.label(Language.EN)
        for dutch, english in block.questions:
            assert dutch.strip()
            assert english.strip()
            assert dutch != english


def test_every_vocabulary_member_has_a_dutch_and_an_english_label() -> None:
    import enum

    from cmc_core import vocabulary

    for name in vocabulary.__all__:
        member_type = getattr(vocabulary, name)
        if isinstance(member_type, type) and issubclass(member_type, enum.Enum):
            for member in member_type:
                assert member in LABELS, member
                assert label(member, "nl")
                assert label(member, "en")
