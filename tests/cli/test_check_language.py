"""``cmc check``, ``cmc rules`` and ``cmc rule`` in Dutch and in English.

A Dutch canvas is checked in Dutch unless ``--lang`` says otherwise, and a Dutch run prints no
English sentence: neither the rules' messages nor the command's own lines (tested with the
stop-words of :mod:`tests.english`). Ids stay ids: codes, names, paths, JSON keys and the
severities of JSON and SARIF are the same in both languages.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from importlib.resources import files
from pathlib import Path

import attrs
import pytest
from tests.english import english_words

from cmc_core.canvas import Canvas
from cmc_core.cli.loading import load_document
from cmc_core.fileformat import dumps
from cmc_core.model import Party, Resistance, Value, ValueFlow
from cmc_core.rules import BUILTIN_RULES
from cmc_core.rules.engine import Rule
from cmc_core.vocabulary import Language, Role, Status

from .conftest import Invoke, assert_no_traceback

Write = Callable[[str, str | bytes], str]
STARTER_NL = str(files("cmc_core") / "examples" / "starter-nl.cmc.yaml")


def broken_dutch_canvas() -> Canvas:
    """The Dutch port example broken in many places at once, so that most rules speak."""
    canvas = load_document("example:port-logistics").canvas
    parties = (
        *(
            attrs.evolve(party, roles=(*party.roles, Role.SUPPLIER))
            if party.id == "p-havennet"
            else party
            for party in canvas.parties
        ),
        Party("p-typed", name="Havennet noordmonde"),
        Party("p-zuivel2", name="Zuivelexport Noordland BV", roles=(Role.DEMANDER,)),
        Party("p-douane", name="Dubbele id"),
    )
    primary, *others = canvas.commonalities
    primary = attrs.evolve(
        primary,
        exit_ban=True,
        member_tariffs=True,
        exclusive_to=("p-nct",),
        access_terms="",
        users=(*primary.users, "p-spook"),
    )
    flows = (
        *canvas.flows,
        ValueFlow("f-vreemd", value="v-onbekend", from_party="p-koffie", to_party="p-niemand"),
        ValueFlow("f-terug", value=canvas.flows[0].value, from_party="p-koffie", to_party="p-nct"),
        ValueFlow(
            "f-volume",
            value=canvas.flows[0].value,
            from_party="p-nct",
            to_party="p-koffie",
            volume=12.0,
        ),
    )
    return attrs.evolve(
        canvas,
        meta=attrs.evolve(canvas.meta, owner="p-nct", focal_party="p-douane", status=Status.FINAL),
        boundary=attrs.evolve(canvas.boundary, goal="", target_group=""),
        parties=parties,
        values=(*canvas.values, Value("p-rom", name="Dubbel")),
        flows=flows,
        commonalities=(primary, *others),
        resistances=(*canvas.resistances, Resistance("r-zonder-reden", description="Angst")),
    )


@pytest.fixture
def broken_file(write: Write) -> str:
    return write("kapot.cmc.yaml", dumps(broken_dutch_canvas(), "yaml"))


def words_of(text: str) -> list[str]:
    """The words of a canvas file: a message may quote them, English or not."""
    return re.findall(r"[A-Za-z]+", text)


def test_the_dutch_starter_is_checked_in_dutch_without_one_english_sentence(
    invoke: Invoke,
) -> None:
    result = invoke("check", STARTER_NL)
    assert result.exit_code == 1
    assert_no_traceback(result)
    assert " CMC012 fout De grens heeft geen doel" in result.stdout
    assert " waarschuwing " in result.stdout
    assert english_words(result.stdout + result.stderr) == []


def test_a_dutch_canvas_with_many_findings_prints_no_english_sentence(
    invoke: Invoke, broken_file: str
) -> None:
    result = invoke("check", broken_file)
    assert result.exit_code == 1
    assert_no_traceback(result)
    codes = set(re.findall(r" (CMC\d{3}) ", result.stdout))
    assert len(codes) >= 15, sorted(codes)
    assert {"CMC003", "CMC011", "CMC022", "CMC023", "CMC028", "CMC029"} <= codes
    allowed = words_of(Path(broken_file).read_text(encoding="utf-8"))
    assert english_words(result.stdout + result.stderr, allowed=allowed) == []


def test_lang_en_checks_a_dutch_canvas_in_english(invoke: Invoke, broken_file: str) -> None:
    result = invoke("check", "--lang", "en", broken_file)
    assert result.exit_code == 1
    assert " CMC012 error The boundary has no goal (doel)" in result.stdout
    assert "did you mean 'Havennet Noordmonde B.V.'?" in result.stdout
    assert re.search(
        r"^Found \d+ errors, \d+ warnings, \d+ infos in 1 file\.$", result.stdout, re.M
    )


def test_lang_nl_checks_an_english_canvas_in_dutch(invoke: Invoke) -> None:
    result = invoke("check", "--lang", "nl", "--example", "single-owner-platform")
    assert result.exit_code == 1
    assert " CMC006 fout De beheerder 'FreshLink Foodservice Ltd.'" in result.stdout
    assert " error " not in result.stdout


def test_cmc_lang_picks_the_language_when_no_canvas_is_loaded(invoke: Invoke) -> None:
    result = invoke("check", "nothing-here.cmc.yaml", env={"CMC_LANG": "nl"})
    assert result.exit_code == 2
    assert result.stdout.strip()
    assert english_words(result.stdout) == []


def test_json_and_sarif_keep_their_ids_and_carry_dutch_messages(
    invoke: Invoke, broken_file: str
) -> None:
    data = json.loads(invoke("check", "--format", "json", broken_file).stdout)
    severities = {item["severity"] for item in data["diagnostics"]}
    assert severities <= {"error", "warning", "info"}
    assert "error" in severities
    assert set(data["summary"]) == {"files_checked", "files_failed", "errors", "warnings", "infos"}
    goal = next(item for item in data["diagnostics"] if item["path"] == "boundary.goal")
    assert goal["message"] == "De grens heeft geen doel; een domein wordt bepaald door zijn doel."

    log = json.loads(invoke("check", "--format", "sarif", broken_file).stdout)
    (run,) = log["runs"]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    assert rules["CMC028"]["name"] == "near-duplicate-party-names"
    assert rules["CMC028"]["shortDescription"]["text"] == (
        "Geen twee partijen hebben bijna dezelfde naam"
    )
    assert rules["CMC028"]["defaultConfiguration"] == {"level": "warning"}
    assert {result["level"] for result in run["results"]} <= {"error", "warning", "note"}


# -- cmc rules and cmc rule ----------------------------------------------------------------------


def test_rules_lists_titles_in_dutch_with_codes_and_names_as_they_are(invoke: Invoke) -> None:
    result = invoke("rules", "--lang", "nl")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert len(lines) == len(BUILTIN_RULES)
    assert re.match(
        r"CMC028 +waarschuwing +near-duplicate-party-names +Geen twee partijen", lines[27]
    )
    assert english_words(result.stdout) == []


def test_rules_json_translates_texts_only(invoke: Invoke) -> None:
    dutch = json.loads(invoke("rules", "--format", "json", "--lang", "nl").stdout)["rules"]
    english = json.loads(invoke("rules", "--format", "json", "--lang", "en").stdout)["rules"]
    for nl, en in zip(dutch, english, strict=True):
        assert (nl["code"], nl["name"], nl["severity"], nl["source"]) == (
            en["code"],
            en["name"],
            en["severity"],
            en["source"],
        )
        assert nl["title"] != en["title"], nl["code"]
    assert english[0]["title"] == BUILTIN_RULES[0].title


@pytest.mark.parametrize("rule", BUILTIN_RULES, ids=lambda rule: rule.code)
def test_every_rule_is_explained_in_dutch(invoke: Invoke, rule: Rule) -> None:
    result = invoke("rule", rule.code, "--lang", "nl")
    assert result.exit_code == 0
    assert result.stdout.startswith(f"{rule.code} {rule.name}\n")
    assert "Standaardernst: " in result.stdout
    assert "Bron: " in result.stdout
    assert english_words(result.stdout) == [], rule.code


def test_rule_in_english_is_as_it_was(invoke: Invoke) -> None:
    result = invoke("rule", "CMC029", "--lang", "en")
    assert "\nDefault severity: warning\n" in result.stdout
    assert "\nEvery party holds at least one role\n" in result.stdout


def test_a_plugin_rules_texts_not_in_the_catalog_show_as_written() -> None:
    plugin_rule = attrs.evolve(
        BUILTIN_RULES[0], code="FR001", title="Flows say their friction", rationale="Because."
    )
    assert plugin_rule.title_in(Language.NL) == "Flows say their friction"
    assert plugin_rule.rationale_in(Language.NL) == "Because."
    assert BUILTIN_RULES[0].title_in(Language.NL).startswith("Meerdere aanbieders en afnemers")


def test_check_file_speaks_the_language_its_caller_chose_else_the_canvass() -> None:
    from cmc_core.cli.check import check_file
    from cmc_core.rules import ValidationConfig
    from cmc_core.translation import using_language

    name = "example:single-owner-platform"  # an English canvas
    own = check_file(name, ValidationConfig())
    with using_language("nl"):
        chosen = check_file(name, ValidationConfig())
    assert own.report is not None
    assert chosen.report is not None
    assert "The steward 'FreshLink Foodservice Ltd.'" in "\n".join(d.message for d in own.report)
    assert "De beheerder 'FreshLink Foodservice Ltd.'" in "\n".join(
        d.message for d in chosen.report
    )
