"""resolve_path finds what a diagnostic path names, including fields left at their default."""

from __future__ import annotations

import pytest

from cmc_core import Canvas, Factor, FactorKey, Meta
from cmc_core.fileformat import to_dict
from cmc_core.testing import UnresolvedPathError, path_resolves, resolve_path, sample_canvases


@pytest.fixture
def port() -> Canvas:
    return sample_canvases()["port-logistics"]


def test_the_empty_path_is_the_whole_document(port: Canvas) -> None:
    document = resolve_path(port, "")
    assert isinstance(document, dict)
    assert set(to_dict(port)) <= set(document)
    assert document["meta"]["name"] == port.meta.name


def test_written_values_resolve_to_their_file_form(port: Canvas) -> None:
    assert resolve_path(port, "meta.name") == port.meta.name
    assert resolve_path(port, "flows[2].to") == port.flows[2].to_party
    assert resolve_path(port, "parties[0].roles[0]") == port.parties[0].roles[0].value
    answer = port.factor(FactorKey.VISION).answer
    assert answer
    assert resolve_path(port, "factors.vision.answer") == answer


def test_fields_left_at_their_default_resolve_to_it() -> None:
    canvas = Canvas(meta=Meta(name="Only a name"))
    assert "boundary" not in to_dict(canvas)
    assert resolve_path(canvas, "boundary.goal") == ""
    assert resolve_path(canvas, "meta.owner") is None
    assert resolve_path(canvas, "flows") == []
    assert resolve_path(canvas, "factors.vision") == {"answer": "", "maturity": None}
    assert resolve_path(canvas, "notes.boundary") == ""
    assert resolve_path(canvas, "principles.apart_together.status") == "not_assessed"


def test_an_answered_factor_keeps_its_answer_next_to_unanswered_ones() -> None:
    canvas = Canvas(factors=[Factor(FactorKey.CULTURE, "Open books", 2)])
    assert resolve_path(canvas, "factors.culture.maturity") == 2
    assert resolve_path(canvas, "factors.vision.maturity") is None


def test_list_items_must_exist(port: Canvas) -> None:
    last = len(port.flows) - 1
    assert path_resolves(port, f"flows[{last}]")
    with pytest.raises(UnresolvedPathError, match=rf"'flows' holds {len(port.flows)} item"):
        resolve_path(port, f"flows[{last + 1}]")


def test_keys_must_be_fields_of_the_file(port: Canvas) -> None:
    with pytest.raises(UnresolvedPathError, match="has no key 'too'; its keys are: id, value"):
        resolve_path(port, "flows[0].too")
    assert not path_resolves(port, "flows[0].to_party")  # the model's name, not the file's
    assert not path_resolves(port, "factors.visionary")
    assert not path_resolves(port, "meta.owner.name")  # below a value that is None


@pytest.mark.parametrize("path", ["flows[x]", ".meta", "meta..name", "meta.", "flows[0]to"])
def test_malformed_paths_do_not_resolve(port: Canvas, path: str) -> None:
    with pytest.raises(UnresolvedPathError, match="not a well-formed path"):
        resolve_path(port, path)


def test_an_unresolved_path_is_a_lookup_error(port: Canvas) -> None:
    with pytest.raises(LookupError):
        resolve_path(port, "nowhere")
