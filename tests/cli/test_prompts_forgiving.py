"""Forgiving prompts without a terminal: did-you-mean for parties, ``:back`` after a resume, the
summary at the end, refused lines back to edit, answers files that never collide, ``cmc
quickscan --canvas`` on a starter from ``cmc new``, and Dutch runs without English."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from tests.english import english_words

from cmc_core.cli.answering import start_session
from cmc_core.cli.answers_file import MARKER, answers_path_for
from cmc_core.cli.line_editor import completions
from cmc_core.cli.name_matching import meant_name
from cmc_core.cli.prompting import StopAsking
from cmc_core.fileformat import loads, read_canvas
from cmc_core.questionnaires import Session, load_answers, quickscan
from cmc_core.translation import using_language

from .conftest import Invoke, assert_no_traceback
from .test_prompting import DEMO, Script, values

Write = Callable[[str, str | bytes], str]

#: A canvas that knows SuperCoop Geldermalsen.
KNOWN = loads(
    "schema_version: 2\nparties:\n"
    "  - {id: p-supercoop, name: SuperCoop Geldermalsen, roles: [supplier]}\n",
    "yaml",
).canvas


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Supercoop", "SuperCoop Geldermalsen"),
        ("Alpa Shipping", "Alpha Shipping"),
        ("alpha shipping", None),  # the same name apart from case is that party
        ("Beta Lines", None),
        ("Party qs-serving-demanders one", None),  # alike, but another name
    ],
)
def test_a_new_name_close_to_a_known_one_is_found(typed: str, meant: str | None) -> None:
    known = ["SuperCoop Geldermalsen", "Alpha Shipping", "Party qs-demanders one"]
    assert meant_name(typed, known) == meant


def test_tab_completes_the_name_being_typed_after_a_separator() -> None:
    words = ["SuperCoop Geldermalsen", "Alpha Shipping"]
    assert completions("Supe", words) == [("SuperCoop Geldermalsen", -4)]
    assert completions("Alpha -> sup", words) == [("SuperCoop Geldermalsen", -3)]
    assert completions("x; holders=Alpha Shipping, al", words) == [("Alpha Shipping", -2)]
    assert completions("Zeta", words) == []


@pytest.mark.parametrize(("reply", "names"), [("yes", 1), ("no", 2)])
def test_a_misspelt_party_is_asked_about_before_it_is_added(reply: str, names: int) -> None:
    session = Session([DEMO], KNOWN)
    script = Script(["Port", "yes", "Supercoop", "", "maybe", reply, "", ""])
    script.interview(session).run()
    assert "'Supercoop' is not a known party, but 'SuperCoop Geldermalsen' is." in script.output
    assert "Please answer yes or no." in script.output
    assert len(session.to_canvas().parties) == names


def test_back_after_a_resume_reaches_the_question_answered_in_the_earlier_run() -> None:
    session = Session([DEMO])
    session.answer("name", "Earlier run")
    session.answer("has-suppliers", "no")
    script = Script([":back", "yes", "Alpha", "", "", ""])
    script.interview(session).run()
    assert "There is no earlier question." not in script.output
    assert script.output.count("Suppliers? (required)") == 1
    assert values(session)["has-suppliers"] is True
    assert values(session)["suppliers"] == [{"name": "Alpha"}]


def test_the_summary_lists_the_answers_and_changes_one_by_number() -> None:
    script = Script(["Port", "no", "12", "2", "7", "9", "1", "Harbour", "no", ""])
    session = Session([DEMO])
    script.interview(session, confirm=True).run()
    assert script.output.count("Your answers:") == 2
    assert "  1. Name?" in script.output
    assert "There is no question 9; type a number from 1 to 4." in script.output
    assert values(session)["name"] == "Harbour"
    assert values(session)["count"] == 12


class Editor:
    """A line editor that records the text each line starts with."""

    def __init__(self, lines: Sequence[str]) -> None:
        self.lines = list(lines)
        self.defaults: list[str] = []

    def read(self, prompt: str, *, default: str = "", words: Sequence[str] = ()) -> str:
        self.defaults.append(default)
        if not self.lines:
            raise EOFError
        line = self.lines.pop(0)
        return default if line == "<keep>" else line


def test_a_refused_multi_line_answer_comes_back_line_by_line_to_edit() -> None:
    editor = Editor(["Port", "yes", "Alpha", "Beta; x=1", "", "<keep>", "Beta", ""])
    session = Session([DEMO])
    script = Script([])
    with pytest.raises(StopAsking):
        script.interview(session, editor=editor).run()
    assert "Not accepted: line 2: 'x' is not a field." in script.output
    assert editor.defaults[5:7] == ["Alpha", "Beta; x=1"]  # the refused lines, to edit
    assert values(session)["suppliers"] == [{"name": "Alpha"}, {"name": "Beta"}]


# -- answers files that never collide ------------------------------------------------------------


def test_the_default_answers_file_has_its_own_suffix() -> None:
    assert answers_path_for(Path("scan.cmc.yaml")) == Path("scan.cmc-answers.yaml")


def test_a_file_of_cmcs_own_name_that_cmc_did_not_write_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scan.cmc-answers.yaml"
    path.write_text("answers:\n  qs-name: Mine\n", encoding="utf-8")
    with pytest.raises(Exception, match="is not an answers file written by cmc") as raised:
        start_session([quickscan()], path, canvas=None, language="en", must_exist=False, own=True)
    assert getattr(raised.value, "exit_code", None) == 2
    assert path.read_text(encoding="utf-8") == "answers:\n  qs-name: Mine\n"


def test_the_old_name_is_read_and_the_answers_are_saved_under_the_new_one(tmp_path: Path) -> None:
    old = tmp_path / "scan.answers.yaml"
    old.write_text("language: en\nanswers:\n  qs-name: Old\n", encoding="utf-8")
    path = tmp_path / "scan.cmc-answers.yaml"
    answering = start_session(
        [quickscan()], path, canvas=None, language=None, must_exist=False, own=True
    )
    assert answering.loaded == 1
    answering.session.answer("qs-goal", "Together")
    answering.save()
    assert path.read_text(encoding="utf-8").startswith(MARKER + "\n")
    assert {a.question for a in load_answers(path)} == {"qs-name", "qs-goal"}
    assert old.read_text(encoding="utf-8") == "language: en\nanswers:\n  qs-name: Old\n"
    again = start_session(
        [quickscan()], path, canvas=None, language=None, must_exist=False, own=True
    )
    assert again.loaded == 2  # cmc's own file, with the marker, is resumed


# -- cmc new, then cmc quickscan --canvas --------------------------------------------------------

ANSWERS = """\
language: nl
answers:
  qs-name: Zorgketen Westmere
  qs-goal: Zorg dicht bij huis.
  qs-target-group: Huisartsen en thuiszorg
  qs-end-customer: Ouderen
  qs-end-customer-value: Minder dubbele vragen
  qs-suppliers-count: 5
  qs-demanders-count: 4
  qs-suppliers: [Huisarts Noord, Thuiszorg Zuid]
  qs-demanders: [Zorgverzekeraar Oost]
  qs-cooperate: [Verwijzingen]
  qs-commonality: [Gedeeld dossier]
  qs-kickoff-ready: nee
  qs-bogus: 3
