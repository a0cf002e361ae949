"""``cmc quickscan --answers FILE``: the verdict, the draft canvas, its check and exit statuses."""

from __future__ import annotations

import json
from collections.abc import Callable
from importlib import resources
from pathlib import Path

import pytest

from cmc_core.fileformat import read_canvas

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str | bytes], str]

#: Answers of a case that has everything but a budget and a group ready to start.
NEEDS_WORK = """\
language: en
answers:
  qs-name: Regional care network
  qs-goal: Share appointments across care providers.
  qs-target-group: Care providers in the region
  qs-end-customer: Patients
  qs-end-customer-value: One appointment instead of three
  qs-suppliers-count: 5
  qs-demanders-count: 8
  qs-cooperate: [Referrals, Appointment status]
  qs-commonality: [Shared appointment register]
  qs-kickoff-ready: no
"""


def bundled(tmp_path: Path, name: str) -> str:
    """Copy a bundled quickscan answers file into the working directory."""
    source = resources.files("cmc_core.examples").joinpath("quickscan", f"{name}.answers.yaml")
    target = tmp_path / f"{name}.answers.yaml"
    target.write_bytes(source.read_bytes())
    return target.name


def test_a_real_community_is_suitable_and_its_draft_canvas_passes_the_check(
    invoke: Invoke, tmp_path: Path
) -> None:
    answers = bundled(tmp_path, "port-logistics")
    before = (tmp_path / answers).read_bytes()
    result = invoke("quickscan", "--answers", answers, "--lang", "en")
    assert result.stdout.startswith("Verdict: suitable\n")
    assert "Wrote quickscan.cmc.yaml: the draft canvas" in result.stdout
    assert "Found 0 errors" in result.stdout or "No problems found" in result.stdout
    assert result.exit_code == 0
    assert invoke("check", "quickscan.cmc.yaml").exit_code == 0
    assert read_canvas(tmp_path / "quickscan.cmc.yaml").meta.name
    assert (tmp_path / answers).read_bytes() == before  # a non-interactive run only reads it


def test_a_single_firm_is_not_a_community_case_and_says_why(invoke: Invoke, tmp_path: Path) -> None:
    result = invoke("quickscan", "--answers", bundled(tmp_path, "single-firm"), "-o", "x.cmc.yaml")
    assert result.stdout.startswith("Verdict: not a community case\n")
    assert "  - Only 1 supplier" in result.stdout
    assert "Business Model Canvas" in result.stdout
    assert (tmp_path / "x.cmc.yaml").exists()
    assert result.exit_code == 1


def test_a_case_missing_a_kickoff_needs_work(invoke: Invoke, write: Write) -> None:
    write("a.yaml", NEEDS_WORK)
    result = invoke("quickscan", "--answers", "a.yaml")
    assert result.stdout.startswith("Verdict: needs work\n")
    assert "No budget and group" in result.stdout
    assert result.exit_code == 1


def test_the_verdict_is_given_in_the_chosen_language(invoke: Invoke, write: Write) -> None:
    write("a.yaml", NEEDS_WORK)
    result = invoke("quickscan", "--answers", "a.yaml", "--lang", "nl")
    assert result.stdout.startswith("Oordeel: vraagt nog werk\n")
    assert "Nog geen budget" in result.stdout
    assert read_canvas("quickscan.cmc.yaml").meta.language.value == "nl"


def test_json_output_has_the_verdict_and_the_check(invoke: Invoke, write: Write) -> None:
    write("a.yaml", NEEDS_WORK)
    result = invoke("quickscan", "--answers", "a.yaml", "--format", "json")
    document = json.loads(result.stdout)
    assert document["verdict"]["suitability"] == "needs_work"
    assert document["verdict"]["label"] == "needs work"
    assert document["verdict"]["reasons"]
    assert document["canvas"] == "quickscan.cmc.yaml"
    assert document["answers"] == NEEDS_WORK.count("\n  qs-")
    assert set(document["check"]) == {"diagnostics", "load_errors", "summary"}
    assert result.exit_code == 1


