"""The fixed words of the report-style exporters (markdown, html, svg, bmc), in Dutch and English.

The texts are English, marked with ``N_`` and translated through the ``exporters`` catalog
(``cmc_exporters/locale``) when shown.

Block and zone labels come from :mod:`cmc_core.blueprint` and vocabulary labels from
:mod:`cmc_core.vocabulary`; what is here are the headings and field names those do not have.
The words inside schema version 2's facts (``per``, ``stands for 2,000 organisations``) are in
:mod:`cmc_exporters._facts`, which the diagram exporters use too without loading this module.
Rule messages and score reasons come translated from the rules' and scorers' own catalogs; the
titles of the built-in score dimensions are translated here too, so that a Dutch export reads
Dutch down to the score card's rows whichever scorer wrote them.
"""

from __future__ import annotations

from cmc_core.diagnostics import Severity
from cmc_core.scoring import Band
from cmc_core.translation import N_, Messages, using_language
from cmc_core.vocabulary import Language, Role

__all__ = [
    "band_label",
    "dimension_title",
    "flow_count",
    "role_heading",
    "say",
    "severity_heading",
    "step_label",
    "words",
]

_ = Messages("cmc_exporters", "exporters")

#: The default coordination steps (``cmc_core.model.blocks.DEFAULT_PROCESS_STEPS``) by id.
_STEPS: dict[str, str] = {
    "profile": N_("profile"),
    "find": N_("find"),
    "match": N_("match"),
    "transact": N_("transact"),
}

_WORDS: dict[str, str] = {
    "canvas": N_("Canvas"),
    "parties_by_role": N_("Parties by role"),
    "flows": N_("Value flows"),
    "validation": N_("Validation"),
    "score_card": N_("Score card"),
    "answers": N_("Questions and answers"),
    "changes": N_("Changes"),
    "other_answers": N_("Other answers"),
    "contents": N_("Contents"),
    "sources": N_("Sources"),
    "status": N_("Status"),
    "authors": N_("Authors"),
    "variant": N_("Variant"),
    "customer": N_("End customer"),
    "value": N_("Added value"),
    "problem": N_("Problem"),
    "waste": N_("Waste"),
    "measure": N_("Measure"),
    "source": N_("source"),
    "affects": N_("affects"),
    "maturity": N_("Maturity"),
    "principles": N_("Organising principles"),
    "steps": N_("Steps"),
    "decision_making": N_("Decision making"),
    "legal_form": N_("Legal form"),
    "agreements": N_("Agreements"),
    "decision_rights": N_("Decision rights"),
    "transaction_rules": N_("over transaction rules"),
    "vote_weight": N_("{share} of the votes"),
    "goal": N_("Goal"),
    "target_group": N_("Target group"),
    "inside": N_("Inside"),
    "outside": N_("Outside"),
    "parent_domain": N_("Part of"),
    "instruments": N_("Instruments"),
    "party": N_("Party"),
    "roles": N_("Roles"),
    "organisation": N_("Organisation"),
    "specialisation": N_("Specialisation"),
    "interest": N_("Interest"),
    "notes": N_("Notes"),
    "external": N_("external"),
    "serves_end_customer": N_("serves the end customer"),
    "privileged": N_("privileged"),
    "flags": N_("Flags"),
    "owners": N_("Owners"),
    "owned_by": N_("owners"),
    "id": N_("Id"),
    "flow_value": N_("Value"),
    "from": N_("From"),
    "to": N_("To"),
    "in_return": N_("In return"),
    "via_commonality": N_("Via commonality"),
    "step": N_("Step"),
    "counter_of": N_("Counter-flow of"),
    "friction": N_("Friction"),
    "volume": N_("Volume"),
    "flow_number": N_("flow #{number}"),
    "flow_numbers": N_("flows {numbers}"),
    "no_flows": N_("No value flows yet."),
    "yes": N_("yes"),
    "no": N_("no"),
    "mode": N_("Mode"),
    "primary": N_("primary"),
    "capabilities": N_("Capabilities"),
    "steward": N_("Steward"),
    "co_stewards": N_("Co-stewards"),
    "users": N_("Users"),
    "access": N_("Access"),
    "access_set_by": N_("set by"),
    "favours": N_("Favours"),
    "member_tariffs": N_("member tariffs"),
    "exit_ban": N_("exit ban"),
    "exclusive": N_("Exclusive to"),
    "financing": N_("Financing"),
    "reason": N_("reason"),
    "mitigation": N_("mitigation"),
    "baseline": N_("Waste today"),
    "baseline_share": N_("Share of waste"),
    "expected_saving": N_("Expected saving"),
    "basis": N_("Basis"),
    "baseline_amount": N_("Baseline"),
    "realised_saving": N_("Realised saving"),
    "provenance": N_("Provenance"),
    "note": N_("Note"),
    "empty": N_("Not filled in yet."),
    "questions": N_("Questions to fill this block"),
    "more": N_("and {count} more"),
    "continued": N_("Cut to fit one sheet: the full text is in the report on screen."),
    "no_diagnostics": N_("No diagnostics: the canvas meets every rule."),
    "code": N_("Code"),
    "where": N_("Where"),
    "message": N_("Message"),
    "whole_canvas": N_("the whole canvas"),
    "dimension": N_("Dimension"),
    "score": N_("Score"),
    "band": N_("Band"),
    "top_reasons": N_("Top reasons"),
    "overall": N_("Overall score"),
    "not_applicable": N_("not applicable"),
    "no_overall": N_("none (no dimension applies)"),
    "radar": N_("Radar chart of the score card"),
    "question": N_("Question"),
    "answer": N_("Answer"),
    "compared_with": N_("Compared with"),
    "no_changes": N_("No changes from the previous version."),
    "added": N_("added"),
    "changed": N_("changed"),
    "removed": N_("removed"),
    "canvas_details": N_("Canvas details"),
    "kind": N_("Kind"),
    "block": N_("Block"),
    "path": N_("Path"),
    "before": N_("Before"),
    "after": N_("After"),
    "title": N_("Title"),
    "publisher": N_("Publisher"),
    "date": N_("Date"),
    "url": N_("Address"),
    "source_for": N_("Source for"),
    "bmc_title": N_("Business Model Canvas"),
    "bmc_for": N_("for"),
    "bmc_derived": N_(
        "Derived from the Community Model Canvas {name}: how this organisation connects to the "
        "network the CMC designs (CMC first, BMC after)."
    ),
    "bmc_from": N_("From the CMC"),
    "bmc_empty": N_("Nothing in the CMC yet."),
}

