"""What every test of the repository shares: the Hypothesis profiles and the ``slow`` marker.

Property tests run under the ``ci`` profile (every example) unless ``--hypothesis-profile=dev``
(a tenth of them) is given; see :mod:`cmc_core.testing._profiles`.

``slow`` marks what takes seconds rather than milliseconds, so that ``pytest -m "not slow"`` is
a quick inner loop (add ``--hypothesis-profile=dev`` to keep the property tests in it, at a
tenth of their examples). Slow are:

* whole modules that build the docs, drive Chromium or a real terminal, run mypy, start ``cmc``
  in a process, or export decks with python-pptx: each says so with ``pytestmark``;
* tests that use a fixture starting another program (Graphviz, Mermaid under Node.js);
* the contract tests that start other interpreters (the hash-seed check) or try generated
  canvases, which plugin test suites inherit from :mod:`cmc_core.testing` unmarked;
* every property test while the ``ci`` profile runs it at full counts.
"""

from __future__ import annotations

import pytest
from hypothesis import is_hypothesis_test, settings

from cmc_core.testing import FULL_EXAMPLES, register_profiles

register_profiles()
settings.load_profile("ci")  # the default; --hypothesis-profile loads another after this

#: Fixtures that start another program for each test that uses them.
_PROGRAM_FIXTURES = frozenset({"dot_program", "mermaid_parser"})
#: Tests of the contract classes that start other interpreters or try generated canvases.
_CONTRACT_TESTS = frozenset(
    {
        "test_output_does_not_depend_on_the_hash_seed",
        "test_an_exporter_that_iterates_a_set_fails_only_in_another_interpreter",
        "test_handles_generated_canvases",
    }
)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the slow tests that cannot say so themselves (see the module docstring)."""
    full_counts = settings().max_examples >= FULL_EXAMPLES
    for item in items:
        test = getattr(item, "obj", None)
        name = getattr(item, "originalname", item.name)
        if (
            _PROGRAM_FIXTURES.intersection(getattr(item, "fixturenames", ()))
            or (name in _CONTRACT_TESTS and full_counts)
            or (full_counts and test is not None and is_hypothesis_test(test))
        ):
            item.add_marker(pytest.mark.slow)
