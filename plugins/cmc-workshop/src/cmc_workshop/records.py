"""The plain records of a workshop: who takes part, what was decided, and what went wrong.

:class:`Participant` and :class:`Decision` are frozen data, read from and written to the
workshop folder by :mod:`cmc_workshop.folder`; :class:`WorkshopError` is every refusal a user
can cause (a wrong token, a taken name, a folder that is no workshop), and
:class:`WorkshopIOError` a file that cannot be read or written, and
:class:`AnswersProblems` the refusal of answers that do not fit their questions, with one
``(question id, message)`` per answer, so that a web page can show each next to its field.
No I/O here.
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs
from cmc_core.errors import CmcError

__all__ = ["AnswersProblems", "Decision", "Participant", "WorkshopError", "WorkshopIOError"]


class WorkshopError(CmcError):
    """A refusal the user can act on; the message says what and why.

    The command line prints it with exit status 2; the web app answers 400, 403 or 409.
    """


class WorkshopIOError(WorkshopError):
    """A file of the workshop folder could not be read or written (a full disk, a directory
    where a file belongs, no permission): not the user's answer's fault, and nothing was
    changed. The message names the file; the web app answers 503 rather than 422."""


class AnswersProblems(WorkshopError):  # noqa: N818 (the contract's name)
    """Answers that do not fit their questions; nothing of the answers given was saved.

    :param problems: ``(question id, message)`` per refused answer, in question order.
    """

    def __init__(self, problems: Iterable[tuple[str, str]]) -> None:
        self.problems: tuple[tuple[str, str], ...] = tuple(problems)
        super().__init__("\n".join(f"{question}: {message}" for question, message in self.problems))


@attrs.frozen
class Participant:
    """Someone taking part in the workshop.

    :param name: the name they joined with, as they typed it (stripped).
    :param slug: the file-name part of their answers file (``answers/<slug>.cmc-answers.yaml``).
    :param token: their secret: whoever holds it answers as them.
    :param language: the language they chose when joining (``nl``, ``en``), if any: their
        pages speak it.
    """

    name: str
    slug: str
    token: str = attrs.field(repr=False)
    language: str | None = None


@attrs.frozen
class Decision:
    """An answer the group agreed on, written into the canvas.

    :param questionnaire: the questionnaire's name (``block-boundary``).
    :param question: the question's id.
    :param value: the answer, as checked (the canonical value ``cmc ask`` would write).
    :param by: who took the decision (the facilitator's name).
    :param at: when, as an ISO 8601 timestamp in UTC.
    :param agreed: the participants whose own answer was this value, by name.
    """

    questionnaire: str
    question: str
    value: object
    by: str
    at: str
    agreed: tuple[str, ...] = ()
