"""The Sphinx extension of the cmc docs: pages generated from the code, and one reference resolver.

Directives, each writing MyST Markdown that is parsed like the page around it, so that what the
docs say about the model cannot drift from the model:

``cmc-data MODULE.NAME``
    One constant or type alias with the doc comment where it is assigned. autodoc reads doc
    comments only in the module it documents, so a name a package re-exports from a submodule
    would show the docstring of ``tuple`` or ``dict``: the API pages exclude such names from
    ``automodule`` (``:exclude-members:``) and document each with this directive.
``cmc-reexports MODULE``
    The names of ``MODULE.__all__`` not documented on this page, each linked to the page that
    documents the same object (``cmc_core.load`` -> ``cmc_core.fileformat.load``).
``cmc-blocks``
    The zones and blocks of the canvas, from :data:`cmc_core.BLOCKS`.
``cmc-vocabulary``
    Every vocabulary member with its Dutch and English label, from
    :data:`cmc_core.vocabulary.LABELS`.
``cmc-rule-codes``
    Every built-in rule: code, name, severity and title, linked to its explanation.
``cmc-exit-codes``
    The exit status of every command, read from the commands' own ``--help`` epilogs.
``cmc-json-schema``
    The JSON Schema of the file format, generated at build time; the same text is written
    next to the HTML as ``cmc-canvas-2.schema.json``.

The resolver: annotations in signatures name classes where they are defined
(``cmc_core.canvas.Canvas``), while the docs document each object once, under the name users
import (``cmc_core.Canvas``). When Sphinx finds no target, :func:`resolve_by_identity` looks up
the object behind the name and links to wherever that same object is documented.
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, ClassVar

import attrs
from docutils import nodes
from docutils.statemachine import StringList
from sphinx.addnodes import pending_xref
from sphinx.application import Sphinx
from sphinx.environment import BuildEnvironment
from sphinx.pycode import ModuleAnalyzer
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective
from sphinx.util.inspect import stringify_signature

from cmc_core.fileformat.layout import SCHEMA_FILE_NAME

logger = logging.getLogger(__name__)

#: Public modules in the order they are searched for the home of a re-exported object.
PUBLIC_MODULES = (
    "cmc_core",
    "cmc_core.vocabulary",
    "cmc_core.blueprint",
    "cmc_core.fileformat",
    "cmc_core.rules",
    "cmc_core.config",
    "cmc_core.assessment",
    "cmc_core.analysis",
    "cmc_core.plugins",
    "cmc_core.hookspecs",
    "cmc_core.exporting",
    "cmc_core.export_api",
    "cmc_core.plugin_config",
    "cmc_core.scoring",
    "cmc_core.questionnaires",
    "cmc_core.diffing",
    "cmc_core.examples",
    "cmc_core.testing",
    "cmc_core.strategies",
)
SCHEMA_FILE = SCHEMA_FILE_NAME  # the name the loader writes in every file's $schema
_IMMUTABLE_SCALARS = (str, int, float, bool, bytes, type(None))


def _import_object(dotted: str) -> tuple[bool, Any]:
    """``(True, obj)`` for an importable dotted name such as ``cmc_core.canvas.Canvas.add``."""
    parts = dotted.split(".")
    for split in range(len(parts), 0, -1):
        try:
            target: Any = importlib.import_module(".".join(parts[:split]))
        except ImportError:
            continue
        try:
            for attribute in parts[split:]:
                target = getattr(target, attribute)
        except AttributeError:
            return False, None
        return True, target
    return False, None


def _identity_key(obj: Any) -> int | None:
    """A key that is the same for the same object; None for plain values, which are not unique."""
    return None if isinstance(obj, _IMMUTABLE_SCALARS) else id(obj)


class _Homes:
    """Where each documented object is documented, by identity, computed once per resolve phase."""

    def __init__(self, env: BuildEnvironment) -> None:
        self.by_identity: dict[int, str] = {}
        self.by_short_name: dict[str, list[str]] = {}
        for name in sorted(env.get_domain("py").objects):  # type: ignore[attr-defined]
            self.by_short_name.setdefault(name.rsplit(".", 1)[-1], []).append(name)
            found, obj = _import_object(name)
            key = _identity_key(obj) if found else None
            if key is not None:
                self.by_identity.setdefault(key, name)

    def home_of(self, target: str, module: str | None) -> str | None:
        candidates = [target] if module is None else [f"{module}.{target}", target]
        for candidate in candidates:
            found, obj = _import_object(candidate)
            key = _identity_key(obj) if found else None
            if key is not None and key in self.by_identity:
                return self.by_identity[key]
            owner, _, attribute = candidate.rpartition(".")
            if owner:
                found, parent = _import_object(owner)
                parent_home = self.by_identity.get(id(parent)) if found else None
                if parent_home is not None:
                    return f"{parent_home}.{attribute}"
        # A bare name from an annotation that could not be evaluated (a TYPE_CHECKING import).
        if "." not in target and len(self.by_short_name.get(target, ())) == 1:
            return self.by_short_name[target][0]
        return None


def resolve_by_identity(
    app: Sphinx, env: BuildEnvironment, node: pending_xref, contnode: nodes.TextElement
) -> nodes.reference | None:
    """Link a Python reference Sphinx could not resolve to where the same object is documented."""
    if node.get("refdomain") != "py":
        return None
    homes: _Homes | None = getattr(env, "_cmc_homes", None)
    if homes is None:
        homes = _Homes(env)
        env._cmc_homes = homes  # type: ignore[attr-defined]
    home = homes.home_of(node["reftarget"], node.get("py:module"))
    if home is None or home == node["reftarget"]:
        return None
    domain = env.get_domain("py")
    return domain.resolve_xref(env, node["refdoc"], app.builder, "obj", home, node, contnode)


class _ShownAs:
    """A default value shown by a fixed text: ``Meta()`` instead of a repr Sphinx cannot parse."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __repr__(self) -> str:
        return self.text


