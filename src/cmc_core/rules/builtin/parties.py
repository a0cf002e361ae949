"""Rules about the parties themselves: names that are near-duplicates, and parties with no role.

CMC028 near-duplicate-party-names and CMC029 party-roles. Both catch a slip of the keyboard in
a workshop: a facilitator who types ``Supercoop`` where the canvas has ``SuperCoop
Geldermalsen`` makes a second party, with no role, that quietly takes over what the first one
does. Names are compared by a key (:func:`name_words`): Unicode-decomposed, accents dropped,
case-folded, split into words. Two names are near when their keys are equal once the spaces are
gone, or when one name's words are the first words of the other's. Each name is looked up
once per word boundary in a dictionary, so the rules stay linear in the number of parties
(times the words of a name), whatever the size of the canvas.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterator

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Finding, Severity
from cmc_core.model import Party
from cmc_core.rules.builtin._common import describe, quote, rule
from cmc_core.rules.engine import RuleContext
from cmc_core.rules.index import CanvasIndex
from cmc_core.translation import N_, Messages

__all__ = ["name_words", "near_duplicate_party_names", "near_names", "party_roles"]

_ = Messages("cmc_core", "rules")

#: A word of a name: letters and digits (an underscore separates words, as punctuation does).
_WORD = re.compile(r"[^\W_]+")
#: A name shorter than this (spaces left out) is never taken for the start of another name:
#: ``De`` is the first word of too many Dutch names to mean anything.
MIN_PREFIX = 3
#: A party is compared with at most this many of the parties of one name (the first ones), so
#: that a canvas of a thousand parties of one name stays linear.
_ANCHORS = 3
#: Where the near names of a canvas are kept on its index, computed once for both rules.
_CACHE = "_cmc_near_names"


def name_words(name: str) -> tuple[str, ...]:
    """The words of ``name`` as names are compared: accents dropped, case folded, punctuation
    and spaces taken as word breaks (``Café-Rotterdam B.V.`` -> ``cafe rotterdam b v``)."""
    if name.isascii():  # most names: nothing to decompose, and lower() is casefold()
        return tuple(_WORD.findall(name.lower()))
    decomposed = unicodedata.normalize("NFKD", name)
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return tuple(_WORD.findall(plain.casefold()))


def _weight(party: Party, flows: Counter[str | None]) -> tuple[int, int]:
    """How much of the canvas a party carries: its roles, then its flows."""
    return (len(party.roles), flows[party.id])


def _alike(first: Party, second: Party, exact: bool) -> bool:
    """Whether two parties whose names are near are worth a finding. Names that differ only in
    case, accents or punctuation always are; a name that starts another is, unless both are of
    one organisation (seats of one firm are named after it) or both hold roles and not the
    same ones (``Rabobank`` the supplier and ``Rabobank Foundation`` the financier)."""
    if exact:
        return True
    if first.organisation_id == second.organisation_id:
        return False
    if first.roles and second.roles:
        return set(first.roles) == set(second.roles)
    return True


def near_names(canvas: Canvas, index: CanvasIndex) -> dict[int, list[int]]:
    """Per party position, the positions of the parties whose names are near its own, in
    document order; parties without a near name are left out. Computed once per index."""
    cached: dict[int, list[int]] | None = index.__dict__.get(_CACHE)
    if cached is not None:
        return cached
    parties = canvas.parties
    by_key: dict[str, list[int]] = {}
    words_of: list[tuple[str, ...]] = []
    for position, party in enumerate(parties):
        words = name_words(party.name)
        words_of.append(words)
        if words:
            by_key.setdefault("".join(words), []).append(position)
    # The anchors of a name are its parties with the most roles, then the first by id (and by
    # the whole record, should ids repeat), not the first in the file: reordering the parties
    # changes no finding.
    for group in by_key.values():
        group.sort(key=lambda position: (-len(parties[position].roles), *_order(parties[position])))
    pairs: set[tuple[int, int]] = set()
    for group in by_key.values():  # equal but for case, accents, spaces and punctuation
        for order, later in enumerate(group[1:], start=1):
            pairs.update((earlier, later) for earlier in group[: min(order, _ANCHORS)])
    for position, words in enumerate(words_of):
        start = ""
        for word in words[:-1]:  # the name's first words: is another party named so?
            start += word
            if len(start) < MIN_PREFIX or start not in by_key:
                continue
            for other in by_key[start][:_ANCHORS]:
                if _alike(parties[other], parties[position], exact=False):
                    pairs.add((min(other, position), max(other, position)))
    found: dict[int, list[int]] = {}
    for first, second in sorted(pairs):
        if first != second:
            found.setdefault(first, []).append(second)
            found.setdefault(second, []).append(first)
    for neighbours in found.values():
        neighbours.sort()
    index.__dict__[_CACHE] = found
    return found


def _flow_counts(canvas: Canvas, index: CanvasIndex, wanted: set[str]) -> Counter[str | None]:
    """How many flows each of the ``wanted`` parties is in (as from or to)."""
    counted: Counter[str | None] = Counter()
    for key in index.flow_froms:
        if key in wanted:
            counted[key] += 1
    for key in index.flow_tos:
        if key in wanted:
            counted[key] += 1
    return counted


def _best(canvas: Canvas, positions: list[int], flows: Counter[str | None]) -> int:
    """The position of the party that carries the most (roles, then flows; on a tie the one
    whose id sorts first, so that the order of the file does not matter)."""
    parties = canvas.parties
    return min(positions, key=lambda p: (_negated(_weight(parties[p], flows)), _order(parties[p])))


def _order(party: Party) -> tuple[str, str]:
    """How ties between parties are broken: by id, then by the whole record (ids may repeat in
    a canvas with errors), never by place in the file."""
    return (party.id, repr(party))


def _negated(weight: tuple[int, int]) -> tuple[int, int]:
    return (-weight[0], -weight[1])


@rule(
    code="CMC028",
    name="near-duplicate-party-names",
    severity=Severity.WARNING,
    title=N_("No two parties have nearly the same name"),
    rationale=N_(
        "Every party is one organisation's seat in the community, with its roles (domain.md "
        "3.3). Two parties whose names differ only in case, accents, spaces or punctuation, or "
        "where one name is the start of the other (Supercoop and SuperCoop Geldermalsen), are "
        "most likely one party typed twice: the second one takes over part of what the first "
        "does, and the market counts of V01 and V19 are made on the wrong parties. The finding "
        "is on the party that carries less (fewer roles, then fewer flows) and names the other. "
        "Parties of one organisation, and parties that both hold roles but not the same ones, "
        "may share the start of a name."
    ),
    source="domain.md 3.3, 3.4 V01, V19",
)
def near_duplicate_party_names(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per party whose name is near a party that carries more than it does."""
    index = context.index
    near = near_names(canvas, index)
    if not near:
        return
    parties = canvas.parties
    flows = _flow_counts(canvas, index, {parties[p].id for p in near})
    for position in sorted(near):
        party = parties[position]
        best = _best(canvas, near[position], flows)
        mine, theirs = _weight(party, flows), _weight(parties[best], flows)
        if mine > theirs or (mine == theirs and _order(party) < _order(parties[best])):
            continue  # the other party gets the finding, naming this one
        other = parties[best]
        yield Finding(
            message=_(
                "{party} has nearly the same name as {other}; did you mean {name}? If they are "
                "one party, merge them; if not, give them names that tell them apart.",
                party=describe(party),
                other=describe(other),
                name=quote(other.name.strip()),
            ),
            path=f"parties[{position}].name",
            subject=party.id,
        )


