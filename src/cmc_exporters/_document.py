"""One canvas read for a report: everything the markdown, html and svg exporters show.

:func:`build_document` reads the canvas once into a :class:`Document`: the colophon, the zones
and blocks, the parties by role, the value flows, the sources with what each stands behind,
the validation summary, the score card, and, when the export brings them
(:attr:`~cmc_core.exporting.ExportOptions.extras`), the answers to the questionnaires and the
changes since an earlier version. The templates only lay it out.

The validation report and the score card are the export's assessment
(:meth:`~cmc_core.exporting.ExportOptions.assessment_for`): ``cmc export`` passes the one
``cmc check`` and ``cmc score`` make (the active plugins' rules and scorers, the project's
configuration), so the export says what they say. A program that passes none gets the
built-in rules with the default configuration and the built-in scorers (with the quickscan
answers when the answers hold them).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

import attrs

from cmc_core.canvas import Canvas
from cmc_core.diagnostics import Report, Severity
from cmc_core.exporting import ExportOptions
from cmc_core.model import ValueFlow
from cmc_core.questionnaires import AnswerSet
from cmc_core.scoring import ScoreCard
from cmc_core.translation import using_language
from cmc_core.vocabulary import FlowKind, Language, Provenance, Role, label
from cmc_exporters._answers import AnswerGroup, answer_groups, known_questionnaires
from cmc_exporters._changes import ChangeLine, ChangeMarks
from cmc_exporters._citations import SourceRow, source_rows
from cmc_exporters._colophon import Colophon, colophon
from cmc_exporters._facts import amount, owners, provenance_marker, represents
from cmc_exporters._words import (
    band_label,
    dimension_title,
    role_heading,
    say,
    severity_heading,
    step_label,
    words,
)
from cmc_exporters.blocks import ZoneView, read_zones

__all__ = [
    "DimensionRow",
    "Document",
    "FlowRow",
    "PartyRow",
    "RoleGroup",
    "SeverityGroup",
    "SourceRow",
    "build_document",
    "score_text",
]

#: How many reasons of each dimension the score card shows.
TOP_REASONS = 3


@attrs.frozen
class PartyRow:
    """A party in the table of its role; the text is escaped for the export's format.

    ``flags`` says what the party is (external, serves the end customer, privileged, the
    organisations it stands for, inferred or unverified); ``owners`` who owns its organisation.
    """

    name: str
    id: str
    roles: str
    organisation: str
    specialisation: str
    interest: str
    notes: str
    flags: str
    owners: str = ""


@attrs.frozen
class RoleGroup:
    """The parties holding one role (a party with several roles is in several groups)."""

    role: str
    heading: str
    parties: tuple[PartyRow, ...]


class FlowRow(NamedTuple):
    """A value flow in the table of flows; ``state`` marks it against an earlier version.

    The text cells are already escaped for the export's format (see :func:`build_document`).
    A named tuple rather than an attrs class: a large canvas has tens of thousands of flows,
    and a tuple is built several times faster.
    """

    number: int
    value: str
    source: str
    target: str
    in_return: str
    via_commonality: str
    step: str
    counter_of: str
    friction: str
    #: The flow's kind when it is no market flow (``fee``), else empty.
    kind: str = ""
    #: How much goes over it (``1,200 TEU per week``), with ``(inferred)`` or ``(unverified)``.
    volume: str = ""
    state: str | None = None


@attrs.frozen
class DiagnosticRow:
    """A diagnostic of the validation summary."""

    code: str
    where: str
    message: str


@attrs.frozen
class SeverityGroup:
    """The diagnostics of one severity."""

    severity: str
    heading: str
    rows: tuple[DiagnosticRow, ...]


@attrs.frozen
class DimensionRow:
    """A row of the score card."""

    name: str
    title: str
    score: float
    score_text: str
    band: str | None
    band_label: str
    reasons: tuple[str, ...]
    applicable: bool


@attrs.frozen
class Document:
    """Everything a report export shows of one canvas, in one language."""

    language: Language
    w: dict[str, str]
    colophon: Colophon
    description: str
    status: str
    authors: str
    zones: tuple[ZoneView, ...]
    role_groups: tuple[RoleGroup, ...]
    flows: tuple[FlowRow, ...]
    sources: tuple[SourceRow, ...]
    counts: dict[str, int]
    diagnostics: tuple[SeverityGroup, ...]
    dimensions: tuple[DimensionRow, ...]
    overall: str
    overall_band: str | None
    answers: tuple[AnswerGroup, ...] = ()
    compared: bool = False
    changes: tuple[ChangeLine, ...] = ()
    removed_flows: tuple[ChangeLine, ...] = ()

    @property
    def lang(self) -> str:
        """The language code (``nl``), for ``lang`` attributes."""
        return self.language.value


def score_text(score: float) -> str:
    """A score as shown: a whole number (``89``)."""
    return f"{score:.0f}"


def _role_groups(
    canvas: Canvas, language: Language, cell: Callable[[str], str]
) -> tuple[RoleGroup, ...]:
    names = {p.id: p.name.strip() or p.id for p in reversed(canvas.parties)}

    def name(party_id: str | None) -> str:
        return "?" if party_id is None else names.get(party_id, party_id)

    flag_words = [say(key, language) for key in ("external", "serves_end_customer", "privileged")]
    role_labels = {role: label(role, language) for role in Role}
    # One pass that puts each row in the group of each of its roles (once per role).
    members: dict[Role | None, list[PartyRow]] = {role: [] for role in (*Role, None)}
    favoured = canvas.favoured_ids()
    for party in canvas.parties:
        flags = [
            word
            for flag, word in zip(
                (party.external, party.serves_end_customer, party.id in favoured),
                flag_words,
                strict=True,
            )
            if flag
        ]
        if party.represents is not None:
            flags.append(represents(party.represents, language))
        if party.provenance is not None and party.provenance is not Provenance.SOURCED:
            flags.append(label(party.provenance, language))
        organisation = ""
        if party.organisation:
            organisation = names.get(party.organisation, party.organisation)
        roles = dict.fromkeys(party.roles)
        row = PartyRow(
            name=cell(party.name.strip() or party.id),
            id=cell(party.id),
            roles=cell(
                ", ".join(role_labels.get(role) or label(role, language) for role in party.roles)
            ),
            organisation=cell(organisation),
            specialisation=cell(party.specialisation.strip()),
            interest=cell(party.interest.strip()),
            notes=cell(party.notes.strip()),
            flags=cell(", ".join(flags)),
            owners=cell(owners(party.owners, name, language)),
        )
        for role in roles or (None,):
            if role in members:  # a role outside the vocabulary has no table
                members[role].append(row)
    return tuple(
        RoleGroup(role.value if role else "none", role_heading(role, language), tuple(rows))
        for role, rows in members.items()
        if rows
    )


def _flows(
    canvas: Canvas, language: Language, marks: ChangeMarks | None, cell: Callable[[str], str]
) -> tuple[FlowRow, ...]:
    # One tight loop: a large canvas has tens of thousands of flows and an export may take at
    # most five times its load (issue 6). Names are escaped once per party and value, not once
    # per flow, and rows are built positionally with ``tuple.__new__``, which skips the named
    # tuple's Python-level ``__new__``.
    parties = {p.id: cell(p.name.strip() or p.id) for p in reversed(canvas.parties)}
    values = {v.id: cell(v.name.strip() or v.id) for v in reversed(canvas.values)}
    flows = canvas.flows
    numbers: dict[str, int] | None = None  # read only if some flow answers another
    yes, unknown, empty = cell(say("yes", language)), cell("?"), cell("")
    kinds = {kind: cell(label(kind, language)) for kind in FlowKind}
    kinds[FlowKind.MARKET] = empty  # the normal case: only other kinds are named
    volumes: dict[tuple[object, ...], str] = {}
    seen: dict[str, int] = {}
    make = tuple.__new__
    rows: list[FlowRow] = []
    append = rows.append
    for number, flow in enumerate(flows, 1):
        value, source, target = flow.value, flow.from_party, flow.to_party
        back, counter_of, friction = flow.counter_value, flow.counter_of, flow.friction
        counter = empty
        if counter_of is not None:
            if numbers is None:
                numbers = _flow_numbers(flows)
            counter = cell(f"#{numbers[counter_of]}" if counter_of in numbers else counter_of)
        state = None
        if marks is not None:
            seen[flow.id] = occurrence = seen.get(flow.id, 0) + 1
            state = marks.flow_state(flow.id, occurrence)
        volume = empty
        if flow.volume is not None or flow.provenance is not None:
            # Volumes repeat (a canvas counts in a few units): each one is worded once.
            said = (flow.volume, flow.unit, flow.period, flow.provenance)
            volume = volumes.get(said) or volumes.setdefault(said, cell(_volume(flow, language)))
        append(
            make(
                FlowRow,
                (
                    number,
                    (values[value] if value in values else cell(value)) if value else unknown,
                    (parties[source] if source in parties else cell(source)) if source else unknown,
                    (parties[target] if target in parties else cell(target)) if target else unknown,
                    (values[back] if back in values else cell(back)) if back else empty,
                    yes if flow.via_commonality else empty,
                    cell(step_label(flow.step, language)) if flow.step else empty,
                    counter,
                    cell(friction.strip()) if friction else empty,
                    kinds[flow.kind],
                    volume,
                    state,
                ),
            )
        )
    return tuple(rows)


def _volume(flow: ValueFlow, language: Language) -> str:
    """How much goes over a flow, marked when it is inferred or unverified (``24 % (inferred)``);
    a flow without a volume shows only the marker."""
    text = "" if flow.volume is None else amount(flow.volume, flow.unit, flow.period, language)
    marker = provenance_marker(flow.provenance, language)
    return f"{text} {marker}".strip()


def _flow_numbers(flows: Sequence[ValueFlow]) -> dict[str, int]:
    """The number of the first flow with each id (a later duplicate does not renumber it)."""
    ids = [flow.id for flow in flows]
    return dict(zip(reversed(ids), range(len(ids), 0, -1), strict=True))


def _diagnostics(report: Report, language: Language) -> tuple[SeverityGroup, ...]:
    groups = []
    for severity in Severity:
        rows = tuple(
            DiagnosticRow(d.code, d.path or say("whole_canvas", language), d.message)
            for d in report.with_severity(severity)
        )
        if rows:
            groups.append(SeverityGroup(severity.value, severity_heading(severity, language), rows))
    return tuple(groups)


def _dimensions(card: ScoreCard, language: Language) -> tuple[DimensionRow, ...]:
    return tuple(
        DimensionRow(
            name=d.name,
            title=dimension_title(d.name, d.title, language),
            score=d.score,
            score_text=score_text(d.score) if d.applicable else "—",
            band=d.band.value if d.band else None,
            band_label=band_label(d.band, language),
            reasons=tuple(reason.text for reason in d.reasons[:TOP_REASONS]),
            applicable=d.applicable,
        )
        for d in card.dimensions
    )


def build_document(
    canvas: Canvas,
    options: ExportOptions,
    tables: bool = True,
    cell: Callable[[str], str] = str,
) -> Document:
    """Read ``canvas`` for a report in the export's language, with the export's extras.

    :param tables: whether to build the tables of parties and flows (the svg poster has none).
    :param cell: escapes a text cell of the tables of parties and flows for the export's
        format (cached by the caller: names repeat in every row); the exporter writes the rows
        as they are.
    :param options: ``extras["answers"]`` (an AnswerSet) adds the questions and answers;
        ``extras["previous"]`` (a Canvas) marks what changed since that version;
        ``extras["questionnaires"]`` (questionnaires) names the questions of the answers;
        the validation summary and the score card come from its assessment.
    :raises ValueError: when the options' assessment is of another canvas.
    """
    language = options.language_for(canvas)
    # The rules and scorers write their messages and reasons in the language of the moment:
    # the export's, also for a program that calls an exporter outside a command.
    with using_language(language):
        return _build(canvas, options, language, tables, cell)


def _build(
    canvas: Canvas,
    options: ExportOptions,
    language: Language,
    tables: bool,
    cell: Callable[[str], str],
) -> Document:
    extras = options.extras
    previous = extras.get("previous")
    marks = ChangeMarks(previous, canvas, language) if isinstance(previous, Canvas) else None
    answers = extras.get("answers")
    assessment = options.assessment_for(canvas)
    report, card = assessment.report, assessment.scores
    meta = canvas.meta
    groups: tuple[AnswerGroup, ...] = ()
    if isinstance(answers, AnswerSet) and len(answers):
        groups = answer_groups(
            answers, known_questionnaires(extras.get("questionnaires")), language
        )
    return Document(
        language=language,
        w=words(language),
        colophon=colophon(canvas, language),
        description=meta.description.strip(),
        status=label(meta.status, language),
        authors="; ".join(author.strip() for author in meta.authors if author.strip()),
        zones=read_zones(canvas, language, marks.mark if marks else None),
        role_groups=_role_groups(canvas, language, cell) if tables else (),
        flows=_flows(canvas, language, marks, cell) if tables else (),
        sources=source_rows(canvas, language),
        counts={severity.value: len(report.with_severity(severity)) for severity in Severity},
        diagnostics=_diagnostics(report, language),
        dimensions=_dimensions(card, language),
        overall=score_text(card.overall)
        if card.overall is not None
        else say("no_overall", language),
        overall_band=band_label(card.band, language) if card.band else None,
        answers=groups,
        compared=marks is not None,
        changes=marks.lines() if marks else (),
        removed_flows=marks.lines(marks.removed_flows) if marks else (),
    )