def _parsable(text: str) -> bool:
    try:
        ast.parse(text, mode="eval")
    except SyntaxError:
        return False
    return True


def readable_defaults(  # noqa: PLR0917  (the arguments of Sphinx's event)
    app: Sphinx,
    what: str,
    name: str,
    obj: Any,
    options: Any,
    signature: str | None,
    return_annotation: str | None,
) -> tuple[str, str | None] | None:
    """In a class signature Sphinx cannot parse, show an attrs default that equals a fresh
    ``Type()`` as ``Type()``, and any other default whose repr is not Python (such as
    ``<Language.EN: 'en'>``) as ``...``.

    Sphinx parses a signature as Python; when that fails it splits it at every comma and links
    the pieces (``tuple[Party``), so the whole signature would be unreadable.
    """
    if what != "class" or signature is None or _parsable(f"f{signature}"):
        return None
    try:
        parameters = inspect.signature(obj).parameters.values()
    except (TypeError, ValueError):
        return None
    shown = [_readable(parameter) for parameter in parameters]
    mode = app.config.autodoc_typehints_format
    text = stringify_signature(inspect.Signature(shown), unqualified_typehints=mode == "short")
    return text, return_annotation


def drop_object_base(app: Sphinx, name: str, obj: Any, options: Any, bases: list[type]) -> None:
    """Leave ``Bases: object`` out: every class has it, so it says nothing."""
    if bases == [object]:
        bases.clear()


def drop_empty_bases(app: Sphinx, doctree: nodes.document) -> None:
    """Remove the ``Bases:`` line that autodoc still writes when no base is left."""
    for paragraph in list(doctree.findall(nodes.paragraph)):
        if paragraph.astext().strip() == "Bases:":
            paragraph.parent.remove(paragraph)


def _readable(parameter: inspect.Parameter) -> inspect.Parameter:
    default = parameter.default
    if default is inspect.Parameter.empty:
        return parameter
    if attrs.has(type(default)) and _fresh(type(default)) == default:
        return parameter.replace(default=_ShownAs(f"{type(default).__name__}()"))
    if not _parsable(repr(default)):
        return parameter.replace(default=_ShownAs("..."))
    return parameter


def _fresh(kind: type) -> Any:
    try:
        return kind()
    except TypeError:
        return None


def _forget_homes(app: Sphinx, env: BuildEnvironment) -> None:
    if hasattr(env, "_cmc_homes"):
        del env._cmc_homes


class _MarkdownDirective(SphinxDirective):
    """A directive whose output is MyST Markdown, parsed in the page's own context."""

    def markdown(self) -> Iterator[str]:
        raise NotImplementedError

    def run(self) -> list[nodes.Node]:
        container = nodes.container()
        lines = StringList(list(self.markdown()), source=self.get_source_info()[0])
        self.state.nested_parse(lines, self.content_offset, container)
        return list(container.children)


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


