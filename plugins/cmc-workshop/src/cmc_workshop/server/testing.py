"""Helpers for testing the workshop server: an in-process client and a real server process.

- :func:`test_client`: Starlette's TestClient over :func:`create_app` (imported quietly: the
  TestClient warns when it finds the older ``httpx`` package, which this repository's tests
  turn into errors);
- :class:`Tags`: a page's start tags with their attributes, to find elements by id or class;
- :class:`ServerProcess`: ``python -m cmc_workshop.server`` in a subprocess on a free port of
  127.0.0.1, started, waited for, and killed with SIGKILL, as a power cut or ``kill -9`` would.

The restart tests, the load benchmark and the browser tests share these.
"""

from __future__ import annotations

import html.parser
import os
import signal
import socket
import subprocess
import sys
import tempfile
import time
import warnings
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from starlette.testclient import TestClient

    from cmc_workshop.folder import Workshop

__all__ = ["ServerProcess", "Tags", "free_port", "test_client"]


def test_client(workshop: Workshop, **options: Any) -> TestClient:
    """A TestClient of the app serving ``workshop`` (``options`` go to :func:`create_app`)."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*httpx2")
        from starlette.testclient import TestClient

    from cmc_workshop.server.app import create_app

    return TestClient(create_app(workshop, **options), follow_redirects=False)


test_client.__test__ = False  # type: ignore[attr-defined]  # not a test for pytest


def free_port() -> int:
    """A TCP port of 127.0.0.1 nobody listens on now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ServerProcess:
    """The workshop server of ``folder`` in a subprocess on 127.0.0.1.

    :param folder: the workshop folder.
    :param port: the port; a free one when ``None``.
    """

    def __init__(self, folder: Path, port: int | None = None) -> None:
        self.folder = Path(folder)
        self.port = port if port is not None else free_port()
        self.process: subprocess.Popen[bytes] | None = None
        self.output: IO[bytes] | None = None
        self._printed = ""

    @property
    def url(self) -> str:
        """The server's base address."""
        return f"http://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> ServerProcess:
        """Start the server and wait until it answers.

        :raises RuntimeError: it exited or did not answer in time (with its output).
        """
        command = [sys.executable, "-m", "cmc_workshop.server", str(self.folder)]
        command += ["--port", str(self.port)]
        environment = {**os.environ, "PYTHONUNBUFFERED": "1"}
        self.output = tempfile.TemporaryFile()  # noqa: SIM115 (closed by kill)
        self.process = subprocess.Popen(
            command, stdout=self.output, stderr=subprocess.STDOUT, env=environment
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                output = self.printed()
                self.kill()
                raise RuntimeError(f"the server exited ({self.process.returncode}):\n{output}")
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.5):
                    return self
            except OSError:
                time.sleep(0.05)
        self.kill()
        raise RuntimeError(f"the server did not listen on port {self.port} in {timeout} s")

    def kill(self) -> None:
        """SIGKILL: no shutdown, no flushing, as ``kill -9`` or a power cut."""
        if self.process is None:
            return
        if self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)
        self.process = None
        if self.output is not None:
            self._printed = self.printed()
            self.output.close()
            self.output = None

    def printed(self) -> str:
        """What the server printed (its addresses, its warnings), also after it was killed."""
        if self.output is None:
            return self._printed
        self.output.seek(0)
        return self.output.read().decode("utf-8", "replace")

    def __enter__(self) -> ServerProcess:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.kill()


class Tags(html.parser.HTMLParser):
    """Every start tag of a page with its attributes, in document order."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def find(self, tag: str, **wanted: str) -> list[dict[str, str | None]]:
        """The ``tag`` elements whose attributes have these values (``data_question`` is
        ``data-question``)."""
        return [
            attributes
            for name, attributes in self.tags
            if name == tag
            and all(attributes.get(k.replace("_", "-")) == v for k, v in wanted.items())
        ]

    def having(self, tag: str, css: str) -> list[dict[str, str | None]]:
        """The ``tag`` elements with the class ``css``."""
        return [a for t, a in self.tags if t == tag and css in (a.get("class") or "").split()]

    def first(self, tag: str) -> dict[str, str | None]:
        """The attributes of the first ``tag`` element (``KeyError`` when there is none)."""
        for name, attributes in self.tags:
            if name == tag:
                return attributes
        raise KeyError(tag)
