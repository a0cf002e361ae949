"""What each of the eighteen blocks shows: a canvas read block by block, as text.

For every block of :data:`cmc_core.blueprint.BLOCKS` this gives a short *summary* for the
overview slide and the *details* for the block's zone slide, the latter either as lines of text
or as a two-column table (parties, flows, process areas, resistances); how each block reads the
canvas is in :mod:`cmc_pptx.blocks`. All user text is cleaned for XML here
(:func:`cmc_pptx.wording.clean`), so nothing later has to think about it.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from cmc_core.blueprint import BLOCKS, Block
from cmc_core.canvas import Canvas
from cmc_core.vocabulary import Language

from cmc_pptx.blocks import BUILDERS, Reader, Table
from cmc_pptx.wording import clean

__all__ = ["BlockContent", "Table", "block_contents"]


@attrs.frozen
class BlockContent:
    """One block of a canvas as the deck shows it.

    :param heading: the block's code and label.
    :param summary: short lines for the overview slide.
    :param details: lines for the zone slide, used when ``table`` is ``None``.
    :param table: a table for the zone slide instead of ``details``.
    :param more: lines only the speaker notes hold (descriptions, friction, party notes).
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


def block_contents(canvas: Canvas, language: Language) -> tuple[BlockContent, ...]:
    """Every block of the canvas, in blueprint order, as the deck shows it in ``language``."""
    read = Reader(canvas, language)
    contents = []
    for block in BLOCKS:
        summary, details, table, more = BUILDERS[block.key](read)
        note = canvas.note(block.key).strip()
        empty = read.word("empty")
        if table is not None:
            rows = (*table.rows, (read.word("note"), note)) if note else table.rows
            table = Table(table.header, tuple((clean(a), clean(b)) for a, b in rows))
        contents.append(
            BlockContent(
                block=block,
                heading=f"{block.code} {block.label(language)}",
                summary=_cleaned([*summary, note]) or (empty,),
                # An empty block shows the questions that fill it: a deck of a new canvas
                # doubles as the workshop's worksheet.
                details=_cleaned([*details, note])
                or (read.word("questions"), *block.guiding_questions(language)),
                table=table,
                more=_cleaned(more),
            )
        )
    return tuple(contents)
