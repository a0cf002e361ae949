"""The exporter contract catches exporters that break the rules of the road, and passes sound ones.

Each test writes a small plugin test module, as a plugin author would, runs pytest on it in
process and looks at the outcome of each contract test: the relevant one must fail with a
message that says why, while the rest of the contract passes (so the failure is pinned on the
right rule, not on a broken fixture).
"""

from __future__ import annotations

import pytest

from .contract_runs import Outcomes

pytest_plugins = ["pytester"]


# -- exporters ---------------------------------------------------------------------------------

EXPORTER = """
def export(canvas, options):
    {body}

class TestSubject(ExporterContract):
    max_examples = 10

    @pytest.fixture
    def exporter(self):
        return Exporter("{name}", "A test exporter", "{media_type}", ".out", export)
"""


def exporter_module(name: str, body: str, media_type: str = "text/plain") -> str:
    return EXPORTER.format(name=name, body=body, media_type=media_type)


def test_a_sound_plain_text_exporter_passes_the_exporter_contract(
    pytester: pytest.Pytester,
) -> None:
    run = Outcomes(pytester, exporter_module("plain", "return 'Canvas: ' + canvas.meta.name"))
    assert run.failing() == set()
    assert run.outcome["TestSubject::test_exporter_is_well_formed"] == "passed"
    assert run.outcome["TestSubject::test_output_does_not_depend_on_the_hash_seed"] == "passed"


def test_an_exporter_that_counts_its_calls_fails_the_determinism_tests(
    pytester: pytest.Pytester,
) -> None:
    source = "COUNTER = itertools.count()\n" + exporter_module(
        "counting", "return f'{canvas.meta.name} export number {next(COUNTER)}'"
    )
    run = Outcomes(pytester, source, "-k", "deterministically or well_formed")
    run.failed(
        "TestSubject::test_exports_each_canvas_deterministically_without_changing_it[hostile]",
        "wrote different bytes for the same canvas",
    )
    assert run.outcome["TestSubject::test_exporter_is_well_formed"] == "passed"


def test_an_exporter_that_iterates_a_set_fails_only_in_another_interpreter(
    pytester: pytest.Pytester,
) -> None:
    body = "return ', '.join({canvas.meta.name, *(p.name for p in canvas.parties)})"
    run = Outcomes(pytester, exporter_module("unordered", body), "-k", "hash_seed or hostile")
    run.failed(
        "TestSubject::test_output_does_not_depend_on_the_hash_seed",
        "does it iterate over a set",
    )
    determinism = "test_exports_each_canvas_deterministically_without_changing_it[hostile]"
    assert run.outcome[f"TestSubject::{determinism}"] == "passed"


def test_an_exporter_that_changes_the_canvas_fails_the_contract(
    pytester: pytest.Pytester,
) -> None:
    body = "object.__setattr__(canvas.meta, 'name', canvas.meta.name + '!'); return 'x'"
    run = Outcomes(pytester, exporter_module("mutating", body), "-k", "deterministically")
    run.failed(
        "TestSubject::test_exports_each_canvas_deterministically_without_changing_it"
        "[port-logistics]",
        "changed the canvas it was given",
    )


HTML_BODY = "return '<html><body><h1>{{}}</h1><p>{{}}</p></body></html>'.format({name}, {desc})"


def test_an_html_exporter_that_pastes_text_unescaped_fails_the_hostile_text_test(
    pytester: pytest.Pytester,
) -> None:
    body = HTML_BODY.format(name="canvas.meta.name", desc="canvas.meta.description")
    run = Outcomes(pytester, exporter_module("html-raw", body, "text/html"), "-k", "hostile")
    run.failed("TestSubject::test_hostile_text_is_escaped", "a <script> element")


def test_an_html_exporter_that_escapes_text_passes_the_hostile_text_test(
    pytester: pytest.Pytester,
) -> None:
    body = HTML_BODY.format(
        name="html.escape(canvas.meta.name)", desc="html.escape(canvas.meta.description)"
    )
    source = "import html\n" + exporter_module("html-escaped", body, "text/html")
    run = Outcomes(pytester, source, "-k", "hostile or names_appear or generated")
    assert run.failing() == set()
    assert run.outcome["TestSubject::test_hostile_text_is_escaped"] == "passed"


