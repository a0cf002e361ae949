"""The Jinja2 templates of the report exporters, and the two environments that render them.

The templates are package data in ``cmc_exporters/templates``. Two environments, made on first
use; the exporters import this module only when they export, so listing plugins never loads
Jinja2:

- :func:`markup_environment` for HTML and SVG: autoescaping on for every template, and a
  finalizer that drops the characters XML forbids (C0 controls but tab and line breaks,
  U+FFFE, U+FFFF) from every value, so that any canvas gives well-formed SVG;
- :func:`markdown_environment` for Markdown: Jinja2 has no Markdown escaping, so its finalizer
  runs :func:`~cmc_exporters._markdown_text.markdown_text` on every value that is not already
  :class:`~cmc_exporters._markdown_text.MarkdownText`: escaping is the default here too, as
  autoescaping is for markup.

Both are strict about undefined names, so a typo in a template fails loudly in the tests.
"""

from __future__ import annotations

import functools
import re
from typing import Any

import jinja2
from markupsafe import Markup

from cmc_exporters._markdown_text import MarkdownText, markdown_text

__all__ = ["markdown_environment", "markup_environment", "render", "xml_clean"]

#: Characters XML 1.0 forbids even as references (and C1 controls, which it discourages).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def xml_clean(text: str) -> str:
    """``text`` without the characters XML cannot hold (controls, lone surrogates)."""
    return _NOT_XML.sub("", text)


def _markup_finalize(value: Any) -> Any:
    if isinstance(value, Markup) or not isinstance(value, str) or not _NOT_XML.search(value):
        return value
    return xml_clean(value)


def _markdown_finalize(value: Any) -> MarkdownText:
    return value if isinstance(value, MarkdownText) else markdown_text(str(value))


def _environment(**options: Any) -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("cmc_exporters", "templates"),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        **options,
    )


@functools.cache
def markup_environment() -> jinja2.Environment:
    """The environment for HTML and SVG templates: autoescaping on, XML-safe values."""
    environment = _environment(autoescape=True, finalize=_markup_finalize)
    environment.filters["xml_clean"] = xml_clean
    return environment


@functools.cache
def markdown_environment() -> jinja2.Environment:
    """The environment for Markdown templates: every value escaped for Markdown."""
    environment = _environment(autoescape=False, finalize=_markdown_finalize)
    environment.filters["md"] = markdown_text
    return environment


def render(environment: jinja2.Environment, template: str, **context: Any) -> str:
    """Render a template of ``environment`` with ``context``."""
    return environment.get_template(template).render(**context)
