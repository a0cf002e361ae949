"""Which known party a typed name probably means: the did-you-mean of the interactive prompts.

At a prompt, ``Supercoop`` typed for ``SuperCoop Geldermalsen`` would otherwise make a second
party, with no roles, that quietly takes over what the first one does. :func:`meant_name` finds
the known name a new name is close to, so that the prompt can ask before adding it;
:func:`with_meant_names` asks it for every party of a typed answer.

Two names are close when, compared without case, accents, spaces and punctuation, one starts
with the other (``Supercoop`` / ``SuperCoop Geldermalsen``), or they differ by a typo of a
letter or two (``Alpa Shipping`` / ``Alpha Shipping``). Names that are the same apart from case
are the same party (the canvas resolves names without case), so they are not asked about.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from typing import Any

__all__ = ["folded", "meant_name", "with_meant_names"]

#: The shortest folded name taken as the start of a longer one: ``Al`` means nothing yet.
SHORTEST_PREFIX = 4
#: How alike two folded names must be to count as one name with a typo (difflib's ratio).
TYPO_RATIO = 0.85
#: How many letters a typo may add or drop: more is another name (``qs-demanders`` and
#: ``qs-serving-demanders`` are two parties, however alike).
TYPO_LENGTH = 2


def folded(name: str) -> str:
    """A name as it is compared: lower case, without accents, spaces or punctuation."""
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "", plain.casefold())


def meant_name(name: str, known: Iterable[str]) -> str | None:
    """The known name that ``name`` is close to but not the same as, or ``None``.

    ``None`` too when ``name`` is a known name apart from case (it is that party).
    """
    names = [k for k in dict.fromkeys(known) if k]
    wanted = name.strip().casefold()
    if not wanted or any(k.strip().casefold() == wanted for k in names):
        return None
    short = folded(name)
    if not short:
        return None
    for candidate in names:
        other = folded(candidate)
        if other == short:
            return candidate
        shorter, longer = sorted((short, other), key=len)
        if len(shorter) >= SHORTEST_PREFIX and longer.startswith(shorter):
            return candidate
    by_folded = {
        folded(candidate): candidate
        for candidate in names
        if abs(len(folded(candidate)) - len(short)) <= TYPO_LENGTH
    }
    close = difflib.get_close_matches(short, list(by_folded), n=1, cutoff=TYPO_RATIO)
    return by_folded[close[0]] if close else None


def with_meant_names(
    entries: Sequence[Any], known: Sequence[str], meant: Callable[[str, str], bool]
) -> list[Any]:
    """The parties of an answer, each new name close to a known one replaced by that known
    name when ``meant(name, known_name)`` says so (the prompt asks the person): the answer
    then names that party instead of adding another."""
    answered = []
    for entry in entries:
        name = entry.get("name") if isinstance(entry, dict) else None
        close = meant_name(name, known) if isinstance(name, str) else None
        if isinstance(name, str) and close is not None and meant(name, close):
            answered.append({**entry, "name": close})
        else:
            answered.append(entry)
    return answered
