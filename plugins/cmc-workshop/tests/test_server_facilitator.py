"""The facilitator's side of the workshop server: the agenda (the same as ``cmc workshop
merge``'s), deciding, the token check, and hostile text from participants kept inert."""

from __future__ import annotations

import re
import unicodedata
from importlib.resources import as_file, files
from pathlib import Path

import orjson
import pytest
from cmc_core.testing import HOSTILE_TEXTS, INJECTION_MARKER, assert_safe_html
from cmc_core.vocabulary import FactorKey

from cmc_workshop.agenda_report import html_report
from cmc_workshop.folder import Workshop
from cmc_workshop.merge import workshop_report
from cmc_workshop.server.facilitator import agenda_data
from cmc_workshop.server.room import APP_POLICY
from cmc_workshop.server.testing import Tags, test_client

pytest.importorskip("starlette")


@pytest.fixture
def workshop(tmp_path: Path) -> Workshop:
    with as_file(files("cmc_core.examples") / "port-logistics.cmc.yaml") as canvas:
        return Workshop.start(tmp_path / "room", canvas, title="Port day")


def answered(workshop: Workshop, answers: dict[str, dict[str, object]]) -> None:
    for name, given in answers.items():
        workshop.save_answers(workshop.join(name), "block-vision", given)


def injected(text: str) -> list[str]:
    """Markup a hostile text could have planted: any script but the app's own files, an
    event attribute, a javascript: URL, an element or attribute named after the marker."""
    found = []
    for tag, attributes in Tags(text).tags:
        if INJECTION_MARKER in tag:
            found.append(f"<{tag}>")
        if tag == "script" and not (attributes.get("src") or "").startswith("/static/"):
            found.append("a script of its own")
        for key, value in attributes.items():
            if key.startswith("on") or INJECTION_MARKER in key:
                found.append(f"{key} on <{tag}>")
            if (value or "").strip().lower().startswith("javascript:"):
                found.append(f"javascript: in {key}")
    return found


def test_the_facilitator_page_needs_the_facilitator_token(workshop: Workshop) -> None:
    client = test_client(workshop)
    for address in ("/f/wrong", f"/f/{workshop.facilitator_token}x", f"/f/{workshop.join_code}"):
        response = client.get(address)
        assert response.status_code == 403
        assert workshop.facilitator_token not in response.text
    assert client.get("/api/f/wrong/agenda").status_code == 403
    body = {"questionnaire": "block-vision", "question": "vision-maturity", "value": 2}
    assert client.post("/api/f/wrong/decide", json=body).status_code == 403
    assert workshop.decisions() == ()


def test_the_agenda_puts_the_disagreement_first_with_its_positions(workshop: Workshop) -> None:
    answered(
        workshop,
        {
            "Alice": {"vision": "Share the quay", "vision-maturity": 2},
            "Bob": {"vision": "Share the quay", "vision-maturity": 2},
            "Carol": {"vision": "Share the quay", "vision-maturity": 0},
        },
    )
    client = test_client(workshop)
    token = workshop.facilitator_token
    response = client.get(f"/f/{token}?lang=en")
    assert response.status_code == 200
    assert response.headers["content-security-policy"] == APP_POLICY
    page = Tags(response.text)
    items = page.having("li", "agenda-item")
    first = items[0]
    assert (first["data-questionnaire"], first["data-question"]) == (
        "block-vision",
        "vision-maturity",
    )
    assert first["data-status"] == "divided"
    assert first["data-agreement"] == "0.67"
    unanimous = next(i for i in items if i["data-question"] == "vision")
    assert unanimous["data-status"] == "unanimous"
    adopt = [orjson.loads(b["data-value"] or "") for b in page.having("button", "adopt")]
    assert sorted(adopt, key=str) == [0, 2, "Share the quay"]
    assert page.having("input", "agreed-value")
    assert page.having("button", "decide")
    assert ("script", {"src": "/static/facilitator.js", "defer": None}) in page.tags
    # the JSON API gives the same agenda, and so does `cmc workshop merge`
    agenda = client.get(f"/api/f/{token}/agenda?lang=en").json()
    assert [(a["questionnaire"], a["question"], a["status"]) for a in agenda] == [
        (i["data-questionnaire"], i["data-question"], i["data-status"]) for i in items
    ]
    assert agenda[0]["positions"] == [
        {"value": 2, "shown": "2", "participants": ["Alice", "Bob"]},
        {"value": 0, "shown": "0", "participants": ["Carol"]},
    ]
    assert agenda == orjson.loads(orjson.dumps(agenda_data(workshop_report(workshop).items)))


