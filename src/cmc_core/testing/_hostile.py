"""Hostile text, and a canvas that carries it in every field an exporter may write.

An exporter that pastes user text into its format unescaped lets a canvas inject markup, break
the document, or plant a formula that a spreadsheet runs. The texts below are what a careless
writer of each common format gets wrong. They hold no NUL and no other control character than
tab, line feed and carriage return, so that every one of them can be represented in XML and
in every file format; generated canvases (:func:`cmc_core.strategies.canvases`) cover the
remaining control characters.
"""

from __future__ import annotations

import itertools
import pickle
from collections.abc import Callable
from functools import cache
from typing import Any

import attrs

from cmc_core.blueprint import BlockKey
from cmc_core.canvas import Canvas
from cmc_core.model import (
    BlockNote,
    Boundary,
    Commonality,
    DecisionRight,
    Development,
    Factor,
    Governance,
    Meta,
    Party,
    Principle,
    ProcessArea,
    Resistance,
    Value,
    ValueFlow,
    Waste,
)
from cmc_core.shape import fields, is_record, text_fields
from cmc_core.vocabulary import (
    DevelopmentKind,
    FactorKey,
    LegalForm,
    Level,
    Mode,
    PrincipleKey,
    PrincipleStatus,
    ProcessKind,
    Role,
    ValueKind,
)

__all__ = ["HOSTILE_IDS", "HOSTILE_TEXTS", "INJECTION_MARKER", "hostile_canvas"]

#: Every element, attribute or URL the hostile texts try to inject carries this word, so that
#: a check can tell an injection from markup the exporter writes itself.
INJECTION_MARKER = "cmc-injected"

# fmt: off
#: Text that breaks formats when written unescaped, grouped by the format it attacks.
HOSTILE_TEXTS: tuple[str, ...] = (
    # HTML, SVG and XML
    f'<script>alert("{INJECTION_MARKER}")</script>',
    f"<img src=x onerror=\"alert('{INJECTION_MARKER}')\">",
    f'"><{INJECTION_MARKER} data-{INJECTION_MARKER}="1" onclick="alert(1)">',
    f"'><svg onload=alert('{INJECTION_MARKER}')>",
    f"</textarea></title></style></script><{INJECTION_MARKER}>",
    "<!-- not a comment --> <![CDATA[ not data ]]> ]]>",
    "&amp; &lt;b&gt; &#60;script&#62; &unknown; & < >",
    f"javascript:alert('{INJECTION_MARKER}')",
    # quotes, escapes and templates
    "single ' double \" back ` curly “ ” ‘ ’ guillemets « »",
    "back\\slash \\n \\t \\u0041 \\x41 \\",
    "{{ template }} {% tag %} ${dollar} $(command) #{ruby}",
    # Markdown
    "# Heading\n\n* list item\n1. numbered\n> quote\n---",
    "**bold** _em_ ~~strike~~ `code` ```fence``` [link](javascript:alert(1)) ![img](x.png)",
    "| table | cell |\n|---|---|",
    # Mermaid
    f'A-->B; B-.->C; click A call alert("{INJECTION_MARKER}")',
    "end\nsubgraph x\n%%{init: {'theme': 'dark'}}%%\nclassDef a fill:#f00",
    "node[label] node(round) node{rhombus} node>flag] |edge label| #35; #quot;",
    # Graphviz dot
    f'a -> b; }} digraph injected {{ x [label="{INJECTION_MARKER}"] }}',
    "<<b>html label</b>> \\N \\G \\l \\r",
    # CSV and spreadsheets: formulas a spreadsheet would run
    f'=HYPERLINK("https://{INJECTION_MARKER}.invalid","click")',
    "=1+2",
    "+1+2",
    "-1+2",
    "@SUM(A1:A2)",
    "\t=1+2",
    "\r=1+2",
    "a,b;c\td",
    # white space and line breaks
    "tab\there",
    "line\nbreak",
    "carriage\rreturn",
    "crlf\r\nline",
    "trailing newline\n",
    "   leading and trailing spaces   ",
    "line\u2028separator para\u2029separator",
    # Unicode
    "\u202egnp.exe right-to-left override\u202c",
    "emoji 🚢📦 👩\u200d💻 🇳🇱",
    "Zoë Straße İstanbul e\u0301 zero\u200bwidth",
    "עברית العربية 日本語",
    "Donaudampfschifffahrtsgesellschaftskapitänsmützenabzeichen" * 6,
    # what YAML, JSON and TOML readers misread
    "yes", "null", "~", "1e3", "- item", "key: value", '{"a": 1}', "[section]",
    "&anchor *alias !tag",
    # LaTeX
    "\\section{x} $x^2$ 100% \\\\ {braces} _under_ ^hat^",
)
# fmt: on

