"""The bundled examples and starters: they load, validate to their documented result, round-trip
through every file format and match the published JSON Schema (docs/examples.md)."""

from __future__ import annotations

import functools
import io
import json
from typing import Any

import attrs
import jsonschema
import pytest
from ruamel.yaml import YAML
from tests.english import english_words

from cmc_core import model
from cmc_core.blueprint import BLOCKS, BlockKey
from cmc_core.canvas import SCHEMA_VERSION, Canvas
from cmc_core.diagnostics import Report, Severity
from cmc_core.errors import CmcError
from cmc_core.examples import (
    EXAMPLES,
    Example,
    UnknownExampleError,
    UnknownStarterLanguageError,
    example_text,
    get,
    names,
    starter_text,
)
from cmc_core.fileformat import CanvasDocument, dumps, json_schema, loads
from cmc_core.rules import validate
from cmc_core.translation import using_language
from cmc_core.vocabulary import FactorKey, Language, PrincipleKey, PrincipleStatus, Role, Status

EXAMPLE_PARAMS = [pytest.param(example, id=example.name) for example in EXAMPLES]
PASSING = [pytest.param(e, id=e.name) for e in EXAMPLES if e.expected_ok]
LANGUAGES = [pytest.param(language, id=language.value) for language in Language]

#: Top-level keys in the order the file format writes them (spec: "File format (version 1)").
KEY_ORDER = (
    "$schema",
    "schema_version",
    "meta",
    "end_customer",
    "boundary",
    "parties",
    "values",
    "flows",
    "process_areas",
    "commonalities",
    "process_steps",
    "governance",
    "factors",
    "developments",
    "resistances",
    "principles",
    "waste",
    "notes",
)


@functools.cache  # documents are immutable; YAML parsing is the slow part of these tests
def load_example(example: Example) -> CanvasDocument:
    return loads(example_text(example.name), "yaml", source=f"example:{example.name}")


def check(document: CanvasDocument) -> Report:
    return validate(document.canvas, locator=document.locate)


def codes_at(report: Report, severity: Severity) -> set[str]:
    return {d.code for d in report.with_severity(severity)}


def raw_yaml(text: str) -> Any:
    return YAML(typ="safe", pure=True).load(io.StringIO(text))


# -- the catalogue -------------------------------------------------------------------------------


def test_the_three_examples_the_issue_asks_for_are_bundled() -> None:
    assert names() == ("port-logistics", "regional-healthcare", "single-owner-platform")
    assert get("port-logistics").language is Language.NL
    assert get("regional-healthcare").language is Language.EN
    assert get("single-owner-platform").expected_ok is False


def test_an_unknown_example_name_suggests_the_closest_and_lists_them_all() -> None:
    with pytest.raises(UnknownExampleError) as caught:
        get("port-logistic")
    message = str(caught.value)
    assert "did you mean 'port-logistics'?" in message
    for name in names():
        assert name in message
    assert isinstance(caught.value, CmcError)
    assert isinstance(caught.value, LookupError)


def test_example_text_of_an_unknown_name_raises_the_same_error() -> None:
    with pytest.raises(UnknownExampleError):
        example_text("no-such-example")


def test_expected_result_reads_as_the_exit_status_and_codes() -> None:
    platform = get("single-owner-platform")
    assert platform.exit_code == 1
    assert platform.expected == "fails: " + ", ".join(platform.expected_codes)
    assert get("port-logistics").exit_code == 0
    assert get("port-logistics").expected == "passes"


def test_documented_codes_are_sorted_and_present_only_for_failing_examples() -> None:
    for example in EXAMPLES:
        assert list(example.expected_codes) == sorted(set(example.expected_codes))
        assert bool(example.expected_codes) is (not example.expected_ok)


# -- the text as people read it ------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_starts_with_a_header_comment_then_schema_and_version(example: Example) -> None:
    lines = example_text(example.name).splitlines()
    assert lines[0].startswith("# Community Model Canvas: ")
    keys = [line for line in lines if line and not line.startswith(("#", " ", "-"))]
    assert keys[:2] == [
        f"$schema: cmc-canvas-{SCHEMA_VERSION}.schema.json",
        f"schema_version: {SCHEMA_VERSION}",
    ]


@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_writes_its_top_level_keys_in_the_order_of_the_spec(example: Example) -> None:
    written = list(raw_yaml(example_text(example.name)))
    assert written == [key for key in KEY_ORDER if key in written]


#: Which model class each top-level section (or each item of a list section) is written from.
SECTION_CLASSES: dict[str, type[Any]] = {
    "meta": model.Meta,
    "end_customer": model.EndCustomerValue,
    "boundary": model.Boundary,
    "parties": model.Party,
    "values": model.Value,
    "flows": model.ValueFlow,
    "process_areas": model.ProcessArea,
    "commonalities": model.Commonality,
    "governance": model.Governance,
    "developments": model.Development,
    "resistances": model.Resistance,
    "waste": model.Waste,
}
FILE_KEYS = {"from_party": "from", "to_party": "to"}


