"""The server under attack and trouble: a canvas file broken in an editor, a folder that
cannot be read, guessed codes, a crowd of event streams, clients that leave mid-body, and
errors in the language of the person who gets them."""

from __future__ import annotations

import asyncio
import logging
import shutil
from importlib.resources import as_file, files
from pathlib import Path

import pytest
from cmc_core.vocabulary import Language

from cmc_workshop.folder import Workshop
from cmc_workshop.records import WorkshopIOError
from cmc_workshop.server import participant as participant_routes
from cmc_workshop.server.app import create_app
from cmc_workshop.server.poster import event_stream
from cmc_workshop.server.room import (
    APP_POLICY,
    FRAME_POLICY,
    MAX_FAILURES,
    MAX_STREAMS,
    ClientGone,
    Room,
    read_body,
)
from cmc_workshop.server.testing import test_client

pytest.importorskip("starlette")

from starlette.requests import Request

SECURITY = {
    "content-security-policy": APP_POLICY,
    "x-content-type-options": "nosniff",
    "cache-control": "no-store",
}


@pytest.fixture
def workshop(tmp_path: Path) -> Workshop:
    with as_file(files("cmc_core.examples") / "port-logistics.cmc.yaml") as canvas:
        return Workshop.start(tmp_path / "room", canvas, title="Port day")


def join(client, workshop: Workshop, name: str, language: str = "en") -> str:  # type: ignore[no-untyped-def]
    body = {"name": name, "code": workshop.join_code, "language": language}
    response = client.post("/join", json=body)
    assert response.status_code == 201, response.text
    address: str = response.json()["participant"]
    return address.split("/")[2].split("?", maxsplit=1)[0]


def secured(response) -> None:  # type: ignore[no-untyped-def]
    for header, value in SECURITY.items():
        assert response.headers.get(header) == value, (header, response.status_code)


def break_canvas(workshop: Workshop) -> str:
    """A syntax error in the canvas file, as a slip in an editor makes one."""
    good = workshop.canvas_path.read_text(encoding="utf-8")
    workshop.canvas_path.write_text(good + "\nblocks: [unclosed\n", encoding="utf-8")
    return good


# -- 1: a broken canvas file --------------------------------------------------------------


def test_a_broken_canvas_file_gets_503_saying_so_and_the_rest_goes_on(
    workshop: Workshop, caplog: pytest.LogCaptureFixture
) -> None:
    client = test_client(workshop)
    token = join(client, workshop, "Alice")
    good = break_canvas(workshop)
    facilitator = workshop.facilitator_token
    with caplog.at_level(logging.WARNING):
        # the pages that do not show the canvas go on working
        for address in ("/join", f"/p/{token}", f"/p/{token}/q/block-vision", "/poster"):
            response = client.get(address)
            assert response.status_code == 200, (address, response.text)
            secured(response) if address != "/poster" else None
        assert client.get(f"/f/{facilitator}").status_code == 200
        # the poster's frame shows the problem in place of the canvas, naming the file
        frame = client.get("/poster/canvas.html?lang=en")
        assert frame.status_code == 503
        assert frame.headers["content-security-policy"] == FRAME_POLICY
        assert "canvas.cmc.yaml" in frame.text
        assert "works again as soon as the file is fixed" in frame.text
        # deciding needs the canvas: 503 with the problem, not a refused value
        body = {"questionnaire": "block-vision", "question": "vision-maturity", "value": 2}
        decided = client.post(f"/api/f/{facilitator}/decide?lang=nl", json=body)
        assert decided.status_code == 503
        secured(decided)
        assert "canvas.cmc.yaml" in decided.json()["error"]
        assert "canvasbestand" in decided.json()["error"].lower()
    assert not [r for r in caplog.records if r.exc_info], "no traceback for a broken file"
    assert any("canvas.cmc.yaml" in r.getMessage() for r in caplog.records)
    # fixed in the editor: the poster recovers by itself
    workshop.canvas_path.write_text(good, encoding="utf-8")
    assert client.get("/poster/canvas.html").status_code == 200
    assert client.post(f"/api/f/{facilitator}/decide", json=body).status_code == 200


def test_a_broken_canvas_error_page_is_escaped(workshop: Workshop) -> None:
    client = test_client(workshop)
    good = workshop.canvas_path.read_text(encoding="utf-8")
    workshop.canvas_path.write_text(good + "\n<script>alert(1)</script>: [\n", encoding="utf-8")
    frame = client.get("/poster/canvas.html")
    assert frame.status_code == 503
    assert "<script>" not in frame.text


