"""Which language a command speaks: ``--lang``, else the canvas's, else ``CMC_LANG``/the locale.

Every command that prints sentences takes ``--lang`` (:data:`language_option`) and runs its work
inside :func:`speaking`, so that rule messages, score reasons, labels and the command's own
messages all come from the catalogs of one language (:mod:`cmc_core.translation`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TypeVar

import click

from cmc_core.canvas import Canvas
from cmc_core.translation import environment_language, language_of, using_language
from cmc_core.vocabulary import Language

__all__ = ["LANGUAGE_CHOICE", "chosen", "language_option", "speaking"]

F = TypeVar("F", bound=Callable[..., object])

#: The values ``--lang`` accepts.
LANGUAGE_CHOICE = click.Choice([language.value for language in Language])


def language_option(help_text: str, *, reads_canvas: bool = True) -> Callable[[F], F]:
    """The ``--lang`` option of a command, with its own help text (what the language changes);
    ``reads_canvas=False`` for a command without a canvas, whose default is the environment's."""
    default = (
        "Default: the canvas's meta.language, else CMC_LANG or the locale."
        if reads_canvas
        else "Default: CMC_LANG, else the locale."
    )
    return click.option(
        "--lang", "lang", type=LANGUAGE_CHOICE, default=None, help=f"{help_text} {default}"
    )


def chosen(option: str | None, canvas: Canvas | None = None) -> Language:
    """The language of a command: ``--lang``, else the canvas's, else the environment's."""
    language = language_of(option)
    if language is not None:
        return language
    if canvas is not None:
        return canvas.meta.language
    return environment_language()


@contextmanager
def speaking(option: str | None, canvas: Canvas | None = None) -> Iterator[Language]:
    """Run the block in the command's language (as ``chosen`` picks it: ``--lang``, else the
    canvas's own, else ``CMC_LANG`` or the locale)."""
    with using_language(chosen(option, canvas)) as language:
        yield language
