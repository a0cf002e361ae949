"""``cmc score --answers`` and ``cmc export --answers`` give a plugin's scorer its answers.

The bundled ``cmc-digital-waste`` plugin has a questionnaire and a scorer that reads its
answers from ``ScoreContext.extras["digital-waste"]``. With an answers file that answers the
plugin's questions, its dimension on the card changes; the figure is the plugin's own (scored
here from Python with the same answers), in English and in Dutch, and the poster and the
Markdown report show the same score. Bad answers stop the command with the file and the
question; answers of no installed questionnaire are named in a note.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest
from tests.english import english_words

from cmc_core.examples import example_text
from cmc_core.fileformat import loads
from cmc_core.scoring import score_canvas

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str | bytes], str]

ANSWERS = """\
language: en
answers:
  dw-parties: 12
  dw-channel: phone-email
  dw-double-entry: yes
  dw-double-entry-times: 3
  qs-suppliers-count: 4
"""
#: The same answers as a script gives them to the scorer.
AS_GIVEN = {"dw-parties": 12, "dw-channel": "phone-email", "dw-double-entry": True}
AS_GIVEN["dw-double-entry-times"] = 3
CANVAS = "example:port-logistics"
TITLES = {
    "en": "Digital waste reduction potential",
    "nl": "Potentieel voor minder digitale verspilling",
}


def _plugin_score(answers: dict[str, object] | None) -> float:
    """The digital-waste score the plugin itself gives the example, from Python."""
    from cmc_digital_waste import SCORER

    canvas = loads(example_text("port-logistics"), "yaml").canvas
    extras = {} if answers is None else {"digital-waste": answers}
    score = score_canvas(canvas, [SCORER], extras=extras).dimension("digital-waste").score
    assert score is not None
    return score


def _card_figure(stdout: str, lang: str) -> str:
    """The figure on the digital-waste line of a text score card."""
    line = next(line for line in stdout.splitlines() if TITLES[lang] in line)
    match = re.search(r"\]\s+(\d+\.\d)\s", line)
    assert match, line
    return match.group(1)


def _dimension_block(stdout: str, lang: str) -> str:
    """The digital-waste line of a text score card and its reasons."""
    lines = stdout.splitlines()
    start = next(n for n, line in enumerate(lines) if TITLES[lang] in line)
    end = next(n for n in range(start + 1, len(lines)) if not lines[n].startswith("    "))
    return "\n".join(lines[start:end])


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_the_plugins_answers_change_its_line_on_the_card(
    invoke: Invoke, write: Write, lang: str
) -> None:
    write("dw.cmc-answers.yaml", ANSWERS)
    without = invoke("score", CANVAS, "--lang", lang)
    with_answers = invoke("score", CANVAS, "--lang", lang, "--answers", "dw.cmc-answers.yaml")
    assert without.exit_code == with_answers.exit_code == 0, with_answers.stderr
    before, after = _plugin_score(None), _plugin_score(AS_GIVEN)
    assert before != after  # the answers count in the plugin's own formula
    assert _card_figure(without.stdout, lang) == f"{before:.1f}"
    assert _card_figure(with_answers.stdout, lang) == f"{after:.1f}"
    if lang == "nl":
        assert "de antwoorden op de scan wegen 20%" in with_answers.stdout
        assert english_words(_dimension_block(with_answers.stdout, lang)) == []
    else:
        assert "assessment answers weigh 20%" in with_answers.stdout


def test_the_json_card_has_the_plugins_figure(invoke: Invoke, write: Write) -> None:
    write("dw.cmc-answers.yaml", ANSWERS)
    result = invoke("score", CANVAS, "--answers", "dw.cmc-answers.yaml", "--format", "json")
    assert result.exit_code == 0, result.stderr
    card = json.loads(result.stdout)
    dimensions = {d["name"]: d for d in card["dimensions"]}
    assert dimensions["digital-waste"]["score"] == pytest.approx(_plugin_score(AS_GIVEN))
    # The quickscan's answers in the same file still reach the quickscan dimension.
    assert dimensions["quickscan-suitability"]["applicable"] is True


@pytest.mark.parametrize(("exporter", "lang"), [("html", "en"), ("markdown", "nl")])
def test_export_shows_the_same_score(
    invoke: Invoke, write: Write, exporter: str, lang: str
) -> None:
    write("dw.cmc-answers.yaml", ANSWERS)
    args = ("export", "--example", "port-logistics", "--to", exporter, "--lang", lang)
    without = invoke(*args)
    with_answers = invoke(*args, "--answers", "dw.cmc-answers.yaml")
    assert without.exit_code == with_answers.exit_code == 0, with_answers.stderr
    before, after = round(_plugin_score(None)), round(_plugin_score(AS_GIVEN))
    assert before != after
    cell = {"html": '</td><td class="number">', "markdown": " | "}[exporter]
    regex = re.compile(re.escape(TITLES[lang] + cell) + r"(\d+)")
    assert regex.findall(without.stdout) == [str(before)]
    assert regex.findall(with_answers.stdout) == [str(after)]


def test_an_answer_that_does_not_fit_stops_the_command_with_the_file_and_question(
    invoke: Invoke, write: Write
) -> None:
    write("dw.cmc-answers.yaml", "answers:\n  dw-parties: zero\n  dw-chanel: email\n")
    for command in (("score", CANVAS), ("export", CANVAS, "--to", "html", "-o", "p.html")):
        result = invoke(*command, "--answers", "dw.cmc-answers.yaml")
        assert result.exit_code == 2
        assert_no_traceback(result)
        assert result.stderr.splitlines() == [
            "dw.cmc-answers.yaml: question 'dw-chanel': there is no such question; "
            "did you mean 'dw-channel'?",
            "dw.cmc-answers.yaml: question 'dw-parties': expected a number, found the text 'zero'",
        ]


def test_answers_of_no_installed_questionnaire_are_named_in_a_note(
    invoke: Invoke, write: Write
) -> None:
    write("dw.cmc-answers.yaml", ANSWERS)
    result = invoke(
        "--block-plugins", "digital-waste", "score", CANVAS, "--answers", "dw.cmc-answers.yaml"
    )
    assert result.exit_code == 0
    assert result.stderr.splitlines() == [
        "Note: dw.cmc-answers.yaml: 4 answers kept but not asked, because no installed "
        "questionnaire has their questions (is the plugin that asks them not installed?): "
        "dw-parties, dw-channel, dw-double-entry, dw-double-entry-times."
    ]
    assert "Digital waste" not in result.stdout
