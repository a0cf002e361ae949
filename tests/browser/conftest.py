"""The browser fixtures: one headless Chromium per test module, a fresh page per test.

Needs ``chromium`` (``apt-get install chromium``; or ``CMC_CHROMIUM``) and the
``websocket-client`` package (the test extra). Without them the browser tests skip, saying
so, except under ``CI``, where they fail: CI must run them.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest


def missing(reason: str) -> None:
    """Skip for want of ``reason``, or fail under ``CI``."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests (see .ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    try:
        from .chromium import Chromium, find_chromium
    except ImportError:
        missing("the websocket-client package is not installed (pip install websocket-client)")
    binary = find_chromium()
    if binary is None:
        missing("no chromium on the path (apt-get install chromium)")
    assert binary is not None
    chromium = Chromium(binary, tmp_path_factory.mktemp("chromium-profile"))
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    opened = browser.new_page()
    try:
        yield opened
    finally:
        opened.close()
