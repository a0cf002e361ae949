"""The fixed words of the report-style exporters (markdown, html, svg, bmc), in Dutch and English.

Block and zone labels come from :mod:`cmc_core.blueprint` and vocabulary labels from
:mod:`cmc_core.vocabulary`; what is here are the headings and field names those do not have.
The words inside schema version 2's facts (``per``, ``stands for 2,000 organisations``) are in
:mod:`cmc_exporters._facts`, which the diagram exporters use too without loading this module.
Rule messages and score reasons are written by the rules and scorers, in English; only the
titles of the built-in score dimensions are translated here, so a Dutch export reads Dutch
down to the score card's rows.
"""

from __future__ import annotations

from cmc_core.diagnostics import Severity
from cmc_core.scoring import Band
from cmc_core.vocabulary import Language, Role

__all__ = [
    "band_label",
    "dimension_title",
    "role_heading",
    "say",
    "severity_heading",
    "words",
]

# fmt: off
_WORDS: dict[str, tuple[str, str]] = {  # key: (Dutch, English)
    # sections
    "canvas": ("Canvas", "Canvas"),
    "parties_by_role": ("Partijen per rol", "Parties by role"),
    "flows": ("Waardestromen", "Value flows"),
    "validation": ("Validatie", "Validation"),
    "score_card": ("Scorekaart", "Score card"),
    "answers": ("Vragen en antwoorden", "Questions and answers"),
    "changes": ("Wijzigingen", "Changes"),
    "other_answers": ("Overige antwoorden", "Other answers"),
    "contents": ("Inhoud", "Contents"),
    "sources": ("Bronnen", "Sources"),
    # canvas details
    "status": ("Status", "Status"),
    "authors": ("Auteurs", "Authors"),
    "variant": ("Variant", "Variant"),
    # A1
    "customer": ("Eindklant", "End customer"),
    "value": ("Toegevoegde waarde", "Added value"),
    "problem": ("Probleem", "Problem"),
    "waste": ("Verspilling", "Waste"),
    "measure": ("Meting", "Measure"),
    # A2-A5, B8, C1-C3
    "source": ("bron", "source"),
    "affects": ("raakt", "affects"),
    "maturity": ("Volwassenheid", "Maturity"),
    "principles": ("Organisatieprincipes", "Organising principles"),
    "steps": ("Stappen", "Steps"),
    "decision_making": ("Besluitvorming", "Decision making"),
    "legal_form": ("Rechtsvorm", "Legal form"),
    "agreements": ("Afspraken", "Agreements"),
    "decision_rights": ("Beslisrechten", "Decision rights"),
    "transaction_rules": ("over transactieregels", "over transaction rules"),
    "vote_weight": ("{share} van de stemmen", "{share} of the votes"),
    # B1
    "goal": ("Doel", "Goal"),
    "target_group": ("Doelgroep", "Target group"),
    "inside": ("Binnen", "Inside"),
    "outside": ("Buiten", "Outside"),
    "parent_domain": ("Deel van", "Part of"),
    "instruments": ("Instrumenten", "Instruments"),
    # parties
    "party": ("Partij", "Party"),
    "roles": ("Rollen", "Roles"),
    "organisation": ("Organisatie", "Organisation"),
    "specialisation": ("Specialisatie", "Specialisation"),
    "interest": ("Belang", "Interest"),
    "notes": ("Notities", "Notes"),
    "external": ("extern", "external"),
    "serves_end_customer": ("bedient de eindklant", "serves the end customer"),
    "privileged": ("bevoorrecht", "privileged"),
    "flags": ("Kenmerken", "Flags"),
    "owners": ("Eigenaren", "Owners"),
    "owned_by": ("eigenaren", "owners"),
    "id": ("Id", "Id"),
    # B5 and flows
    "flow_count": ("stromen", "flows"),
    "flow_value": ("Waarde", "Value"),
    "from": ("Van", "From"),
    "to": ("Naar", "To"),
    "in_return": ("Tegenwaarde", "In return"),
    "via_commonality": ("Via commonality", "Via commonality"),
    "step": ("Stap", "Step"),
    "counter_of": ("Tegenstroom van", "Counter-flow of"),
    "friction": ("Frictie", "Friction"),
    "volume": ("Volume", "Volume"),
    "flow_number": ("stroom #{number}", "flow #{number}"),
    "flow_numbers": ("stromen {numbers}", "flows {numbers}"),
    "no_flows": ("Nog geen waardestromen.", "No value flows yet."),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    # B6, B7
    "mode": ("Modus", "Mode"),
    "primary": ("primair", "primary"),
    "capabilities": ("Voorzieningen", "Capabilities"),
    "steward": ("Beheerder", "Steward"),
    "co_stewards": ("Medebeheerders", "Co-stewards"),
    "users": ("Gebruikers", "Users"),
    "access": ("Toegang", "Access"),
    "access_set_by": ("bepaald door", "set by"),
    "favours": ("Begunstigt", "Favours"),
    "member_tariffs": ("ledentarief", "member tariffs"),
    "exit_ban": ("terugkeerverbod", "exit ban"),
    "exclusive": ("Exclusief voor", "Exclusive to"),
    "financing": ("Financiering", "Financing"),
    # D1, D2
    "reason": ("reden", "reason"),
    "mitigation": ("aanpak", "mitigation"),
    "baseline": ("Verspilling nu", "Waste today"),
    "baseline_share": ("Aandeel verspilling", "Share of waste"),
    "expected_saving": ("Verwachte besparing", "Expected saving"),
    "basis": ("Onderbouwing", "Basis"),
    "baseline_amount": ("Nulmeting", "Baseline"),
    "realised_saving": ("Gerealiseerde besparing", "Realised saving"),
    "provenance": ("Herkomst", "Provenance"),
    "note": ("Notitie", "Note"),
    # empty blocks
    "empty": ("Nog niet ingevuld.", "Not filled in yet."),
    "questions": ("Vragen om dit blok te vullen", "Questions to fill this block"),
    "more": ("en nog {count}", "and {count} more"),
    # validation
    "no_diagnostics": (
        "Geen meldingen: het canvas voldoet aan alle regels.",
        "No diagnostics: the canvas meets every rule.",
    ),
    "code": ("Code", "Code"),
    "where": ("Plaats", "Where"),
    "message": ("Melding", "Message"),
    "whole_canvas": ("het hele canvas", "the whole canvas"),
    "messages_in_english": (
        "De meldingen en redenen zijn in het Engels, zoals de regels en scores ze schrijven.",
        "",
    ),
    # score card
    "dimension": ("Dimensie", "Dimension"),
    "score": ("Score", "Score"),
    "band": ("Band", "Band"),
    "top_reasons": ("Belangrijkste redenen", "Top reasons"),
    "overall": ("Totaalscore", "Overall score"),
    "not_applicable": ("niet van toepassing", "not applicable"),
    "no_overall": ("geen totaal (geen dimensie van toepassing)", "none (no dimension applies)"),
    "radar": ("Radardiagram van de scorekaart", "Radar chart of the score card"),
    # answers and changes
    "question": ("Vraag", "Question"),
    "answer": ("Antwoord", "Answer"),
    "compared_with": ("Vergeleken met", "Compared with"),
    "no_changes": (
        "Geen wijzigingen ten opzichte van de vorige versie.",
        "No changes from the previous version.",
    ),
    "added": ("toegevoegd", "added"),
    "changed": ("gewijzigd", "changed"),
    "removed": ("verwijderd", "removed"),
    "canvas_details": ("Canvasgegevens", "Canvas details"),
    "kind": ("Soort", "Kind"),
    "block": ("Blok", "Block"),
    "path": ("Pad", "Path"),
    "before": ("Voor", "Before"),
    "after": ("Na", "After"),
    # sources
    "title": ("Titel", "Title"),
    "publisher": ("Uitgever", "Publisher"),
    "date": ("Datum", "Date"),
    "url": ("Adres", "Address"),
    "source_for": ("Bron voor", "Source for"),
    # bmc
    "bmc_title": ("Business Model Canvas", "Business Model Canvas"),
    "bmc_for": ("voor", "for"),
    "bmc_derived": (
        "Afgeleid uit de Community Model Canvas {name}: hoe deze organisatie aansluit op het "
        "netwerk dat de CMC ontwerpt (eerst de CMC, dan de BMC).",
        "Derived from the Community Model Canvas {name}: how this organisation connects to the "
        "network the CMC designs (CMC first, BMC after).",
    ),
    "bmc_from": ("Uit de CMC", "From the CMC"),
    "bmc_empty": ("Nog niets in de CMC.", "Nothing in the CMC yet."),
}