class ReexportsDirective(_MarkdownDirective):
    """The names of a module's ``__all__`` that this page does not document, with their home."""

    required_arguments = 1

    def markdown(self) -> Iterator[str]:
        module_name = self.arguments[0]
        module = importlib.import_module(module_name)
        documented = self.env.get_domain("py").objects  # type: ignore[attr-defined]
        for name in module.__all__:
            if f"{module_name}.{name}" in documented:
                continue
            home = home_module(name, getattr(module, name), exclude=module_name)
            if home is None:
                logger.warning(
                    "%s.%s is documented nowhere", module_name, name, location=self.get_location()
                )
                continue
            yield f"- `{module_name}.{name}`: {{py:obj}}`{home}.{name}`"


def home_module(name: str, obj: Any, exclude: str) -> str | None:
    """The first public module other than ``exclude`` that exports ``obj`` as ``name``."""
    for module_name in PUBLIC_MODULES:
        module = importlib.import_module(module_name)
        exported = module_name != exclude and name in getattr(module, "__all__", ())
        if exported and getattr(module, name) is obj:
            return module_name
    return None


def _doc_comment(module_name: str, name: str) -> tuple[list[str], str | None] | None:
    """The ``#:`` doc comment and annotation of ``name`` where ``module_name`` assigns it."""
    analyzer = ModuleAnalyzer.for_module(module_name)
    docs = analyzer.find_attr_docs()
    if ("", name) not in docs:
        return None
    return list(docs["", name]), analyzer.annotations.get(("", name))


def _imported_from(module_name: str, name: str) -> str | None:
    """The module that ``module_name`` imports ``name`` from, read from its source."""
    module = importlib.import_module(module_name)
    tree = ast.parse(inspect.getsource(module))
    for node in ast.walk(tree):
        if not isinstance(node, ast.ImportFrom) or node.level != 0:
            continue
        if node.module and any((alias.asname or alias.name) == name for alias in node.names):
            return node.module
    return None


def data_markdown(module_name: str, name: str) -> Iterator[str]:
    """MyST for one constant or type alias, with the doc comment where it is defined.

    autodoc reads doc comments only in the module it documents, so for a name a package
    re-exports it would show the docstring of ``tuple`` or ``dict`` instead.
    """
    value = getattr(importlib.import_module(module_name), name)
    source: str | None = module_name
    found = _doc_comment(module_name, name)
    while found is None and source is not None:
        source = _imported_from(source, name)
        found = _doc_comment(source, name) if source else None
    yield "```{eval-rst}"
    yield f".. py:data:: {name}"
    yield f"   :module: {module_name}"
    lines, annotation = found if found else ([], None)
    if annotation:
        yield f"   :type: {annotation}"
    if isinstance(value, _IMMUTABLE_SCALARS) and len(repr(value)) < 80:
        yield f"   :value: {value!r}"
    yield ""
    for line in lines:
        yield f"   {line}".rstrip()
    yield "```"


class DataDirective(_MarkdownDirective):
    """One constant or type alias, documented under the dotted name given."""

    required_arguments = 1

    def markdown(self) -> Iterator[str]:
        module_name, _, name = self.arguments[0].rpartition(".")
        yield from data_markdown(module_name, name)


class BlocksDirective(_MarkdownDirective):
    """The zones and blocks of the canvas with their labels and guiding questions."""

    def markdown(self) -> Iterator[str]:
        from cmc_core import BLOCKS, ZONES

        for zone in ZONES:
            yield f"**Zone {zone.code}: {zone.label_en}** (*{zone.label_nl}*)"
            yield ""
            yield "| block | key | English | Dutch | guiding questions |"
            yield "|---|---|---|---|---|"
            for item in BLOCKS:
                if item.zone is not zone.key:
                    continue
                questions = "<br>".join(_cell(q) for q in item.guiding_questions("en"))
                factor = f" (factor `{item.factor}`)" if item.factor else ""
                yield (
                    f"| {item.code} | `{item.key}`{factor} | {_cell(item.label_en)} "
                    f"| {_cell(item.label_nl)} | {questions} |"
                )
            yield ""


