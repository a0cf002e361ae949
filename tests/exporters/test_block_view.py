"""The public block view (cmc_exporters.blocks): what belongs in each of the eighteen blocks."""

from __future__ import annotations

from collections import Counter

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import cmc_exporters.blocks as blocks_module
from cmc_core.blueprint import BLOCKS, ZONES, BlockKey
from cmc_core.canvas import Canvas
from cmc_core.diffing import id_segment
from cmc_core.model import Meta, Party
from cmc_core.strategies import canvases
from cmc_core.testing import sample_canvas
from cmc_core.translation import using_language
from cmc_core.vocabulary import Language, Role
from cmc_exporters.blocks import BlockView, Item, ZoneView, read_blocks, read_zones


def _block(views: tuple[BlockView, ...], code: str) -> BlockView:
    return next(view for view in views if view.code == code)


def _party_path(party: Party) -> str:
    return f"parties{id_segment(party.id)}"


def test_all_eighteen_blocks_come_in_blueprint_order() -> None:
    views = read_blocks(sample_canvas("port-logistics"), Language.EN)

    assert [view.block for view in views] == list(BLOCKS)
    assert [view.code for view in views] == [
        *("A1", "A2", "A3", "A4", "A5"),
        *("B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8"),
        *("C1", "C2", "C3", "D1", "D2"),
    ]


def test_the_zones_hold_the_same_blocks_grouped_by_zone() -> None:
    canvas = sample_canvas("port-logistics")

    zones = read_zones(canvas, Language.NL)

    assert [zone.zone for zone in zones] == list(ZONES)
    assert [zone.label for zone in zones] == [zone.label_nl for zone in ZONES]
    for zone in zones:
        assert all(view.block.zone is zone.zone.key for view in zone.blocks)
    flat = [view for zone in zones for view in zone.blocks]
    assert sorted(flat, key=lambda view: BLOCKS.index(view.block)) == list(
        read_blocks(canvas, Language.NL)
    )


@pytest.mark.parametrize("language", list(Language))
def test_labels_are_the_blueprints_in_the_language_asked_for(language: Language) -> None:
    views = read_blocks(sample_canvas("port-logistics"), language)

    assert [view.label for view in views] == [block.label(language) for block in BLOCKS]
    assert all(view.language is language for view in views)
    assert [view.heading for view in views] == [f"{b.code} {b.label(language)}" for b in BLOCKS]


def test_dutch_and_english_labels_and_field_words_differ() -> None:
    canvas = sample_canvas("port-logistics")

    dutch, english = read_blocks(canvas, Language.NL), read_blocks(canvas, Language.EN)

    different = [nl.label != en.label for nl, en in zip(dutch, english, strict=True)]
    assert sum(different) >= 17  # C1's label is "Commonality" in both languages
    goal_nl, goal_en = _block(dutch, "B1").items[0], _block(english, "B1").items[0]
    assert (goal_nl.label, goal_en.label) == ("Doel", "Goal")
    assert goal_nl.text == goal_en.text == canvas.boundary.goal.strip()


def test_without_a_language_the_view_follows_the_language_of_the_moment() -> None:
    canvas = sample_canvas("regional-healthcare")

    with using_language("nl"):
        dutch = read_blocks(canvas)
        dutch_zones = read_zones(canvas)
    with using_language("en"):
        english = read_blocks(canvas)

    assert [view.label for view in dutch] == [block.label_nl for block in BLOCKS]
    assert [view.label for view in english] == [block.label_en for block in BLOCKS]
    assert dutch_zones[0].label == ZONES[0].label_nl
    assert dutch == read_blocks(canvas, Language.NL)


def test_a_party_appears_in_its_block_by_name_with_its_profile() -> None:
    supplier = Party("s1", "Bakkerij Zoet", (Role.SUPPLIER,), specialisation="brood")
    leader = Party("n1", "Netwerk B.V.", (Role.NETWORK_LEADER,))
    canvas = Canvas(meta=Meta(name="Broodketen"), parties=(supplier, leader))

    views = read_blocks(canvas, Language.NL)

    assert _block(views, "B2").items == (Item("Bakkerij Zoet", "brood", ("parties[s1]",)),)
    assert _block(views, "B4").items == (Item("Netwerk B.V.", "netwerkleider", ("parties[n1]",)),)
    assert _block(views, "B3").items == ()
    assert _block(views, "B2").items[0].line == "Bakkerij Zoet: brood"


def test_an_empty_block_has_no_lines_and_its_guiding_questions() -> None:
    # A new canvas has the default coordination steps (B8): without them every block is empty.
    assert not read_blocks(Canvas(meta=Meta(name="Nieuw")), Language.NL)[12].is_empty
    views = read_blocks(Canvas(meta=Meta(name="Leeg"), process_steps=()), Language.NL)

    for view, block in zip(views, BLOCKS, strict=True):
        assert view.is_empty
        assert view.items == ()
        assert view.questions == block.guiding_questions(Language.NL)
        assert view.questions  # every block has questions to fill it


def test_a_blocks_note_is_its_last_line() -> None:
    canvas = Canvas(meta=Meta(name="Notes")).with_note(BlockKey.VISION, "Kort.")

    vision = _block(read_blocks(canvas, Language.EN), "A4")

    assert not vision.is_empty
    assert vision.items[-1] == Item("Note", "Kort.", ("notes.vision",))


def test_the_views_are_frozen() -> None:
    view = read_blocks(sample_canvas("starter-en"), Language.EN)[0]

    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        view.label = "changed"  # type: ignore[misc]
    assert isinstance(read_zones(sample_canvas("starter-en"))[0], ZoneView)


def test_every_public_class_and_function_is_documented() -> None:
    names = [name for name in blocks_module.__all__ if name != "Marker"]  # a type alias
    assert names == ["BlockView", "Item", "ZoneView", "read_blocks", "read_zones"]
    for name in names:
        assert getattr(blocks_module, name).__doc__, name


@settings(max_examples=40, deadline=None)
@given(canvas=canvases(), language=st.sampled_from(list(Language)))
def test_every_party_is_in_the_blocks_its_roles_say(canvas: Canvas, language: Language) -> None:
    views = read_blocks(canvas, language)
    paths = {
        code: {path for item in _block(views, code).items for path in item.paths}
        for code in ("B2", "B3", "B4")
    }

    counts = Counter(party.id for party in canvas.parties)
    for party in (party for party in canvas.parties if counts[party.id] == 1):
        path = _party_path(party)
        assert (path in paths["B2"]) is party.has_role(Role.SUPPLIER)
        assert (path in paths["B3"]) is party.has_role(Role.DEMANDER)
        assert (path in paths["B4"]) is (not party.is_market_party)
        assert any(path in shown for shown in paths.values())
    assert [view.block for view in views] == list(BLOCKS)
