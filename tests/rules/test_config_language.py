"""The configuration's mistakes in Dutch and English: the ``rules`` catalog, made when raised."""

from __future__ import annotations

import pytest
from tests.english import english_words

from cmc_core.config import ConfigError, config_from_mapping
from cmc_core.diagnostics import Severity
from cmc_core.rules.engine import Rule
from cmc_core.translation import using_language


def _complaint(data: dict[str, object], language: str) -> str:
    with using_language(language), pytest.raises(ConfigError) as caught:
        config_from_mapping(data, source="cmc.toml")
    return str(caught.value)


def test_a_number_too_long_to_print_is_described_in_the_language() -> None:
    huge = 10**5000
    assert _complaint({"min_suppliers": huge}, "en") == (
        "cmc.toml: min_suppliers: expected a whole number from 1 to 1,000,000,000, "
        "got a whole number of more than 4,300 digits"
    )
    dutch = _complaint({"min_suppliers": huge}, "nl")
    assert dutch == (
        "cmc.toml: min_suppliers: verwacht een geheel getal van 1 tot en met 1.000.000.000, "
        "gevonden een geheel getal van meer dan 4.300 cijfers"
    )
    assert english_words(dutch) == []


def test_a_list_holding_such_a_number_is_described_too() -> None:
    dutch = _complaint({"hub_share": [10**5000]}, "nl")
    assert dutch.endswith("gevonden een waarde met een geheel getal van meer dan 4.300 cijfers")
    assert english_words(dutch) == []


def test_a_table_that_is_no_table_is_dutch() -> None:
    with using_language("nl"), pytest.raises(ConfigError) as caught:
        config_from_mapping(["select"])  # type: ignore[arg-type]
    assert str(caught.value) == "verwacht een tabel met instellingen, gevonden ['select']"
    assert caught.value.key is None


def test_the_message_is_made_when_raised_and_keeps_its_language() -> None:
    with using_language("nl"), pytest.raises(ConfigError) as caught:
        config_from_mapping({"colour": 1})
    # Read outside the block, in English surroundings: it stays Dutch.
    with using_language("en"):
        assert str(caught.value) == "colour: onbekende sleutel"
        assert caught.value.message == "onbekende sleutel"


def test_a_bad_rule_code_of_a_plugin_is_refused_in_the_language() -> None:
    def check(*_args: object) -> tuple[()]:
        return ()

    for language, expected in (
        ("en", "rule code 'cmc1' must be an upper-case prefix and three digits"),
        ("nl", "regelcode 'cmc1' moet bestaan uit een voorvoegsel in hoofdletters en drie cijfers"),
    ):
        with using_language(language), pytest.raises(ValueError, match="cmc1") as caught:
            Rule("cmc1", "x", Severity.INFO, "", "", "", check)
        assert str(caught.value) == expected
