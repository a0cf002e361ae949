"""The participant's side of the workshop server: joining, the pages, and saving answers,
with every refusal the contract names (403, 409, 413, 400, 422) and the security headers."""

from __future__ import annotations

import html.parser
from importlib.resources import as_file, files
from pathlib import Path

import orjson
import pytest

from cmc_workshop.folder import Workshop
from cmc_workshop.server.room import APP_POLICY, MAX_BODY
from cmc_workshop.server.testing import Tags, test_client

pytest.importorskip("starlette")


@pytest.fixture
def workshop(tmp_path: Path) -> Workshop:
    with as_file(files("cmc_core.examples") / "port-logistics.cmc.yaml") as canvas:
        return Workshop.start(tmp_path / "room", canvas, title="Port day")


def join(client, workshop: Workshop, name: str, language: str = "en") -> str:  # type: ignore[no-untyped-def]
    response = client.post(
        "/join", data={"name": name, "code": workshop.join_code, "language": language}
    )
    assert response.status_code == 303, response.text
    location = response.headers["location"]
    assert location.endswith(f"?lang={language}")
    return location.split("/")[2].split("?")[0]


def test_the_root_sends_to_the_join_page(workshop: Workshop) -> None:
    response = test_client(workshop).get("/")
    assert response.status_code == 303
    assert response.headers["location"] == "/join"


def test_the_join_page_has_the_form_and_the_strict_headers(workshop: Workshop) -> None:
    response = test_client(workshop).get("/join")
    assert response.status_code == 200
    page = Tags(response.text)
    assert page.find("form", id="join-form")
    assert page.find("input", id="name")
    assert page.find("input", id="code")
    assert page.find("button", id="join")
    languages = [a["value"] for tag, a in page.tags if tag == "option"]
    assert languages == ["nl", "en"]
    policy = response.headers["content-security-policy"]
    assert policy == APP_POLICY
    assert "unsafe-inline" not in policy
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    assert response.headers["cache-control"] == "no-store"
    # no inline script or style: every script has a src of this server, no style element
    assert all(a.get("src", "").startswith("/static/") for t, a in page.tags if t == "script")
    assert not [t for t, a in page.tags if t == "style" or "style" in a]


def test_joining_with_the_code_leads_to_the_participant_page(workshop: Workshop) -> None:
    client = test_client(workshop)
    token = join(client, workshop, "Alice", "nl")
    assert [p.name for p in workshop.participants()] == ["Alice"]
    assert workshop.participant(token).name == "Alice"
    page = client.get(f"/p/{token}?lang=nl")
    assert page.status_code == 200
    links = Tags(page.text).find("a")
    named = {a["data-questionnaire"]: a["href"] for a in links if a.get("class") == "questionnaire"}
    assert set(named) == {q.name for q in workshop.questionnaires()}
    assert named["block-vision"] == f"/p/{token}/q/block-vision?lang=nl"
    assert 'lang="nl"' in page.text
    assert "Welkom, Alice." in page.text


def test_joining_by_json_works_too(workshop: Workshop) -> None:
    client = test_client(workshop)
    body = {"name": "Bob", "code": workshop.join_code, "language": "en"}
    response = client.post("/join", json=body)
    assert response.status_code == 201
    address = response.json()["participant"]
    assert address.startswith("/p/")
    assert client.get(address).status_code == 200
    form = client.post("/join", data={**body, "name": "Carol"})
    assert form.status_code == 303
    assert form.headers["location"].startswith("/p/")


@pytest.mark.parametrize("code", ["000000x", "", "1" * 7])
def test_a_wrong_join_code_gets_403_and_nobody_joins(workshop: Workshop, code: str) -> None:
    response = test_client(workshop).post(
        "/join", data={"name": "Mallory", "code": code, "language": "en"}
    )
    assert response.status_code == 403
    assert "join code is not right" in response.text
    assert workshop.participants() == ()


def test_a_missing_join_code_gets_403(workshop: Workshop) -> None:
    response = test_client(workshop).post("/join", data={"name": "Mallory"})
    assert response.status_code == 403


@pytest.mark.parametrize("again", ["Alice", "alice", "  ALICE ", "ali\u0020ce".replace(" ", "")])
def test_a_name_taken_gets_409_saying_so(workshop: Workshop, again: str) -> None:
    client = test_client(workshop)
    join(client, workshop, "Alice")
    body = {"name": again, "code": workshop.join_code, "language": "en"}
    response = client.post("/join", data=body)
    assert response.status_code == 409
    assert "is taken" in response.text
    assert Tags(response.text).find("form", id="join-form")  # to choose another name
    assert len(workshop.participants()) == 1