def test_adopting_an_answer_writes_the_canvas_and_records_the_decision(workshop: Workshop) -> None:
    answered(workshop, {"Alice": {"vision-maturity": 2}, "Bob": {"vision-maturity": 0}})
    before = workshop.canvas_path.read_text(encoding="utf-8")
    client = test_client(workshop)
    body = {"questionnaire": "block-vision", "question": "vision-maturity", "value": 2}
    response = client.post(f"/api/f/{workshop.facilitator_token}/decide", json=body)
    assert response.status_code == 200, response.text
    decision = response.json()["decision"]
    assert decision["value"] == 2
    assert decision["agreed"] == ["Alice"]
    assert decision["by"] == "facilitator"
    assert workshop.canvas_path.read_text(encoding="utf-8") != before
    factors = {factor.key: factor for factor in workshop.canvas().factors}
    assert factors[FactorKey.VISION].maturity == 2
    assert [d.question for d in workshop.decisions()] == ["vision-maturity"]
    agenda = client.get(f"/api/f/{workshop.facilitator_token}/agenda").json()
    decided = next(a for a in agenda if a["question"] == "vision-maturity")
    assert decided["status"] == "decided"
    page = client.get(f"/f/{workshop.facilitator_token}").text
    assert 'class="decided-value">2</span>' in page
    # the time is shown as people read it (18:11, local), the ISO stamp kept for machines
    shown = re.search(r'<time datetime="([^"]+)">([^<]+)</time>', page)
    assert shown is not None
    assert shown.group(1) == decision["at"]
    assert re.fullmatch(r"\d\d:\d\d", shown.group(2)), shown.group(2)


def test_a_typed_answer_is_checked_and_a_bad_one_gets_422(workshop: Workshop) -> None:
    client = test_client(workshop)
    address = f"/api/f/{workshop.facilitator_token}/decide"
    bad = {"questionnaire": "block-vision", "question": "vision-maturity", "value": "seven"}
    response = client.post(address, json=bad)
    assert response.status_code == 422
    assert response.json()["problems"][0]["message"]
    unknown = {"questionnaire": "block-vision", "question": "nope", "value": "1"}
    assert client.post(address, json=unknown).status_code == 422
    assert workshop.decisions() == ()
    typed = {"questionnaire": "block-boundary", "question": "boundary-inside", "value": "A\nB"}
    assert client.post(address, json=typed).status_code == 200
    assert workshop.decisions()[0].value == ["A", "B"]
    assert client.post(address, content=b"{").status_code == 400
    assert client.post(address, json={"questionnaire": "block-vision"}).status_code == 400


NAMES = tuple(
    dict.fromkeys(
        text[:60].strip()
        for text in HOSTILE_TEXTS
        if text[:60].strip()
        and not any(
            unicodedata.category(c)[0] == "C" or unicodedata.category(c) in {"Zl", "Zp"}
            for c in text[:60]
        )
    )
)


def test_hostile_names_and_answers_stay_text_on_every_page(workshop: Workshop) -> None:
    client = test_client(workshop)
    tokens = []
    for number, text in enumerate(NAMES):
        name = f"{number} {text}"[:60]
        response = client.post("/join", data={"name": name, "code": workshop.join_code})
        assert response.status_code == 303, (name, response.text)
        token = response.headers["location"].split("/")[2].split("?")[0]
        tokens.append(token)
        answer = HOSTILE_TEXTS[number % len(HOSTILE_TEXTS)]
        saved = client.post(
            f"/api/p/{token}/answers",
            json={"questionnaire": "block-vision", "answers": {"vision": answer}},
        )
        if saved.status_code == 422:  # the core refuses control and direction characters
            assert any(unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp"} for c in answer), saved
            assert any(c not in "\n\t" for c in answer if unicodedata.category(c)[0] in "CZ")
        else:
            assert saved.status_code == 200, saved.text
    assert len(NAMES) >= 10
    pages = {
        "facilitator": client.get(f"/f/{workshop.facilitator_token}").text,
        "participant": client.get(f"/p/{tokens[0]}").text,
        "questionnaire": client.get(f"/p/{tokens[1]}/q/block-vision").text,
        "merge": html_report(workshop_report(workshop)),
    }
    for where, text in pages.items():
        assert injected(text) == [], where
    facilitator = pages["facilitator"]
    assert "&lt;script&gt;alert(" in facilitator  # shown, as text
    # the agenda's adopt buttons carry each answer back intact, whatever it holds
    page = Tags(facilitator)
    carried = {orjson.loads(b["data-value"] or "") for b in page.having("button", "adopt")}
    agenda = client.get(f"/api/f/{workshop.facilitator_token}/agenda").json()
    positions = next(i["positions"] for i in agenda if i["question"] == "vision")
    assert carried == {position["value"] for position in positions}
    assert carried <= {given.get("vision") for given in workshop.answers().values()}
    # a hostile answer adopted into the canvas is safe on the poster too
    hostile = HOSTILE_TEXTS[0]
    body = {"questionnaire": "block-vision", "question": "vision", "value": hostile}
    assert client.post(f"/api/f/{workshop.facilitator_token}/decide", json=body).status_code == 200
    poster = client.get("/poster/canvas.html")
    assert_safe_html(poster.content)
    assert "&lt;script&gt;" in poster.text
