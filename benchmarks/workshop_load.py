"""The workshop server under a room's load (issue 17): participants answering at once.

``python -m benchmarks.workshop_load [--participants 20] [--seconds 60] [--update FILE]``
prints the figures as JSON and, with ``--update``, writes the ``workshop-load`` section.

The real server (``python -m cmc_workshop.server``, uvicorn) runs in a subprocess on a free
port of 127.0.0.1 over a fresh workshop on the port-logistics example. Each simulated
participant joins, then saves answers to the vision block's questionnaire (a text, a maturity
and notes, one random question a request) as fast as the server answers, from its own thread
and connection, for the time asked. Every answer the server acknowledged (200) must then be
in that participant's file, the last one given per question: checked while the server runs,
after ``kill -9`` of it, and after a restart (which must serve the same participants again).
Latency is per request, as the client measures it.
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import random
import statistics
import sys
import tempfile
import threading
import time
from importlib.resources import as_file, files
from pathlib import Path
from typing import Any

import httpx
import orjson
from cmc_workshop.folder import Workshop
from cmc_workshop.server.testing import ServerProcess

from benchmarks.sections import replace_section

__all__ = ["main", "measure"]

QUESTIONNAIRE = "block-vision"


def _answer(rng: random.Random, participant: int, number: int) -> tuple[str, object]:
    question = rng.choice(("vision", "vision-maturity", "vision-notes"))
    if question == "vision-maturity":
        return question, rng.randint(0, 3)
    return question, f"Participant {participant}, answer {number}: share the quay"


def _participant(url: str, token: str, index: int, deadline: float, result: dict[str, Any]) -> None:
    """One participant's loop: save, time it, remember what was acknowledged."""
    rng = random.Random(index)
    latencies: list[float] = []
    acknowledged: dict[str, object] = {}
    errors: list[str] = []
    with httpx.Client(base_url=url, timeout=30) as client:
        number = 0
        while time.monotonic() < deadline:
            number += 1
            question, value = _answer(rng, index, number)
            body = {"questionnaire": QUESTIONNAIRE, "answers": {question: value}}
            started = time.perf_counter()
            try:
                response = client.post(f"/api/p/{token}/answers", json=body)
            except httpx.HTTPError as error:
                errors.append(f"{type(error).__name__}: {error}")
                continue
            latencies.append(time.perf_counter() - started)
            if response.status_code == 200 and response.json().get("saved") == 1:
                acknowledged[question] = value
            else:
                errors.append(f"{response.status_code}: {response.text[:200]}")
    result.update(latencies=latencies, acknowledged=acknowledged, errors=errors)


def _missing(folder: Path, expected: dict[str, dict[str, object]]) -> int:
    """How many acknowledged answers the files lack (or hold with another value)."""
    found = Workshop.open(folder).answers()
    return sum(
        1
        for name, answers in expected.items()
        for question, value in answers.items()
        if found.get(name, {}).get(question) != value
    )


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def measure(participants: int, seconds: float, folder: Path | None = None) -> dict[str, Any]:
    """Run the load and the checks; the figures as a dictionary (times in milliseconds)."""
    with tempfile.TemporaryDirectory() as scratch:
        room = folder or Path(scratch) / "room"
        with as_file(files("cmc_core.examples") / "port-logistics.cmc.yaml") as canvas:
            workshop = Workshop.start(room, canvas, title="Load test")
        server = ServerProcess(room).start()
        try:
            with httpx.Client(base_url=server.url, timeout=30) as client:
                tokens = {}
                for index in range(participants):
                    name = f"Participant {index + 1:02d}"
                    response = client.post("/join", data={"name": name, "code": workshop.join_code})
                    tokens[name] = response.headers["location"].split("/")[2].split("?")[0]
            results: dict[str, dict[str, Any]] = {name: {} for name in tokens}
            deadline = time.monotonic() + seconds
            started = time.perf_counter()
            threads = [
                threading.Thread(
                    target=_participant,
                    args=(server.url, token, index, deadline, results[name]),
                )
                for index, (name, token) in enumerate(tokens.items())
            ]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join()
            elapsed = time.perf_counter() - started
            expected = {name: result["acknowledged"] for name, result in results.items()}
            missing_running = _missing(room, expected)
        finally:
            server.kill()  # kill -9
        missing_killed = _missing(room, expected)
        with ServerProcess(room) as again, httpx.Client(base_url=again.url, timeout=30) as client:
            resumed = all(client.get(f"/p/{token}").status_code == 200 for token in tokens.values())
            agenda = client.get(f"/api/f/{workshop.facilitator_token}/agenda").json()
            on_agenda = {
                name
                for item in agenda
                for position in item["positions"]
                for name in position["participants"]
            }
        missing_restarted = _missing(room, expected)
    latencies = [value for result in results.values() for value in result["latencies"]]
    errors = [error for result in results.values() for error in result["errors"]]
    return {
        "participants": participants,
        "seconds": round(elapsed, 2),
        "requests": len(latencies) + sum(1 for e in errors if not e[:3].isdigit()),
        "acknowledged_answers": sum(len(answers) for answers in expected.values()),
        "errors": len(errors),
        "first_errors": errors[:5],
        "throughput_per_second": round(len(latencies) / elapsed, 1),
        "latency_ms": {
            "p50": round(_percentile(latencies, 0.50) * 1000, 1),
            "p95": round(_percentile(latencies, 0.95) * 1000, 1),
            "p99": round(_percentile(latencies, 0.99) * 1000, 1),
            "max": round(max(latencies, default=0.0) * 1000, 1),
            "mean": round(statistics.fmean(latencies) * 1000, 1) if latencies else 0.0,
        },
        "missing_while_running": missing_running,
        "missing_after_kill_9": missing_killed,
        "missing_after_restart": missing_restarted,
        "restart_resumed": resumed and on_agenda == {n for n, a in expected.items() if a},
    }


