"""Which facts of a canvas each of its sources stands behind: the other side of ``sources``.

Parties, flows, commonalities, decision rights, resistances and the waste block name their
sources by id (``sources: [D2, D5]``). A reader of an export's list of sources wants the
reverse: what rests on this report or interview. :func:`citations` gives, for each source id,
the entities that name it, in canvas order, each with its logical path (``parties[p-acme]``,
as :mod:`cmc_core.diffing` writes paths) and the name a reader knows it by.

The text here is the canvas's raw text: each exporter escapes it for its format.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

import attrs

from cmc_core.blueprint import BlockKey, block
from cmc_core.canvas import Canvas
from cmc_core.diffing import id_segment
from cmc_core.vocabulary import Language
from cmc_exporters._facts import number
from cmc_exporters._words import say

__all__ = ["Citation", "SourceRow", "citations", "cited_for", "source_rows"]

#: Longest description of a resistance named as what a source stands behind, in characters.
_PREVIEW = 60
#: How many names, and how many flow numbers, a source's line lists before it says how many more.
_MOST_NAMES, _MOST_FLOWS = 20, 10


@attrs.frozen
class Citation:
    """An entity naming a source.

    :param path: its logical path (``flows[f-1]``, ``waste``).
    :param name: what a reader knows it by: a name, a subject, a block (raw text).
    :param flow: the flow's number in the canvas's list of flows (from 1), for a flow.
    """

    path: str
    name: str
    flow: int | None = None


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _PREVIEW else text[: _PREVIEW - 1] + "…"


def _citing(canvas: Canvas, language: Language) -> Iterator[tuple[Sequence[str], Citation]]:
    """Every entity that names sources, with the ids it names. Entities naming none are passed
    over before anything is built for them: a large canvas has tens of thousands of flows."""
    for party in canvas.parties:
        if party.sources:
            citation = Citation(f"parties{id_segment(party.id)}", party.name.strip() or party.id)
            yield party.sources, citation
    for position, flow in enumerate(canvas.flows, 1):
        if flow.sources:
            name = say("flow_number", language, number=position)
            yield flow.sources, Citation(f"flows{id_segment(flow.id)}", name, position)
    for item in canvas.commonalities:
        if item.sources:
            name = item.name.strip() or item.id
            yield item.sources, Citation(f"commonalities{id_segment(item.id)}", name)
    for right in canvas.governance.decision_rights:
        if right.sources:
            path = f"governance.decision_rights{id_segment(right.id)}"
            yield right.sources, Citation(path, _short(right.subject) or right.id)
    for resistance in canvas.resistances:
        if resistance.sources:
            name = _short(resistance.description) or resistance.id
            yield resistance.sources, Citation(f"resistances{id_segment(resistance.id)}", name)
    if canvas.waste.sources:
        waste = block(BlockKey.WASTE_REDUCTION)
        yield canvas.waste.sources, Citation("waste", f"{waste.code} {waste.label(language)}")


def citations(canvas: Canvas, language: Language) -> dict[str, tuple[Citation, ...]]:
    """For each source id some entity names, the entities naming it, in canvas order (an
    entity naming a source twice counts once)."""
    found: dict[str, dict[Citation, None]] = {}
    for named, citation in _citing(canvas, language):
        for source_id in named:
            found.setdefault(source_id, {})[citation] = None
    return {source_id: tuple(cited) for source_id, cited in found.items()}


def cited_for(cited: Sequence[Citation], language: Language) -> str:
    """What a source stands behind, on one line: the names, then the flows by number
    (``HHLA, DAKOSY platform, flows #1, #2``). A long list is cut, saying how many more there
    are (``flows #1, #2, ... #10 and 4,990 more``): a line, not a register."""
    names = _cut([c.name for c in cited if c.flow is None], _MOST_NAMES, language)
    flows = [citation.flow for citation in cited if citation.flow is not None]
    if len(flows) == 1:
        names.append(say("flow_number", language, number=flows[0]))
    elif flows:
        numbers = _cut([f"#{number}" for number in flows], _MOST_FLOWS, language)
        names.append(say("flow_numbers", language, numbers=", ".join(numbers)))
    return ", ".join(names)


def _cut(items: list[str], most: int, language: Language) -> list[str]:
    """The first ``most`` items, and ``and 12 more`` for the rest."""
    if len(items) <= most:
        return items
    rest = say("more", language, count=number(len(items) - most, language))
    return [*items[: most - 1], f"{items[most - 1]} {rest}"]


@attrs.frozen
class SourceRow:
    """A source of the canvas as the report exporters list it (raw text), with what it stands
    behind."""

    id: str
    title: str
    publisher: str
    date: str
    url: str
    cited_for: str


def source_rows(canvas: Canvas, language: Language) -> tuple[SourceRow, ...]:
    """The canvas's sources, in its order, each with the facts that name it."""
    if not canvas.sources:
        return ()
    cited = citations(canvas, language)
    return tuple(
        SourceRow(
            id=source.id,
            title=source.title.strip(),
            publisher=source.publisher.strip(),
            date=source.date.strip(),
            url=source.url.strip(),
            cited_for=cited_for(cited.get(source.id, ()), language),
        )
        for source in canvas.sources
    )