class VocabularyDirective(_MarkdownDirective):
    """Every vocabulary member with its Dutch and English label, one table per vocabulary."""

    def markdown(self) -> Iterator[str]:
        from cmc_core.vocabulary import LABELS

        by_enum: dict[type, list[Any]] = {}
        for member in LABELS:
            by_enum.setdefault(type(member), []).append(member)
        for enum_type, members in by_enum.items():
            yield f"**{{py:class}}`~cmc_core.{enum_type.__name__}`**"
            yield ""
            yield "| value in files | English | Dutch |"
            yield "|---|---|---|"
            for member in members:
                dutch, english = LABELS[member]
                yield f"| `{member.value}` | {_cell(english)} | {_cell(dutch)} |"
            yield ""


class RuleCodesDirective(_MarkdownDirective):
    """Every built-in rule's code, name, default severity and title, linked to rules.md."""

    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"rules-page": str}

    def markdown(self) -> Iterator[str]:
        from cmc_core.rules import BUILTIN_RULES

        page = self.options.get("rules-page", "rules.md")
        yield "| code | name | default severity | title |"
        yield "|---|---|---|---|"
        for rule in BUILTIN_RULES:
            anchor = f"{rule.code}-{rule.name}".lower()
            yield (
                f"| [{rule.code}]({page}#{anchor}) | `{rule.name}` | {rule.severity} "
                f"| {_cell(rule.title)} |"
            )


_EXIT_LINE = re.compile(r"^\s+(\d+)\s+(.+)$")


def exit_statuses(command: Any) -> dict[int, str]:
    """The ``Exit status:`` lines of a click command's epilog, by status."""
    epilog = command.epilog or ""
    if "Exit status:" not in epilog:
        return {}
    lines = epilog.split("Exit status:", 1)[1].splitlines()
    return {int(m[1]): m[2].strip() for m in map(_EXIT_LINE.match, lines) if m}


class ExitCodesDirective(_MarkdownDirective):
    """The exit status of each command, one row per distinct set of meanings."""

    def markdown(self) -> Iterator[str]:
        from cmc_core.cli import cli

        default = exit_statuses(cli)
        rows: dict[tuple[tuple[int, str], ...], list[str]] = {tuple(default.items()): []}
        for name, command in sorted(cli.commands.items()):
            statuses = exit_statuses(command) or default
            rows.setdefault(tuple(statuses.items()), []).append(f"`cmc {name}`")
        codes = sorted({code for key in rows for code, _ in key})
        yield "| command | " + " | ".join(f"{code}" for code in codes) + " |"
        yield "|---|" + "---|" * len(codes)
        for key, commands in rows.items():
            meanings = dict(key)
            cells = [_cell(meanings.get(code, "")) for code in codes]
            yield f"| {', '.join(commands)} | " + " | ".join(cells) + " |"


def schema_text() -> str:
    """The JSON Schema exactly as ``cmc schema`` prints it."""
    from cmc_core.fileformat import json_schema

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


class JsonSchemaDirective(SphinxDirective):
    """The JSON Schema as a code block, with a link to the file written next to the HTML."""

    def run(self) -> list[nodes.Node]:
        text = schema_text()
        depth = self.env.docname.count("/")
        link = nodes.reference("", SCHEMA_FILE, refuri="../" * depth + SCHEMA_FILE)
        intro = nodes.paragraph(
            "", "", nodes.Text("Download: "), link, nodes.Text(f" ({len(text):,} bytes).")
        )
        block = nodes.literal_block(text, text, language="json")
        return [intro, block]


def _write_schema(app: Sphinx, exception: Exception | None) -> None:
    if exception is None and app.builder.format == "html":
        Path(app.outdir, SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")


def setup(app: Sphinx) -> dict[str, Any]:
    """Register the directives and the resolver."""
    app.add_directive("cmc-data", DataDirective)
    app.add_directive("cmc-reexports", ReexportsDirective)
    app.add_directive("cmc-blocks", BlocksDirective)
    app.add_directive("cmc-vocabulary", VocabularyDirective)
    app.add_directive("cmc-rule-codes", RuleCodesDirective)
    app.add_directive("cmc-exit-codes", ExitCodesDirective)
    app.add_directive("cmc-json-schema", JsonSchemaDirective)
    app.connect("autodoc-process-signature", readable_defaults)
    app.connect("autodoc-process-bases", drop_object_base)
    app.connect("doctree-read", drop_empty_bases)
    app.connect("missing-reference", resolve_by_identity)
    app.connect("env-updated", _forget_homes)
    app.connect("build-finished", _write_schema)
    return {"version": "1", "parallel_read_safe": True, "parallel_write_safe": True}
