"""Reproducible binary outputs: the same canvas gives the same bytes, on any machine, any day.

Zip-based formats (PowerPoint's .pptx, Excel's .xlsx, Word's .docx, OpenDocument, EPUB) stamp
every member with the time of writing, and keep members in whatever order the writing library
chose, so two exports of one canvas differ although they show the same thing. An exporter that
writes such a format passes its bytes through :func:`reproducible_zip`, which rewrites the
archive with one fixed timestamp, members in a fixed order and fixed permissions, and gets the
timestamp from the canvas with :func:`document_date`: its ``meta.date``, never the clock::

    from cmc_core.reproducible import document_date, reproducible_zip

    def export_xlsx(canvas: Canvas, options: ExportOptions) -> bytes:
        saved = io.BytesIO()
        workbook.save(saved)
        return reproducible_zip(saved.getvalue(), document_date(canvas))

Only the zip container is rewritten: the members' bytes are kept as they are. Document
properties inside a member (a creation date in ``docProps/core.xml``) are the exporter's to set
from the canvas, with the same :func:`document_date`.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

from cmc_core.canvas import Canvas

__all__ = ["EARLIEST", "LATEST", "document_date", "reproducible_zip", "zip_timestamp"]

#: The earliest moment a zip can record (its dates count from 1980): undated archives get it.
EARLIEST = dt.datetime(1980, 1, 1)
#: The latest moment a zip can record; later dates are stamped with this one.
LATEST = dt.datetime(2107, 12, 31, 23, 59, 58)
#: Members that a format requires first, in this order: OpenDocument's and EPUB's ``mimetype``
#: (which is stored uncompressed too), Office Open XML's ``[Content_Types].xml``.
_FIRST = ("mimetype", "[Content_Types].xml")
#: The compression level of every member: fixed, so the bytes do not depend on a default.
_LEVEL = 6
#: The permissions of every member, as Unix keeps them (``create_system`` 3): a plain file
#: anyone may read (``rw-r--r--``), a directory anyone may enter (``rwxr-xr-x``, with the MS-DOS
#: directory flag); a zip library would otherwise write its own (Python's ``rw-------``).
_UNIX = 3
_FILE = 0o100644 << 16
_DIRECTORY = (0o040755 << 16) | 0x10


def document_date(canvas: Canvas) -> dt.datetime | None:
    """``meta.date`` as a moment in UTC without a time zone (midnight for a plain date such as
    ``2024-11-14``); ``None`` when the canvas has no date or one ``datetime`` cannot read
    (``next spring``, ``2024-13-45``).

    A date with a time zone is moved to UTC: ``2024-01-31T12:30:00+02:00`` is 10:30.
    """
    text = (canvas.meta.date or "").strip()
    try:
        moment = dt.datetime.fromisoformat(text)
        if moment.tzinfo is not None:
            moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):  # not a date, or out of range once moved to UTC
        return None
    return moment


def zip_timestamp(moment: dt.datetime | None) -> tuple[int, int, int, int, int, int]:
    """``moment`` as a zip records it: ``(year, month, day, hour, minute, second)``.

    A zip counts seconds in twos and years from 1980 to 2107: odd seconds are rounded down,
    earlier moments (and ``None``) become :data:`EARLIEST`, later ones :data:`LATEST`. A moment
    with a time zone is moved to UTC first.
    """
    if moment is None:
        moment = EARLIEST
    elif moment.tzinfo is not None:
        moment = moment.astimezone(dt.UTC).replace(tzinfo=None)
    moment = min(max(moment, EARLIEST), LATEST)
    return (
        moment.year,
        moment.month,
        moment.day,
        moment.hour,
        moment.minute,
        moment.second - moment.second % 2,
    )


def _order(name: str) -> tuple[int, str]:
    """Where a member goes: the members of :data:`_FIRST` first, then all others by name."""
    return (_FIRST.index(name) if name in _FIRST else len(_FIRST), name)


def reproducible_zip(archive: bytes, moment: dt.datetime | None = None) -> bytes:
    """``archive`` (the bytes of a zip file) rewritten so that the same content always gives
    the same bytes.

    Every member gets the timestamp of ``moment`` (:func:`zip_timestamp`; ``None`` stamps
    1 January 1980), the same permissions (a plain file anyone may read, ``rw-r--r--``) and
    deflate compression at one fixed level; members go in name order, except that
    ``mimetype`` (stored uncompressed, as OpenDocument and EPUB require) and
    ``[Content_Types].xml`` (as Office expects) come first. Comments and extra fields are
    dropped. The content of every member is kept byte for byte. Bytes that are not a zip file
    raise the standard library's ``zipfile.BadZipFile``.
    """
    stamp = zip_timestamp(moment)
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(archive)) as source,
        zipfile.ZipFile(output, "w") as target,
    ):
        for name in sorted({info.filename for info in source.infolist()}, key=_order):
            member = zipfile.ZipInfo(name, date_time=stamp)
            member.create_system = _UNIX
            member.external_attr = _DIRECTORY if name.endswith("/") else _FILE
            stored = name == "mimetype" or name.endswith("/")
            member.compress_type = zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED
            target.writestr(member, source.read(name), compresslevel=_LEVEL)
    return output.getvalue()