def test_a_name_that_is_not_allowed_gets_400(workshop: Workshop) -> None:
    client = test_client(workshop)
    for name in ("", "x" * 61, "bell\x07"):
        response = client.post("/join", data={"name": name, "code": workshop.join_code})
        assert response.status_code == 400, name
    assert workshop.participants() == ()


@pytest.mark.parametrize(
    "address",
    ["/p/not-a-token", "/p/not-a-token/q/block-vision"],
)
def test_an_unknown_participant_token_gets_403(workshop: Workshop, address: str) -> None:
    response = test_client(workshop).get(address)
    assert response.status_code == 403
    assert response.headers["content-security-policy"] == APP_POLICY


def test_the_questionnaire_page_has_one_named_field_per_question(workshop: Workshop) -> None:
    client = test_client(workshop)
    token = join(client, workshop, "Alice")
    for questionnaire in workshop.questionnaires():
        response = client.get(f"/p/{token}/q/{questionnaire.name}?lang=en")
        assert response.status_code == 200
        page = Tags(response.text)
        form = page.find("form", id="answers")
        assert form
        assert form[0]["data-questionnaire"] == questionnaire.name
        wrapped = [a["data-question"] for t, a in page.tags if "data-question" in a]
        assert wrapped == [q.id for q in questionnaire.questions]
        named = {a.get("name") for t, a in page.tags if t in ("input", "select", "textarea")}
        assert named == {q.id for q in questionnaire.questions}
        assert page.find("button", id="save")
        assert page.find("div", id="status")
        assert page.find("script", src="/static/participant.js")


def test_an_unknown_questionnaire_gets_404(workshop: Workshop) -> None:
    client = test_client(workshop)
    token = join(client, workshop, "Alice")
    assert client.get(f"/p/{token}/q/no-such-thing").status_code == 404


def save(client, token: str, questionnaire: str, answers: dict[str, object], lang: str = "en"):  # type: ignore[no-untyped-def]
    return client.post(
        f"/api/p/{token}/answers?lang={lang}",
        json={"questionnaire": questionnaire, "answers": answers},
    )


def test_saved_answers_go_to_the_participants_own_file(workshop: Workshop) -> None:
    client = test_client(workshop)
    alice, bob = join(client, workshop, "Alice"), join(client, workshop, "Bob")
    response = save(
        client, alice, "block-vision", {"vision": "Share the quay", "vision-maturity": "3"}
    )
    assert response.status_code == 200
    assert response.json() == {"saved": 2, "message": "Saved: 2 answers."}
    assert response.headers["cache-control"] == "no-store"
    assert save(client, bob, "block-vision", {"vision-maturity": 1}).status_code == 200
    assert workshop.answers() == {
        "Alice": {"vision": "Share the quay", "vision-maturity": 3},
        "Bob": {"vision-maturity": 1},
    }
    # the page shows the answers given, and saving again in Dutch says so in Dutch
    page = client.get(f"/p/{alice}/q/block-vision").text
    assert "Share the quay</textarea>" in page
    dutch = save(client, alice, "block-vision", {"vision": None}, lang="nl")
    assert dutch.json()["message"] == "Opgeslagen: 0 antwoorden."
    assert workshop.answers()["Alice"] == {"vision-maturity": 3}


def test_list_answers_are_read_one_line_each_as_cmc_ask_reads_them(workshop: Workshop) -> None:
    client = test_client(workshop)
    alice = join(client, workshop, "Alice")
    lines = "Cargo owners\n\n  Shipping lines  \n"
    response = save(client, alice, "block-boundary", {"boundary-inside": lines})
    assert response.status_code == 200, response.text
    assert workshop.answers()["Alice"]["boundary-inside"] == ["Cargo owners", "Shipping lines"]
    page = client.get(f"/p/{alice}/q/block-boundary").text
    assert "Cargo owners\nShipping lines</textarea>" in page


def test_answers_that_do_not_fit_get_422_with_a_problem_each(workshop: Workshop) -> None:
    client = test_client(workshop)
    alice = join(client, workshop, "Alice")
    response = save(
        client, alice, "block-vision", {"vision-maturity": "9", "nonsense": "x", "vision": "ok"}
    )
    assert response.status_code == 422
    problems = response.json()["problems"]
    assert {p["question"] for p in problems} == {"vision-maturity", "nonsense"}
    assert all(p["message"] for p in problems)
    assert workshop.answers() == {"Alice": {}}  # nothing of it saved


