"""The options ``cmc quickscan`` and ``cmc ask`` both take, and their exit-status epilogs.

In one place so that the two commands read the same in ``--help``: where the answers come from
(``--answers``, ``--resume``, ``--no-input``), where the canvas starts (``--canvas``) and goes
(``-o``, ``--force``), who answers (``--by``) and in which language (``--lang``).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import click

from cmc_core.cli.language import LANGUAGE_CHOICE

__all__ = ["ASK_EPILOG", "QUICKSCAN_EPILOG", "common_options"]

F = TypeVar("F", bound=Callable[..., Any])

_EXIT_EPILOG = """\
\b
Exit status:
  0    {ok}
  1    {not_ok}
  2    usage, I/O or file-format error, or an answer that does not fit its question
  130  interrupted (Ctrl-C or :q); the answers so far are saved, rerun to resume
"""
QUICKSCAN_EPILOG = _EXIT_EPILOG.format(
    ok="the verdict is 'suitable'", not_ok="the verdict is 'needs work' or 'not a community case'"
)
ASK_EPILOG = _EXIT_EPILOG.format(
    ok="the canvas has no error-level diagnostics", not_ok="error-level diagnostics found"
)
_LANGUAGE = LANGUAGE_CHOICE


def common_options(default_output: str | None, output_help: str) -> Callable[[F], F]:
    """The options both commands take, in one place so that they read the same."""
    options = [
        click.option(
            "--lang",
            type=_LANGUAGE,
            help="Language of the questions, the messages and the verdict. Default: the answers "
            "file's, else the --canvas file's, else CMC_LANG or the locale.",
        ),
        click.option(
            "--answers",
            "answers_file",
            metavar="FILE",
            type=click.Path(dir_okay=False, path_type=Path),
            help="Read every answer from this answers file and ask nothing (for scripts, CI "
            "and web apps); with --resume, go on answering in it in a terminal instead. "
            "Interactive runs save to OUT's name with .cmc-answers.yaml, and a rerun resumes "
            "there.",
        ),
        click.option(
            "-o",
            "--output",
            metavar="OUT",
            type=click.Path(dir_okay=False, path_type=Path),
            default=default_output,
            show_default=default_output is not None,
            help=output_help,
        ),
        click.option(
            "--by",
            metavar="NAME",
            help="Who answers: recorded with every answer and added to the canvas's "
            "meta.authors. Default: your login name (recorded with the answers only).",
        ),
        click.option("--force", is_flag=True, help="Overwrite OUT if it exists."),
        click.option(
            "--no-input",
            is_flag=True,
            help="Never ask: read every answer from --answers, even in a terminal.",
        ),
        click.option(
            "--resume",
            is_flag=True,
            help="With --answers FILE in a terminal: ask the questions still open in FILE.",
        ),
        click.option(
            "--canvas",
            "canvas_name",
            metavar="FILE",
            help="Start from this canvas (a file, or example:NAME): answers are applied on top "
            "of it, and its content is the current answer at each prompt.",
        ),
    ]

    def apply(function: F) -> F:
        for option in reversed(options):
            function = option(function)
        return function

    return apply
