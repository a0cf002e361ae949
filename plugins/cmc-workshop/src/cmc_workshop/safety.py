"""Text a participant or the facilitator may not put in the canvas: invisible characters.

A name already refuses them (:func:`cmc_workshop.folder.checked_name`); answers and decisions
go into the canvas, its exports and the projector, where a control character can garble a
terminal or a file and a bidi override (U+202E) can make ``Alice`` read as another text than
the one stored. So every text of an answer, also inside a list or a party, is refused when it
holds a C0 or C1 control character other than a tab (and a line break, where the question
takes several lines), a line or paragraph separator (U+2028, U+2029) or a direction control
(U+200E, U+200F, U+061C, U+202A-U+202E, U+2066-U+2069). Pure: no I/O.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from cmc_core.questionnaires import Question, QuestionKind
from cmc_core.translation import Messages

__all__ = ["invisible_problems", "unsafe_text"]

_ = Messages("cmc_workshop", "cmc_workshop")

_DIRECTION = frozenset(
    "\u200e\u200f\u061c\u2028\u2029"
    + "".join(chr(c) for c in range(0x202A, 0x202F))
    + "".join(chr(c) for c in range(0x2066, 0x206A))
)
#: The kinds whose text (the whole answer, not an item of it) may hold line breaks.
_SEVERAL_LINES = frozenset({QuestionKind.LONG_TEXT, QuestionKind.TEXT_LIST})


def _refused(character: str, *, lines: bool) -> bool:
    code = ord(character)
    if character == "\t" or (character == "\n" and lines):
        return False
    if code < 0x20 or 0x7F <= code <= 0x9F:
        return True
    return character in _DIRECTION


def unsafe_text(value: object, *, lines: bool = False) -> bool:
    """Whether ``value`` (a text, or texts inside lists and mappings, keys too) holds a
    character refused above; ``lines``: a line break is allowed in ``value`` itself (not in
    the texts inside it)."""
    if isinstance(value, str):
        return any(_refused(character, lines=lines) for character in value)
    if isinstance(value, Mapping):
        return any(unsafe_text(k) or unsafe_text(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(unsafe_text(item) for item in value)
    return False


def invisible_problems(
    questions: Iterable[Question], given: Mapping[str, object]
) -> dict[str, str]:
    """A problem per answer in ``given`` (question id -> value) holding a refused character,
    in question order."""
    kinds = {question.id: question.kind for question in questions}
    order = {question_id: index for index, question_id in enumerate(kinds)}
    message = _(
        "the answer holds control characters or invisible direction marks; type it again "
        "without them"
    )
    found = [
        str(question_id)
        for question_id, value in given.items()
        if unsafe_text(value, lines=kinds.get(str(question_id)) in _SEVERAL_LINES)
    ]
    found.sort(key=lambda question_id: (order.get(question_id, len(order)), question_id))
    return dict.fromkeys(found, message)