_ROLE_HEADINGS: dict[Role | None, tuple[str, str]] = {
    Role.SUPPLIER: ("Aanbieders", "Suppliers"),
    Role.DEMANDER: ("Afnemers", "Demanders"),
    Role.END_CUSTOMER: ("Eindklanten", "End customers"),
    Role.DOMAIN_LEADER: ("Domeinleiders", "Domain leaders"),
    Role.NETWORK_LEADER: ("Netwerkleiders", "Network leaders"),
    Role.SOFTWARE_BUILDER: ("Softwarebouwers", "Software builders"),
    Role.EXPERT: ("Experts", "Experts"),
    Role.GOVERNMENT: ("Overheden", "Governments"),
    Role.FINANCIER: ("Financiers", "Financiers"),
    Role.NGO: ("Ngo's", "NGOs"),
    Role.COMMUNITY_PARTNER: ("Communitypartners", "Community partners"),
    None: ("Zonder rol", "Without a role"),
}

#: Dutch titles of the built-in dimensions, by name, with the English title they replace.
_DIMENSIONS: dict[str, tuple[str, str]] = {
    "completeness": ("Volledigheid", "Completeness"),
    "market-balance": ("Marktbalans en gelijkwaardigheid", "Market balance and equal footing"),
    "commonality-strength": ("Kracht van de commonality", "Commonality strength"),
    "cooperation-competition": (
        "Helderheid over samenwerken en concurreren",
        "Cooperation and competition clarity",
    ),
    "end-customer-orientation": ("Gerichtheid op de eindklant", "End-customer orientation"),
    "change-readiness": ("Gereedheid voor verandering", "Change readiness"),
    "waste-reduction": ("Potentieel om verspilling te verminderen", "Waste reduction potential"),
    "quickscan-suitability": ("Geschiktheid volgens de quickscan", "Quickscan suitability"),
}

