"""The canonical structure of the canvas as data: four zones, eighteen blocks, their labels.

This is the layout the canvas is drawn, filled in and exported in. The block list is our
reconstruction (domain reference section 3.2, marked [I] there): the Weconomics canvas itself is
not public, so the zones follow the sources' demand -> hinge -> supply ordering and the workshop's
topic list. The guiding questions of each block are kept here as data so that questionnaires,
help text and exporters share one copy.
"""

from __future__ import annotations

import enum

import attrs

from cmc_core.vocabulary import FactorKey, Language, LanguageCode

__all__ = ["BLOCKS", "ZONES", "Block", "BlockKey", "Zone", "ZoneKey", "block"]


class ZoneKey(enum.StrEnum):
    """The four zones of the canvas."""

    DIRECTION = "direction"
    MARKET = "market"
    ORGANISING = "organising"
    CHANGE = "change"


class BlockKey(enum.StrEnum):
    """The eighteen blocks of the canvas, in fill order (A1-A5, B1-B8, C1-C3, D1-D2)."""

    END_CUSTOMER_VALUE = "end_customer_value"
    DEVELOPMENTS = "developments"
    PERSPECTIVE = "perspective"
    VISION = "vision"
    AMBITION = "ambition"
    BOUNDARY = "boundary"
    SUPPLIERS = "suppliers"
    DEMANDERS = "demanders"
    STAKEHOLDERS = "stakeholders"
    VALUES_EXCHANGED = "values_exchanged"
    COOPERATION_COMPETITION = "cooperation_competition"
    COMMONALITY = "commonality"
    COORDINATION = "coordination"
    GOVERNANCE = "governance"
    STRUCTURE = "structure"
    CULTURE = "culture"
    RESISTANCES = "resistances"
    WASTE_REDUCTION = "waste_reduction"


@attrs.frozen
class Zone:
    """A zone of the canvas with its labels."""

    key: ZoneKey
    code: str
    label_nl: str
    label_en: str


@attrs.frozen
class Block:
    """One block of the canvas: where it sits, what it is called and what it asks."""

    key: BlockKey
    zone: ZoneKey
    code: str
    label_nl: str
    label_en: str
    questions: tuple[tuple[str, str], ...]
    factor: FactorKey | None = None

    def label(self, language: Language | LanguageCode = Language.EN) -> str:
        """The block's label in the given language."""
        return self.label_nl if Language(language) is Language.NL else self.label_en

    def guiding_questions(self, language: Language | LanguageCode = Language.EN) -> tuple[str, ...]:
        """The block's guiding questions in the given language."""
        index = 0 if Language(language) is Language.NL else 1
        return tuple(pair[index] for pair in self.questions)


ZONES: tuple[Zone, ...] = (
    Zone(ZoneKey.DIRECTION, "A", "Richting (vraagzijde)", "Direction (demand side)"),
    Zone(ZoneKey.MARKET, "B", "Markt en uitwisseling (scharnier)", "Market and exchange (hinge)"),
    Zone(
        ZoneKey.ORGANISING,
        "C",
        "Organiserend vermogen (aanbodzijde)",
        "Organising capacity (supply side)",
    ),
    Zone(ZoneKey.CHANGE, "D", "Verandering", "Change"),
)

_A, _B, _C, _D = ZoneKey.DIRECTION, ZoneKey.MARKET, ZoneKey.ORGANISING, ZoneKey.CHANGE

