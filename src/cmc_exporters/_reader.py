"""Reading a canvas for the report exporters: the lines of a block and how they name things.

:class:`Reader` reads a canvas in one language for :mod:`cmc_exporters.blocks`: it names
parties and values instead of giving their ids, labels lines with the fixed words of
:mod:`cmc_exporters._words`, and says schema version 2's facts (groups, owners, shares,
provenance) with :mod:`cmc_exporters._facts`. An :class:`Item` is one line of a block.

The text here is the canvas's raw text: each exporter escapes it for its format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diffing import id_segment
from cmc_core.model import Party, Stake
from cmc_core.vocabulary import FactorKey, Language, Provenance, label
from cmc_exporters._facts import owners, percent, provenance_marker, represents
from cmc_exporters._words import say

__all__ = ["Item", "Reader", "capitalised"]


def capitalised(text: str) -> str:
    """``text`` with its first letter in upper case (vocabulary labels are lower case)."""
    return text[:1].upper() + text[1:]


@attrs.frozen
class Item:
    """One line of a block: a field (``Goal``), an entity (a party, a value) or a plain line.

    :param label: what the line is (``Goal``), or ``None`` for a plain line.
    :param text: the content.
    :param paths: the logical paths of what the line shows, for marking changes.
    :param state: ``added`` or ``changed`` when compared with an earlier version, ``removed``
        for a line that shows what is gone; ``None`` otherwise.
    """

    label: str | None
    text: str
    paths: tuple[str, ...] = ()
    state: str | None = None

    @property
    def line(self) -> str:
        """The line as one text: ``Goal: a shared port community system``, or the text alone
        when the line has no label."""
        return self.text if self.label is None else f"{self.label}: {self.text}"


class Reader:
    """Reads a canvas in one language, naming parties and values instead of giving ids."""

    def __init__(self, canvas: Canvas, language: Language) -> None:
        self.canvas = canvas
        self._favoured = canvas.favoured_ids()
        self.language = language
        self.parties: dict[str, str] = {}
        for party in canvas.parties:
            self.parties.setdefault(party.id, party.name.strip() or party.id)
        self.values: dict[str, str] = {}
        for value in canvas.values:
            self.values.setdefault(value.id, value.name.strip() or value.id)

    def word(self, key: str, **values: object) -> str:
        """A fixed word in the reader's language."""
        return say(key, self.language, **values)

    def party(self, party_id: str | None) -> str:
        """A party's name; its id when it has no name or is unknown; ``?`` when unset."""
        return "?" if party_id is None else self.parties.get(party_id, party_id)

    def party_list(self, party_ids: Iterable[str]) -> str:
        """Parties by name, joined by commas."""
        return ", ".join(self.party(party_id) for party_id in party_ids)

    def owners(self, stakes: Iterable[Stake]) -> str:
        """Owners by name with their shares: ``Port Authority (60 %), City``."""
        return owners(stakes, self.party, self.language)

    def value(self, value_id: str | None) -> str:
        """A value's name; its id when it has no name or is unknown; ``?`` when unset."""
        return "?" if value_id is None else self.values.get(value_id, value_id)

    def marked(self, text: str, provenance: Provenance | None) -> str:
        """``text`` led by ``(inferred)`` or ``(unverified)`` where that is how it is known.

        The marker comes first, next to the line's label (the party, the decision right), so
        that it cannot be read as the mark of whatever the text happens to end with: the last
        owner or holder listed, a resistance's mitigation.
        """
        marker = provenance_marker(provenance, self.language)
        return f"{marker} {text}".strip() if marker else text

    def field(self, key: str, text: str | None, path: str) -> list[Item]:
        """A labelled line, or nothing when the text is blank."""
        if text is None or not text.strip():
            return []
        return [Item(self.word(key), text.strip(), (path,))]

    def listed(self, key: str, items: Iterable[str], path: str) -> list[Item]:
        """A labelled line of the non-blank items joined by semicolons, or nothing."""
        return self.field(key, "; ".join(item.strip() for item in items if item.strip()), path)

    def factor(self, key: FactorKey) -> list[Item]:
        """A connecting factor's answer and maturity (out of 3), each when given."""
        factor = self.canvas.factor(key)
        path = f"factors.{key.value}"
        items = [Item(None, factor.answer.strip(), (path,))] if factor.is_answered else []
        if factor.maturity is not None:
            items.append(Item(self.word("maturity"), f"{factor.maturity}/3", (path,)))
        return items

    def percent(self, value: float | None) -> str | None:
        """A percentage as the language writes it (``12,5 %`` in Dutch), or ``None``."""
        return None if value is None else percent(value, self.language)

    def profile(self, party: Party, with_roles: bool) -> str:
        """What a block says of a party: its roles (if asked), specialisation, the organisations
        it stands for, flags and owners, led by its provenance marker (:meth:`marked`), next to
        its name: ``(inferred) network leader · owners: Port Authority (60 %), City``."""
        parts = (
            [", ".join(label(role, self.language) for role in party.roles)] if with_roles else []
        )
        parts.append(party.specialisation.strip())
        if party.represents is not None:
            parts.append(represents(party.represents, self.language))
        for flag, key in (
            (party.serves_end_customer, "serves_end_customer"),
            (party.external, "external"),
            (party.id in self._favoured, "privileged"),
        ):
            if flag:
                parts.append(self.word(key))
        if party.owners:
            parts.append(f"{self.word('owned_by')}: {self.owners(party.owners)}")
        return self.marked(" · ".join(part for part in parts if part), party.provenance)

    def party_items(self, wanted: Callable[[Party], bool], with_roles: bool) -> list[Item]:
        """A line per party that ``wanted`` accepts, named, with its profile."""
        return [
            Item(self.party(p.id), self.profile(p, with_roles), (f"parties{id_segment(p.id)}",))
            for p in self.canvas.parties
            if wanted(p)
        ]