#: Ids that are awkward in markup and diagrams (quotes, brackets, arrows, spaces, emoji):
#: exporters often write ids into attributes and node names.
HOSTILE_IDS: dict[str, str] = {
    "supplier": f'p-1"><{INJECTION_MARKER}>',
    "second supplier": "p 2 -> x; }",
    "demander": "p-3 🚢 'quoted'",
    "end customer": "p-4",
    "value": "v-<b>1</b>",
    "money": "v-2",
    "instrument": "v-3 & co",
    "flow": "f-1",
    "counter-flow": 'f-2"',
    "commonality": "c-[1]",
}


def _skeleton() -> Canvas:
    """A sound canvas with hostile ids whose free text is all left empty, to be filled."""
    ids = HOSTILE_IDS
    supplier, second = ids["supplier"], ids["second supplier"]
    demander, customer = ids["demander"], ids["end customer"]
    return Canvas(
        meta=Meta(
            variant="", canvas_version="", authors=("", ""), date="2025-03-14", focal_party=supplier
        ),
        boundary=Boundary(
            inclusion_criteria=("", ""), parent_domain="", instruments=(ids["instrument"],)
        ),
        parties=(
            Party(supplier, roles=(Role.SUPPLIER,)),
            Party(second, roles=(Role.SUPPLIER,), organisation=supplier),
            Party(demander, roles=(Role.DEMANDER,), serves_end_customer=True),
            Party(customer, roles=(Role.END_CUSTOMER,), external=True),
        ),
        values=(
            Value(ids["value"], kind=ValueKind.SERVICE),
            Value(ids["money"], kind=ValueKind.MONEY),
            Value(ids["instrument"], kind=ValueKind.INSTRUMENT),
        ),
        flows=(
            ValueFlow(
                ids["flow"],
                value=ids["value"],
                from_party=supplier,
                to_party=demander,
                counter_value=ids["money"],
                via_commonality=True,
                step="match",
            ),
            ValueFlow(
                ids["counter-flow"],
                value=ids["money"],
                from_party=demander,
                to_party=supplier,
                step="transact",
                counter_of=ids["flow"],
            ),
        ),
        process_areas=(
            ProcessArea("a-1", "", ProcessKind.INFORMATION, Mode.COOPERATE, (supplier, demander)),
            ProcessArea("a-2", "", ProcessKind.EXECUTION, None, (second,)),
        ),
        commonalities=(
            Commonality(
                ids["commonality"],
                primary=True,
                capabilities=("", ""),
                steward=supplier,
                users=(supplier, second, demander),
                favours=(supplier,),
            ),
        ),
        governance=Governance(
            legal_form=LegalForm.COOPERATIVE,
            agreements=("", ""),
            decision_rights=(DecisionRight("d-1", "", (supplier, demander), True),),
        ),
        factors=[Factor(key, "", index % 4) for index, key in enumerate(FactorKey)],
        developments=(Development("dev-1", DevelopmentKind.THREAT, "", (Role.SUPPLIER,)),),
        resistances=(Resistance("r-1", "", second, Role.SUPPLIER, "", Level.HIGH),),
        principles=[Principle(key, PrincipleStatus.ADEQUATE) for key in PrincipleKey],
        waste=Waste("", 40.0, 25.5),
        notes=[BlockNote(key, "") for key in BlockKey],
    )


def _filled(record: Any, say: Callable[[], str]) -> Any:
    """``record`` with every empty free-text field (read from the model's declarations, in
    field order, depth first) given the next hostile text; an empty list of text gets one."""
    changes: dict[str, Any] = {}
    texts = {attribute.name for attribute in text_fields(type(record))}
    for attribute in fields(type(record)):
        value = getattr(record, attribute.name)
        if attribute.name in texts:
            if isinstance(value, tuple):
                changes[attribute.name] = tuple(item or say() for item in value or ("",))
            elif not value:
                changes[attribute.name] = say()
        elif is_record(attribute.type):
            changes[attribute.name] = _filled(value, say)
        elif isinstance(value, tuple) and value and is_record(type(value[0])):
            changes[attribute.name] = tuple(_filled(item, say) for item in value)
    return attrs.evolve(record, **changes)


def _build() -> Canvas:
    canvas: Canvas = _filled(_skeleton(), itertools.cycle(HOSTILE_TEXTS).__next__)
    return canvas


@cache
def _pickled() -> bytes:
    return pickle.dumps(_build())


def hostile_canvas() -> Canvas:
    """A canvas with hostile text in every free-text field, and hostile ids.

    Names, descriptions, answers, notes, criteria, agreements and every other text field (but
    ``meta.date``, a real date) carry the :data:`HOSTILE_TEXTS` in turn, so that each text
    appears at least once; ``meta.name`` holds the first, a ``<script>`` element. Several ids
    are :data:`HOSTILE_IDS`. Otherwise the canvas is sound: references resolve and flows run
    between suppliers and demanders. It saves and loads losslessly in every file format. Each
    call returns a fresh copy.
    """
    canvas: Canvas = pickle.loads(_pickled())
    return canvas