def render(figures: dict[str, Any], command: str, load: tuple[float, float]) -> str:
    """The Markdown section of these figures."""
    date = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    latency = figures["latency_ms"]
    lost = (
        figures["missing_while_running"]
        + figures["missing_after_kill_9"]
        + figures["missing_after_restart"]
    )
    verdict = (
        "PASS" if figures["errors"] == 0 and lost == 0 and figures["restart_resumed"] else "FAIL"
    )
    lines = [
        "## 13. The workshop server under a room's load (issue 17)",
        "",
        f"Measured {date} with `{command}` on {platform.machine()}, Python "
        f"{platform.python_version()}, {os.cpu_count()} CPUs; 1-minute load average "
        f"{load[0]:.2f} before and {load[1]:.2f} after. The server (uvicorn, one process) runs "
        "on 127.0.0.1 in a subprocess; each participant is a thread with its own connection that "
        "saves one answer of the vision block a request, as fast as the server answers, so the "
        "load is far above a real room's (people type for minutes between two saves).",
        "",
        "| participants | seconds | requests | per second | p50 | p95 | p99 | max | errors |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
        f"| {figures['participants']} | {figures['seconds']:g} | {figures['requests']} "
        f"| {figures['throughput_per_second']:g} | {latency['p50']:g} ms | {latency['p95']:g} ms "
        f"| {latency['p99']:g} ms | {latency['max']:g} ms | {figures['errors']} |",
        "",
        f"Acknowledged answers (the last per participant and question): "
        f"{figures['acknowledged_answers']}; missing from the files while the server ran: "
        f"{figures['missing_while_running']}, after `kill -9`: {figures['missing_after_kill_9']}, "
        f"after the restart: {figures['missing_after_restart']}; the restarted server served "
        f"every participant's page and agenda again: {figures['restart_resumed']}. "
        f"**{verdict}** (0 errors, nothing lost).",
        "",
        "Every save reads the canvas and the participant's file, checks the answers as `cmc ask` "
        "does and writes the file atomically (a temporary file renamed over it), in a worker "
        "thread; that check, not the web stack, is most of a request's time.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark; print JSON, and write the section with ``--update``."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--participants", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--update", type=Path, help="write the section into this Markdown file")
    args = parser.parse_args(argv)
    before = os.getloadavg()[0]
    figures = measure(args.participants, args.seconds)
    after = os.getloadavg()[0]
    print(orjson.dumps(figures, option=orjson.OPT_INDENT_2).decode())
    if args.update is not None:
        command = (
            f"python -m benchmarks.workshop_load --participants {args.participants} "
            f"--seconds {args.seconds:g} --update {args.update}"
        )
        replace_section(args.update, "workshop-load", render(figures, command, (before, after)))
    if figures["errors"] or figures["missing_after_restart"] or figures["missing_after_kill_9"]:
        sys.exit(1)


if __name__ == "__main__":
    main()