BLOCKS: tuple[Block, ...] = (
    Block(
        BlockKey.END_CUSTOMER_VALUE,
        _A,
        "A1",
        "Toegevoegde waarde voor de eindklant",
        "Added value for the end customer",
        (
            ("Wie is de eindklant van de community?", "Who is the community's end customer?"),
            (
                "Welke toegevoegde waarde ontvangt de eindklant uiteindelijk?",
                "What added value does the end customer finally receive?",
            ),
            (
                "Welk probleem van de eindklant lossen we samen op?",
                "Which end-customer problem do we solve together?",
            ),
            (
                "Waar ontstaat nu verspilling of frictie in de keten richting eindklant?",
                "Where does waste or friction arise today in the chain to the end customer?",
            ),
            (
                "Hoe meten we of de waarde met minimale verspilling wordt geleverd?",
                "How do we measure that value is delivered with minimal waste?",
            ),
        ),
    ),
    Block(
        BlockKey.DEVELOPMENTS,
        _A,
        "A2",
        "Ontwikkelingen, problemen en kansen",
        "Developments, problems and opportunities",
        (
            (
                "Welke belangrijke ontwikkelingen spelen in dit domein?",
                "Which main developments affect this domain?",
            ),
            (
                "Welke problemen ervaren aanbieders en afnemers nu?",
                "What problems do suppliers and demanders face now?",
            ),
            (
                "Welke kansen bieden internet, blockchain en de digitale lopende band?",
                "What opportunities do the internet, blockchain and the digital assembly line offer?",
            ),
            (
                "Welke bedreigingen zien we in de context van de 21e eeuw?",
                "What threats do we see in the 21st-century context?",
            ),
            (
                "Hoeveel digitale verspilling of controlewerk zit er nu in de keten?",
                "How much digital waste or control work is in the chain today?",
            ),
        ),
    ),
    Block(
        BlockKey.PERSPECTIVE,
        _A,
        "A3",
        "Perspectief",
        "Perspective",
        (
            ("Waarom organiseren we dit werk samen?", "Why do we organise this work together?"),
            (
                "Wat is onze gedeelde analyse van de context?",
                "What is our shared analysis of the context?",
            ),
            ("Wat vinden we belangrijk en wat niet?", "What do we find important, and what not?"),
            (
                "Welke principes en welk doel delen alle deelnemers?",
                "Which principles and purpose do all participants share?",
            ),
        ),
        FactorKey.PERSPECTIVE,
    ),
    Block(
        BlockKey.VISION,
        _A,
        "A4",
        "Visie",
        "Vision",
        (
            ("Waarin geloven we?", "What do we believe in?"),
            ("Waar gaan we heen?", "Where are we going?"),
            ("Wat is de koers van de community?", "What is the community's course?"),
            (
                "Hoe ziet de community eruit als ze volledig werkt?",
                "What does the community look like when it fully works?",
            ),
        ),
        FactorKey.VISION,
    ),
    Block(
        BlockKey.AMBITION,
        _A,
        "A5",
        "Ambitie",
        "Ambition",
        (
            ("Wat is het tempo?", "What is the pace?"),
            (
                "Wat is de SMART-doelstelling van de volgende stap?",
                "What is the SMART goal of the next step?",
            ),
            ("Wat is de doelgroep van die stap?", "Who is the target group of that step?"),
            (
                "Welke besparing of kwaliteitswinst willen we wanneer bereiken?",
                "What saving or quality gain do we aim for, and by when?",
            ),
        ),
        FactorKey.AMBITION,
    ),
    Block(
        BlockKey.BOUNDARY,
        _B,
        "B1",
        "Grens van de community (domein)",
        "Community boundary (domain)",
        (
            ("Wat is het doel van het domein?", "What is the goal of the domain?"),
            ("Wie is de doelgroep?", "Who is the target group?"),
            (
                "Wie of wat valt binnen en wie of wat buiten de community?",
                "Who or what is inside and who or what is outside the community?",
            ),
            (
                "Van welk groter geheel is dit domein een deel?",
                "Of which larger whole is this domain a part?",
            ),
            (
                "Welke instrumenten (producten/diensten) vallen binnen het domein?",
                "Which instruments (products/services) fall within the domain?",
            ),
        ),
    ),
    Block(
        BlockKey.SUPPLIERS,
        _B,
        "B2",
        "Aanbieders",
        "Suppliers",
        (
            ("Wie zijn de aanbieders in dit domein?", "Who are the suppliers in this domain?"),
            ("Wat bieden zij aan (profiel)?", "What do they offer (profile)?"),
            (
                "Op welk deel van de keten specialiseren zij zich?",
                "On which part of the chain do they specialise?",
            ),
            ("Waarop willen zij blijven concurreren?", "On what do they want to keep competing?"),
            ("Waarom zouden zij aansluiten?", "Why would they join?"),
        ),
    ),
    Block(
        BlockKey.DEMANDERS,
        _B,
        "B3",
        "Afnemers (vragers)",
        "Demanders (buyers)",
        (
            ("Wie zijn de afnemers/vragers?", "Who are the demanders/buyers?"),
            (
                "Wat vragen zij en hoe vinden zij aanbod?",
                "What do they ask for, and how do they find supply?",
            ),
            (
                "Welke frictie of transactiekosten ervaren zij nu?",
                "What friction or transaction costs do they experience now?",
            ),
            ("Hoe verhouden zij zich tot de eindklant?", "How do they relate to the end customer?"),
        ),
    ),
    Block(
        BlockKey.STAKEHOLDERS,
        _B,
        "B4",
        "Overige stakeholders en rollen",
        "Other stakeholders and roles",
        (
            ("Wie is de domeinleider?", "Who is the domain leader?"),
            (
                "Wie is de netwerkleider die de verbindende infrastructuur levert?",
                "Who is the network leader providing the connecting infrastructure?",
            ),
            (
                "Welke experts, overheden, financiers en NGO's zijn betrokken?",
                "Which experts, governments, financiers and NGOs are involved?",
            ),
            ("Welk belang heeft elk van hen?", "What is each one's interest?"),
            ("Wie bouwt en koppelt de software?", "Who builds and couples the software?"),
        ),
    ),
    Block(
        BlockKey.VALUES_EXCHANGED,
        _B,
        "B5",
        "Uitgewisselde waarden",
        "Exchanged values",
        (
            (
                "Welke waarden worden uitgewisseld (producten, diensten, informatie, geld, data, vertrouwen)?",
                "Which values are exchanged (products, services, information, money, data, trust)?",
            ),
            ("Van wie naar wie stroomt elke waarde?", "From whom to whom does each value flow?"),
            ("Wat is de tegenwaarde?", "What is the counter-value?"),
            (
                "Waar zit frictie of dubbel werk in de uitwisseling?",
                "Where is friction or duplicated work in the exchange?",
            ),
            (
                "Welke waarden kunnen via de digitale lopende band?",
                "Which values can go through the digital assembly line?",
            ),
        ),
    ),
    Block(
        BlockKey.COOPERATION_COMPETITION,
        _B,
        "B6",
        "Samenwerken en concurreren",
        "Cooperate vs compete",
        (
            (
                "Op welke informatieprocessen werken we samen?",
                "On which information processes do we cooperate?",
            ),
            (
                "Op welke transactieprocessen werken we samen?",
                "On which transaction processes do we cooperate?",
            ),
            (
                "Waarop concurreren de partijen (bijv. uitvoering, prijs, kwaliteit)?",
                "On what do parties compete (e.g. execution, price, quality)?",
            ),
            (
                "Hoe voorkomen we dat samenwerking de concurrentie op uitvoering verstoort?",
                "How do we keep cooperation from distorting competition on execution?",
            ),
        ),
    ),
    Block(
        BlockKey.COMMONALITY,
        _B,
        "B7",
        "Commonality (gedeelde voorzieningen)",
        "Commonality (shared capabilities)",
        (
            (
                "Welke gedeelde voorziening gebruiken alle partijen?",
                "Which shared facility do all parties use?",
            ),
            (
                "Welke capabilities bevat die (netwerk, data, standaarden, label, bibliotheek)?",
                "What capabilities does it contain (network, data, standards, label, library)?",
            ),
            (
                "Wie beheert de commonality en onder welke voorwaarden?",
                "Who stewards the commonality, and on what terms?",
            ),
            (
                "Hebben alle marktpartijen gelijke toegang?",
                "Do all market parties have equal access?",
            ),
            ("Hoe wordt de commonality gefinancierd?", "How is the commonality financed?"),
        ),
    ),
    Block(
        BlockKey.COORDINATION,
        _B,
        "B8",
        "Coördinatie (verbinding vraag en aanbod)",
        "Coordination (connecting demand and supply)",
        (
            (
                "Wat is de strategie om vraag en aanbod te verbinden?",
                "What is the strategy for connecting demand and supply?",
            ),
            ("Hoe profileren aanbieders zich?", "How do suppliers profile themselves?"),
            ("Hoe vinden vragers een profiel?", "How do demanders find a profile?"),
            (
                "Hoe komen afspraken en transacties tot stand en worden ze afgerekend?",
                "How are agreements and transactions made and settled?",
            ),
            (
                "Welke coördinatievorm past: hiërarchie, markt of gedeeld netwerk?",
                "Which coordination form fits: hierarchy, market or shared network?",
            ),
        ),
        FactorKey.COORDINATION,
    ),
    Block(
        BlockKey.GOVERNANCE,
        _C,
        "C1",
        "Governance",
        "Governance",
        (
            ("Hoe komen we tot besluiten?", "How do we reach decisions?"),
            ("Wie heeft de macht over wat?", "Who has power over what?"),
            (
                "Welke rechtsvorm past (stichting, coöperatie, BV)?",
                "Which legal form fits (foundation, cooperative, private company)?",
            ),
            (
                "Welke overeenkomsten zijn nodig tussen partijen?",
                "What agreements are needed between parties?",
            ),
            (
                "Hoe borgen we gelijkwaardigheid van marktpartijen?",
                "How do we safeguard the equal footing of market parties?",
            ),
        ),
        FactorKey.GOVERNANCE,
    ),
    Block(
        BlockKey.STRUCTURE,
        _C,
        "C2",
        "Structuur en infrastructuur",
        "Structure and infrastructure",
        (
            (
                "Welke infrastructuur ondersteunt de community?",
                "What infrastructure supports the community?",
            ),
            (
                "Hoe verbinden we mensen en middelen tot de doelstelling?",
                "How do we connect people and resources to the goal?",
            ),
            (
                "Welke data en processen kunnen gedeeld of geautomatiseerd worden?",
                "Which data and processes can be shared or automated?",
            ),
            (
                "Wat is het technisch coördinerend vermogen?",
                "What is the technical coordinating capacity?",
            ),
            (
                "Welke afspraken (bijv. eigendom, eenmalig uitgeven) zijn programmeerbaar?",
                "Which agreements (e.g. ownership, spend-once) are programmable?",
            ),
        ),
        FactorKey.STRUCTURE,
    ),
    Block(
        BlockKey.CULTURE,
        _C,
        "C3",
        "Cultuur",
        "Culture",
        (
            ("Wat zijn de sociaal-culturele waarden?", "What are the socio-cultural values?"),
            ("Hoe organiseren we menselijke interactie?", "How do we organise human interaction?"),
            ("Hoe wisselen we ideeën uit?", "How do we exchange ideas?"),
            (
                "Welke gedragsregels gelden tussen concurrenten die samenwerken?",
                "What rules of conduct apply between competitors who cooperate?",
            ),
        ),
        FactorKey.CULTURE,
    ),
    Block(
        BlockKey.RESISTANCES,
        _D,
        "D1",
        "Verwachte weerstanden",
        "Expected resistances",
        (
            (
                "Welke weerstanden verwachten we tegen de community of het consortium?",
                "What resistance do we expect to the community or consortium?",
            ),
            ("Van wie komen die en waarom?", "From whom, and why?"),
            ("Wie verliest macht, autonomie of werk?", "Who loses power, autonomy or work?"),
            (
                "Wie worden ambassadeurs en wie tegenstanders?",
                "Who become ambassadors, who resistors?",
            ),
            ("Hoe gaan we met elke weerstand om?", "How do we handle each resistance?"),
        ),
    ),
    Block(
        BlockKey.WASTE_REDUCTION,
        _D,
        "D2",
        "Verspilling en besparing",
        "Waste and savings",
        (
            (
                "Hoeveel tijd en geld gaat nu naar communicatie en controle?",
                "How much time and money goes to communication and control now?",
            ),
            (
                "Welk werk hoeft helemaal niet meer te gebeuren?",
                "Which work need not be done at all?",
            ),
            ("Welke besparing verwachten we (%)?", "What saving do we expect (%)?"),
            ("Hoe onderbouwen we die schatting?", "How do we substantiate that estimate?"),
        ),
    ),
)

_BY_KEY = {b.key: b for b in BLOCKS}


def block(key: BlockKey | str) -> Block:
    """Look up a block of the blueprint by its key."""
    return _BY_KEY[BlockKey(key)]
