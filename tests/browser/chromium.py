"""A headless Chromium driven over the Chrome DevTools Protocol, for the browser tests.

Debian's ``chromium`` runs headless with a fresh profile and everything that phones home
switched off; host names resolve to nothing, so a page that tried to fetch from the network
would fail (and the tests see the attempt in the Network domain's events anyway). The protocol
is spoken over the browser's WebSocket with ``websocket-client``: one page target, attached in
flattened mode, with the Page, Runtime, Network and Log domains enabled so that every request,
console message, exception and dialog is recorded as an event.
"""

from __future__ import annotations

import base64
import itertools
import json
import os
import re
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import websocket

__all__ = ["Chromium", "Page", "find_chromium", "pdf_pages"]

_LISTENING = re.compile(r"DevTools listening on (ws://\S+)")
#: Switches that keep a headless browser quiet and alone: no sandbox (we run as root in CI),
#: no GPU, no background requests, updates, sync, first-run pages or default-browser checks,
#: and no host name that resolves.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    "--hide-scrollbars",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--remote-debugging-port=0",
)


#: A page object of a PDF: ``/Type /Page`` (not ``/Pages``, the page tree).
_PDF_PAGE = re.compile(rb"/Type\s*/Page(?![A-Za-z])")
_PDF_OBJECT_STREAM = re.compile(rb"/Type\s*/ObjStm")


def pdf_pages(pdf: bytes) -> int:
    """How many pages ``pdf`` has, counted by its page objects.

    Chromium (Skia) writes every page object in the open, never inside a compressed object
    stream; a PDF that has object streams is refused rather than miscounted.
    """
    assert pdf.startswith(b"%PDF-"), "not a PDF"
    assert not _PDF_OBJECT_STREAM.search(pdf), "page objects may hide in an object stream"
    return len(_PDF_PAGE.findall(pdf))


def find_chromium() -> str | None:
    """The Chromium binary: ``CMC_CHROMIUM`` if set, else ``chromium`` on the path."""
    return os.environ.get("CMC_CHROMIUM") or shutil.which("chromium")


class ProtocolError(RuntimeError):
    """The browser answered a command with an error."""


class Chromium:
    """A running headless Chromium with a fresh profile in ``profile``; close it when done."""

    def __init__(
        self, binary: str, profile: Path, timeout: float = 60.0, extra_flags: tuple[str, ...] = ()
    ) -> None:
        self.timeout = timeout
        self.process = subprocess.Popen(  # a switch given again in extra_flags wins
            [binary, *FLAGS, *extra_flags, f"--user-data-dir={profile}", "about:blank"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.log: list[str] = []
        url = self._wait_for_devtools()
        self.socket = websocket.create_connection(url, timeout=timeout, suppress_origin=True)
        self._ids = itertools.count(1)
        self.events: list[dict[str, Any]] = []

    def _wait_for_devtools(self) -> str:
        assert self.process.stderr is not None
        deadline = time.monotonic() + self.timeout
        found: list[str] = []
        ready = threading.Event()

        def drain() -> None:  # keep reading so the browser never blocks on a full pipe
            assert self.process.stderr is not None
            for line in self.process.stderr:
                self.log.append(line.rstrip())
                match = _LISTENING.search(line)
                if match and not found:
                    found.append(match.group(1))
                    ready.set()
            ready.set()

        self._drain = threading.Thread(target=drain, daemon=True)
        self._drain.start()
        ready.wait(max(deadline - time.monotonic(), 0))
        if not found:
            self.close()
            raise RuntimeError(
                "Chromium did not start its DevTools endpoint:\n" + "\n".join(self.log)
            )
        return found[0]

    def send(
        self, method: str, params: dict[str, Any] | None = None, session: str | None = None
    ) -> Any:
        """Run a protocol command and return its result, recording events that arrive meanwhile."""
        message_id = next(self._ids)
        message: dict[str, Any] = {"id": message_id, "method": method, "params": params or {}}
        if session is not None:
            message["sessionId"] = session
        self.socket.send(json.dumps(message))
        while True:
            reply = json.loads(self.socket.recv())
            if reply.get("id") == message_id:
                if "error" in reply:
                    raise ProtocolError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_for(self, method: str, session: str, since: int) -> dict[str, Any]:
        """The first event ``method`` of the session recorded after index ``since``.

        A JavaScript dialog blocks the page until it is answered, so one that opens meanwhile
        is dismissed (it stays recorded among the events, for the tests to find).
        """
        deadline = time.monotonic() + self.timeout
        answered = 0
        while True:
            dialogs = 0
            for event in self.events[since:]:
                if event.get("sessionId") != session:
                    continue
                if event.get("method") == method:
                    return event
                if event.get("method") == "Page.javascriptDialogOpening":
                    dialogs += 1
            if dialogs > answered:
                answered = dialogs
                self.send("Page.handleJavaScriptDialog", {"accept": False}, session)
                continue
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} within {self.timeout} s")
            reply = json.loads(self.socket.recv())
            if "method" in reply:
                self.events.append(reply)

    def new_page(self) -> Page:
        """A fresh page (tab) with every domain the tests listen to enabled."""
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        page = Page(self, target, session)
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(f"{domain}.enable", session=session)
        return page

    def close(self) -> None:
        """Close the browser and wait for it to end (killing it only if it will not)."""
        try:
            if hasattr(self, "socket"):
                self.send("Browser.close")
                self.socket.close()
        except (OSError, websocket.WebSocketException, ProtocolError):
            pass
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=15)
        if hasattr(self, "_drain"):
            self._drain.join(timeout=15)
        if self.process.stderr is not None:
            self.process.stderr.close()