def test_a_participant_cannot_write_anothers_answers(workshop: Workshop) -> None:
    client = test_client(workshop)
    alice, _bob = join(client, workshop, "Alice"), join(client, workshop, "Bob")
    # whatever the body says, the token decides whose file it is
    body = {"questionnaire": "block-vision", "answers": {"vision": "mine"}, "participant": "Bob"}
    assert client.post(f"/api/p/{alice}/answers", json=body).status_code == 200
    assert workshop.answers() == {"Alice": {"vision": "mine"}, "Bob": {}}
    forged = client.post("/api/p/Bob/answers?lang=en", json=body)
    assert forged.status_code == 403
    assert forged.json() == {"error": "unknown participant"}


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[1, 2]",
        b'"text"',
        b'{"questionnaire": 1, "answers": {}}',
        b'{"questionnaire": "block-vision", "answers": []}',
        b"\xff\xfe",
    ],
)
def test_a_body_that_is_not_the_expected_json_gets_400(workshop: Workshop, body: bytes) -> None:
    client = test_client(workshop)
    alice = join(client, workshop, "Alice")
    headers = {"content-type": "application/json"}
    response = client.post(f"/api/p/{alice}/answers", content=body, headers=headers)
    assert response.status_code == 400
    assert "error" in response.json()


def test_a_body_over_64_kib_gets_413_whether_announced_or_streamed(workshop: Workshop) -> None:
    client = test_client(workshop)
    alice = join(client, workshop, "Alice")
    text = "x" * MAX_BODY
    big = orjson.dumps({"questionnaire": "block-vision", "answers": {"vision": text}})
    response = client.post(f"/api/p/{alice}/answers", content=big)
    assert response.status_code == 413
    assert response.headers["content-security-policy"] == APP_POLICY

    def chunks():  # type: ignore[no-untyped-def]  # no Content-Length: sent chunked
        for start in range(0, len(big), 8192):
            yield big[start : start + 8192]

    streamed = client.post(f"/api/p/{alice}/answers", content=chunks())
    assert streamed.status_code == 413
    joined = client.post("/join", content=b"name=" + b"x" * MAX_BODY + b"&code=1")
    assert joined.status_code == 413
    assert workshop.answers() == {"Alice": {}}
    # just under the limit is read (and refused for its content, not its size)
    fits = orjson.dumps({"questionnaire": "block-vision", "answers": {"vision": "y" * 60000}})
    assert len(fits) <= MAX_BODY
    assert client.post(f"/api/p/{alice}/answers", content=fits).status_code == 200


def test_the_static_files_are_served_with_their_types(workshop: Workshop) -> None:
    client = test_client(workshop)
    for name, kind in [
        ("participant.js", "javascript"),
        ("facilitator.js", "javascript"),
        ("live.js", "javascript"),
        ("style.css", "text/css"),
    ]:
        response = client.get(f"/static/{name}")
        assert response.status_code == 200
        assert kind in response.headers["content-type"]
        assert response.headers["x-content-type-options"] == "nosniff"
        assert "http://" not in response.text
        assert "https://" not in response.text
    assert client.get("/static/../room.py").status_code == 404


def _english():  # type: ignore[no-untyped-def]
    """cmc's stop-word check (``tests/english.py`` of the repository), read by its path."""
    import importlib.util

    path = Path(__file__).resolve().parents[3] / "tests" / "english.py"
    if not path.is_file():
        pytest.skip("cmc's tests/english.py is not beside this plugin")
    spec = importlib.util.spec_from_file_location("cmc_tests_english", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_pages_speak_dutch_without_english_left(workshop: Workshop) -> None:
    english = _english()
    client = test_client(workshop)
    alice = join(client, workshop, "Alice", "nl")
    workshop.save_answers(workshop.join("Bob"), "block-vision", {"vision-maturity": 1})
    pages = {
        "join": client.get("/join?lang=nl").text,
        "wrong code": client.post("/join", data={"name": "X", "code": "", "language": "nl"}).text,
        "taken": client.post(
            "/join", data={"name": "alice", "code": workshop.join_code, "language": "nl"}
        ).text,
        "home": client.get(f"/p/{alice}?lang=nl").text,
        "questionnaire": client.get(f"/p/{alice}/q/block-vision?lang=nl").text,
        "forbidden": client.get("/p/nobody?lang=nl").text,
        "facilitator": client.get(f"/f/{workshop.facilitator_token}?lang=nl").text,
        "poster": client.get("/poster?lang=nl").text,
        "saved": save(client, alice, "block-vision", {"vision": "Delen"}, lang="nl").json()[
            "message"
        ],
    }
    for where, text in pages.items():
        shown = Words(text).text()
        assert "alice" in shown.lower() or where not in ("home", "taken")  # text was read
        assert english.english_words(shown, allowed=["Alice", "Bob", "English"]) == [], where


class Words(html.parser.HTMLParser):
    """What a person reads on a page: its text and the texts of its attributes."""

    SHOWN = ("placeholder", "aria-label", "title", "data-saving", "data-failed", "data-problems")

    def __init__(self, text: str) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts += [value or "" for key, value in attrs if key in self.SHOWN]

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def text(self) -> str:
        return "\n".join(part.strip() for part in self.parts if part.strip())