@rule(
    code="CMC029",
    name="party-roles",
    severity=Severity.WARNING,
    title=N_("Every party holds at least one role"),
    rationale=N_(
        "The sources give every party of a domain a role: the market parties (aanbieders, "
        "afnemers), the domain leader, the network leaders, and the other stakeholders such as "
        "experts, government, financiers, NGOs and software builders [S2] (domain.md 3.3). A "
        "party with no role is counted by no rule: it is neither supplier nor demander, so "
        "the market checks (V01, V19) pass it by. It is most often a name typed for another "
        "party, so the finding says which party's name it is near."
    ),
    source="domain.md 3.3, 3.4 V01, V19; [S2]",
)
def party_roles(canvas: Canvas, context: RuleContext) -> Iterator[Finding]:
    """Yield a finding per party without a role, with a did-you-mean when its name is near
    another party's."""
    roleless = [position for position, party in enumerate(canvas.parties) if not party.roles]
    if not roleless:
        return
    index = context.index
    near = near_names(canvas, index)
    parties = canvas.parties
    wanted = {parties[o].id for p in roleless for o in near.get(p, ())}
    flows = _flow_counts(canvas, index, wanted) if wanted else Counter()
    for position in roleless:
        party = parties[position]
        others = near.get(position)
        if others:
            other = parties[_best(canvas, others, flows)]
            message = _(
                "{party} holds no role, and its name is nearly that of {other}; did you mean "
                "{name}? If so, name that party instead; if not, give this one its roles.",
                party=describe(party),
                name=quote(other.name.strip()),
                other=describe(other),
            )
        else:
            message = _(
                "{party} holds no role: give it at least one (supplier, demander, end customer, "
                "network leader ...), so that the rules can count it where it belongs.",
                party=describe(party),
            )
        yield Finding(message=message, path=f"parties[{position}].roles", subject=party.id)
