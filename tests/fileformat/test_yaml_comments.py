"""A YAML canvas keeps its comments, key order and styles across load -> edit -> save."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cmc_core import Canvas, Meta, Party, Role
from cmc_core.fileformat import load, loads, save
from cmc_core.fileformat.yaml_io import decode_yaml, dump_tree
from cmc_core.fileformat.yaml_merge import merged_tree

WORKSHOP = """\
# Port logistics community -- workshop 3
$schema: cmc-canvas-2.schema.json
schema_version: 2

meta:
  name: Port community   # working title
  language: nl
  authors: [Ann, Bob]

boundary:
  goal: "Faster container flow"
  target_group: shippers

parties:
  - id: p-t1   # first terminal
    name: Terminal One
    roles: [supplier]
    external: false   # for now
  - id: p-t2
    name: Terminal Two   # the small one
    roles: [supplier]
  - id: p-s1
    name: Shipper One
    roles: [demander]
    notes: |
      A long note
      over two lines

flows:
  - id: f1   # the main flow
    value: v1
    from: p-t1
    to: p-s1

factors:
  vision:
    answer: Shared data space   # agreed on day 1
    maturity: 2
"""


def edited(text: str, edit: Callable[[Canvas], Canvas]) -> str:
    document = loads(text, "yaml", "port.cmc.yaml")
    canvas = edit(document.canvas)
    new_document = document.with_canvas(canvas)
    assert new_document.canvas == canvas
    return new_document.dumps()


def test_saving_an_unchanged_document_gives_back_the_same_text() -> None:
    assert loads(WORKSHOP, "yaml").dumps() == WORKSHOP
    assert edited(WORKSHOP, lambda canvas: canvas) == WORKSHOP


def test_changing_one_value_changes_only_that_line() -> None:
    text = edited(WORKSHOP, lambda c: c.replace(Party("p-t2", "Terminal 2", (Role.SUPPLIER,))))
    changed = [
        (old, new)
        for old, new in zip(WORKSHOP.splitlines(), text.splitlines(), strict=True)
        if old != new
    ]
    # ruamel keeps an end-of-line comment in its column, hence the wider gap.
    assert changed == [
        ("    name: Terminal Two   # the small one", "    name: Terminal 2     # the small one")
    ]


def test_comments_stay_with_their_keys_after_an_edit() -> None:
    text = edited(WORKSHOP, lambda c: c.with_factor("vision", "Shared data space", 3))
    assert "answer: Shared data space   # agreed on day 1\n    maturity: 3\n" in text
    assert text.startswith("# Port logistics community -- workshop 3\n")
    assert "name: Port community   # working title" in text
    assert "- id: f1   # the main flow" in text


def test_an_explicitly_written_default_that_did_not_change_stays() -> None:
    text = edited(WORKSHOP, lambda c: c.with_factor("vision", "Shared", 2))
    assert "external: false   # for now" in text


def test_a_value_set_back_to_its_default_is_removed() -> None:
    def rename_only(canvas: Canvas) -> Canvas:
        return canvas.evolve(meta=Meta(name="Port community", authors=("Ann", "Bob")))

    text = edited(WORKSHOP, rename_only)
    assert "language:" not in text
    assert "name: Port community   # working title" in text


def test_a_removed_entity_is_deleted_and_the_rest_keep_their_comments() -> None:
    text = edited(WORKSHOP, lambda c: c.remove("p-t2"))
    assert "p-t2" not in text
    assert "Terminal Two" not in text
    assert "- id: p-t1   # first terminal" in text


def test_reordered_entities_take_their_comments_along() -> None:
    def reverse_parties(canvas: Canvas) -> Canvas:
        return canvas.evolve(parties=tuple(reversed(canvas.parties)))

    text = edited(WORKSHOP, reverse_parties)
    assert text.index("p-s1") < text.index("p-t2") < text.index("p-t1")
    assert "- id: p-t1   # first terminal" in text
    assert "name: Terminal Two   # the small one" in text


def test_a_new_key_is_inserted_in_model_order_among_the_existing_ones() -> None:
    def set_version(canvas: Canvas) -> Canvas:
        return canvas.evolve(
            meta=canvas.meta.__class__(
                name="Port community",
                language=canvas.meta.language,
                authors=("Ann", "Bob"),
                canvas_version="0.2",
            )
        )

    text = edited(WORKSHOP, set_version)
    meta = text[text.index("meta:") : text.index("boundary:")]
    assert meta.index("language: nl") < meta.index("canvas_version: '0.2'") < meta.index("authors")


def test_a_new_entity_and_a_new_block_are_appended_in_place() -> None:
    def add(canvas: Canvas) -> Canvas:
        added = canvas.add(Party("p-s2", "Shipper Two", (Role.DEMANDER,)))
        return added.with_note("culture", "Open")

    text = edited(WORKSHOP, add)
    assert text.index("p-s1") < text.index("p-s2") < text.index("flows:")
    assert text.rstrip().endswith("notes:\n  culture: Open")


def test_block_text_keeps_its_literal_style() -> None:
    text = edited(WORKSHOP, lambda c: c.with_factor("vision", "x"))
    assert "notes: |\n      A long note\n      over two lines\n" in text


def test_a_one_line_list_stays_on_one_line_when_it_grows() -> None:
    def add_author(canvas: Canvas) -> Canvas:
        meta = canvas.meta
        return canvas.evolve(
            meta=Meta(name=meta.name, language=meta.language, authors=("Ann", "Bob", "Cem"))
        )

    assert "authors: [Ann, Bob, Cem]" in edited(WORKSHOP, add_author)


def test_the_edited_document_locates_paths_in_its_new_text() -> None:
    document = loads(WORKSHOP, "yaml", "port.cmc.yaml")
    moved = document.with_canvas(document.canvas.remove("p-t1"))
    location = moved.locate("parties[0].name")
    assert location is not None
    assert location.line is not None
    line = moved.dumps().splitlines()[location.line - 1]
    assert line.strip() == "name: Terminal Two   # the small one"


def test_a_file_indented_in_another_style_keeps_its_style() -> None:
    compact = (
        "$schema: cmc-canvas-2.schema.json\n"
        "schema_version: 2\n"
        "parties:\n"
        "- id: p1\n"
        "  roles:\n"
        "  - supplier\n"
    )
    text = edited(compact, lambda c: c.add(Party("p2")))
    assert text == compact + "- id: p2\n"


def test_an_edit_adds_the_schema_key_a_hand_written_file_left_out() -> None:
    text = edited("schema_version: 2  # v2\n", lambda c: c.add(Party("p1")))
    assert text == (
        "$schema: cmc-canvas-2.schema.json\nschema_version: 2  # v2\nparties:\n  - id: p1\n"
    )


def test_saving_a_document_writes_the_commented_text(tmp_path: Path) -> None:
    path = tmp_path / "port.cmc.yaml"
    path.write_text(WORKSHOP, encoding="utf-8")
    document = load(path)
    save(document.with_canvas(document.canvas.with_factor("vision", "Shared data space", 3)), path)
    assert "# agreed on day 1\n    maturity: 3" in path.read_text(encoding="utf-8")


@pytest.mark.parametrize("file_format", ["json", "toml"])
def test_other_formats_are_rewritten_from_the_canvas(file_format: str) -> None:
    document = loads(b'{"schema_version": 1}', "json")
    edited_document = document.with_canvas(Canvas(parties=(Party("p1"),)))
    assert "p1" in edited_document.dumps()
    assert edited_document.format == "json"


def test_a_whole_number_in_a_number_field_stays_as_written_after_an_edit() -> None:
    text = "schema_version: 1\nwaste:\n  baseline_share: 30   # about\n  expected_saving: 12.50\n"
    result = edited(text, lambda c: c.with_note("culture", "Open"))
    assert "  baseline_share: 30   # about\n  expected_saving: 12.50\n" in result


def test_a_tiny_number_is_written_back_exactly() -> None:
    text = "schema_version: 1\nwaste:\n  expected_saving: 7.768089868722956e-202\n"
    document = loads(text, "yaml")
    assert loads(document.dumps(), "yaml").canvas == document.canvas


@pytest.mark.parametrize(
    "awkward", ["? key", "?x", ": x", "a, b", "[x]", "#x", "- x", "yes", "tab\there", "\nNEL\x85"]
)
def test_awkward_text_put_into_one_line_mappings_and_lists_reads_back(awkward: str) -> None:
    text = "schema_version: 1\nmeta: {name: x, authors: [a, b]}\nparties: [{id: p1, name: P}]\n"
    document = loads(text, "yaml")

    def put(canvas: Canvas) -> Canvas:
        return canvas.evolve(
            meta=Meta(name=awkward, authors=(awkward, "b")), parties=(Party("p1", awkward),)
        )

    # Straight through the merge, without with_canvas's fresh-text fallback.
    merged = dump_tree(merged_tree(document._tree, put(document.canvas)))
    assert decode_yaml(merged)[0] == put(document.canvas)
