"""A bundled plugin speaks Dutch in a Dutch ``cmc score`` too, through its own catalogs.

``cmc-digital-waste`` ships ``cmc_digital_waste/locale/``: with it installed (as in cmc's
development environment), a Dutch run of ``cmc score`` prints no English sentence (the
stop-words of :mod:`tests.english`), its reasons included, and an English run keeps them English.
"""

from __future__ import annotations

import json
from importlib import metadata

import pytest
from tests.english import english_words

from .conftest import Invoke, assert_no_traceback

PORT = "example:port-logistics"  # Dutch (meta.language: nl)


def _installed() -> bool:
    try:
        metadata.version("cmc-digital-waste")
    except metadata.PackageNotFoundError:
        return False
    return True


pytestmark = pytest.mark.skipif(
    not _installed(),
    reason="cmc-digital-waste is not installed; run pip install -e plugins/cmc-digital-waste",
)


def _digital_waste(invoke: Invoke, *args: str, env: dict[str, str]) -> list[str]:
    """The reasons of the digital-waste dimension in ``cmc score ARGS --format json``."""
    result = invoke("score", *args, "--format", "json", env=env)
    assert result.exit_code == 0, result.output
    dimensions = json.loads(result.stdout)["dimensions"]
    found = next(d for d in dimensions if d["name"] == "digital-waste")
    return [reason["text"] for reason in found["reasons"]]


def test_a_dutch_score_with_the_plugin_prints_no_english_sentence(invoke: Invoke) -> None:
    result = invoke("score", PORT, env={"CMC_LANG": "nl"})

    assert result.exit_code == 0, result.output
    assert_no_traceback(result)
    assert "23 van 23 waardestromen lopen via de commonality [flows]" in result.stdout
    # its title too, from the catalog the scorer hands over (Scorer.messages)
    assert "Potentieel voor minder digitale verspilling" in result.stdout
    assert english_words(result.stdout) == []
    assert english_words(result.stderr) == []


def test_every_reason_of_the_plugin_is_dutch_in_dutch_and_english_in_english(
    invoke: Invoke,
) -> None:
    dutch = _digital_waste(invoke, PORT, env={"CMC_LANG": "nl"})
    english = _digital_waste(invoke, PORT, "--lang", "en", env={"CMC_LANG": "nl"})

    assert len(dutch) == len(english) > 3  # more than the text card shows
    assert english_words("\n".join(dutch)) == []
    assert "23 of 23 value flows run via the commonality" in english
    assert english_words("\n".join(english))  # and the English run is English
