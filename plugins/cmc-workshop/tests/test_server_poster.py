"""The live poster and the event stream: the html exporter's page in a sandboxed frame, and
``canvas``/``answers`` events after a decision, an outside edit of the canvas file, or a save."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from importlib.resources import as_file, files
from pathlib import Path

import orjson
import pytest
from cmc_core import export
from cmc_core.vocabulary import Language

from cmc_workshop.folder import Workshop
from cmc_workshop.server import addresses, is_loopback
from cmc_workshop.server.room import FRAME_POLICY, POSTER_POLICY, canvas_version
from cmc_workshop.server.testing import Tags, test_client

pytest.importorskip("starlette")

#: How long a test waits for an event; the server looks every 200 ms.
WAIT = 5.0


@pytest.fixture
def workshop(tmp_path: Path) -> Workshop:
    with as_file(files("cmc_core.examples") / "port-logistics.cmc.yaml") as canvas:
        return Workshop.start(tmp_path / "room", canvas, title="Port day")


def test_the_poster_page_frames_the_canvas_in_a_sandbox(workshop: Workshop) -> None:
    response = test_client(workshop).get("/poster?lang=en")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == POSTER_POLICY
    assert "unsafe-inline" not in POSTER_POLICY
    page = Tags(response.text)
    version = canvas_version(workshop.canvas_path)
    assert page.first("body")["data-version"] == version
    assert page.first("iframe")["id"] == "poster"
    assert page.first("iframe")["sandbox"] == ""  # no script, no same origin
    assert page.first("iframe")["src"] == f"/poster/canvas.html?lang=en&v={version}"
    assert page.first("script")["src"] == "/static/live.js"


@pytest.mark.parametrize("language", [Language.EN, Language.NL])
def test_the_framed_canvas_is_the_html_exporters_page(
    workshop: Workshop, language: Language
) -> None:
    response = test_client(workshop).get(f"/poster/canvas.html?lang={language.value}")
    assert response.status_code == 200
    assert response.text == export(workshop.canvas(), "html", language=language)
    assert response.headers["content-security-policy"] == FRAME_POLICY
    assert "script-src" not in FRAME_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"


def test_without_a_language_the_poster_speaks_the_canvas_language(workshop: Workshop) -> None:
    client = test_client(workshop)
    own = workshop.canvas().meta.language
    assert f'<html lang="{own.value}"' in client.get("/poster").text
    assert client.get("/poster/canvas.html").text == export(workshop.canvas(), "html")


def test_on_a_network_the_poster_and_its_stream_need_the_join_code(workshop: Workshop) -> None:
    client = test_client(workshop, require_code_everywhere=True)
    for address in ("/poster", "/poster/canvas.html", "/events"):
        assert client.get(address).status_code == 403
        assert client.get(f"{address}?code=000000x").status_code == 403
    page = client.get(f"/poster?code={workshop.join_code}")
    assert page.status_code == 200
    shown = Tags(page.text)
    assert f"code={workshop.join_code}" in (shown.first("iframe")["src"] or "")
    assert shown.first("body")["data-code"] == workshop.join_code
    assert client.get(f"/poster/canvas.html?code={workshop.join_code}").status_code == 200
    # served locally the poster is open
    assert test_client(workshop).get("/poster").status_code == 200


def test_the_addresses_printed_at_start(workshop: Workshop) -> None:
    local = addresses(workshop, "127.0.0.1", 8765)
    assert local == {
        "join": "http://127.0.0.1:8765/join",
        "facilitator": f"http://127.0.0.1:8765/f/{workshop.facilitator_token}",
        "poster": "http://127.0.0.1:8765/poster",
    }
    network = addresses(workshop, "0.0.0.0", 9000)
    assert network["poster"].endswith(f"/poster?code={workshop.join_code}")
    assert [is_loopback(h) for h in ("127.0.0.1", "::1", "localhost", "0.0.0.0", "10.0.0.1")] == [
        True,
        True,
        True,
        False,
        False,
    ]


class Events:
    """The events of one ``/events`` stream, read by a thread into a queue."""

    def __init__(self, lines: Iterator[str]) -> None:
        self.queue: queue.Queue[tuple[str, dict[str, object]]] = queue.Queue()
        self.thread = threading.Thread(target=self._read, args=(lines,), daemon=True)
        self.thread.start()

    def _read(self, lines: Iterator[str]) -> None:
        name = ""
        try:
            for line in lines:
                if line.startswith("event: "):
                    name = line.removeprefix("event: ")
                elif line.startswith("data: "):
                    self.queue.put((name, orjson.loads(line.removeprefix("data: "))))
                elif line == ": connected":
                    self.queue.put(("connected", {}))
        except Exception:
            return

    def next(self, name: str) -> dict[str, object]:
        while True:
            found, data = self.queue.get(timeout=WAIT)
            if found == name:
                return data


def test_the_stream_says_canvas_after_a_decision_and_an_outside_edit(workshop: Workshop) -> None:
    with test_client(workshop) as client, client.stream("GET", "/events") as stream:
        assert stream.status_code == 200
        assert stream.headers["content-type"].startswith("text/event-stream")
        events = Events(stream.iter_lines())
        events.next("connected")
        body = {"questionnaire": "block-vision", "question": "vision-maturity", "value": 1}
        decided = client.post(f"/api/f/{workshop.facilitator_token}/decide", json=body)
        assert decided.status_code == 200
        assert events.next("canvas") == {"version": canvas_version(workshop.canvas_path)}
        # an editor (or `cmc ask`) writes the file: the poster hears of it too
        with workshop.canvas_path.open("a", encoding="utf-8") as canvas:
            canvas.write("# edited by hand\n")
        assert events.next("canvas") == {"version": canvas_version(workshop.canvas_path)}


def test_the_stream_says_answers_when_a_participant_saves(workshop: Workshop) -> None:
    with test_client(workshop) as client, client.stream("GET", "/events") as stream:
        events = Events(stream.iter_lines())
        events.next("connected")
        alice = workshop.join("Alice")
        events.next("answers")
        saved = client.post(
            f"/api/p/{alice.token}/answers",
            json={"questionnaire": "block-vision", "answers": {"vision": "Share"}},
        )
        assert saved.status_code == 200
        assert events.next("answers")["files"] == 2  # the participant's two files


def test_a_poster_that_shows_an_old_version_hears_of_the_new_one_at_once(
    workshop: Workshop,
) -> None:
    with test_client(workshop) as client, client.stream("GET", "/events?version=old") as stream:
        events = Events(stream.iter_lines())
        assert events.next("canvas") == {"version": canvas_version(workshop.canvas_path)}
