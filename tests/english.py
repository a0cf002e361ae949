"""Find English in text meant to be Dutch: the stop-word test of the Dutch runs.

A Dutch run of a command may still show identifiers (rule codes, slugs such as
``several-suppliers-and-demanders``, field paths, options, file names) and the canvas's own
words; what it must not show is an English sentence. English function words that are no Dutch
words ("the", "and", "with", "has" ...) betray one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

#: English words that are not Dutch words too ("is", "was", "of", "in", "over" are left out).
_STOP_WORDS = """
    the and with has have not this that which for from should must needs were will would
    there their its into than when where what who how been does are no yet any only each every
    answered answers saved wrote stopped resuming range found problems error errors warning
    warnings flows steps score weak strong missing still because between inside without
"""
STOP_WORDS = frozenset(_STOP_WORDS.split())
#: Identifier-like tokens: slugs, snake_case, dotted paths, options, codes, file names, backticks.
_IDENTIFIERS = re.compile(
    r"`[^`]*`|--?[\w-]+|\b[\w.]*[_\-./\\:\[\]][\w.\-/\\:\[\]]*\b|\b[A-Z]+\d+\b|\[[^\]]*\]"
)
_WORD = re.compile(r"[A-Za-z]+")


def english_words(text: str, *, allowed: Iterable[str] = ()) -> list[str]:
    """The English stop-words in ``text`` outside identifiers, each with its line, such as
    ``"the (line 3: The community has ...)"``; ``allowed`` are words the input itself holds."""
    permitted = {word.lower() for word in allowed}
    found = []
    for number, line in enumerate(text.splitlines(), start=1):
        prose = _IDENTIFIERS.sub(" ", line)
        for word in _WORD.findall(prose):
            lowered = word.lower()
            if lowered in STOP_WORDS and lowered not in permitted:
                found.append(f"{lowered} (line {number}: {line.strip()[:120]})")
    return found