CSV_EXPORTER = """
import csv, io
from cmc_core.fileformat import to_dict

def strings(data):
    if isinstance(data, str):
        yield data
    elif isinstance(data, (dict, list)):
        for item in (data.values() if isinstance(data, dict) else data):
            yield from strings(item)

def cell(text):
    return {cell}

def rows(canvas):
    out = io.StringIO()
    csv.writer(out).writerows([cell(text)] for text in strings(to_dict(canvas)))
    return out.getvalue()
""" + exporter_module("csv", "return rows(canvas)", "text/csv")


def test_a_csv_exporter_that_writes_formulas_fails_the_hostile_text_test(
    pytester: pytest.Pytester,
) -> None:
    run = Outcomes(pytester, CSV_EXPORTER.replace("{cell}", "text"), "-k", "hostile_text")
    run.failed("TestSubject::test_hostile_text_is_escaped", "start a formula a spreadsheet")


def test_a_csv_exporter_that_defuses_formulas_passes_the_hostile_text_tests(
    pytester: pytest.Pytester,
) -> None:
    defused = "\"'\" + text if text.startswith(('=', '+', '-', '@', '\\t', '\\r')) else text"
    run = Outcomes(pytester, CSV_EXPORTER.replace("{cell}", defused), "-k", "hostile or gener")
    assert run.failing() == set()
    assert run.outcome["TestSubject::test_hostile_text_is_escaped"] == "passed"


def test_a_markdown_exporter_must_say_how_it_escapes_hostile_text(
    pytester: pytest.Pytester,
) -> None:
    body = "return '# ' + canvas.meta.name"
    run = Outcomes(pytester, exporter_module("md", body, "text/markdown"), "-k", "hostile")
    run.failed("TestSubject::test_hostile_text_is_escaped", "Override assert_hostile_text_is_safe")


def test_generated_canvases_catch_what_the_samples_miss(pytester: pytest.Pytester) -> None:
    # The sample names and the hostile canvas's name are ASCII; generated ones are not.
    body = "return canvas.meta.name.encode('ascii') or b'-'"
    run = Outcomes(pytester, exporter_module("ascii", body), "-k", "deterministically or gener")
    run.failed("TestSubject::test_handles_generated_canvases", "UnicodeEncodeError")
    assert run.failing() == {"TestSubject::test_handles_generated_canvases"}


PLUGIN_EXPORTER = """
import sys
from cmc_core import hookimpl

def export(canvas, options):
    return canvas.meta.name or "unnamed"

EXPORTER = Exporter({name!r}, "Plain text", "text/plain", ".txt", export)

@hookimpl
def cmc_register_exporters(register):
    register(EXPORTER)

class TestSubject(ExporterContract):
    @pytest.fixture
    def exporter(self):
        return {fixture}

    @pytest.fixture
    def plugin(self):
        return sys.modules[__name__]  # this test module is the plugin
"""


def test_a_plugin_that_registers_its_exporter_passes_the_registration_test(
    pytester: pytest.Pytester,
) -> None:
    source = PLUGIN_EXPORTER.format(name="plain", fixture="EXPORTER")
    run = Outcomes(pytester, source, "-k", "registers")
    assert run.outcome["TestSubject::test_plugin_registers_the_exporter"] == "passed"


def test_an_exporter_its_plugin_does_not_register_fails_the_registration_test(
    pytester: pytest.Pytester,
) -> None:
    fixture = 'Exporter("other", "Other", "text/plain", ".txt", export)'
    run = Outcomes(pytester, PLUGIN_EXPORTER.format(name="plain", fixture=fixture), "-k", "regis")
    run.failed("TestSubject::test_plugin_registers_the_exporter", "registers no exporter 'other'")


def test_an_exporter_named_like_a_built_in_one_fails_the_registration_test(
    pytester: pytest.Pytester,
) -> None:
    source = PLUGIN_EXPORTER.format(name="json", fixture="EXPORTER")
    run = Outcomes(pytester, source, "-k", "registers")
    run.failed(
        "TestSubject::test_plugin_registers_the_exporter",
        "the exporter name 'json' is taken by the built-in plugin 'exporters'",
    )
