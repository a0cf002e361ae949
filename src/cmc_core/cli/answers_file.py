"""The answers file an interactive ``cmc quickscan`` or ``cmc ask`` keeps by itself.

Its name comes from the canvas (``quickscan.cmc.yaml`` -> ``quickscan.cmc-answers.yaml``,
:func:`answers_path_for`), a name no one gives their own files, and it starts with a marker
comment (:data:`MARKER`). A file at that name without the marker is refused, never rewritten:
it is someone's own. A file at the name used before (``.answers.yaml``) is read, with a note,
and the answers are saved under the new name; the old file is left as it was.
"""

from __future__ import annotations

from pathlib import Path

from cmc_core.cli._support import CliError, note
from cmc_core.translation import Messages

_ = Messages("cmc_core", "prompts")

__all__ = [
    "ANSWERS_SUFFIX",
    "MARKER",
    "OLD_ANSWERS_SUFFIX",
    "answers_path_for",
    "answers_source",
    "is_own_answers_file",
    "old_answers_path_for",
]

_CANVAS_SUFFIXES = (".yaml", ".yml", ".json", ".toml")
#: The suffix of the answers file an interactive run keeps next to its canvas.
ANSWERS_SUFFIX = ".cmc-answers.yaml"
#: The suffix cmc used before, still read (never written) when the new file is not there yet.
OLD_ANSWERS_SUFFIX = ".answers.yaml"
#: The first line of every answers file cmc names by itself: only a file with it is rewritten.
MARKER = "# cmc-answers-file: written by cmc quickscan / cmc ask, which keep it up to date."


def _stem(output: Path) -> str:
    """The canvas's name without its format suffix and ``.cmc``: ``quickscan.cmc.yaml`` ->
    ``quickscan``."""
    name = output.name
    for suffix in _CANVAS_SUFFIXES:
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return name.removesuffix(".cmc") or "canvas"


def answers_path_for(output: Path) -> Path:
    """The default answers file next to a canvas: ``quickscan.cmc.yaml`` ->
    ``quickscan.cmc-answers.yaml``."""
    return output.with_name(f"{_stem(output)}{ANSWERS_SUFFIX}")


def old_answers_path_for(output: Path) -> Path:
    """The name of the default answers file before: ``quickscan.answers.yaml``."""
    return output.with_name(f"{_stem(output)}{OLD_ANSWERS_SUFFIX}")


def is_own_answers_file(path: Path) -> bool:
    """Whether ``path`` starts with :data:`MARKER`: cmc wrote it and may rewrite it."""
    try:
        with path.open("rb") as stream:
            first = stream.readline(len(MARKER.encode("utf-8")) + 2)
    except OSError:
        return False
    return first.decode("utf-8", "replace").strip() == MARKER


def answers_source(path: Path, own: bool) -> Path | None:
    """The file to read the answers from: ``path``; for cmc's own name, the file of the old
    name when there is none yet (with a note). ``None`` when there is nothing to read.

    :param own: ``path`` is the name cmc chose, not one given with ``--answers``.
    :raises CliError: a file at cmc's own name that cmc did not write.
    """
    if path.exists():
        if own and not is_own_answers_file(path):
            raise CliError(
                _(
                    "{path} is not an answers file written by cmc (its first line is not "
                    "cmc's marker), so it is left alone. Move it away, or answer in it on "
                    "purpose with --answers {path} --resume.",
                    path=path,
                )
            )
        return path
    if own:
        old = path.with_name(path.name.removesuffix(ANSWERS_SUFFIX) + OLD_ANSWERS_SUFFIX)
        if old.is_file():
            note(
                _(
                    "Note: reading the answers in {old}, the name cmc used before; they are "
                    "saved in {path} from now on, and {old} is left as it is.",
                    old=old,
                    path=path,
                )
            )
            return old
    return None