def written_in_field_order(mapping: dict[str, Any], cls: type[Any]) -> bool:
    order = [FILE_KEYS.get(field.name, field.name) for field in attrs.fields(cls)]
    positions = [order.index(key) for key in mapping]
    return positions == sorted(positions)


@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_writes_the_keys_of_each_entity_in_field_order(example: Example) -> None:
    data = raw_yaml(example_text(example.name))
    out_of_order = []
    for section, cls in SECTION_CLASSES.items():
        items = data[section] if isinstance(data[section], list) else [data[section]]
        out_of_order += [item for item in items if not written_in_field_order(item, cls)]
    rights = data["governance"]["decision_rights"]
    out_of_order += [r for r in rights if not written_in_field_order(r, model.DecisionRight)]
    assert out_of_order == []
    assert list(data["factors"]) == [key.value for key in FactorKey]
    assert list(data["principles"]) == [key.value for key in PrincipleKey]
    assert list(data["notes"]) == [key.value for key in BlockKey]


# -- loading and validating ----------------------------------------------------------------------


@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_loads_in_its_declared_language(example: Example) -> None:
    document = load_example(example)
    assert document.source == f"example:{example.name}"
    assert document.canvas.meta.language is example.language
    assert document.canvas.meta.status is Status.FINAL


@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_validates_to_exactly_its_documented_error_codes(example: Example) -> None:
    report = check(load_example(example))
    assert sorted(codes_at(report, Severity.ERROR)) == list(example.expected_codes)
    assert report.has_errors is (not example.expected_ok)


@pytest.mark.parametrize("example", PASSING)
def test_passing_example_has_no_warnings_either(example: Example) -> None:
    report = check(load_example(example))
    assert [(d.code, d.path, d.message) for d in report.warnings] == []


def test_platform_fails_on_suppliers_leader_conflict_hub_and_unilateral_power() -> None:
    report = check(load_example(get("single-owner-platform")))
    errors = {(d.code, d.path) for d in report.errors}
    # One supplier organisation: FreshLink and two of its own divisions.
    assert ("CMC001", "parties") in errors
    # FreshLink is domain and network leader, stewards the app and is the only supplier.
    assert ("CMC004", "parties[0].roles") in errors
    assert ("CMC006", "commonalities[0].steward") in errors
    # FreshLink alone decides the marketplace rules and keeps the purchase data to itself.
    assert ("CMC024", "governance.decision_rights[0].holders") in errors
    assert ("CMC003", "commonalities[1].exclusive_to[0]") in errors
    hub = [d for d in report.errors if d.code == "CMC025"]
    assert len(hub) == 1
    assert "FreshLink Foodservice Ltd." in hub[0].message


def test_platform_supply_side_of_one_organisation_is_cmc001s_not_a_concentration() -> None:
    report = check(load_example(get("single-owner-platform")))
    # One organisation holds the whole side: as even as one can be; too few is CMC001's error.
    assert not [d for d in report if d.code == "CMC021"]


def test_platform_diagnostics_point_at_lines_in_the_example() -> None:
    report = check(load_example(get("single-owner-platform")))
    assert report.errors
    for diagnostic in report.errors:
        assert diagnostic.file == "example:single-owner-platform"
        assert diagnostic.line is not None
        assert diagnostic.line > 1


# -- what "fully filled" means -------------------------------------------------------------------


def organisations(canvas: Canvas) -> set[str]:
    return {party.organisation_id for party in canvas.parties}


@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_fills_every_block_factor_and_principle(example: Example) -> None:
    canvas = load_example(example).canvas
    assert {note.key for note in canvas.notes if note.text.strip()} == set(BlockKey)
    assert all(canvas.factor(key).is_answered for key in FactorKey)
    assert all(canvas.factor(key).maturity is not None for key in FactorKey)
    assert all(
        canvas.principle(key).status is not PrincipleStatus.NOT_ASSESSED for key in PrincipleKey
    )
    assert canvas.end_customer.is_filled
    assert canvas.end_customer.measure
    assert canvas.boundary.goal
    assert canvas.boundary.target_group
    assert canvas.boundary.instruments
    assert canvas.waste.baseline
    assert canvas.waste.expected_saving
    assert canvas.waste.basis
    assert canvas.developments
    assert canvas.resistances
    assert all(r.reason and r.mitigation for r in canvas.resistances)
    assert canvas.governance.decision_making
    assert canvas.governance.decision_rights


@pytest.mark.parametrize("example", PASSING)
def test_passing_example_is_a_real_network_of_many_organisations(example: Example) -> None:
    canvas = load_example(example).canvas
    assert len(organisations(canvas)) >= 10
    primary = canvas.primary_commonality
    assert primary is not None
    assert primary.primary
    assert primary.access_terms
    assert primary.financing
    over_commonality = [
        flow
        for flow in canvas.flows
        if flow.via_commonality and flow.step and flow.counter_of is None and flow.counter_value
    ]
    assert len(over_commonality) >= 15
    leaders = [p for p in canvas.parties if Role.DOMAIN_LEADER in p.roles]
    assert leaders
    assert not any(p.is_market_party for p in leaders)
    assert primary.steward is not None
    steward = canvas.party(primary.steward)
    assert steward is not None
    assert Role.NETWORK_LEADER in steward.roles
    assert not steward.is_market_party


