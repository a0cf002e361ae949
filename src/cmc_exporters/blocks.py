"""The block view: what belongs in each of the eighteen blocks of a canvas, as labelled lines.

An exporter that draws the canvas (a poster, a slide deck, a spreadsheet) needs, for every
block, the entities and fields that belong in it. :func:`read_zones` (the four zones with their
blocks) and :func:`read_blocks` (the eighteen blocks alone) give that, in blueprint order
(``A1`` ... ``D2``), as frozen views:

- a :class:`BlockView` per block: its code, its label, its :class:`Item` lines in the
  canvas's order, and the guiding questions that fill it while it is empty;
- an :class:`Item` per line: a label (``Goal``, a party's name, a value's name) and a text
  (the goal, the party's roles and profile, the value's kind and description), or a plain
  line without a label (a connecting factor's answer). Parties and values are named rather
  than given by id, and every line carries the logical paths it shows (``parties[p-acme]``,
  ``boundary.goal``) in the form :mod:`cmc_core.diffing` reports changes in.

Which entities go where is the method's: suppliers (``B2``) and demanders (``B3``) are the
parties with those roles, every other party is a stakeholder (``B4``), the values exchanged
(``B5``) carry their kind and how many flows carry them, and a block's note comes last.

Labels and fixed words follow a language: the one passed, else the language of the moment
(:func:`cmc_core.translation.using_language`), so ``with using_language("nl"):`` reads the
canvas in Dutch. The text is the canvas's raw text: escape it for your format. The built-in
poster, Markdown, HTML and SVG exporters read the canvas through this view, and so can a
plugin::

    from cmc_exporters.blocks import read_blocks

    for block in read_blocks(canvas, Language.NL):
        print(block.code, block.label)
        for item in block.items:
            print("  ", item.line)
"""

from __future__ import annotations

from collections.abc import Callable

import attrs

from cmc_core.blueprint import BLOCKS, ZONES, Block, Zone
from cmc_core.canvas import Canvas
from cmc_core.translation import current_language
from cmc_core.vocabulary import Language
from cmc_exporters._builders import BUILDERS
from cmc_exporters._reader import Item, Reader

__all__ = ["BlockView", "Item", "Marker", "ZoneView", "read_blocks", "read_zones"]


@attrs.frozen
class BlockView:
    """One block of a canvas: its code and label, its lines, its guiding questions.

    :param block: the block of the blueprint (:data:`cmc_core.blueprint.BLOCKS`).
    :param label: the block's label in :attr:`language` (``Added value for the end customer``).
    :param items: the block's lines, in the canvas's order; empty while nothing is filled in.
    :param questions: the block's guiding questions in :attr:`language`, to show while the
        block is empty (a worksheet for the workshop).
    :param language: the language the labels and fixed words are in.
    :param state: ``added``, ``changed`` or ``removed`` when a ``mark`` compared the block with
        an earlier version (:func:`read_zones`); ``None`` otherwise.
    """

    block: Block
    label: str
    items: tuple[Item, ...]
    questions: tuple[str, ...]
    language: Language = Language.EN
    state: str | None = None

    @property
    def key(self) -> str:
        """The block's key (``end_customer_value``), safe for ids and class names."""
        return self.block.key.value

    @property
    def code(self) -> str:
        """The block's code (``A1``)."""
        return self.block.code

    @property
    def heading(self) -> str:
        """The block's code and label: ``A1 Added value for the end customer``."""
        return f"{self.block.code} {self.label}"

    @property
    def is_empty(self) -> bool:
        """Whether the block holds nothing yet."""
        return not self.items


@attrs.frozen
class ZoneView:
    """A zone of the canvas with its blocks, in blueprint order.

    :param zone: the zone of the blueprint (:data:`cmc_core.blueprint.ZONES`).
    :param label: the zone's label in the language read (``Direction (demand side)``).
    :param blocks: the zone's blocks.
    """

    zone: Zone
    label: str
    blocks: tuple[BlockView, ...]

    @property
    def key(self) -> str:
        """The zone's key (``direction``), safe for ids and class names."""
        return self.zone.key.value

    @property
    def code(self) -> str:
        """The zone's code (``A``)."""
        return self.zone.code


#: Marks the lines of a block against an earlier version: ``(block, items) -> (state, items)``,
#: where ``state`` is the block's :attr:`BlockView.state` and ``items`` its lines with each
#: :attr:`Item.state` set, lines that show what was removed included.
Marker = Callable[[Block, list[Item]], tuple[str | None, list[Item]]]


def _block_view(read: Reader, block: Block, mark: Marker | None) -> BlockView:
    items = BUILDERS[block.key](read)
    note = read.canvas.note(block.key).strip()
    if note:
        items.append(Item(read.word("note"), note, (f"notes.{block.key.value}",)))
    state = None
    if mark is not None:
        state, items = mark(block, items)
    return BlockView(
        block=block,
        label=block.label(read.language),
        items=tuple(items),
        questions=block.guiding_questions(read.language),
        language=read.language,
        state=state,
    )


def read_blocks(canvas: Canvas, language: Language | None = None) -> tuple[BlockView, ...]:
    """Every block of ``canvas``, all eighteen in blueprint order (``A1`` ... ``D2``).

    :param language: the language of the labels and fixed words; ``None`` (the default) reads
        in the language of the moment (:func:`cmc_core.translation.current_language`).
    """
    read = Reader(canvas, current_language() if language is None else language)
    return tuple(_block_view(read, block, None) for block in BLOCKS)


def read_zones(
    canvas: Canvas, language: Language | None = None, mark: Marker | None = None
) -> tuple[ZoneView, ...]:
    """Every zone of ``canvas`` with its blocks, in blueprint order.

    :param language: the language of the labels and fixed words; ``None`` (the default) reads
        in the language of the moment (:func:`cmc_core.translation.current_language`).
    :param mark: marks changed lines and adds removed ones, for a comparison with an earlier
        version (the built-in exporters' ``--compare``); ``None`` marks nothing.
    """
    read = Reader(canvas, current_language() if language is None else language)
    views: dict[str, list[BlockView]] = {zone.key.value: [] for zone in ZONES}
    for block in BLOCKS:
        views[block.zone.value].append(_block_view(read, block, mark))
    return tuple(
        ZoneView(
            zone,
            zone.label_nl if read.language is Language.NL else zone.label_en,
            tuple(views[zone.key.value]),
        )
        for zone in ZONES
    )
