"""cmc_core.reproducible: zip archives rewritten so that the same content gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import time
import zipfile

import pytest

from cmc_core.canvas import Canvas
from cmc_core.model import Meta
from cmc_core.reproducible import (
    EARLIEST,
    LATEST,
    document_date,
    reproducible_zip,
    zip_timestamp,
)


def _archive(members: list[tuple[str, bytes]], when: tuple[int, ...]) -> bytes:
    """A zip written as a library would: its own order, the time given, Unix permissions."""
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members:
            info = zipfile.ZipInfo(name, date_time=when)  # type: ignore[arg-type]
            info.external_attr = 0o100664 << 16
            info.comment = b"written by hand"
            archive.writestr(info, data, compresslevel=9)
        archive.comment = b"machine details"
    return output.getvalue()


MEMBERS = [
    ("xl/worksheets/sheet1.xml", b"<worksheet/>" * 50),
    ("docProps/core.xml", b"<coreProperties/>"),
    ("[Content_Types].xml", b"<Types/>"),
    ("_rels/.rels", b"<Relationships/>"),
]


def _read(archive: bytes) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(archive)) as opened:
        return opened.infolist()


def test_two_archives_written_at_different_times_become_byte_identical() -> None:
    monday = _archive(MEMBERS, (2025, 3, 3, 9, 0, 0))
    friday = _archive(list(reversed(MEMBERS)), time.localtime()[:6])
    assert monday != friday

    moment = dt.datetime(2024, 11, 14)
    assert reproducible_zip(monday, moment) == reproducible_zip(friday, moment)


def test_every_member_is_stamped_with_the_moment_and_keeps_its_content() -> None:
    rewritten = reproducible_zip(
        _archive(MEMBERS, (2025, 3, 3, 9, 0, 0)), dt.datetime(2024, 11, 14)
    )

    members = _read(rewritten)
    assert {member.date_time for member in members} == {(2024, 11, 14, 0, 0, 0)}
    assert {(m.external_attr >> 16, m.create_system, m.comment) for m in members} == {
        (0o100644, 3, b"")
    }
    with zipfile.ZipFile(io.BytesIO(rewritten)) as opened:
        assert {name: opened.read(name) for name in opened.namelist()} == dict(MEMBERS)
        assert opened.comment == b""


def test_content_types_comes_first_then_the_members_in_name_order() -> None:
    names = [m.filename for m in _read(reproducible_zip(_archive(MEMBERS, (2025, 1, 1, 0, 0, 0))))]

    assert names == ["[Content_Types].xml", "_rels/.rels", "docProps/core.xml", *names[3:]]
    assert names[3:] == ["xl/worksheets/sheet1.xml"]


def test_an_opendocument_mimetype_comes_first_and_is_stored_uncompressed() -> None:
    members = [("content.xml", b"<office/>"), ("mimetype", b"application/vnd.oasis")]

    first = _read(reproducible_zip(_archive(members, (2025, 1, 1, 0, 0, 0))))[0]

    assert (first.filename, first.compress_type) == ("mimetype", zipfile.ZIP_STORED)


@pytest.mark.parametrize(
    ("moment", "stamp"),
    [
        (None, (1980, 1, 1, 0, 0, 0)),
        (dt.datetime(2024, 11, 14, 10, 30, 59), (2024, 11, 14, 10, 30, 58)),
        (dt.datetime(1970, 6, 1), (1980, 1, 1, 0, 0, 0)),
        (dt.datetime(2300, 1, 1), (2107, 12, 31, 23, 59, 58)),
        (
            dt.datetime(2024, 1, 31, 12, 30, tzinfo=dt.timezone(dt.timedelta(hours=2))),
            (2024, 1, 31, 10, 30, 0),
        ),
    ],
)
def test_a_zip_timestamp_is_the_moment_within_what_a_zip_can_record(
    moment: dt.datetime | None, stamp: tuple[int, ...]
) -> None:
    assert zip_timestamp(moment) == stamp
    assert zip_timestamp(EARLIEST) == EARLIEST.timetuple()[:6]
    assert zip_timestamp(LATEST) == LATEST.timetuple()[:6]


@pytest.mark.parametrize(
    ("date", "moment"),
    [
        ("2024-11-14", dt.datetime(2024, 11, 14)),
        ("2024-01-31T12:30:00+02:00", dt.datetime(2024, 1, 31, 10, 30)),
        ("2024-13-45", None),
        ("next spring", None),
        ("", None),
        (None, None),
    ],
)
def test_the_document_date_is_meta_date_in_utc_or_none(
    date: str | None, moment: dt.datetime | None
) -> None:
    assert document_date(Canvas(meta=Meta(date=date))) == moment


def test_something_that_is_not_a_zip_is_refused() -> None:
    with pytest.raises(zipfile.BadZipFile):
        reproducible_zip(b"not a zip at all")
