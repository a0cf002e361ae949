"""What every command shares: the user-error exception, colour choice, "did you mean" hints and
the notes on stderr that ``cmc --quiet`` silences and ``cmc --verbose`` adds to.

Nothing here knows about canvases; it is the plumbing between click and the library.
"""

from __future__ import annotations

import contextlib
import difflib
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, Literal

import click

from cmc_core.translation import N_, Messages, current_language

_ = Messages("cmc_core", "cli")
N_("Error: {message}")  # shown by CliError.show, in the language the error was made in

__all__ = [
    "EXIT_CODES_EPILOG",
    "EXIT_ERRORS_FOUND",
    "EXIT_INTERRUPTED",
    "EXIT_OK",
    "EXIT_USER_ERROR",
    "CliError",
    "Verbosity",
    "aligned",
    "as_cli_error",
    "detail",
    "did_you_mean",
    "display_width",
    "errors_said_here",
    "note",
    "store_verbosity",
    "terminal_safe",
    "use_color",
    "verbosity",
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
        #: The language the message was made in: its prefix says ``Error:`` in the same one.
        self.language = current_language()

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the message to stderr (a file name or a canvas text in it cannot control the
        terminal)."""
        message = terminal_safe(self.format_message())
        if self.prefix:
            message = _.translate("Error: {message}", self.language).format(message=message)
        click.echo(message, err=True)


def as_cli_error(error: Exception) -> CliError:
    """The user-facing form of a library error (a :class:`~cmc_core.errors.CmcError`).

    A file that cannot be loaded already says where (``file:line:col: message`` per problem),
    so its message is printed as it is; other errors get the ``Error:`` prefix.
    """
    from_file = hasattr(error, "problems") and str(error).strip() != ""
    return CliError(str(error) or type(error).__name__, prefix=not from_file)


@contextlib.contextmanager
def errors_said_here() -> Iterator[None]:
    """Turn a library error raised in the block into a :class:`CliError` made in the block's
    language, so that its ``Error:`` speaks the language of its message."""
    from cmc_core.errors import CmcError

    try:
        yield
    except CmcError as error:
        raise as_cli_error(error) from None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """A hint naming the closest of ``choices`` to a mistyped ``word``, or ``''`` when none is.

    Matching ignores case, so ``cmc001`` suggests ``CMC001``. The hint starts with a space, to
    follow a sentence.
    """
    by_folded = {choice.casefold(): choice for choice in choices}
    close = difflib.get_close_matches(word.casefold(), list(by_folded), n=1, cutoff=0.6)
    return " " + _("Did you mean '{name}'?", name=by_folded[close[0]]) if close else ""


# -- --quiet and --verbose -----------------------------------------------------------------------

#: How much a command says on stderr besides its results and errors.
Verbosity = Literal["quiet", "normal", "verbose"]
_VERBOSITY_KEY = "cmc.verbosity"


def store_verbosity(ctx: click.Context, level: Verbosity) -> None:
    """Remember ``cmc --quiet`` or ``--verbose`` for every command of this invocation."""
    ctx.meta[_VERBOSITY_KEY] = level


def verbosity(ctx: click.Context | None = None) -> Verbosity:
    """How much this invocation says: ``"normal"`` outside a command or when not chosen."""
    ctx = ctx or click.get_current_context(silent=True)
    if ctx is None:
        return "normal"
    level: Verbosity = ctx.meta.get(_VERBOSITY_KEY, "normal")
    return level


def note(text: str) -> None:
    """A note on stderr (what was written, where answers are kept, progress): left out with
    ``cmc --quiet``, which keeps only results, warnings and errors."""
    if verbosity() != "quiet":
        click.echo(terminal_safe(text), err=True)


def detail(text: str) -> None:
    """A detail on stderr that only ``cmc --verbose`` shows: which configuration file, which
    plugins, which language were used."""
    if verbosity() == "verbose":
        click.echo(terminal_safe(text), err=True)


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


# -- tables ----------------------------------------------------------------------------------------


def display_width(text: str) -> int:
    """How many terminal columns ``text`` takes: wide East Asian characters take two, combining
    marks and zero-width characters none."""
    width = 0
    for char in text:
        if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def aligned(rows: list[list[str]], gap: str = "  ") -> str:
    """The rows as a table whose columns line up on a terminal (by :func:`display_width`); the
    last column is not padded, so no line ends in spaces."""
    if not rows:
        return ""
    columns = max(len(row) for row in rows)
    widths = [
        max((display_width(row[i]) for row in rows if i < len(row)), default=0)
        for i in range(columns - 1)
    ]
    lines = []
    for row in rows:
        cells = [
            cell + " " * (widths[i] - display_width(cell)) if i < len(row) - 1 else cell
            for i, cell in enumerate(row)
        ]
        lines.append(gap.join(cells).rstrip())
    return "\n".join(lines)