def test_every_refused_answer_is_named_and_nothing_is_written(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    content = NEEDS_WORK + "  qs-greenfield: purple\n  qs-nam: typo\n"
    content = content.replace("qs-suppliers-count: 5", "qs-suppliers-count: -1")
    write("a.yaml", content)
    result = invoke("quickscan", "--answers", "a.yaml")
    assert result.exit_code == 2
    lines = result.stderr.splitlines()
    assert (
        "a.yaml: question 'qs-suppliers-count': -1 is out of range: expected a number of at least 0"
        in lines
    )
    assert any(
        line.startswith("a.yaml: question 'qs-greenfield': 'purple' is not one of the choices")
        for line in lines
    )
    assert "a.yaml: question 'qs-nam': there is no such question; did you mean 'qs-name'?" in lines
    assert result.stdout == ""
    assert not (tmp_path / "quickscan.cmc.yaml").exists()
    assert (tmp_path / "a.yaml").read_text(encoding="utf-8") == content
    assert_no_traceback(result)


def test_an_unknown_party_in_a_flow_is_refused_naming_the_question(
    invoke: Invoke, write: Write
) -> None:
    write("a.yaml", NEEDS_WORK + "  qs-flows: [{from: Nobody, to: Somebody}]\n")
    result = invoke("quickscan", "--answers", "a.yaml")
    assert result.exit_code == 2
    assert (
        "a.yaml: question 'qs-flows': item 1: from names the unknown party 'Nobody'"
        in result.stderr
    )


def test_required_questions_left_open_are_noted_and_the_draft_is_still_written(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("a.yaml", "answers:\n  qs-name: Just a name\n")
    result = invoke("quickscan", "--answers", "a.yaml")
    assert "Note: no answer to " in result.stderr
    assert "qs-suppliers-count" in result.stderr
    assert result.stdout.startswith("Verdict: not a community case\n")
    assert read_canvas(tmp_path / "quickscan.cmc.yaml").meta.name == "Just a name"


def test_an_existing_canvas_is_refused_before_anything_is_read(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("quickscan.cmc.yaml", "keep me\n")
    write("a.yaml", NEEDS_WORK)
    refused = invoke("quickscan", "--answers", "a.yaml")
    assert refused.exit_code == 2
    assert "quickscan.cmc.yaml already exists; use --force to overwrite it." in refused.stderr
    assert (tmp_path / "quickscan.cmc.yaml").read_text(encoding="utf-8") == "keep me\n"
    assert invoke("quickscan", "--answers", "a.yaml", "--force").exit_code == 1
    assert read_canvas(tmp_path / "quickscan.cmc.yaml").meta.name == "Regional care network"


def test_without_a_terminal_or_answers_file_it_refuses_instead_of_waiting(
    invoke: Invoke, tmp_path: Path
) -> None:
    result = invoke("quickscan")
    assert result.exit_code == 2
    assert "stdin is not a terminal" in result.stderr
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("output", ["scan.txt", "scan"])
def test_an_output_name_without_a_canvas_format_is_refused(
    invoke: Invoke, write: Write, output: str
) -> None:
    write("a.yaml", NEEDS_WORK)
    result = invoke("quickscan", "--answers", "a.yaml", "-o", output)
    assert result.exit_code == 2
    assert "cannot tell the format" in result.stderr


#: Answers that leave required questions open and hold one no installed questionnaire asks:
#: each gives a note on stderr.
NOTED = "answers:\n  qs-name: Just a name\n  zz-plugin-question: kept\n"


def test_quiet_leaves_out_the_notes_but_not_the_verdict_or_what_was_written(
    invoke: Invoke, write: Write, tmp_path: Path
) -> None:
    write("a.yaml", NOTED)
    loud = invoke("quickscan", "--answers", "a.yaml", "-o", "loud.cmc.yaml")
    assert "Note: no answer to " in loud.stderr
    assert "zz-plugin-question" in loud.stderr  # the answer no questionnaire asks

    quiet = invoke("-q", "quickscan", "--answers", "a.yaml", "-o", "quiet.cmc.yaml")
    assert quiet.stderr == ""
    assert quiet.exit_code == loud.exit_code == 1
    assert quiet.stdout.startswith("Verdict: not a community case\n")
    assert "Wrote quiet.cmc.yaml: the draft canvas (1 answer)." in quiet.stdout
    assert read_canvas(tmp_path / "quiet.cmc.yaml").meta.name == "Just a name"


def test_quiet_never_silences_an_error(invoke: Invoke, write: Write) -> None:
    write("a.yaml", NOTED)
    write("taken.cmc.yaml", "keep me\n")
    result = invoke("-q", "quickscan", "--answers", "a.yaml", "-o", "taken.cmc.yaml")
    assert result.exit_code == 2
    assert "taken.cmc.yaml already exists; use --force to overwrite it." in result.stderr