_ROLE_HEADINGS: dict[Role | None, str] = {
    Role.SUPPLIER: N_("Suppliers"),
    Role.DEMANDER: N_("Demanders"),
    Role.END_CUSTOMER: N_("End customers"),
    Role.DOMAIN_LEADER: N_("Domain leaders"),
    Role.NETWORK_LEADER: N_("Network leaders"),
    Role.SOFTWARE_BUILDER: N_("Software builders"),
    Role.EXPERT: N_("Experts"),
    Role.GOVERNMENT: N_("Governments"),
    Role.FINANCIER: N_("Financiers"),
    Role.NGO: N_("NGOs"),
    Role.COMMUNITY_PARTNER: N_("Community partners"),
    None: N_("Without a role"),
}

#: Dutch titles of the built-in dimensions, by name, with the English title they replace.
_DIMENSIONS: dict[str, str] = {
    "completeness": N_("Completeness"),
    "market-balance": N_("Market balance and equal footing"),
    "commonality-strength": N_("Commonality strength"),
    "cooperation-competition": N_("Cooperation and competition clarity"),
    "end-customer-orientation": N_("End-customer orientation"),
    "change-readiness": N_("Change readiness"),
    "waste-reduction": N_("Waste reduction potential"),
    "quickscan-suitability": N_("Quickscan suitability"),
}

_BANDS: dict[Band, str] = {
    Band.WEAK: N_("weak"),
    Band.ADEQUATE: N_("adequate"),
    Band.STRONG: N_("strong"),
}

_SEVERITIES: dict[Severity, str] = {
    Severity.ERROR: N_("Errors"),
    Severity.WARNING: N_("Warnings"),
    Severity.INFO: N_("Notes"),
}


def say(key: str, language: Language, **values: object) -> str:
    """The fixed word ``key`` in ``language``, with ``{placeholders}`` filled from ``values``."""
    return _.translate(_WORDS[key], language, **values)


def role_heading(role: Role | None, language: Language) -> str:
    """The plural heading of a role's group of parties (``None``: parties without a role)."""
    return _.translate(_ROLE_HEADINGS[role], language)


def dimension_title(name: str, title: str, language: Language) -> str:
    """The title of a score dimension in ``language``.

    A built-in dimension (recognised by its name and English title) gets its Dutch title in
    Dutch; any other dimension keeps the title its scorer gives.
    """
    known = _DIMENSIONS.get(name)
    if known is None or known != title:
        return title
    return _.translate(known, language)


def band_label(band: Band | None, language: Language) -> str:
    """A band's label, or "not applicable" for ``None``."""
    if band is None:
        return say("not_applicable", language)
    return _.translate(_BANDS[band], language)


def severity_heading(severity: Severity, language: Language) -> str:
    """The plural heading of a severity (``Errors``)."""
    return _.translate(_SEVERITIES[severity], language)


def step_label(step: str, language: Language) -> str:
    """A coordination step as shown: the default steps (``profile``, ``find``, ``match``,
    ``transact``) in ``language``; a step the canvas names itself as it is written."""
    known = _STEPS.get(step.strip())
    return step.strip() if known is None else _.translate(known, language)


def flow_count(count: int, language: Language) -> str:
    """``1 flow``, ``3 flows`` in ``language``."""
    with using_language(language):
        return _.plural("{count} flow", "{count} flows", count)


def words(language: Language) -> dict[str, str]:
    """Every fixed word in ``language``, by key: what the templates read as ``w``."""
    return {key: _.translate(text, language) for key, text in _WORDS.items()}
