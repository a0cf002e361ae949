"""What each of the eighteen blocks shows on the deck, from cmc's public block view.

Which entities and fields belong in which block is cmc's to say: :mod:`cmc_exporters.blocks`
reads the canvas block by block into labelled lines, as the poster and the reports show them.
This module only decides how those lines go on slides: a short *summary* for the overview, the
*details* for the block's zone slide (as lines of text, or as a two-column table when every
line of the block names an entity of its own: parties, values, process areas, resistances),
and what only the speaker notes hold. All user text is cleaned for XML here
(:func:`cmc_pptx.wording.clean`), so nothing later has to think about it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from cmc_core.blueprint import Block
from cmc_core.canvas import Canvas
from cmc_core.diffing import id_segment
from cmc_core.vocabulary import Language
from cmc_exporters.blocks import BlockView, Item, read_blocks

from cmc_pptx.wording import clean, word

__all__ = ["BlockContent", "Table", "block_contents"]


@attrs.frozen
class Table:
    """Two columns of text with a header row."""

    header: tuple[str, str]
    rows: tuple[tuple[str, str], ...]


@attrs.frozen
class BlockContent:
    """One block of a canvas as the deck shows it.

    :param heading: the block's code and label.
    :param summary: short lines for the overview slide.
    :param details: lines for the zone slide, used when ``table`` is ``None``.
    :param table: a table for the zone slide instead of ``details``.
    :param more: lines only the speaker notes hold (a party's interest and notes, friction).
    """

    block: Block
    heading: str
    summary: tuple[str, ...]
    details: tuple[str, ...]
    table: Table | None = None
    more: tuple[str, ...] = ()

    def full_text(self) -> str:
        """Everything the block holds, untruncated, for the speaker notes of its slide."""
        lines = [self.heading]
        if self.table is not None:
            lines.extend(f"• {first} — {second}" for first, second in self.table.rows)
        else:
            lines.extend(f"• {line}" for line in self.details)
        lines.extend(f"• {line}" for line in self.more)
        return "\n".join(lines)


def _cleaned(lines: Iterable[str]) -> tuple[str, ...]:
    return tuple(text for text in (clean(line).strip() for line in lines) if text)


def _is_note(item: Item) -> bool:
    return any(path.startswith("notes.") for path in item.paths)


def _as_table(view: BlockView) -> bool:
    """Whether every line of the block (its note aside) names an entity of its own."""
    lines = [item for item in view.items if not _is_note(item)]
    paths = [item.paths[0] for item in lines if len(item.paths) == 1 and "[" in item.paths[0]]
    return (
        bool(lines)
        and len(paths) == len(lines)
        and len(set(paths)) == len(paths)
        and all(item.label for item in lines)
    )


def _summary(view: BlockView, table: bool) -> list[str]:
    """The first line of each thing the block shows; in a table block, the names alone."""
    seen: set[tuple[str, ...]] = set()
    lines = []
    for item in view.items:
        if item.paths in seen:
            continue
        seen.add(item.paths)
        lines.append(item.label if table and item.label and not _is_note(item) else item.line)
    return lines


def _more(canvas: Canvas, view: BlockView) -> list[str]:
    """What the blocks leave to the report and the deck keeps in its speaker notes: the
    interest and notes of each party the block shows, the friction of the flows of its values."""
    shown = {path for item in view.items for path in item.paths}
    lines = []
    for party in canvas.parties:
        if f"parties{id_segment(party.id)}" in shown:
            name = party.name.strip() or party.id
            if party.interest.strip():
                lines.append(f"{name}, {word('interest', view.language)}: {party.interest}")
            if party.notes.strip():
                lines.append(f"{name}: {party.notes}")
    values = {value.id: value.name.strip() or value.id for value in canvas.values}
    for flow in canvas.flows:
        if flow.value is None or not flow.friction.strip():
            continue
        if f"values{id_segment(flow.value)}" in shown:
            lines.append(f"{values.get(flow.value, flow.value)}: {flow.friction}")
    return lines


def block_contents(canvas: Canvas, language: Language) -> tuple[BlockContent, ...]:
    """Every block of the canvas, in blueprint order, as the deck shows it in ``language``."""
    contents = []
    for view in read_blocks(canvas, language):
        table = None
        if _as_table(view):
            header = (word("who_or_what", language), word("details", language))
            rows = tuple((clean(item.label or ""), clean(item.text)) for item in view.items)
            table = Table(header, rows)
        contents.append(
            BlockContent(
                block=view.block,
                heading=view.heading,
                summary=_cleaned(_summary(view, table is not None)) or (word("empty", language),),
                # An empty block shows the questions that fill it: a deck of a new canvas
                # doubles as the workshop's worksheet.
                details=_cleaned(item.line for item in view.items)
                or (word("questions", language), *view.questions),
                table=table,
                more=_cleaned(_more(canvas, view)),
            )
        )
    return tuple(contents)
