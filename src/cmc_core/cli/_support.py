"""What every command shares: the user-error exception, colour choice and "did you mean" hints.

Nothing here knows about canvases; it is the plumbing between click and the library.
"""

from __future__ import annotations

import difflib
import os
from collections.abc import Iterable, Mapping
from typing import IO, Any

import click

__all__ = [
    "EXIT_CODES_EPILOG",
    "EXIT_ERRORS_FOUND",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USER_ERROR",
    "CliError",
    "did_you_mean",
    "use_color",
]

#: No error-level diagnostics (and nothing went wrong).
EXIT_OK = 0
#: Error-level diagnostics were found.
EXIT_ERRORS_FOUND = 1
#: Usage, I/O, configuration or file-format error: the command could not do its job.
EXIT_USER_ERROR = 2
#: Interrupted with Ctrl-C (128 + SIGINT, the shell convention).
EXIT_INTERRUPTED = 130


EXIT_CODES_EPILOG = """\
\b
Exit status:
  0    no error-level diagnostics
  1    error-level diagnostics found
  2    usage, I/O, configuration or file-format error
  130  interrupted
"""


class CliError(click.ClickException):
    """A user error: one clear message on stderr and exit status 2, never a traceback.

    :param message: what went wrong, ideally with what was expected instead.
    :param prefix: ``False`` for messages that already say where (``file:line:col: ...``
        lines), which are printed as they are.
    """

    exit_code = EXIT_USER_ERROR

    def __init__(self, message: str, *, prefix: bool = True) -> None:
        super().__init__(message)
        self.prefix = prefix

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the message to stderr."""
        text = f"Error: {self.format_message()}" if self.prefix else self.format_message()
        click.echo(text, err=True)


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest of ``choices`` to a mistyped ``word``, or ``''`` when none is.

    Matching ignores case, so ``cmc001`` suggests ``CMC001``.
    """
    by_folded = {choice.casefold(): choice for choice in choices}
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return f" Did you mean '{by_folded[close[0]]}'?" if close else ""


def use_color(
    override: bool | None,
    stream: IO[Any],
    environ: Mapping[str, str] | None = None,
) -> bool:
    """Whether to colour output written to ``stream``.

    An explicit ``--color``/``--no-color`` wins. Otherwise colour is off when ``NO_COLOR`` is set
    to anything non-empty (https://no-color.org) or ``TERM`` is ``dumb``, forced on by a
    non-empty ``FORCE_COLOR`` other than ``0``, and else used only on a terminal.
    """
    if override is not None:
        return override
    env = os.environ if environ is None else environ
    if env.get("NO_COLOR") or env.get("TERM") == "dumb":
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a closed or unusual stream is not a terminal
        return False