_BANDS: dict[Band, tuple[str, str]] = {
    Band.WEAK: ("zwak", "weak"),
    Band.ADEQUATE: ("voldoende", "adequate"),
    Band.STRONG: ("sterk", "strong"),
}

_SEVERITIES: dict[Severity, tuple[str, str]] = {
    Severity.ERROR: ("Fouten", "Errors"),
    Severity.WARNING: ("Waarschuwingen", "Warnings"),
    Severity.INFO: ("Meldingen", "Notes"),
}
# fmt: on


def _pick(pair: tuple[str, str], language: Language) -> str:
    return pair[0] if language is Language.NL else pair[1]


def say(key: str, language: Language, **values: object) -> str:
    """The fixed word ``key`` in ``language``, with ``{placeholders}`` filled from ``values``."""
    text = _pick(_WORDS[key], language)
    return text.format(**values) if values else text


def role_heading(role: Role | None, language: Language) -> str:
    """The plural heading of a role's group of parties (``None``: parties without a role)."""
    return _pick(_ROLE_HEADINGS[role], language)


def dimension_title(name: str, title: str, language: Language) -> str:
    """The title of a score dimension in ``language``.

    A built-in dimension (recognised by its name and English title) gets its Dutch title in
    Dutch; any other dimension keeps the title its scorer gives.
    """
    known = _DIMENSIONS.get(name)
    if known is None or known[1] != title:
        return title
    return _pick(known, language)


def band_label(band: Band | None, language: Language) -> str:
    """A band's label, or "not applicable" for ``None``."""
    return say("not_applicable", language) if band is None else _pick(_BANDS[band], language)


def severity_heading(severity: Severity, language: Language) -> str:
    """The plural heading of a severity (``Errors``)."""
    return _pick(_SEVERITIES[severity], language)


def words(language: Language) -> dict[str, str]:
    """Every fixed word in ``language``, by key: what the templates read as ``w``."""
    return {key: _pick(pair, language) for key, pair in _WORDS.items()}
