"""How every command reads a canvas named on the command line: a file, or ``example:NAME``.

``cmc check``, ``score``, ``export`` (and its ``--compare OLD``), ``diff``, ``convert`` and
``ask --canvas`` all read canvases through :func:`load_document`, so a name means the same and
a problem reads the same whichever command is given it: ``FILE: cannot read the file: No such
file or directory``, a list of ``FILE:LINE:COLUMN: problem`` lines for a file with bad content,
or the closest name for a mistyped example, each with exit status 2.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cmc_core.cli.output import EXAMPLE_PREFIX

if TYPE_CHECKING:
    from cmc_core.fileformat import CanvasDocument

__all__ = ["EXAMPLE_PREFIX", "example_name", "is_example", "load_document"]


def is_example(name: str) -> bool:
    """Whether a command-line canvas name names a bundled example (``example:NAME``)."""
    return name.startswith(EXAMPLE_PREFIX)


def example_name(example: str) -> str:
    """The command-line canvas name of the bundled example ``--example NAME`` names."""
    return EXAMPLE_PREFIX + example


def load_document(name: str) -> CanvasDocument:
    """The canvas a command-line name names, with where each part was written.

    :param name: a file (YAML, JSON or TOML, by its suffix), or ``example:NAME`` for a bundled
        example (``cmc examples`` lists them). The document's source is the name as given
        (``example:NAME`` for an example), so diagnostics say ``FILE:LINE:COLUMN``.
    :raises cmc_core.fileformat.CanvasLoadError: the file cannot be read, its suffix names no
        format, or its content has problems; every problem names the file.
    :raises cmc_core.examples.UnknownExampleError: no bundled example has the name; the message
        suggests the closest.

    Both are :class:`~cmc_core.errors.CmcError`, which the ``cmc`` group prints as one message
    on stderr with exit status 2; ``cmc check`` reports them per file and goes on.
    """
    from cmc_core.fileformat import load, loads

    if is_example(name):
        from cmc_core.examples import example_text, get

        example = get(name.removeprefix(EXAMPLE_PREFIX)).name
        return loads(example_text(example), "yaml", source=example_name(example))
    return load(Path(name))
