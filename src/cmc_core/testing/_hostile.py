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
from functools import cache

from cmc_core.blueprint import BlockKey
from cmc_core.canvas import Canvas
from cmc_core.model import (
    BlockNote,
    Boundary,
    Commonality,
    DecisionRight,
    Development,
    EndCustomerValue,
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
from cmc_core.vocabulary import (
    DevelopmentKind,
    FactorKey,
    Language,
    LegalForm,
    Level,
    Mode,
    PrincipleKey,
    PrincipleStatus,
    ProcessKind,
    Role,
    Status,
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


def _build() -> Canvas:
    say = itertools.cycle(HOSTILE_TEXTS).__next__
    ids = HOSTILE_IDS
    supplier, second = ids["supplier"], ids["second supplier"]
    demander, customer = ids["demander"], ids["end customer"]

    def party(  # every text field of a party gets the next hostile text
        party_id: str,
        role: Role,
        *,
        organisation: str | None = None,
        external: bool = False,
        serves_end_customer: bool = False,
        privileged: bool = False,
    ) -> Party:
        return Party(
            party_id,
            name=say(),
            roles=(role,),
            organisation=organisation,
            external=external,
            specialisation=say(),
            serves_end_customer=serves_end_customer,
            privileged=privileged,
            interest=say(),
            notes=say(),
        )

    return Canvas(
        meta=Meta(
            name=say(),
            language=Language.EN,
            variant=say(),
            canvas_version=say(),
            status=Status.DRAFT,
            description=say(),
            authors=(say(), say()),
            date="2025-03-14",
            focal_party=supplier,
        ),
        end_customer=EndCustomerValue(say(), say(), say(), say(), say()),
        boundary=Boundary(
            goal=say(),
            target_group=say(),
            inclusion_criteria=(say(), say()),
            exclusion_criteria=(say(),),
            parent_domain=say(),
            instruments=(ids["instrument"],),
        ),
        parties=(
            party(supplier, Role.SUPPLIER, privileged=True),
            party(second, Role.SUPPLIER, organisation=supplier),
            party(demander, Role.DEMANDER, serves_end_customer=True),
            party(customer, Role.END_CUSTOMER, external=True),
        ),
        values=(
            Value(ids["value"], say(), ValueKind.SERVICE, description=say()),
            Value(ids["money"], say(), ValueKind.MONEY, description=say()),
            Value(ids["instrument"], say(), ValueKind.INSTRUMENT, description=say()),
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
                friction=say(),
            ),
            ValueFlow(
                ids["counter-flow"],
                value=ids["money"],
                from_party=demander,
                to_party=supplier,
                step="transact",
                counter_of=ids["flow"],
                friction=say(),
            ),
        ),
        process_areas=(
            ProcessArea(
                "a-1", say(), ProcessKind.INFORMATION, Mode.COOPERATE, (supplier, demander), say()
            ),
            ProcessArea("a-2", say(), ProcessKind.EXECUTION, None, (second,), say()),
        ),
        commonalities=(
            Commonality(
                ids["commonality"],
                name=say(),
                primary=True,
                description=say(),
                capabilities=(say(), say()),
                steward=supplier,
                users=(supplier, second, demander),
                access_terms=say(),
                financing=say(),
            ),
        ),
        governance=Governance(
            decision_making=say(),
            legal_form=LegalForm.COOPERATIVE,
            agreements=(say(), say()),
            decision_rights=(DecisionRight("d-1", say(), (supplier, demander), True),),
        ),
        factors=[Factor(key, say(), index % 4) for index, key in enumerate(FactorKey)],
        developments=(
            Development("dev-1", DevelopmentKind.THREAT, say(), (Role.SUPPLIER,), say()),
        ),
        resistances=(Resistance("r-1", say(), second, Role.SUPPLIER, say(), Level.HIGH, say()),),
        principles=[Principle(key, PrincipleStatus.ADEQUATE, say()) for key in PrincipleKey],
        waste=Waste(say(), 40.0, 25.5, say()),
        notes=[BlockNote(key, say()) for key in BlockKey],
    )


@cache
def _pickled() -> bytes:
    return pickle.dumps(_build())


def hostile_canvas() -> Canvas:
    """A canvas with hostile text in every free-text field, and hostile ids.

    Names, descriptions, answers, notes, criteria, agreements and every other text field carry
    the :data:`HOSTILE_TEXTS` in turn, so that each text appears at least once; ``meta.name``
    holds the first, a ``<script>`` element. Several ids are :data:`HOSTILE_IDS`. Otherwise the
    canvas is sound: references resolve and flows run between suppliers and demanders. It saves
    and loads losslessly in every file format. Each call returns a fresh copy.
    """
    canvas: Canvas = pickle.loads(_pickled())
    return canvas
