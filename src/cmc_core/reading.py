"""Reading an input file with guards: a regular file only, and no more than a limit.

A canvas, a configuration or an answers file may come from someone else. Reading a FIFO would
wait forever for a writer, and ``/dev/zero`` or ``/dev/urandom`` behind a ``.cmc.yaml`` name
would read until memory runs out; a file far larger than any canvas would stall the YAML parser
for minutes. So every input is opened without blocking, must be a regular file, and is read up
to a limit per kind: large enough for a canvas of a million flows in JSON (about 190 MB), lower
for YAML and TOML, whose parsers are slower, and lower still for the small files around a
canvas. ``CMC_MAX_INPUT_BYTES`` (a number of bytes) raises or lowers every limit at once, and
the loaders take a ``max_bytes`` argument.

Problems are raised as :class:`OSError` with a readable ``strerror`` in the current language, as
any other file-system failure is, so callers that already report those need nothing new.
"""

from __future__ import annotations

import errno
import os
import stat

from cmc_core.errors import CmcError
from cmc_core.translation import Messages

__all__ = ["INPUT_LIMITS", "LIMIT_VARIABLE", "InputLimitError", "input_limit", "read_input"]

_ = Messages("cmc_core", "files")

_MIB = 1024 * 1024

#: The default limit in bytes for each kind of input.
INPUT_LIMITS: dict[str, int] = {
    "json": 512 * _MIB,
    "yaml": 32 * _MIB,
    "toml": 32 * _MIB,
    "config": 4 * _MIB,
    "answers": 16 * _MIB,
    "questionnaire": 16 * _MIB,
}

#: The environment variable that sets every limit at once, in bytes.
LIMIT_VARIABLE = "CMC_MAX_INPUT_BYTES"


class InputLimitError(CmcError, ValueError):
    """``CMC_MAX_INPUT_BYTES`` is not a positive whole number of bytes."""


def input_limit(kind: str) -> int:
    """The limit in bytes for an input of ``kind`` (a key of :data:`INPUT_LIMITS`), or the
    value of ``CMC_MAX_INPUT_BYTES`` when it is set.

    :raises InputLimitError: the variable is set to something else than a positive number.
    """
    configured = os.environ.get(LIMIT_VARIABLE, "").strip().replace("_", "")
    if not configured:
        return INPUT_LIMITS[kind]
    if not configured.isdigit() or int(configured) <= 0 or len(configured) > 18:
        raise InputLimitError(
            _(
                "{variable} must be a positive whole number of bytes, not {value}",
                variable=LIMIT_VARIABLE,
                value=repr(configured),
            )
        )
    return int(configured)


def read_input(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the regular file at ``path``, if it holds no more than ``limit`` bytes.

    :raises OSError: the file cannot be opened or read, is no regular file (a device, a pipe, a
        directory), or is larger than ``limit``; ``strerror`` says which.
    """
    source = os.fspath(path)
    descriptor = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise OSError(
                errno.EINVAL,
                _("not a regular file (a device, a pipe or a directory); only files are read"),
                source,
            )
        data = stream.read(limit + 1)
    if len(data) > limit:
        shown = f"{limit:,}"
        message = _(
            "larger than {limit} bytes, the limit for this kind of file "
            "(set {variable} to change it)",
            limit=shown,
            variable=LIMIT_VARIABLE,
        )
        raise OSError(errno.EFBIG, message, source)
    return data