"""


def test_quickscan_fills_the_starter_of_cmc_new_and_keeps_its_comments(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    assert invoke("new", "--lang", "nl", "zorg.cmc.yaml").exit_code == 0
    write("intake.yaml", ANSWERS.replace("  qs-bogus: 3\n", ""))
    result = invoke(
        "quickscan", "--canvas", "zorg.cmc.yaml", "--answers", "intake.yaml", "--by", "Ann"
    )
    assert_no_traceback(result)
    text = (tmp_path / "zorg.cmc.yaml").read_text(encoding="utf-8")
    assert "# Community Model Canvas -- startcanvas" in text
    assert "#   - Wie is de eindklant van de community?" in text
    canvas = read_canvas(tmp_path / "zorg.cmc.yaml")
    assert canvas.meta.name == "Zorgketen Westmere"
    assert canvas.meta.authors == ("Ann",)  # --by leaves a trace in the canvas
    assert {party.name for party in canvas.parties} >= {"Huisarts Noord", "Zorgverzekeraar Oost"}
    assert "zorg.cmc.yaml geschreven: het concept-canvas (12 antwoorden)." in result.stdout
    assert not (tmp_path / "quickscan.cmc.yaml").exists()


def test_a_dutch_quickscan_and_ask_print_no_english(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("intake.yaml", ANSWERS.replace("qs-kickoff-ready: nee", "qs-kickoff-ready: misschien"))
    refused = invoke("quickscan", "--answers", "intake.yaml")
    assert refused.exit_code == 2
    assert "verwacht ja of nee" in refused.stderr
    write("intake.yaml", ANSWERS.replace("  qs-bogus: 3\n", ""))
    scanned = invoke("quickscan", "--answers", "intake.yaml", "-o", "zorg.cmc.yaml")
    write("blocks.yaml", "language: nl\nanswers:\n  vision: Samen in 2030.\n  vision-maturity: 5\n")
    bad = invoke("ask", "vision", "--canvas", "zorg.cmc.yaml", "--answers", "blocks.yaml")
    write("blocks.yaml", "language: nl\nanswers:\n  vision: Samen in 2030.\n  dw-systems: 3\n")
    asked = invoke("ask", "vision", "--canvas", "zorg.cmc.yaml", "--answers", "blocks.yaml")
    new = invoke("new", "--lang", "nl", "leeg.cmc.yaml")
    for result in (refused, scanned, bad, asked, new):
        assert_no_traceback(result)
        output = result.stdout + result.stderr
        assert english_words(output, allowed=["Verwijzingen"]) == [], output
    assert "Oordeel:" in scanned.stdout
    assert "zorg.cmc.yaml geschreven (1 antwoord)." in asked.stdout


def test_messages_of_the_engine_speak_the_language_of_the_moment() -> None:
    session = Session([DEMO])
    with using_language("nl"), pytest.raises(Exception, match="valt buiten het bereik"):
        session.answer("count", 500)
    with pytest.raises(Exception, match="is out of range"):
        session.answer("count", 500)