class Page:
    """One page of the browser: load a file, measure it, take screenshots, read its events."""

    def __init__(self, browser: Chromium, target: str, session: str) -> None:
        self.browser = browser
        self.target = target
        self.session = session
        self.first_event = len(browser.events)

    def command(self, method: str, params: dict[str, Any] | None = None) -> Any:
        return self.browser.send(method, params, self.session)

    def resize(self, width: int, height: int, mobile: bool = False) -> None:
        """Emulate a window of ``width`` x ``height`` CSS pixels (a phone when ``mobile``)."""
        self.command(
            "Emulation.setDeviceMetricsOverride",
            {
                "width": width,
                "height": height,
                "screenWidth": width,
                "screenHeight": height,
                "deviceScaleFactor": 1,
                "mobile": mobile,
            },
        )

    def load(self, url: str) -> None:
        """Navigate to ``url`` and wait for its load event."""
        since = len(self.browser.events)
        self.command("Page.navigate", {"url": url})
        self.browser.wait_for("Page.loadEventFired", self.session, since)

    def evaluate(self, expression: str) -> Any:
        """The value of a JavaScript expression in the page (run by the protocol, not the page)."""
        result = self.command("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise ProtocolError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def print_to_pdf(self) -> bytes:
        """The page printed as a person would print it: on the paper its CSS asks for, with
        backgrounds."""
        printed = self.command(
            "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}
        )
        return base64.b64decode(printed["data"])

    def emulate_print(self, size_mm: tuple[float, float]) -> None:
        """Show the page as printed on a sheet of ``size_mm``: print media, a window as large
        as the sheet (96 CSS pixels to the inch)."""
        self.command("Emulation.setEmulatedMedia", {"media": "print"})
        width, height = (round(mm * 96 / 25.4) for mm in size_mm)
        self.resize(width, height)

    def screenshot(self, path: Path) -> bytes:
        """Save a PNG of the window to ``path`` and return its bytes."""
        data = base64.b64decode(self.command("Page.captureScreenshot", {"format": "png"})["data"])
        path.write_bytes(data)
        return data

    def events(self, method: str | None = None) -> Iterator[dict[str, Any]]:
        """The events of this page so far, optionally of one kind only."""
        for event in self.browser.events[self.first_event :]:
            if event.get("sessionId") == self.session and method in (None, event.get("method")):
                yield event

    def requests(self) -> list[str]:
        """Every URL the page asked for."""
        return [e["params"]["request"]["url"] for e in self.events("Network.requestWillBeSent")]

    def errors(self) -> list[str]:
        """Console errors, uncaught exceptions and error-level log entries."""
        found = []
        for event in self.events():
            method, params = event["method"], event["params"]
            if method == "Runtime.consoleAPICalled" and params["type"] in ("error", "assert"):
                found.append(f"console: {params['args']}")
            elif method == "Runtime.exceptionThrown":
                found.append(f"exception: {params['exceptionDetails']}")
            elif method == "Log.entryAdded" and params["entry"]["level"] == "error":
                found.append(f"log: {params['entry']['text']}")
        return found

    def dialogs(self) -> list[str]:
        """Messages of JavaScript dialogs (alert, confirm, prompt) the page opened."""
        return [e["params"]["message"] for e in self.events("Page.javascriptDialogOpening")]

    def close(self) -> None:
        self.browser.send("Target.closeTarget", {"targetId": self.target})