def test_an_unexpected_error_gets_500_with_the_security_headers(
    workshop: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = test_client(workshop)
    token = join(client, workshop, "Alice")

    def broken() -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr(workshop, "answers", broken)
    page = client.get(f"/p/{token}?lang=nl")
    assert page.status_code == 500
    secured(page)
    assert "boom" not in page.text
    assert 'lang="nl"' in page.text
    api = client.get(f"/api/f/{workshop.facilitator_token}/agenda")
    assert api.status_code == 500
    secured(api)
    assert api.json()["error"]


# -- 2: a folder that cannot be read or written ---------------------------------------------


def test_a_file_that_cannot_be_written_gets_503_in_the_language_asked(
    workshop: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = test_client(workshop)
    token = join(client, workshop, "Alice")

    def failing(*args: object, **kwargs: object) -> int:
        raise WorkshopIOError("answers/alice.cmc-answers.yaml: [Errno 21] Is a directory")

    monkeypatch.setattr(workshop, "save_answers", failing)
    body = {"questionnaire": "block-vision", "answers": {"vision": "Share the quay"}}
    response = client.post(f"/api/p/{token}/answers?lang=nl", json=body)
    assert response.status_code == 503
    error = response.json()["error"]
    assert error.startswith("De workshopmap"), error
    assert "alice.cmc-answers.yaml" in error


def test_a_vanished_folder_is_503_not_an_unknown_participant(workshop: Workshop) -> None:
    client = test_client(workshop)
    token = join(client, workshop, "Alice")
    shutil.rmtree(workshop.path / "answers")
    page = client.get(f"/p/{token}?lang=en")
    assert page.status_code == 503
    assert "cannot be read" in page.text
    secured(page)


# -- 3: one look at the files for every event stream ------------------------------------------


def test_thirty_event_streams_share_one_look_at_the_files(workshop: Workshop) -> None:
    room = Room(workshop)
    seconds = 1.2

    async def listen(stream_number: int) -> list[str]:
        del stream_number
        heard: list[str] = []
        stream = event_stream(room)
        try:
            async with asyncio.timeout(seconds):
                async for piece in stream:
                    heard.append(piece)
        except TimeoutError:
            pass
        finally:
            await stream.aclose()
        return heard

    async def crowd() -> list[list[str]]:
        listening = [asyncio.create_task(listen(n)) for n in range(30)]
        await asyncio.sleep(0.5)
        text = workshop.canvas_path.read_text(encoding="utf-8")
        await asyncio.to_thread(workshop.canvas_path.write_text, text + "\n", encoding="utf-8")
        return await asyncio.gather(*listening)

    heard = asyncio.run(crowd())
    # 1.2 s at one look per 200 ms is 7 looks, for all 30 streams together (30 each before)
    assert room.scans <= 10, room.scans
    assert all(any(piece.startswith("event: canvas") for piece in h) for h in heard)


def test_event_streams_past_the_cap_get_503(workshop: Workshop) -> None:
    client = test_client(workshop)
    client.app.state.room.streams = MAX_STREAMS  # type: ignore[attr-defined]
    response = client.get("/events?lang=en")
    assert response.status_code == 503
    assert "event streams" in response.json()["error"]


# -- 4: guessing codes and tokens, and a full room --------------------------------------------


def test_wrong_codes_and_tokens_get_429_after_ten(workshop: Workshop) -> None:
    client = test_client(workshop)
    for number in range(MAX_FAILURES):
        wrong = client.post("/join", data={"name": f"X{number}", "code": "000000x"})
        assert wrong.status_code == 403
    refused = client.post("/join?lang=en", data={"name": "Y", "code": workshop.join_code})
    assert refused.status_code == 429
    assert 0 < int(refused.headers["retry-after"]) <= 61
    assert "Too many" in refused.text
    secured(refused)
    api = client.get("/api/f/guess/agenda?lang=nl")
    assert api.status_code == 429
    assert "Te veel" in api.json()["error"]


def test_guessed_participant_tokens_count_as_failures(workshop: Workshop) -> None:
    client = test_client(workshop)
    for number in range(MAX_FAILURES):
        assert client.get(f"/p/guess{number}").status_code == 403
    assert client.get("/p/guess").status_code == 429


def test_the_room_takes_a_limited_number_of_participants(
    workshop: Workshop, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(participant_routes, "MAX_PARTICIPANTS", 2)
    client = test_client(workshop)
    join(client, workshop, "Alice")
    join(client, workshop, "Bob")
    full = client.post("/join?lang=en", data={"name": "Carol", "code": workshop.join_code})
    assert full.status_code == 409
    assert "The workshop is full" in full.text
    assert [p.name for p in workshop.participants()] == ["Alice", "Bob"]


# -- 5: a client that leaves while sending ---------------------------------------------------


def test_a_client_leaving_mid_body_ends_quietly(workshop: Workshop) -> None:
    async def receive_then_leave() -> dict[str, object]:
        messages.pop(0) if messages else None
        return next_message.pop(0) if next_message else {"type": "http.disconnect"}

    messages: list[object] = []
    next_message: list[dict[str, object]] = [
        {"type": "http.request", "body": b'{"name": "Al', "more_body": True},
    ]
    scope = {"type": "http", "method": "POST", "path": "/join", "headers": []}
    with pytest.raises(ClientGone):
        asyncio.run(read_body(Request(scope, receive_then_leave)))  # type: ignore[arg-type]

    # and the whole app: no exception escapes, whatever it answers to nobody
    app = create_app(workshop)
    sent: list[dict[str, object]] = []
    next_message[:] = [{"type": "http.request", "body": b'{"name": "Al', "more_body": True}]

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    headers = [(b"content-type", b"application/json"), (b"content-length", b"100")]
    full_scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/join",
        "raw_path": b"/join",
        "query_string": b"",
        "headers": headers,
        "client": ("127.0.0.1", 5000),
        "server": ("127.0.0.1", 8765),
    }
    asyncio.run(app(full_scope, receive_then_leave, send))  # type: ignore[arg-type]
    assert workshop.participants() == ()


# -- 6: every error in the language of whom it is for ----------------------------------------


def test_json_errors_speak_the_requests_language(workshop: Workshop) -> None:
    client = test_client(workshop)
    token = join(client, workshop, "Alice", language="nl")
    bad = client.post(f"/api/p/{token}/answers", content=b"{")
    assert bad.status_code == 400
    assert bad.json()["error"] != "the body is not JSON"  # Alice joined in Dutch
    english = client.post(f"/api/p/{token}/answers?lang=en", content=b"{")
    assert english.json()["error"] == "the body is not JSON"
    wrong = client.get("/api/f/nope/agenda?lang=nl")
    assert wrong.status_code == 403
    assert wrong.json()["error"] != "wrong facilitator token"
    unknown = client.post("/api/p/nope/answers?lang=nl", json={})
    assert unknown.json()["error"] != "unknown participant"
    large = client.post(f"/api/p/{token}/answers?lang=nl", content=b"x" * (70 * 1024))
    assert large.status_code == 413
    assert "64 KiB" in large.json()["error"]
    assert large.json()["error"] != "the request is larger than 64 KiB"


def test_pages_default_to_the_participants_and_the_canvas_language(workshop: Workshop) -> None:
    canvas_language = workshop.canvas().meta.language
    other = Language.EN if canvas_language is Language.NL else Language.NL
    client = test_client(workshop)
    token = join(client, workshop, "Alice", language=other.value)
    assert f'lang="{other.value}"' in client.get(f"/p/{token}").text
    assert f'lang="{other.value}"' in client.get(f"/p/{token}/q/block-vision").text
    forbidden = client.get("/p/not-a-token")
    assert forbidden.status_code == 403
    assert f'lang="{canvas_language.value}"' in forbidden.text
    missing = client.get("/nowhere")
    assert f'lang="{canvas_language.value}"' in missing.text


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_language_picker_names_each_language_in_itself(workshop: Workshop, lang: str) -> None:
    page = test_client(workshop).get(f"/join?lang={lang}").text
    assert '<option value="nl" lang="nl"' in page
    assert ">Nederlands</option>" in page
    assert ">English</option>" in page


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_the_web_form_has_no_terminal_hints(workshop: Workshop, lang: str) -> None:
    client = test_client(workshop)
    token = join(client, workshop, "Alice", language=lang)
    for questionnaire in ("quickscan", "canvas-details", "block-boundary", "block-suppliers"):
        page = client.get(f"/p/{token}/q/{questionnaire}?lang={lang}")
        assert page.status_code == 200
        text = page.text.lower()
        assert "empty line" not in text
        assert "lege regel" not in text
