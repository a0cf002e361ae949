"""The workshop room's scenario for the browser: a served workshop, and what participants and
the facilitator do on its pages (through :class:`workshop_pages.Tab`).

- :class:`ServedWorkshop`, :func:`served_workshop`: a workshop folder started from a bundled
  example canvas and its server (``cmc_workshop.server.run``) in a child process on a free port
  of 127.0.0.1, killed at the end as a power cut would.
- :func:`join`, :func:`answer`, :func:`adopt_button`: the join form, a questionnaire answered
  and saved, the facilitator's adopt button, by the ids and attributes of the plugin's contract.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .workshop_pages import Tab, js

__all__ = [
    "PLUGIN_SOURCE",
    "ServedWorkshop",
    "adopt_button",
    "answer",
    "free_port",
    "join",
    "served_workshop",
    "set_answer",
]

ROOT = Path(__file__).resolve().parents[2]
#: The plugin's sources, put on the child's path in case the plugin is not installed.
PLUGIN_SOURCE = ROOT / "plugins" / "cmc-workshop" / "src"


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


class ServedWorkshop:
    """A workshop folder and ``cmc_workshop.server.run`` serving it in a child process."""

    def __init__(self, folder: Path, log: Path) -> None:
        from cmc_workshop.folder import Workshop

        self.workshop = Workshop.open(folder)
        self.folder = folder
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.log = log
        environment = dict(os.environ)
        environment["PYTHONPATH"] = os.pathsep.join(
            [str(PLUGIN_SOURCE), *filter(None, [environment.get("PYTHONPATH")])]
        )
        code = (
            "from pathlib import Path\n"
            "from cmc_workshop.folder import Workshop\n"
            "from cmc_workshop.server import run\n"
            f"run(Workshop.open(Path({str(folder)!r})), host='127.0.0.1', port={self.port})\n"
        )
        self._log_file = log.open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-c", code],
            stdin=subprocess.DEVNULL,
            stdout=self._log_file,
            stderr=subprocess.STDOUT,
            env=environment,
        )
        self._wait_until_it_answers()

    def _wait_until_it_answers(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            if self.process.poll() is not None:
                raise RuntimeError(f"the workshop server stopped:\n{self.log.read_text()}")
            try:
                with urllib.request.urlopen(self.base + "/join", timeout=2) as answer:
                    if answer.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"the workshop server did not answer:\n{self.log.read_text()}")
            time.sleep(0.1)

    def url(self, path: str) -> str:
        return self.base + path

    @property
    def facilitator_url(self) -> str:
        return self.url(f"/f/{self.workshop.facilitator_token}")

    def stop(self) -> None:
        """Kill the server (as a power cut would) and wait for it."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait(timeout=15)
        self._log_file.close()


@contextmanager
def served_workshop(tmp_path: Path, example: str = "port-logistics") -> Iterator[ServedWorkshop]:
    """A new workshop on the bundled ``example`` canvas, served until the block ends."""
    from cmc_workshop.folder import Workshop

    from cmc_core.examples import example_text

    canvas = tmp_path / f"{example}.cmc.yaml"
    canvas.write_text(example_text(example), encoding="utf-8")
    folder = tmp_path / "ws"
    Workshop.start(folder, canvas)
    served = ServedWorkshop(folder, tmp_path / "server.log")
    try:
        yield served
    finally:
        served.stop()


# -- the scenario: what participants and the facilitator do ----------------------------------


def join(page: Tab, served: ServedWorkshop, name: str, language: str = "en") -> str:
    """Join the workshop as ``name`` through the join form; the participant's token."""
    page.goto(served.url("/join"))
    page.fill("#name", name)
    page.fill("#code", served.workshop.join_code)
    page.select("#language", language)
    page.click_and_wait_for_load("#join")
    path = urllib.parse.urlsplit(page.url).path
    if not path.startswith("/p/"):
        raise AssertionError(f"joining as {name!r} led to {page.url}: {page.text()[:500]}")
    return path.split("/")[2]


def set_answer(page: Tab, question: str, value: str) -> None:
    """Answer ``question`` of the questionnaire form: type into its input or textarea, pick
    its option, or tick its radio button or check box with that value."""
    field = f'form#answers [data-question="{question}"] [name="{question}"]'
    kind = page.evaluate(
        f"(e => e && (e.tagName + ' ' + (e.type || '')).toLowerCase())"
        f"(document.querySelector({js(field)}))"
    )
    if kind is None:
        raise LookupError(f"no field for {question} at {page.url}")
    if kind.startswith("select"):
        page.select(field, value)
    elif kind.endswith(("radio", "checkbox")):
        page.click(f"{field}[value={js(value)}]")
    else:
        page.fill(field, value)


def answer(page: Tab, questionnaire: str, answers: dict[str, str]) -> str:
    """On the participant's home page, open ``questionnaire`` by its link, answer, save, and
    return what ``#status`` says once the server answered: saved, or the problems."""
    page.click_and_wait_for_load(f'a.questionnaire[data-questionnaire="{questionnaire}"]')
    for question, value in answers.items():
        set_answer(page, question, value)
    page.evaluate("document.querySelector('#status').textContent = ''")
    page.click("#save")
    status: str = page.wait_until(
        "(s => s && (/Saved|Opgeslagen/.test(s.textContent) || s.querySelector('li.problem'))"
        " && s.textContent.trim())(document.querySelector('#status'))",
        what="#status saying Saved/Opgeslagen or listing li.problem",
    )
    return " ".join(status.split())


def adopt_button(question: str, value: object) -> str:
    """An expression finding the button that adopts ``value`` for ``question`` on the agenda
    (``data-value`` holds the value as JSON, compared as a value, not as text)."""
    return (
        f"[...document.querySelectorAll('ol#agenda li.agenda-item[data-question=\"' + "
        f"{js(question)} + '\"] button.adopt')].find(b => JSON.stringify(JSON.parse("
        f"b.dataset.value)) === JSON.stringify({js(value)}))"
    )
