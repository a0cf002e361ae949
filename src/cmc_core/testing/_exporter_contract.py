"""The exporter contract: the rules of the road every exporter must keep."""

from __future__ import annotations

import pickle
from collections.abc import Iterable
from typing import ClassVar

import pytest

from cmc_core.assessment import assess
from cmc_core.canvas import Canvas
from cmc_core.exporting import EXPORTER_API_VERSION, NAME_PATTERN, Exporter, ExportOptions
from cmc_core.rules import RuleContext
from cmc_core.scoring import ScoreContext
from cmc_core.testing._base import (
    CANVAS_NAMES,
    Contract,
    canvas_named,
    check_generated_canvases,
    equal_copies,
    fail_unless_unchanged,
)
from cmc_core.testing._hash_seed import HASH_SEEDS, REFUSED, export_in_child, refusal_output
from cmc_core.testing._outputs import default_extract_text, default_hostile_text_check
from cmc_core.vocabulary import Language

__all__ = ["ExporterContract"]

_IANA_TOP_LEVEL = frozenset(
    {"application", "audio", "font", "image", "message", "model", "multipart", "text", "video"}
)
#: A setting no exporter reads: passing it must change nothing.
UNKNOWN_SETTING = {"cmc-testing-unknown-setting": "ignore me"}


def _normalised(text: str) -> str:
    return " ".join(text.split())


