"""Test helpers and contract tests for authors of cmc plugins.

Install the test extra first: ``pip install 'community-model-canvas[test]'``. This package
imports pytest and hypothesis; ``import cmc_core`` never imports it, nor them.

- :func:`make_plugins`: a fresh plugin set holding only the plugins you name (no entry points),
  optionally with the built-in rules.
- :func:`sample_canvases`: every bundled example canvas and both starters, by name.
- :data:`HOSTILE_TEXTS`, :func:`hostile_canvas`: text that breaks careless exporters, and a
  canvas carrying it in every text field.
- :func:`resolve_path`: what a logical path such as ``flows[3].to`` names in a canvas.
- :func:`register_profiles`, :func:`examples`: the Hypothesis profiles cmc's own tests run
  under (``ci``: every example; ``dev``: a tenth), and a count that follows them.
- :class:`ExporterContract`, :class:`RuleContract`, :class:`ScorerContract`,
  :class:`QuestionnaireContract`: test classes your own test suite subclasses, providing the
  item under test as a fixture::

      import pytest
      from cmc_core.exporting import Exporter
      from cmc_core.testing import ExporterContract

      import cmc_markdown


      class TestMarkdownExporter(ExporterContract):
          @pytest.fixture
          def exporter(self) -> Exporter:
              return cmc_markdown.MARKDOWN

          @pytest.fixture
          def plugin(self) -> object:
              return cmc_markdown

          def assert_hostile_text_is_safe(self, output: bytes, canvas: Canvas) -> None:
              ...  # Markdown has no default check: say what "escaped" means for it

  The contract classes are not collected by themselves (their names do not start with
  ``Test``); each ``Test*`` subclass runs the whole contract. See ``docs/testing-plugins.md``.
"""

from __future__ import annotations

from cmc_core.testing._exporter_contract import ExporterContract
from cmc_core.testing._hostile import HOSTILE_IDS, HOSTILE_TEXTS, INJECTION_MARKER, hostile_canvas
from cmc_core.testing._outputs import (
    assert_round_trips,
    assert_safe_csv,
    assert_safe_html,
    assert_safe_xml,
)
from cmc_core.testing._paths import UnresolvedPathError, path_resolves, resolve_path
from cmc_core.testing._plugins import make_plugins
from cmc_core.testing._profiles import FULL_EXAMPLES, PROFILES, examples, register_profiles
from cmc_core.testing._questionnaire_contract import QuestionnaireContract
from cmc_core.testing._rule_contract import RuleContract
from cmc_core.testing._samples import SAMPLE_NAMES, sample_canvas, sample_canvases
from cmc_core.testing._scorer_contract import ScorerContract

__all__ = [
    "FULL_EXAMPLES",
    "HOSTILE_IDS",
    "HOSTILE_TEXTS",
    "INJECTION_MARKER",
    "PROFILES",
    "SAMPLE_NAMES",
    "ExporterContract",
    "QuestionnaireContract",
    "RuleContract",
    "ScorerContract",
    "UnresolvedPathError",
    "assert_round_trips",
    "assert_safe_csv",
    "assert_safe_html",
    "assert_safe_xml",
    "examples",
    "hostile_canvas",
    "make_plugins",
    "path_resolves",
    "register_profiles",
    "resolve_path",
    "sample_canvas",
    "sample_canvases",
]
