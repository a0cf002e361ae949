"""Inputs are regular files of bounded size; outputs replace regular files only (issue 14,
items 3 and 4). Each case used to hang, read without end, or replace a device or a pipe."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest

from cmc_core.config import ConfigError, read_config_file
from cmc_core.examples import example_text
from cmc_core.fileformat import CanvasLoadError, CanvasSaveError, load
from cmc_core.fileformat.atomic import write_atomic
from cmc_core.questionnaires import load_answers
from cmc_core.reading import LIMIT_VARIABLE, InputLimitError, input_limit, read_input

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")

NOT_REGULAR = "not a regular file (a device, a pipe or a directory)"


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipe.cmc.yaml"
    os.mkfifo(path)
    return path


def in_a_thread(call: object) -> BaseException | None:
    """Run ``call`` with a deadline: a guard that fails would block on the pipe for ever."""
    caught: list[BaseException] = []

    def run() -> None:
        try:
            call()  # type: ignore[operator]
        except BaseException as error:
            caught.append(error)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), "reading blocked"
    return caught[0] if caught else None


def test_a_pipe_is_refused_as_a_canvas_without_waiting_for_a_writer(fifo: Path) -> None:
    error = in_a_thread(lambda: load(fifo))
    assert isinstance(error, CanvasLoadError)
    assert NOT_REGULAR in str(error)


def test_a_pipe_is_refused_as_a_configuration_or_answers_file(fifo: Path) -> None:
    assert NOT_REGULAR in str(in_a_thread(lambda: read_config_file(fifo)))
    assert isinstance(in_a_thread(lambda: load_answers(fifo)), OSError)


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_an_endless_device_behind_a_canvas_name_is_refused(tmp_path: Path) -> None:
    link = tmp_path / "zero.cmc.json"
    link.symlink_to("/dev/zero")
    error = in_a_thread(lambda: load(link))
    assert isinstance(error, CanvasLoadError)
    assert NOT_REGULAR in str(error)
    with pytest.raises(ConfigError, match="not a regular file"):
        read_config_file("/dev/zero")


def test_a_file_over_the_limit_is_refused_and_the_limit_is_configurable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "port.cmc.yaml"
    path.write_text(example_text("port-logistics"), encoding="utf-8")
    size = path.stat().st_size
    assert load(path).canvas.parties  # under the default limit
    with pytest.raises(CanvasLoadError, match=f"larger than {size - 1:,} bytes"):
        load(path, max_bytes=size - 1)
    assert load(path, max_bytes=size).canvas.parties
    monkeypatch.setenv(LIMIT_VARIABLE, str(size - 1))
    with pytest.raises(CanvasLoadError, match=LIMIT_VARIABLE):
        load(path)
    monkeypatch.setenv(LIMIT_VARIABLE, "a lot")
    with pytest.raises(InputLimitError, match="positive whole number of bytes"):
        input_limit("yaml")


def test_read_input_reads_exactly_the_file_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_input(path, 10) == b"x" * 10
    with pytest.raises(OSError, match="larger than 9 bytes"):
        read_input(path, 9)
    with pytest.raises(OSError, match=r"(?i)directory"):
        read_input(tmp_path, 10)


def test_an_output_path_that_is_a_pipe_is_left_alone(fifo: Path) -> None:
    with pytest.raises(CanvasSaveError, match="no regular file"):
        write_atomic(fifo, b"{}")
    assert stat.S_ISFIFO(fifo.stat().st_mode)
    assert [p.name for p in fifo.parent.iterdir()] == [fifo.name]  # no temporary file left


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_is_never_replaced_by_a_file() -> None:
    with pytest.raises(CanvasSaveError, match="no regular file"):
        write_atomic("/dev/null", b"{}")
    assert stat.S_ISCHR(Path("/dev/null").stat().st_mode)


def test_a_write_removes_the_old_temporaries_a_killed_write_left_behind(tmp_path: Path) -> None:
    from cmc_core.fileformat.atomic import STALE_AFTER_SECONDS

    target = tmp_path / "c.cmc.json"
    old = tmp_path / ".c.cmc.json.0123456789ab.tmp"  # left by kill -9 an hour ago
    fresh = tmp_path / ".c.cmc.json.ba9876543210.tmp"  # a write still running
    other = tmp_path / ".d.cmc.json.0123456789ab.tmp"  # another file's
    for path in (old, fresh, other):
        path.write_bytes(b"partial")
    an_hour_ago = old.stat().st_mtime - STALE_AFTER_SECONDS - 3600
    os.utime(old, (an_hour_ago, an_hour_ago))
    os.utime(other, (an_hour_ago, an_hour_ago))
    write_atomic(target, b"{}")
    assert target.read_bytes() == b"{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [target.name, fresh.name, other.name]
    )
