"""The ``bmc`` exporter: the Business Model Canvas of one market party, derived from the CMC.

"A BMC can come after a CMC" (domain.md 3.4, V17): once the community is designed, a Business
Model Canvas shows how one organisation connects to it. The nine blocks are read from the
community canvas through the bridge of domain.md section 5.4
(:mod:`cmc_exporters._bmc_bridge`), each with the CMC blocks it comes from and its guiding
question, so that a workshop can continue from there.

Output: Markdown (``text/markdown``, extension ``.bmc.md``). A BMC derived from a CMC is a
starting point to edit and discuss, not a finished poster, and Markdown is what a wiki, a pull
request or an editor takes as it is; the same escaping as the ``markdown`` exporter applies.

Which party: ``-O party=ID``, else ``meta.focal_party``. The export is **refused** with
:class:`BmcRefusedError` (a :class:`~cmc_core.errors.CmcError`, so ``cmc export`` prints it
and exits with status 2):

- when neither names a party: the message lists the market parties to choose from;
- while the party cannot carry a BMC or the CMC has error-level diagnostics (rule V17, code
  CMC017; :func:`cmc_core.rules.bmc_blockers`): the message lists the blocking codes and every
  problem, since the CMC comes first.

The diagnostics are those of the export's assessment
(:attr:`~cmc_core.exporting.ExportOptions.assessment`) when it has one, so ``cmc export``
judges the CMC as ``cmc check`` does, with the active plugins' rules and the project's
configuration; else those of the built-in rules with the default configuration.
"""

from __future__ import annotations

import re

from cmc_core.canvas import Canvas
from cmc_core.errors import CmcError
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.model import Party
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Language, label

__all__ = ["BMC_EXPORTER", "BmcRefusedError", "export_bmc", "render_bmc"]

_ = Messages("cmc_exporters", "exporters")

#: The rule that makes a BMC wait for the CMC (V17).
BMC_RULE = "CMC017"
# A blocker from a diagnostic starts with its code ("CMC001 at ...", "CMC001 bij ...").
_CODE = re.compile(r"^([A-Z][A-Z0-9]*\d{3}) ")


class BmcRefusedError(CmcError, ValueError):
    """No BMC can be made: no party was named, or the CMC is not ready for it.

    :param message: what is wrong and how to go on.
    :param party: the party asked for, when one was.
    :param codes: the codes of the diagnostics that block the BMC (``CMC017`` stands for the
        problems of the party itself).
    :param blockers: every blocking problem, one sentence each.
    """

    def __init__(
        self,
        message: str,
        party: str | None = None,
        codes: tuple[str, ...] = (),
        blockers: tuple[str, ...] = (),
    ) -> None:
        super().__init__(message)
        self.party = party
        self.codes = codes
        self.blockers = blockers


def _choices(canvas: Canvas) -> str:
    parties = [p for p in canvas.parties if p.is_market_party and not p.external]
    if not parties:
        return _("The canvas has no market party inside its boundary yet.")
    listed = ", ".join(f"{p.id} ({p.name.strip()})" if p.name.strip() else p.id for p in parties)
    return _("The market parties inside the boundary are: {listed}.", listed=listed)


def _party_id(canvas: Canvas, options: ExportOptions) -> str:
    chosen = options.settings.get("party", "").strip() or (canvas.meta.focal_party or "").strip()
    if not chosen:
        raise BmcRefusedError(
            _(
                "A Business Model Canvas is made for one market party: name it with -O party=ID "
                "or set meta.focal_party in the canvas. {choices}",
                choices=_choices(canvas),
            )
        )
    return chosen


def _check_ready(canvas: Canvas, party_id: str, options: ExportOptions) -> None:
    from cmc_core.rules import bmc_blockers

    if canvas.party(party_id) is None:
        raise BmcRefusedError(
            _(
                "There is no party {party} in the canvas to make a Business Model Canvas for. "
                "{choices}",
                party=repr(party_id),
                choices=_choices(canvas),
            ),
            party=party_id,
            codes=(BMC_RULE,),
            blockers=(_("{party} is not a party of the canvas", party=repr(party_id)),),
        )
    # Only the report is needed: without a given assessment, the built-ins validate here and
    # nothing is scored.
    given = options.assessment
    report = given.require_canvas(canvas).report if given is not None else None
    problems = tuple(bmc_blockers(canvas, party_id, report=report))
    if not problems:
        return
    codes = []
    for problem in problems:
        match = _CODE.match(problem)
        codes.append(match.group(1) if match else BMC_RULE)
    unique = tuple(dict.fromkeys(codes))
    listed = "\n".join(f"  - {problem}" for problem in problems)
    raise BmcRefusedError(
        _(
            "No Business Model Canvas for {party} yet: the CMC comes first (rule V17, {rule}), "
            "and these block it ({codes}):\n{listed}",
            party=repr(party_id),
            rule=BMC_RULE,
            codes=", ".join(unique),
            listed=listed,
        ),
        party=party_id,
        codes=unique,
        blockers=problems,
    )


def export_bmc(canvas: Canvas, options: ExportOptions) -> str:
    """The BMC of the party ``-O party=ID`` (else ``meta.focal_party``), in Markdown.

    :raises BmcRefusedError: when no party is named, or while the CMC is not ready for it.
    :raises ValueError: when the options' assessment is of another canvas.
    """
    party_id = _party_id(canvas, options)
    _check_ready(canvas, party_id, options)
    party = canvas.party(party_id)
    assert party is not None  # _check_ready refuses unknown parties
    return render_bmc(canvas, party, options.language_for(canvas))


def render_bmc(canvas: Canvas, party: Party, language: Language) -> str:
    """The BMC page of ``party``, without asking whether the CMC is ready for it.

    :func:`export_bmc` asks first; this is what it renders, and what tests render for
    canvases the gate would refuse.
    """
    from cmc_exporters._bmc_bridge import bmc_blocks
    from cmc_exporters._colophon import colophon
    from cmc_exporters._templates import markdown_environment, render
    from cmc_exporters._words import say, words

    about = colophon(canvas, language)
    name = party.name.strip() or party.id
    organisation = canvas.party(party.organisation) if party.organisation else None
    return render(
        markdown_environment(),
        "bmc.md",
        w=words(language),
        colophon=about,
        party=party,
        party_name=name,
        roles=", ".join(label(role, language) for role in party.roles),
        organisation=(organisation.name.strip() or organisation.id)
        if organisation
        else party.organisation or "",
        derived=say(
            "bmc_derived", language, name=canvas.meta.name.strip() or about.word("untitled")
        ),
        blocks=bmc_blocks(canvas, party, language),
    )


BMC_EXPORTER = Exporter(
    name="bmc",
    title=N_("Business Model Canvas of one market party, derived from the CMC"),
    media_type="text/markdown",
    extension=".bmc.md",
    export=export_bmc,
    description=(
        "The nine BMC blocks for one market party (-O party=ID, default meta.focal_party), "
        "read from the community canvas through the bridge of domain.md 5.4, as Markdown. "
        "Refused while the CMC has error-level diagnostics (rule V17). Labels follow --lang."
    ),
    settings=("party",),
    messages=_,
)