# -- round trips and the schema ------------------------------------------------------------------


@pytest.mark.parametrize("file_format", ["yaml", "json", "toml"])
@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_round_trips_through_every_file_format(example: Example, file_format: str) -> None:
    canvas = load_example(example).canvas
    again = loads(dumps(canvas, file_format), file_format).canvas
    assert again == canvas


@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_document_written_back_keeps_its_comments_and_content(example: Example) -> None:
    document = load_example(example)
    text = document.dumps()
    assert text.splitlines()[0] == example_text(example.name).splitlines()[0]
    assert loads(text, "yaml").canvas == document.canvas


@functools.cache
def schema_validator() -> jsonschema.protocols.Validator:
    schema = json_schema()
    validator_class = jsonschema.validators.validator_for(schema)
    validator_class.check_schema(schema)
    return validator_class(schema)


@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_as_written_matches_the_json_schema(example: Example) -> None:
    instance = raw_yaml(example_text(example.name))
    errors = [error.message for error in schema_validator().iter_errors(instance)]
    assert errors == []


@pytest.mark.parametrize("example", EXAMPLE_PARAMS)
def test_example_in_canonical_json_matches_the_json_schema(example: Example) -> None:
    instance = json.loads(dumps(load_example(example).canvas, "json"))
    errors = [error.message for error in schema_validator().iter_errors(instance)]
    assert errors == []


# -- starters ------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_starter_loads_cleanly_as_an_empty_canvas_in_its_language(language: Language) -> None:
    canvas = loads(starter_text(language), "yaml", source="starter").canvas
    assert canvas.meta.language is language
    assert canvas.meta.status is Status.DRAFT
    assert (canvas.parties, canvas.values, canvas.flows, canvas.commonalities) == ((), (), (), ())
    assert not any(canvas.factor(key).is_answered for key in FactorKey)


@pytest.mark.parametrize("language", LANGUAGES)
def test_starter_when_checked_lists_what_is_still_missing(language: Language) -> None:
    document = loads(starter_text(language), "yaml", source="starter")
    report = check(document)
    missing = codes_at(report, Severity.ERROR)
    # suppliers and demanders, a commonality, cooperation, end-customer value, goal and target group
    assert {"CMC001", "CMC005", "CMC007", "CMC009", "CMC012"} <= missing
    assert {d.path for d in report.warnings if d.code == "CMC014"} == {
        f"factors.{key.value}" for key in FactorKey
    }


@pytest.mark.parametrize("language", LANGUAGES)
def test_starter_carries_every_guiding_question_as_a_comment(language: Language) -> None:
    comments = "\n".join(
        line for line in starter_text(language).splitlines() if line.lstrip().startswith("#")
    )
    for block in BLOCKS:
        assert f"{block.code} -- {block.label(language)}" in comments
        for question in block.guiding_questions(language):
            assert question in comments, (block.key, question)


@pytest.mark.parametrize("language", LANGUAGES)
def test_starter_matches_the_json_schema(language: Language) -> None:
    errors = [e.message for e in schema_validator().iter_errors(raw_yaml(starter_text(language)))]
    assert errors == []


@pytest.mark.parametrize("file_format", ["yaml", "json", "toml"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_starter_survives_conversion_to_every_file_format(
    language: Language, file_format: str
) -> None:
    canvas = loads(starter_text(language), "yaml").canvas
    assert loads(dumps(canvas, file_format), file_format).canvas == canvas


def test_starter_in_another_language_is_refused_with_the_choices() -> None:
    with pytest.raises(UnknownStarterLanguageError, match="choose nl, en"):
        starter_text("de")


def test_titles_and_results_exist_in_both_languages() -> None:
    platform = get("single-owner-platform")
    assert platform.expected_in(Language.EN) == platform.expected
    assert platform.expected_in(Language.NL) == "faalt: " + ", ".join(platform.expected_codes)
    assert get("port-logistics").expected_in(Language.NL) == "slaagt"
    for example in EXAMPLES:
        assert example.title_in(Language.EN) == example.title
        assert example.title_in(Language.NL) != example.title
        assert english_words(example.title_in(Language.NL)) == []


def test_an_unknown_example_is_said_in_the_current_language() -> None:
    with using_language("nl"), pytest.raises(UnknownExampleError) as caught:
        get("port-logistic")
    assert str(caught.value) == (
        "er is geen meegeleverd voorbeeld 'port-logistic'; bedoelde je 'port-logistics'? "
        "De voorbeelden zijn: port-logistics, regional-healthcare, single-owner-platform."
    )
    with using_language("nl"), pytest.raises(UnknownExampleError) as caught:
        get("zzz")
    assert str(caught.value).startswith("er is geen meegeleverd voorbeeld 'zzz'. De voorbeelden")


def test_an_unknown_starter_language_is_said_in_the_current_language() -> None:
    with using_language("nl"), pytest.raises(UnknownStarterLanguageError) as caught:
        starter_text("de")
    assert str(caught.value) == "er is geen startcanvas in de taal 'de'; kies nl, en."
