"""A short run of the workshop load benchmark (``benchmarks/workshop_load.py``): twenty
participants answering at once for a few seconds lose nothing, get no error, and a ``kill -9``
and a restart lose nothing either. No timing is asserted; the benchmark records it."""

from __future__ import annotations

import pytest

pytest.importorskip("uvicorn")
pytest.importorskip("httpx")
workshop_load = pytest.importorskip("benchmarks.workshop_load")

pytestmark = pytest.mark.slow  # two server starts and three seconds of load


def test_twenty_participants_at_once_lose_nothing_even_through_kill_9() -> None:
    figures = workshop_load.measure(participants=20, seconds=3)
    assert figures["errors"] == 0, figures["first_errors"]
    assert figures["acknowledged_answers"] >= 20  # every participant got answers saved
    assert figures["missing_while_running"] == 0
    assert figures["missing_after_kill_9"] == 0
    assert figures["missing_after_restart"] == 0
    assert figures["restart_resumed"] is True
