"""Line editing for the interactive prompts, through prompt_toolkit, when a person is at a terminal.

The question loop (:mod:`cmc_core.cli.prompting`) reads through an :class:`Editor` when one is
given: the arrow keys move in the line and Up recalls the lines typed earlier in this run
(history), Tab completes the name of a known party or value and the value of a choice, and a
line can come back pre-filled (a rejected answer's lines, to edit one instead of typing all
again). Without a terminal (a pipe, a test) the loop reads plain lines as before, so scripts
see no change.

The prompt is drawn on stderr, as every question is, so that stdout holds only the result
(``cmc quickscan --format json``).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from prompt_toolkit import PromptSession

__all__ = ["Editor", "TerminalEditor", "completions", "terminal_editor"]

#: What separates the names in an entity line: ``A -> B; value=V, W``.
_SEPARATOR = re.compile(r"->|;|,|=")
#: Terminals that cannot move the cursor: they get plain line prompts.
_DUMB_TERMINALS = frozenset({"dumb", "unknown"})


class Editor(Protocol):
    """Reads one line with editing; see the module docstring."""

    def read(self, prompt: str, *, default: str = "", words: Sequence[str] = ()) -> str:
        """The typed line without its newline.

        :param default: the text the line starts with, to be edited.
        :param words: what Tab completes: party names, value names, choices.
        :raises EOFError: the input was closed (Ctrl-D).
        :raises KeyboardInterrupt: Ctrl-C.
        """
        ...


def completions(text_before_cursor: str, words: Iterable[str]) -> list[tuple[str, int]]:
    """What Tab offers: each word that starts (without case) with the name being typed, as
    ``(word, start)`` where ``start`` is minus the length of the fragment it replaces.

    The name being typed is what follows the last separator (``->``, ``;``, ``,``, ``=``) and its
    spaces, so a party is completed in a flow (``A -> Sup``) or a list (``x, Sup``) too.
    """
    fragment = _SEPARATOR.split(text_before_cursor)[-1].lstrip()
    folded = fragment.casefold()
    return [
        (word, -len(fragment))
        for word in dict.fromkeys(words)
        if word.casefold().startswith(folded) and word != fragment
    ]


class TerminalEditor:
    """An :class:`Editor` over one prompt_toolkit session: the history spans the whole run."""

    def __init__(self, session: PromptSession[str]) -> None:
        self._session = session

    def read(self, prompt: str, *, default: str = "", words: Sequence[str] = ()) -> str:
        """See :meth:`Editor.read`."""
        from prompt_toolkit.completion import Completer, Completion
        from prompt_toolkit.document import Document

        class _Names(Completer):
            def get_completions(self, document: Document, event: object) -> Iterable[Completion]:
                for word, start in completions(document.text_before_cursor, words):
                    yield Completion(word, start_position=start)

        return self._session.prompt(
            prompt,
            default=default,
            completer=_Names() if words else None,
            complete_while_typing=False,
        )


def terminal_editor() -> Editor | None:
    """A line editor when stdin and stderr are terminals (where the prompts are), else ``None``:
    also for ``TERM=dumb`` (a terminal that cannot move the cursor gets plain line prompts)."""
    if os.environ.get("TERM", "") in _DUMB_TERMINALS:
        return None
    try:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            return None
    except (AttributeError, ValueError):
        return None
    from prompt_toolkit import PromptSession
    from prompt_toolkit.history import InMemoryHistory
    from prompt_toolkit.output import create_output

    session: PromptSession[str] = PromptSession(
        history=InMemoryHistory(), output=create_output(stdout=sys.stderr)
    )
    return TerminalEditor(session)
