"""The facilitator's day in Dutch, end to end (issue 15): ``cmc new``, ``cmc quickscan`` into the
starter, ``cmc ask`` for a block, then ``cmc check``, ``cmc score`` and the poster, all on one
Dutch canvas, with no ``--lang`` and no locale: the canvas's own language decides. No command
prints an English sentence (:mod:`tests.english`), and the quickscan's suitability shows in the
score and on the poster without any option.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from tests.english import english_words

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str], str]

INTAKE = """\
language: nl
answers:
  qs-name: Zorgketen Westmere
  qs-goal: Zorg dicht bij huis, zonder dubbele vragen.
  qs-target-group: Huisartsen, apotheken en thuiszorg in Westmere
  qs-end-customer: Ouderen die thuis wonen
  qs-end-customer-value: Eén zorgdossier, zodat niemand zijn verhaal drie keer vertelt
  qs-suppliers-count: 5
  qs-demanders-count: 4
  qs-suppliers: [Huisartsenpraktijk Noord, Thuiszorg Zuid, Apotheek Markt]
  qs-demanders: [Zorgverzekeraar Oost, Gemeente Westmere]
  qs-cooperate: [Verwijzingen, Medicatieoverdracht]
  qs-commonality: [Gedeeld zorgdossier]
  qs-kickoff-ready: ja
"""
VISION = "language: nl\nanswers:\n  vision: Samen in 2030 één dossier.\n  vision-maturity: 2\n"
#: Words of the canvas itself that the stop-word check must not count.
CANVAS_WORDS = re.findall(r"[A-Za-z]+", INTAKE + VISION)


@pytest.fixture(autouse=True)
def no_language_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    for variable in ("CMC_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)


def test_a_dutch_workshop_day_prints_no_english_and_scores_the_quickscan(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("intake.yaml", INTAKE)
    write("visie.yaml", VISION)
    steps = {
        "new": invoke("new", "--lang", "nl", "zorg.cmc.yaml"),
        "quickscan": invoke("quickscan", "--canvas", "zorg.cmc.yaml", "--answers", "intake.yaml"),
        "ask": invoke("ask", "vision", "--canvas", "zorg.cmc.yaml", "--answers", "visie.yaml"),
        "check": invoke("check", "zorg.cmc.yaml"),
        "score": invoke("score", "zorg.cmc.yaml"),
        "export": invoke("export", "zorg.cmc.yaml", "--to", "html", "-o", "poster.html"),
    }
    for name, result in steps.items():
        assert_no_traceback(result)
        assert result.exit_code in (0, 1), (name, result.output)
        said = result.stdout + result.stderr
        assert english_words(said, allowed=CANVAS_WORDS) == [], (name, said)
    # The English run of the same commands does speak English: the check above can fail.
    english = invoke("check", "zorg.cmc.yaml", "--lang", "en")
    assert english_words(english.stdout) != []

    score = steps["score"].stdout
    assert "Geschiktheid volgens de quickscan" in score
    suitability = next(line for line in score.splitlines() if "volgens de quickscan" in line)
    assert "niet van toepassing" not in suitability
    overall = re.search(r"Totaal \(gewogen\)\s.*?(\d+\.\d)", score)
    assert overall is not None, score

    poster = (tmp_path / "poster.html").read_text(encoding="utf-8")
    assert "Geschiktheid volgens de quickscan" in poster
    assert f"Totaalscore: {float(overall[1]):.0f}" in poster  # the same overall score