class ExporterContract(Contract):
    """Tests every exporter must pass. Subclass it in a ``Test*`` class of your test suite and
    provide the exporter as a fixture::

        class TestMarkdownExporter(ExporterContract):
            @pytest.fixture
            def exporter(self) -> Exporter:
                return MARKDOWN

            @pytest.fixture
            def plugin(self) -> object:  # optional: also check the registration
                return cmc_markdown

    It checks that the exporter is well formed; handles every sample canvas, the hostile canvas
    and generated canvases; writes the same bytes for equal input, also in a fresh interpreter
    with another hash seed; never changes the canvas; honours ``ExportOptions.language`` and
    ignores settings it does not know; shows only an ``ExportOptions.assessment`` of the
    canvas it exports (read through :meth:`~cmc_core.exporting.ExportOptions.assessment_for`);
    and escapes hostile text (see :meth:`assert_hostile_text_is_safe`).

    :cvar check_hash_seed: whether to export in child interpreters with other hash seeds
        (needs a module-level export function; costs about a second).
    :cvar refusals: the exceptions by which the exporter refuses a canvas it must not export
        (the ``bmc`` exporter refuses a canvas that still has errors). A refusal must say why,
        and say it deterministically: the contract treats its message as the output, checks
        it like one, and skips the checks of shown text and escaping for that canvas. Any other
        exception fails the test, as always.
    """

    check_hash_seed: ClassVar[bool] = True
    refusals: ClassVar[tuple[type[Exception], ...]] = ()

    @pytest.fixture
    def exporter(self) -> Exporter:
        """The exporter under test: override this fixture."""
        pytest.fail(f"{type(self).__name__} must define a fixture 'exporter' returning it")

    # -- hooks a subclass may override ---------------------------------------------------------

    def assert_hostile_text_is_safe(self, output: bytes, canvas: Canvas) -> None:
        """Fail when user text in ``output`` became markup, code or a formula.

        Called for the hostile canvas and for every generated canvas. The default depends on
        the exporter's media type: JSON, YAML and TOML must load back to an equal canvas; HTML,
        XML and SVG must parse and hold no ``<script>`` element, ``on*`` attribute,
        ``javascript:`` URL or element named ``cmc-injected``; CSV must be rectangular with no
        cell starting a formula; plain text must be UTF-8. Other types (Markdown, Mermaid,
        Graphviz, binary formats) must override this with a check of their own.
        """
        default_hostile_text_check(output, canvas, self._media_type)

    def extract_text(self, output: bytes) -> str:
        """The text a reader of ``output`` sees. Override for binary formats.

        The default reads the strings of JSON, YAML and TOML, the text of HTML and XML, the
        cells of CSV and decodes every other ``text/*`` type as UTF-8.
        """
        return default_extract_text(output, self._media_type)

    def expected_texts(self, canvas: Canvas) -> Iterable[str]:
        """Text that must appear in the export of a sample canvas: by default its name."""
        return [canvas.meta.name] if canvas.meta.name.strip() else []

    # -- helpers -------------------------------------------------------------------------------

    _media_type: str = "application/octet-stream"

    @pytest.fixture(autouse=True)
    def _remember_media_type(self, exporter: Exporter) -> None:
        # The hooks take only the output; they need the media type to pick a default.
        self._media_type = exporter.media_type

    def _output(
        self, exporter: Exporter, canvas: Canvas, options: ExportOptions | None = None
    ) -> bytes:
        """The output, or a refusal written as :func:`refusal_output` writes it."""
        try:
            return exporter.export_bytes(canvas, options)
        except self.refusals as refusal:
            return refusal_output(exporter, refusal)

    def _export(
        self, exporter: Exporter, canvas: Canvas, options: ExportOptions | None = None
    ) -> bytes:
        output = self._output(exporter, canvas, options)
        if not output:
            pytest.fail(f"exporter {exporter.name!r} wrote nothing")
        return output

    def _check_one(self, exporter: Exporter, canvas: Canvas) -> bytes:
        """Export, checking determinism, equal copies and that the canvas stays unchanged."""
        before = pickle.loads(pickle.dumps(canvas))
        first = self._export(exporter, canvas)
        fail_unless_unchanged(canvas, before, f"exporter {exporter.name!r}")
        if self._export(exporter, canvas) != first:
            pytest.fail(f"exporter {exporter.name!r} wrote different bytes for the same canvas")
        for how, copy in equal_copies(canvas).items():
            if self._export(exporter, copy) != first:
                pytest.fail(f"exporter {exporter.name!r} wrote different bytes for {how}")
        return first

    # -- the contract --------------------------------------------------------------------------

    def test_exporter_is_well_formed(self, exporter: Exporter) -> None:
        if not isinstance(exporter, Exporter):
            pytest.fail(f"the exporter is a {type(exporter).__name__}, not a cmc Exporter")
        if not NAME_PATTERN.match(exporter.name):
            pytest.fail(f"the name {exporter.name!r} must be lower-case words joined by hyphens")
        if not exporter.title.strip() or "\n" in exporter.title:
            pytest.fail("the title must be one non-empty line")
        top_level = exporter.media_type.partition("/")[0]
        if top_level not in _IANA_TOP_LEVEL:
            pytest.fail(f"the media type {exporter.media_type!r} has no IANA top-level type")
        if exporter.extension != exporter.extension.strip() or not exporter.extension[1:]:
            pytest.fail(f"the extension {exporter.extension!r} must be like '.md'")
        if not 1 <= exporter.api_version <= EXPORTER_API_VERSION:
            pytest.fail(
                f"api_version {exporter.api_version} is not one this cmc knows "
                f"(1 to {EXPORTER_API_VERSION})"
            )

    def test_plugin_registers_the_exporter(self, exporter: Exporter, plugin: object) -> None:
        self.check_registration(plugin, "exporters", exporter.name, exporter)

    @pytest.mark.parametrize("canvas_name", CANVAS_NAMES)
    def test_exports_each_canvas_deterministically_without_changing_it(
        self, exporter: Exporter, canvas_name: str
    ) -> None:
        self._check_one(exporter, canvas_named(canvas_name))

    @pytest.mark.parametrize("canvas_name", [name for name in CANVAS_NAMES if name != "hostile"])
    def test_sample_canvas_names_appear_in_the_output(
        self, exporter: Exporter, canvas_name: str
    ) -> None:
        canvas = canvas_named(canvas_name)
        output = self._export(exporter, canvas)
        if output.startswith(REFUSED):
            return  # a refusal shows nothing of the canvas
        text = _normalised(self.extract_text(output))
        missing = [t for t in self.expected_texts(canvas) if _normalised(t) not in text]
        if missing:
            pytest.fail(f"the export of {canvas_name!r} does not show {missing}")

    @pytest.mark.parametrize("canvas_name", CANVAS_NAMES)
    def test_exports_in_every_language_and_ignores_unknown_settings(
        self, exporter: Exporter, canvas_name: str
    ) -> None:
        canvas = canvas_named(canvas_name)
        default = self._export(exporter, canvas)
        for language in Language:
            options = ExportOptions(language=language)
            output = self._export(exporter, canvas, options)
            if self._export(exporter, canvas, options) != output:
                pytest.fail(f"exporting in {language.value!r} twice gave different bytes")
            if language is canvas.meta.language and output != default:
                pytest.fail(
                    f"ExportOptions(language={language.value!r}) must give what the default "
                    f"gives for a canvas in {language.value!r}: the canvas's own language"
                )
        if self._export(exporter, canvas, ExportOptions(settings=UNKNOWN_SETTING)) != default:
            pytest.fail("a setting the exporter does not know changed the output")

    @pytest.mark.parametrize("canvas_name", CANVAS_NAMES)
    def test_the_built_ins_assessment_gives_what_no_assessment_gives(
        self, exporter: Exporter, canvas_name: str
    ) -> None:
        canvas = canvas_named(canvas_name)
        given = ExportOptions(assessment=assess(canvas))
        if self._export(exporter, canvas, given) != self._export(exporter, canvas):
            pytest.fail(
                "ExportOptions(assessment=assess(canvas)) changed the output: an exporter "
                "that shows diagnostics or scores must take them from "
                "options.assessment_for(canvas), which assesses with the built-ins when no "
                "assessment is given"
            )

    def test_an_assessment_of_another_canvas_is_refused_or_not_shown(
        self, exporter: Exporter
    ) -> None:
        canvas, other = canvas_named(CANVAS_NAMES[0]), canvas_named(CANVAS_NAMES[1])
        try:
            output = self._export(exporter, canvas, ExportOptions(assessment=assess(other)))
        except ValueError:
            return  # refused, as options.assessment_for(canvas) refuses it
        if output != self._export(exporter, canvas):
            pytest.fail(
                "given the assessment of another canvas, the exporter showed it: read it "
                "through options.assessment_for(canvas), which refuses it with a ValueError"
            )

    @pytest.mark.parametrize("canvas_name", CANVAS_NAMES)
    def test_an_exporter_given_an_assessment_does_not_evaluate_the_canvas_again(
        self, exporter: Exporter, canvas_name: str, monkeypatch: pytest.MonkeyPatch
    ) -> None:
        canvas = canvas_named(canvas_name)
        assessment = assess(canvas)
        assessment.report, assessment.scores  # noqa: B018 - both parts computed now

        def evaluated_again(*_args: object, **_kwargs: object) -> None:
            pytest.fail(
                "given options.assessment, the exporter validated or scored the canvas itself: "
                "show what options.assessment_for(canvas) holds, so that the export says what "
                "cmc check and cmc score say with the same plugins and configuration"
            )

        # Every validation makes a RuleContext and every score card a ScoreContext.
        monkeypatch.setattr(RuleContext, "__init__", evaluated_again)
        monkeypatch.setattr(ScoreContext, "__init__", evaluated_again)
        self._export(exporter, canvas, ExportOptions(assessment=assessment))

    def test_hostile_text_is_escaped(self, exporter: Exporter) -> None:
        canvas = canvas_named("hostile")
        output = self._export(exporter, canvas)
        if not output.startswith(REFUSED):
            self.assert_hostile_text_is_safe(output, canvas)

    def test_handles_generated_canvases(self, exporter: Exporter) -> None:
        def check(canvas: Canvas) -> None:
            output = self._check_one(exporter, canvas)
            if not output.startswith(REFUSED):
                self.assert_hostile_text_is_safe(output, canvas)

        check_generated_canvases(check, self.max_examples)

    def test_output_does_not_depend_on_the_hash_seed(self, exporter: Exporter) -> None:
        if not self.check_hash_seed:
            pytest.skip("check_hash_seed is off for this exporter")
        canvases = [canvas_named(name) for name in CANVAS_NAMES]
        here = [self._output(exporter, canvas) for canvas in canvases]
        for seed in HASH_SEEDS:
            there = export_in_child(exporter.export, canvases, seed, self.refusals)
            differing = [
                name for name, a, b in zip(CANVAS_NAMES, here, there, strict=True) if a != b
            ]
            if differing:
                pytest.fail(
                    f"with PYTHONHASHSEED={seed} the exporter wrote other bytes for "
                    f"{differing}: does it iterate over a set, or a dict built from one?"
                )
