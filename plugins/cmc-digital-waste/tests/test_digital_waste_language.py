"""The scorer speaks the language of the moment, from the plugin's own gettext catalogs.

Its reasons and its title come from ``cmc_digital_waste/locale/LANG/LC_MESSAGES/
cmc_digital_waste.mo``, shipped inside the plugin's package: cmc's own catalogs know nothing of
them. Without its catalogs the plugin still works, in English.
"""

from __future__ import annotations

from importlib.resources import files

import pytest
from cmc_core import Canvas, loads
from cmc_core.examples import example_text
from cmc_core.scoring import Score, ScoreContext
from cmc_core.translation import Messages, using_language
from cmc_core.vocabulary import Language

import cmc_digital_waste
from cmc_digital_waste import SCORER, answers, scorer
from cmc_digital_waste.questionnaire import (
    CHANNEL,
    DOUBLE_ENTRY,
    DOUBLE_ENTRY_TIMES,
    NAME,
    PARTIES,
    SYSTEMS,
)
from cmc_digital_waste.scorer import TITLE

_ = Messages("cmc_digital_waste", "cmc_digital_waste")

#: Answers that use every kind of reason text: indicators, an ignored answer and a bad value.
ANSWERS = {
    PARTIES: 6,
    SYSTEMS: 3,
    DOUBLE_ENTRY: "ja",
    DOUBLE_ENTRY_TIMES: 3,
    CHANNEL: "phone-email",
    "dw-unknown": "x",
    "dw-trust-checks": "often",
}


def _port() -> Canvas:
    return loads(example_text("port-logistics"), "yaml").canvas


def _score(language: str, extras: dict[str, object] | None = None) -> Score:
    canvas = _port()
    with using_language(language):
        return SCORER(canvas, ScoreContext(canvas, {NAME: extras} if extras else {}))


def _texts(score: Score) -> list[str]:
    return [reason.text for reason in score.reasons]


def test_the_catalogs_are_the_plugins_own_and_ship_inside_its_package() -> None:
    for language in ("nl", "en"):
        compiled = files(cmc_digital_waste) / "locale" / language / "LC_MESSAGES"
        assert (compiled / "cmc_digital_waste.mo").is_file()
        assert (compiled / "cmc_digital_waste.po").is_file()
    assert not (
        files("cmc_core") / "locale" / "nl" / "LC_MESSAGES" / "cmc_digital_waste.mo"
    ).is_file()


def test_a_dutch_run_gives_dutch_reasons_and_an_english_run_english_ones() -> None:
    dutch, english = _score("nl"), _score("en")

    assert "23 van 23 waardestromen lopen via de commonality" in _texts(dutch)
    assert "23 of 23 value flows run via the commonality" in _texts(english)
    assert any(
        text.startswith("27% van het werk is communicatie en controle") for text in _texts(dutch)
    )
    assert any(
        text.startswith("27% of the work is communication and control") for text in _texts(english)
    )
    # The same reasons, only in other words: the score, the paths and the effects are equal.
    assert dutch.value == english.value
    assert [(r.path, r.effect) for r in dutch.reasons] == [
        (r.path, r.effect) for r in english.reasons
    ]


def test_the_reasons_made_from_answers_are_dutch_in_a_dutch_run() -> None:
    texts = _texts(_score("nl", ANSWERS))

    assert "de antwoorden op de scan wegen 20%: de punten van het canvas tellen voor 80%" in texts
    assert (
        "6 organisaties (antwoord dw-parties): één netwerk vervangt 15 koppelingen tussen "
        "telkens twee partijen door 6 aansluitingen"
    ) in texts
    assert "dezelfde gegevens worden 3 keer ingevoerd (antwoord dw-double-entry)" in texts
    # A choice's label comes from the questionnaire's own Dutch, the sentence from the catalog.
    assert (
        "de partijen wisselen informatie vooral uit via: Telefoon en e-mail (antwoord dw-channel)"
    ) in texts
    assert (
        "antwoord dw-unknown wordt niet gebruikt: geen vraag van de digitale verspillingsscan"
        in texts
    )
    assert "antwoord dw-trust-checks wordt niet gebruikt: geen getal" in texts


def test_the_same_answers_in_english_read_as_before() -> None:
    texts = _texts(_score("en", ANSWERS))

    assert "assessment answers weigh 20%: the canvas points count at 80%" in texts
    assert (
        "the parties mostly exchange information by: Phone and e-mail (answer dw-channel)" in texts
    )
    assert "answer dw-trust-checks is not used: not a number" in texts


@pytest.mark.parametrize(
    ("count", "dutch"),
    [
        (1, "1 organisatie (antwoord dw-parties): te weinig om een netwerk te laten renderen"),
        (2, "2 organisaties (antwoord dw-parties): te weinig om een netwerk te laten renderen"),
    ],
)
def test_plural_forms_follow_the_number(count: int, dutch: str) -> None:
    assert dutch in _texts(_score("nl", {PARTIES: count}))


def test_the_title_is_in_the_catalog_in_both_languages() -> None:
    assert SCORER.title == TITLE == "Digital waste reduction potential"
    assert _.translate(TITLE, Language.NL) == "Potentieel voor minder digitale verspilling"
    assert _.translate(TITLE, Language.EN) == TITLE


def test_without_its_catalogs_the_plugin_speaks_english(monkeypatch: pytest.MonkeyPatch) -> None:
    # (the channel's label is left out: it comes from the bilingual questionnaire, not a catalog)
    given = {key: value for key, value in ANSWERS.items() if key != CHANNEL}
    english = _score("en", given)
    nowhere = Messages("cmc_digital_waste", "a_catalog_that_is_not_there")
    monkeypatch.setattr(scorer, "_", nowhere)
    monkeypatch.setattr(answers, "_", nowhere)

    uncatalogued = _score("nl", given)

    assert _texts(uncatalogued) == _texts(english)
    assert uncatalogued.value == english.value
