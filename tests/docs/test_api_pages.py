"""The API reference uses Sphinx's own ``automodule``; constants and type aliases a package
re-exports are left out of it and documented with ``cmc-data`` (autodoc would show the docstring
of their type, ``tuple`` or ``dict``, instead of their doc comment)."""

from __future__ import annotations

import importlib
import inspect
import re
from pathlib import Path

import pytest

API = Path(__file__).resolve().parents[2] / "docs" / "reference" / "api"
PAGES = sorted(API.glob("*.md"))
_AUTOMODULE = re.compile(r"^\.\. automodule:: (?P<module>\S+)\n(?P<options>(?:   :.*\n)*)", re.M)


def is_data(obj: object) -> bool:
    return not (inspect.isclass(obj) or inspect.isroutine(obj) or inspect.ismodule(obj))


def test_no_page_uses_the_old_custom_directive() -> None:
    assert PAGES
    assert [page.name for page in PAGES if "{cmc-automodule}" in page.read_text("utf-8")] == []


@pytest.mark.parametrize("page", PAGES, ids=[page.stem for page in PAGES])
def test_each_automodule_documents_its_data_with_cmc_data(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    for match in _AUTOMODULE.finditer(text):
        if ":no-members:" in match["options"]:
            continue
        module = importlib.import_module(match["module"])
        data = [name for name in getattr(module, "__all__", ()) if is_data(getattr(module, name))]
        excluded = re.search(r":exclude-members: (.*)", match["options"])
        assert (excluded[1].split(", ") if excluded else []) == data, match["module"]
        for name in data:
            assert f"```{{cmc-data}} {match['module']}.{name}\n" in text
