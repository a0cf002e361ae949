"""Write a file atomically: all of the new content, or the old file untouched.

The content goes to a temporary file in the same directory (so that the final rename stays on
one file system), is flushed to disk, and replaces the target with ``os.replace``, which is
atomic on POSIX and Windows. On any failure the temporary file is removed and the target is
left as it was. A symlink is followed: its target is replaced, the link stays. Only a regular
file is replaced: a device, a pipe or a directory at the path is refused. A write also removes
the old temporary files of the same file that killed writes left behind.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

from cmc_core.fileformat.errors import CanvasSaveError
from cmc_core.translation import Messages

__all__ = ["write_atomic"]

_ = Messages("cmc_core", "files")


def _fsync_directory(directory: Path) -> None:
    """Make the rename itself durable (POSIX only; Windows cannot open directories)."""
    if os.name != "posix":
        return
    descriptor = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


#: A temporary file of a write older than this was left by a process that was killed.
STALE_AFTER_SECONDS = 600


def _remove_stale_temporaries(target: Path) -> None:
    """Remove what killed writes of ``target`` left behind: ``kill -9`` between creating the
    temporary file and renaming it leaves a hidden ``.NAME.<hex>.tmp``. Only this file's own
    temporaries are touched, and only old ones, so a write still running is left alone."""
    prefix, now = f".{target.name}.", time.time()
    with contextlib.suppress(OSError):
        for entry in os.scandir(target.parent):
            name = entry.name
            if not (name.startswith(prefix) and name.endswith(".tmp")):
                continue
            token = name[len(prefix) : -len(".tmp")]
            if len(token) != 12 or not all(c in "0123456789abcdef" for c in token):
                continue
            with contextlib.suppress(OSError):
                if now - entry.stat(follow_symlinks=False).st_mtime > STALE_AFTER_SECONDS:
                    os.unlink(entry.path)


def _cannot_write(path: object, error: OSError) -> str:
    """``cannot write PATH: reason`` in the current language."""
    from cmc_core.fileformat.wording import os_reason  # noqa: PLC0415 - wording imports layout

    return _("cannot write {path}: {reason}", path=path, reason=os_reason(error))


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
                _(
                    "cannot write {path}: it is no regular file (a device, a pipe or a "
                    "directory); only files are written or replaced",
                    path=path,
                )
            )
    _remove_stale_temporaries(target)
    temporary = target.with_name(f".{target.name}.{os.urandom(6).hex()}.tmp")
    try:
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    except OSError as error:
        raise CanvasSaveError(_cannot_write(path, error)) from error
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
            raise CanvasSaveError(_cannot_write(path, error)) from error
        raise
    with contextlib.suppress(OSError):
        _fsync_directory(target.parent)
