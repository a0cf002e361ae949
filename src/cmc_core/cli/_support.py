"""What every command shares: the user-error exception, colour choice and "did you mean" hints.

Nothing here knows about canvases; it is the plumbing between click and the library.
"""

from __future__ import annotations

import difflib
import os
import re
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
    "terminal_safe",
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
  2    usage, I/O, configuration or file-format error, or a failing plugin
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
        """Print the message to stderr (a file name or a canvas text in it cannot control the
        terminal)."""
        message = terminal_safe(self.format_message())
        click.echo(f"Error: {message}" if self.prefix else message, err=True)


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


#: Characters a canvas's text must not send to a terminal: C0 controls but tab and newline (ESC
#: starts colour codes, OSC titles, OSC 8 links and OSC 52 clipboard writes), DEL, C1 controls,
#: bidi controls that reorder what is shown, and the line and paragraph separators.
_UNSAFE_FOR_TERMINAL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]"
)


# The characters above that JSON and TOML may hold raw inside a string (C0 controls and DEL
# they escape themselves): C1 controls, bidirectional marks, overrides and isolates, and the
# line and paragraph separators.
_RAW_IN_DATA = re.compile("[\x80-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def data_terminal_safe(text: str) -> str:
    """JSON or TOML text with every character that could control a terminal written as a
    ``\\uXXXX`` escape: the same data for any reader, since such a character can only stand
    inside a string, where both formats read the escape as the character."""
    return _RAW_IN_DATA.sub(lambda match: f"\\u{ord(match.group()):04x}", text)


def terminal_safe(text: str) -> str:
    """``text`` with every character that could control or reorder a terminal's display shown
    as ``\\uXXXX`` instead: what a canvas says is printed, never obeyed. Colours ``cmc``
    adds itself are styled around such text afterwards."""
    return _UNSAFE_FOR_TERMINAL.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
