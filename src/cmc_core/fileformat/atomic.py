"""Write a file atomically: all of the new content, or the old file untouched.

The content goes to a temporary file in the same directory (so that the final rename stays on
one file system), is flushed to disk, and replaces the target with ``os.replace``, which is
atomic on POSIX and Windows. On any failure the temporary file is removed and the target is
left as it was. A symlink is followed: its target is replaced, the link stays. Only a regular
file is replaced: a device, a pipe or a directory at the path is refused.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from pathlib import Path

from cmc_core.fileformat.errors import CanvasSaveError

__all__ = ["write_atomic"]


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows cannot open directories)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def write_atomic(path: str | os.PathLike[str], content: bytes) -> None:
    """Replace the file at ``path`` with ``content``, atomically.

    A new file gets the usual permissions (0o666 less the umask); an existing file keeps its own.

    :raises CanvasSaveError: when the file cannot be written; the old file is then untouched.
    """
    target = Path(os.path.realpath(path))
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(os.stat(target).st_mode):
            # Replacing it would swap a device or a pipe for a plain file (as root, /dev/null).
            raise CanvasSaveError(
                f"cannot write {path}: it is no regular file (a device, a pipe or a directory); "
                "only files are written or replaced"
            )
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise CanvasSaveError(f"cannot write {path}: {error.strerror or error}") from error
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, os.stat(target).st_mode & 0o7777)
        os.replace(temporary, target)
    except BaseException as error:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        if isinstance(error, OSError):
            raise CanvasSaveError(f"cannot write {path}: {error.strerror or error}") from error
        raise
    with contextlib.suppress(OSError):
        _fsync_directory(target.parent)
