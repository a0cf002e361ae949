"""The files of a workshop folder, read and written safely.

Every file is written atomically through cmc's own writer
(:func:`cmc_core.fileformat.atomic.write_atomic`): a crash or a killed server leaves the
previous file whole, so a restart resumes the workshop with every answer saved so far.
:func:`lock_for` gives one lock per file (per resolved path, shared by every
:class:`~cmc_workshop.folder.Workshop` of the process), so that two requests saving the same
participant's answers, or two decisions, never interleave.

The layout is the contract's::

    FOLDER/
      workshop.toml                       # [workshop] title, canvas, join_code, ...
      canvas.cmc.yaml                     # the canvas the workshop fills
      answers/<slug>.cmc-answers.yaml     # a participant's answers (cmc ask's format)
      answers/<slug>.participant.toml     # [participant] name, token, joined
      decisions.yaml                      # the decisions, oldest first
"""

from __future__ import annotations

import contextlib
import datetime
import os
import re
import threading
import tomllib
import unicodedata
from pathlib import Path
from typing import Any

import tomli_w
from cmc_core.fileformat.atomic import write_atomic
from cmc_core.translation import Messages

from cmc_workshop.records import WorkshopError, WorkshopIOError

__all__ = [
    "ANSWERS_DIR",
    "DECISIONS_FILE",
    "PARTICIPANT_SUFFIX",
    "WORKSHOP_FILE",
    "lock_for",
    "now",
    "read_toml",
    "slugify",
    "write_private",
    "write_toml",
]

WORKSHOP_FILE = "workshop.toml"
DECISIONS_FILE = "decisions.yaml"
ANSWERS_DIR = "answers"
PARTICIPANT_SUFFIX = ".participant.toml"

_ = Messages("cmc_workshop", "cmc_workshop")

_locks: dict[Path, threading.Lock] = {}
_locks_lock = threading.Lock()


def lock_for(path: Path) -> threading.Lock:
    """The lock of one file, the same for every caller in the process."""
    key = path.resolve()
    with _locks_lock:
        return _locks.setdefault(key, threading.Lock())


def now() -> str:
    """The time, as an ISO 8601 timestamp in UTC to the second."""
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def slugify(name: str) -> str:
    """A file-name part for a name: ``Zoë de Vries`` -> ``zoe-de-vries`` (``participant``
    when nothing of it is ASCII)."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")[:40].strip("-")
    return slug or "participant"


def read_toml(path: Path, table: str) -> dict[str, Any]:
    """The table ``[table]`` of a TOML file.

    :raises WorkshopError: the file cannot be read, is no TOML, or lacks the table.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise WorkshopIOError(cannot_read(path, error)) from None
    try:
        data = tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise WorkshopError(
            _("{path}: cannot read the file: {reason}", path=path, reason=error)
        ) from None
    except tomllib.TOMLDecodeError as error:
        raise WorkshopError(
            _("{path}: not a valid TOML file: {reason}", path=path, reason=error)
        ) from None
    found = data.get(table)
    if not isinstance(found, dict):
        raise WorkshopError(_("{path}: expected a table [{table}].", path=path, table=table))
    return found


def cannot_read(path: Path, error: OSError) -> str:
    """``PATH: cannot read the file: reason`` in the current language."""
    from cmc_core.fileformat.wording import os_reason

    return _("{path}: cannot read the file: {reason}", path=path, reason=os_reason(error))


def cannot_write(path: Path, error: OSError) -> str:
    """``cannot write PATH: reason`` in the current language."""
    from cmc_core.fileformat.wording import os_reason

    return _("cannot write {path}: {reason}", path=path, reason=os_reason(error))


def write_file(path: Path, content: bytes) -> None:
    """Write ``content`` atomically.

    :raises WorkshopIOError: it cannot be written (the message names the file); the file
        that was there is left as it was.
    """
    try:
        write_atomic(path, content)
    except OSError as error:  # cmc's CanvasSaveError is one, its message translated
        from cmc_core.fileformat.errors import CanvasSaveError

        if isinstance(error, CanvasSaveError):
            raise WorkshopIOError(str(error)) from None
        raise WorkshopIOError(cannot_write(path, error)) from None


def write_private(path: Path, content: bytes) -> None:
    """Write a file holding a secret (a token) atomically, readable by its owner only (0600).

    :func:`write_atomic` gives a new file the usual permissions and keeps an existing file's,
    so the file is made (empty, 0600) or narrowed to 0600 first: the secret is never on disk
    in a file others can read.

    :raises WorkshopIOError: it cannot be written; a file made here is removed again.
    """
    made = False
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        with contextlib.suppress(OSError):
            os.chmod(path, 0o600)
    except OSError as error:
        raise WorkshopIOError(cannot_write(path, error)) from None
    else:
        os.close(descriptor)
        made = True
    try:
        write_file(path, content)
    except WorkshopIOError:
        if made:
            with contextlib.suppress(OSError):
                os.unlink(path)
        raise
    with contextlib.suppress(OSError):
        os.chmod(path, 0o600)  # the umask may have taken bits away, never added any


def write_toml(path: Path, table: str, values: dict[str, Any]) -> None:
    """Write ``[table]`` with ``values`` atomically, readable by its owner only: the files
    written this way hold tokens.

    :raises WorkshopIOError: it cannot be written.
    """
    write_private(path, tomli_w.dumps({table: values}).encode("utf-8"))
