"""Killing the server loses no saved answer, and a restart resumes the workshop: the real
server (uvicorn, ``python -m cmc_workshop.server``) in a subprocess on 127.0.0.1, killed with
SIGKILL between the answers."""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

import pytest

from cmc_workshop.folder import Workshop
from cmc_workshop.server.testing import ServerProcess

httpx = pytest.importorskip("httpx")
pytest.importorskip("uvicorn")

pytestmark = pytest.mark.slow  # two server starts in fresh processes: seconds


@pytest.fixture
def workshop(tmp_path: Path) -> Workshop:
    with as_file(files("cmc_core.examples") / "port-logistics.cmc.yaml") as canvas:
        return Workshop.start(tmp_path / "room", canvas, title="Port day")


def join(client: httpx.Client, workshop: Workshop, name: str) -> str:
    response = client.post("/join", data={"name": name, "code": workshop.join_code})
    assert response.status_code == 303, response.text
    return response.headers["location"].split("/")[2].split("?")[0]


def save(client: httpx.Client, token: str, answers: dict[str, object]) -> httpx.Response:
    body = {"questionnaire": "block-vision", "answers": answers}
    return client.post(f"/api/p/{token}/answers", json=body)


def test_kill_9_loses_no_saved_answer_and_a_restart_resumes(workshop: Workshop) -> None:
    server = ServerProcess(workshop.path)
    with server, httpx.Client(base_url=server.url, timeout=10) as client:
        tokens = {name: join(client, workshop, name) for name in ("Alice", "Bob", "Carol")}
        for number, (name, token) in enumerate(tokens.items()):
            response = save(
                client, token, {"vision": f"{name}'s vision", "vision-maturity": number}
            )
            assert response.status_code == 200, response.text
    # killed with SIGKILL on leaving the block: every acknowledged answer is on disk
    assert "Participants join at" in server.printed()
    assert f"/f/{workshop.facilitator_token}" in server.printed()
    expected = {
        "Alice": {"vision": "Alice's vision", "vision-maturity": 0},
        "Bob": {"vision": "Bob's vision", "vision-maturity": 1},
        "Carol": {"vision": "Carol's vision", "vision-maturity": 2},
    }
    assert Workshop.open(workshop.path).answers() == expected
    with ServerProcess(workshop.path) as again, httpx.Client(base_url=again.url) as client:
        # the same links work, the same names are taken, and the agenda has everyone
        assert client.get(f"/p/{tokens['Bob']}").status_code == 200
        assert (
            client.post("/join", data={"name": "alice", "code": workshop.join_code}).status_code
            == 409
        )
        assert save(client, tokens["Alice"], {"vision-maturity": 3}).status_code == 200
        agenda = client.get(f"/api/f/{workshop.facilitator_token}/agenda").json()
        maturity = next(item for item in agenda if item["question"] == "vision-maturity")
        assert maturity["answered"] == 3
        assert maturity["status"] == "divided"
    assert Workshop.open(workshop.path).answers()["Alice"]["vision-maturity"] == 3
