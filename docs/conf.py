"""Sphinx configuration of the cmc documentation: furo, MyST Markdown, autodoc, sphinx-click.

Build it with ``python -m sphinx -W --keep-going -b html docs /tmp/cmc-docs``. The build works
offline (no intersphinx): references to the standard library and to third-party packages are
not checked (``nitpick_ignore_regex``), every reference to ``cmc`` itself is (``nitpicky``).
The local extension ``_ext/cmc_docs.py`` generates the pages that come from the code (rule
codes, exit codes, the JSON Schema, the glossary's labels) and resolves references to where
each object is documented. ``tests/docs`` runs this build as a test; ``docs/conftest.py`` runs
the examples on the pages.
"""

from __future__ import annotations

import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
sys.path.insert(0, str(DOCS / "_ext"))

import cmc_core  # noqa: E402  (after the path set-up on purpose)

project = "cmc"
author = "The cmc developers"
copyright = "the cmc developers; the CMC method is by Weconomics (Paul Bessems)"
version = release = cmc_core.__version__
language = "en"

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "sphinx_click",
    "cmc_docs",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns = ["_build", "examples/**/README.md", "examples/**/tests"]
templates_path: list[str] = []

# -- MyST --------------------------------------------------------------------------------------
myst_enable_extensions = ["colon_fence", "deflist"]
# GitHub-style anchors for headings, so that links such as rules.md#cmc001-... keep working.
myst_heading_anchors = 3

# -- autodoc -----------------------------------------------------------------------------------
autodoc_default_options = {
    "members": True,
    "undoc-members": True,
    "imported-members": True,
    "show-inheritance": True,
}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_typehints_format = "fully-qualified"
autodoc_preserve_defaults = False
autoclass_content = "class"
add_module_names = False
python_use_unqualified_type_names = True

# -- Strictness --------------------------------------------------------------------------------
nitpicky = True
# Without intersphinx (the build must work offline) the standard library and third-party
# packages have no targets; everything of cmc's own must resolve.
_EXTERNAL_MODULES = (
    "abc|builtins|collections|contextlib|datetime|decimal|enum|io|logging|os|pathlib|re|types"
    "|typing|typing_extensions|importlib|email|json|tomllib|fractions|numbers|random|threading"
    "|contextvars|gettext"
    "|attr|attrs|cattrs|click|pluggy|hypothesis|pytest|_pytest|ruamel|orjson|jinja2"
)
_ANY_PY = r"py:(class|exc|obj|data|func|meth|attr|mod)"
nitpick_ignore_regex = [
    (_ANY_PY, rf"({_EXTERNAL_MODULES})(\..*)?"),
    (_ANY_PY, r"PluginManager(\..*)?"),  # pluggy's, named in a docstring
    # Private helpers (base classes) and one-letter type variables that signatures show.
    (_ANY_PY, r"cmc_core(\.\w+)*\._\w+(\..*)?"),
    (_ANY_PY, r"cmc_core(\.\w+)*\.[A-Z]"),
    # Modules of single exporters and the scorers' flow table, named for readers of the source.
    ("py:mod", r"cmc_exporters\.\w+"),
    (_ANY_PY, r"cmc_core\.scoring\.flows(\..*)?"),
]
# Implementation modules that docstrings name for readers of the source, not as API.
nitpick_ignore = [
    ("py:mod", "cmc_core.cli.diff"),
    ("py:mod", "cmc_core.plugins.settings"),
    # The built-in rules' shared lookups (RuleContext.index): an optimisation, not an API.
    ("py:class", "cmc_core.rules.index.CanvasIndex"),
    # Set in AnswersError.__init__, described in its docstring.
    ("py:attr", "errors"),
    # Type aliases of implementation modules, shown in signatures.
    ("py:class", "Migration"),
    ("py:class", "LoadedPlugin"),
    # pathlib's, as a string annotation of an attrs class (ProjectConfig.source) shows it.
    ("py:class", "Path"),
]

# API objects stay out of the page tables of contents: with them furo's navigation of every
# page holds hundreds of entries, which doubled the build time; the index still lists them.
toc_object_entries = False

# -- HTML --------------------------------------------------------------------------------------
html_theme = "furo"
html_title = f"cmc {release}"
html_static_path: list[str] = []
html_last_updated_fmt = None
html_show_sourcelink = False
# `--strict` and "quotes" stay as written: the pages are full of command lines.
smartquotes = False
