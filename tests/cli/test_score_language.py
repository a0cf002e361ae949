"""``cmc score`` in Dutch and in English: the card, the comparison and the timeline.

A Dutch canvas is scored in Dutch unless ``--lang`` says otherwise, and a Dutch run prints no
English sentence (the stop-words of :mod:`tests.english`): not the dimensions' titles, not the
reasons, not the bands, not the command's own headings and hints. JSON keeps its keys, names
and band values in both languages; only the texts meant to be read (titles, reasons) change.
Third-party plugins are left out (``--no-plugins``): their texts are their own.
"""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

import pytest
from tests.english import english_words

from cmc_core.scoring import Band
from cmc_core.scoring.builtin import BUILTIN_SCORERS
from cmc_core.translation import Messages
from cmc_core.vocabulary import Language

from .conftest import Invoke, assert_no_traceback

STARTER_NL = str(files("cmc_core") / "examples" / "starter-nl.cmc.yaml")
PORT = "example:port-logistics"  # Dutch (meta.language: nl)
PLATFORM = "example:single-owner-platform"  # English

_ = Messages("cmc_core", "scores")


def score(invoke: Invoke, *args: str) -> Any:
    """``cmc --no-plugins score ARGS``, which must succeed and print no traceback."""
    result = invoke("--no-plugins", "score", *args)
    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    return result


def _json(invoke: Invoke, *args: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(score(invoke, *args, "--format", "json").stdout)
    return data


@pytest.mark.parametrize("canvas", [PORT, STARTER_NL], ids=["port-logistics", "starter-nl"])
def test_a_dutch_canvas_is_scored_in_dutch_without_an_english_sentence(
    invoke: Invoke, canvas: str
) -> None:
    result = score(invoke, canvas)
    assert result.stdout.startswith(f"Scorekaart van {canvas}\n")
    assert "Totaal (gewogen)" in result.stdout
    assert "Volledigheid" in result.stdout  # the completeness dimension's Dutch title
    assert english_words(result.stdout) == []
    assert english_words(result.stderr) == []


def test_the_dutch_card_shows_dutch_bands_and_the_hint_for_more_reasons(invoke: Invoke) -> None:
    lines = score(invoke, PORT).stdout.splitlines()
    market = next(line for line in lines if line.startswith("Marktbalans en gelijkwaardigheid"))
    assert market.endswith("sterk")
    assert "    (nog 3; --format json geeft alle redenen)" in lines
    quickscan = next(line for line in lines if line.startswith("Geschiktheid volgens"))
    assert quickscan.endswith("n.v.t.  niet van toepassing")


def test_the_starter_lists_what_is_missing_in_dutch(invoke: Invoke) -> None:
    output = score(invoke, STARTER_NL).stdout
    assert "zwak" in output
    assert "is leeg (goed voor" in output  # an empty block, with what it is worth
    assert english_words(output) == []


def test_lang_en_makes_a_dutch_canvas_english(invoke: Invoke) -> None:
    output = score(invoke, PORT, "--lang", "en").stdout
    assert output.startswith(f"Score card of {PORT}\n")
    assert "Market balance and equal footing" in output
    assert "Overall (weighted)" in output
    for dutch in ("Scorekaart", "Totaal", "sterk", "marktstromen", "Volledigheid"):
        assert dutch not in output


def test_lang_nl_makes_an_english_canvas_dutch(invoke: Invoke) -> None:
    output = score(invoke, PLATFORM, "--lang", "nl").stdout
    assert output.startswith(f"Scorekaart van {PLATFORM}\n")
    market = next(line for line in output.splitlines() if line.startswith("Marktbalans"))
    assert market.endswith("zwak")
    assert "domineert" in output  # the dominating party is named, in Dutch
    assert "Score card" not in output


def test_json_keeps_its_keys_names_and_bands_in_dutch(invoke: Invoke) -> None:
    dutch = _json(invoke, PORT)
    english = _json(invoke, PORT, "--lang", "en")
    assert dutch.keys() == english.keys()
    assert dutch["band"] == english["band"] == "strong"
    pairs = list(zip(dutch["dimensions"], english["dimensions"], strict=True))
    for nl, en in pairs:
        assert nl.keys() == en.keys()
        assert (nl["name"], nl["band"], nl["score"]) == (en["name"], en["band"], en["score"])
        assert [r["path"] for r in nl["reasons"]] == [r["path"] for r in en["reasons"]]
    titles = {nl["name"]: (nl["title"], en["title"]) for nl, en in pairs}
    assert titles["completeness"] == ("Volledigheid", "Completeness")
    reasons = " ".join(r["text"] for nl, _en in pairs for r in nl["reasons"])
    assert english_words(reasons) == []


def test_a_comparison_in_dutch_names_the_bands_in_dutch(invoke: Invoke) -> None:
    output = score(invoke, PLATFORM, PORT).stdout  # the later canvas, PORT, is Dutch
    assert output.startswith(f"Scorekaart van {PORT} vergeleken met {PLATFORM}\n")
    market = next(line for line in output.splitlines() if line.startswith("Marktbalans"))
    assert market.endswith("zwak -> sterk")
    assert "Totaal (gewogen)" in output


def test_a_timeline_in_dutch_has_no_english_sentence(invoke: Invoke) -> None:
    output = score(invoke, "--timeline", PORT, PORT).stdout
    lines = output.splitlines()
    assert lines[0].startswith("Tijdlijn van 2 momentopnamen, in de gegeven volgorde")
    assert "  (example:port-logistics is twee keer gegeven: #1 en #2)" in lines
    assert any(line.startswith("Oordeel ") and "slaagt" in line for line in lines)
    assert lines[-1] == "    geen verandering in regelcodes"
    assert english_words(output) == []


def test_a_dutch_timeline_names_the_severities_in_dutch(invoke: Invoke) -> None:
    output = score(invoke, "--lang", "nl", "--timeline", PLATFORM, PORT).stdout
    assert "faalt (6 fouten)" in output
    assert "    - CMC001 fout: " in output
    assert "CMC008 waarschuwing: " in output


def test_a_bad_weight_is_refused_in_the_chosen_language(invoke: Invoke) -> None:
    result = invoke("score", PORT, "--lang", "nl", "--weight", "market-balanse=1")
    assert result.exit_code == 2
    assert "--weight noemt geen bestaande dimensie 'market-balanse'." in result.stderr
    assert "market-balance" in result.stderr  # the suggestion
    assert english_words(result.stderr) == []
    assert_no_traceback(result)


def test_bands_and_builtin_titles_exist_in_both_languages() -> None:
    assert [band.label(Language.NL) for band in Band] == ["zwak", "voldoende", "sterk"]
    assert [band.label(Language.EN) for band in Band] == ["weak", "adequate", "strong"]
    for scorer in BUILTIN_SCORERS:
        dutch = _.translate(scorer.title, Language.NL)
        assert dutch != scorer.title, scorer.name
        assert _.translate(scorer.title, Language.EN) == scorer.title
        assert english_words(dutch) == [], scorer.name
