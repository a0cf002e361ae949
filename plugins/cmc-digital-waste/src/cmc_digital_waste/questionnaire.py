"""The digital waste assessment: twelve questions, in English and Dutch.

How much of the parties' work is communication and control, where the friction is, and what a
shared information and transaction network (the commonality) would save. The questions follow
block D2 ``waste_reduction`` and quickscan questions Q7 and Q8 of the domain reference; the help
texts cite its source ids (S1, S7, S9, seed). The Weconomics Digital Waste Assessment itself is
named in S9 but not published, so this question list is a reconstruction (marked [I] where it
goes beyond the sources).

The questionnaire is written in Python rather than loaded from a data file: the attrs classes
*are* the contract, so mypy checks every kind, binding and condition, and there is no loader,
package data or parse step to get wrong. Each question id is a module constant, because the
scorer reads the same answers.
"""

from __future__ import annotations

from cmc_core.questionnaires import (
    Binding,
    Choice,
    Condition,
    Question,
    QuestionKind,
    Questionnaire,
    Text,
)

__all__ = [
    "CHANNEL",
    "CHANNEL_CHOICES",
    "COMMUNICATION_CONTROL_SHARE",
    "DOUBLE_ENTRY",
    "DOUBLE_ENTRY_TIMES",
    "END_CUSTOMER_WASTE",
    "EXPECTED_SAVING",
    "FRICTION",
    "NAME",
    "PARTIES",
    "QUESTIONNAIRE",
    "SAVING_BASIS",
    "SYSTEMS",
    "TRUST_CHECKS",
    "WASTE_BASELINE",
]

#: The name the questionnaire and the scorer are registered under, and the key of the answers
#: in ``ScoreContext.extras``.
NAME = "digital-waste"

PARTIES = "dw-parties"
SYSTEMS = "dw-systems"
COMMUNICATION_CONTROL_SHARE = "dw-communication-control-share"
WASTE_BASELINE = "dw-waste-baseline"
DOUBLE_ENTRY = "dw-double-entry"
DOUBLE_ENTRY_TIMES = "dw-double-entry-times"
TRUST_CHECKS = "dw-trust-checks"
CHANNEL = "dw-channel"
FRICTION = "dw-friction"
END_CUSTOMER_WASTE = "dw-end-customer-waste"
EXPECTED_SAVING = "dw-expected-saving"
SAVING_BASIS = "dw-saving-basis"

_WASTE_BLOCK = "waste_reduction"

#: How parties mostly exchange information today, from most to least waste.
CHANNEL_CHOICES: tuple[Choice, ...] = (
    Choice("phone-email", Text(en="Phone and e-mail", nl="Telefoon en e-mail")),
    Choice(
        "own-portals",
        Text(en="Each party's own portal or system", nl="Per partij een eigen portaal of systeem"),
    ),
    Choice(
        "point-to-point",
        Text(
            en="Direct links between pairs of parties (EDI, APIs)",
            nl="Directe koppelingen tussen telkens twee partijen (EDI, API's)",
        ),
    ),
    Choice(
        "shared-network",
        Text(
            en="One shared information and transaction network",
            nl="Eén gedeeld informatie- en transactienetwerk",
        ),
    ),
)

_QUESTIONS: tuple[Question, ...] = (
    Question(
        id=PARTIES,
        kind=QuestionKind.NUMBER,
        text=Text(
            en="How many organisations take part in the chain you are assessing?",
            nl="Hoeveel organisaties doen mee in de keten die je beoordeelt?",
        ),
        help=Text(
            en=(
                "Count suppliers and demanders together. The number of organisations parties "
                "transact with grows quickly, and without a shared network every new one "
                "brings its own questions by e-mail and phone [seed]. A business community has "
                "several suppliers and demanders [S1]."
            ),
            nl=(
                "Tel aanbieders en afnemers samen. Het aantal organisaties waarmee transacties "
                "gedaan worden groeit snel, en zonder gedeeld netwerk brengt elke nieuwe "
                "organisatie eigen vragen per e-mail en telefoon mee [seed]. Een business "
                "community kent meerdere aanbieders en afnemers [S1]."
            ),
        ),
        block="boundary",
    ),
    Question(
        id=SYSTEMS,
        kind=QuestionKind.NUMBER,
        text=Text(
            en="Through how many separate systems does one transaction pass from start to end?",
            nl="Door hoeveel losse systemen gaat één transactie van begin tot eind?",
        ),
        help=Text(
            en=(
                "Count applications, spreadsheets and portals, across all parties. Every hand-over "
                "between systems is a point where data is re-typed or checked. The digital "
                "assembly line chains databases and data processors instead [S9]."
            ),
            nl=(
                "Tel applicaties, spreadsheets en portalen, over alle partijen heen. Elke "
                "overdracht tussen systemen is een punt waar gegevens opnieuw worden ingetypt of "
                "gecontroleerd. De digitale lopende band koppelt databases en dataverwerkers juist "
                "aan elkaar [S9]."
            ),
        ),
        block="structure",
    ),
    Question(
        id=COMMUNICATION_CONTROL_SHARE,
        kind=QuestionKind.PERCENTAGE,
        text=Text(
            en="What share of the parties' work goes to communication and control (estimate)?",
            nl="Welk deel van het werk van de partijen gaat naar communicatie en controle "
            "(schatting)?",
        ),
        help=Text(
            en=(
                "Asking and answering questions, checking and re-entering data, chasing status. "
                "Organisations often spend tens of percent of their budget on it [seed]; "
                "Weconomics states that more than 30% of work is control [S7]. Quickscan Q8."
            ),
            nl=(
                "Vragen stellen en beantwoorden, gegevens controleren en opnieuw invoeren, status "
                "najagen. Organisaties zijn er vaak tientallen procenten van hun budget aan kwijt "
                "[seed]; volgens Weconomics is meer dan 30% van het werk controle [S7]. "
                "Quickscan Q8."
            ),
        ),
        required=True,
        binding=Binding("waste.baseline_share"),
        block=_WASTE_BLOCK,
    ),
    Question(
        id=WASTE_BASELINE,
        kind=QuestionKind.LONG_TEXT,
        text=Text(
            en="How much time and money goes to communication and control now, and on what?",
            nl="Hoeveel tijd en geld gaat nu naar communicatie en controle, en waaraan?",
        ),
        help=Text(
            en=(
                "Describe the waste today in your own words: which questions, checks and "
                "re-entries take the time. Office workers without a shared network are mostly "
                "busy asking and answering questions by e-mail or phone [seed]. Block D2, "
                "question 1."
            ),
            nl=(
                "Beschrijf de verspilling van nu in eigen woorden: welke vragen, controles en "
                "herinvoer kosten de tijd. Zonder gedeeld netwerk zijn kantoorwerkers vooral bezig "
                "met vragen stellen en beantwoorden per e-mail of telefoon [seed]. Blok D2, "
                "vraag 1."
            ),
        ),
        binding=Binding("waste.baseline"),
        block=_WASTE_BLOCK,
    ),
    Question(
        id=DOUBLE_ENTRY,
        kind=QuestionKind.YES_NO,
        text=Text(
            en="Do different parties enter the same data more than once?",
            nl="Voeren verschillende partijen dezelfde gegevens meer dan eens in?",
        ),
        help=Text(
            en=(
                "For example an order number, an address or a medication list typed again by the "
                "next party in the chain. Duplicated work in the exchange is waste (block B5, "
                "question 4; quickscan Q7 [S1b, S7, S9])."
            ),
            nl=(
                "Bijvoorbeeld een ordernummer, een adres of een medicatielijst die de volgende "
                "partij in de keten opnieuw intypt. Dubbel werk in de uitwisseling is verspilling "
                "(blok B5, vraag 4; quickscan Q7 [S1b, S7, S9])."
            ),
        ),
        block="values_exchanged",
    ),
    Question(
        id=DOUBLE_ENTRY_TIMES,
        kind=QuestionKind.NUMBER,
        text=Text(
            en="How many times, on average, is the same data entered along the chain?",
            nl="Hoe vaak wordt hetzelfde gegeven gemiddeld ingevoerd langs de keten?",
        ),
        help=Text(
            en=(
                "Count the first entry too: 3 means entered once and re-typed twice. With a "
                "shared record the data is entered once and reused along the digital assembly "
                "line [S9]; every entry after the first is waste [I]."
            ),
            nl=(
                "Tel de eerste invoer mee: 3 betekent één keer ingevoerd en twee keer "
                "overgetypt. Met een gedeeld gegeven wordt het één keer ingevoerd en langs de "
                "digitale lopende band hergebruikt [S9]; elke invoer na de eerste is verspilling "
                "[I]."
            ),
        ),
        condition=Condition(DOUBLE_ENTRY, ("yes",)),
        block="values_exchanged",
    ),
    Question(
        id=TRUST_CHECKS,
        kind=QuestionKind.SCALE,
        text=Text(
            en="How much do parties check each other's information before acting on it?",
            nl="Hoeveel controleren partijen elkaars informatie voordat ze erop handelen?",
        ),
        help=Text(
            en=(
                "1 = information is trusted as it arrives; 5 = everything is checked again. "
                "Control work exists to reduce uncertainty between parties; more than 30% of "
                "work is control [S7], and agreements such as proof of ownership can be "
                "programmed instead [S12, S13]."
            ),
            nl=(
                "1 = informatie wordt vertrouwd zoals die binnenkomt; 5 = alles wordt opnieuw "
                "gecontroleerd. Controlewerk bestaat om onzekerheid tussen partijen te "
                "verkleinen; meer dan 30% van het werk is controle [S7], en afspraken zoals "
                "eigendomsbewijs kunnen in plaats daarvan geprogrammeerd worden [S12, S13]."
            ),
        ),
        block="structure",
    ),
    Question(
        id=CHANNEL,
        kind=QuestionKind.SINGLE_CHOICE,
        text=Text(
            en="How do the parties mostly exchange information today?",
            nl="Hoe wisselen de partijen nu vooral informatie uit?",
        ),
        help=Text(
            en=(
                "Without a shared information and transaction network, questions go mostly by "
                "e-mail or phone [seed]; a shared network lets many suppliers and demanders "
                "trade with minimum friction [S1b]. Portals and pairwise links sit in between "
                "[I]."
            ),
            nl=(
                "Zonder gedeeld informatie- en transactienetwerk gaan vragen meestal via e-mail "
                "of telefoon [seed]; een gedeeld netwerk laat vele aanbieders en vragers zaken "
                "doen met zo min mogelijk frictie [S1b]. Portalen en koppelingen per paar zitten "
                "daartussen [I]."
            ),
        ),
        choices=CHANNEL_CHOICES,
        block="coordination",
    ),
    Question(
        id=FRICTION,
        kind=QuestionKind.LONG_TEXT,
        text=Text(
            en="Where is most friction, duplication or control in the chain now?",
            nl="Waar zit nu de meeste frictie, dubbel werk of controle in de keten?",
        ),
        help=Text(
            en=(
                "Name the hand-overs where work stalls or is done twice. Added value should flow "
                "as frictionlessly as possible from supply to demand [S1b]. Quickscan Q7; write "
                "the friction of each value flow on the flow itself as well."
            ),
            nl=(
                "Noem de overdrachten waar werk stokt of dubbel gebeurt. Toegevoegde waarde "
                "hoort zo frictieloos mogelijk van aanbod naar vraag te stromen [S1b]. Quickscan "
                "Q7; schrijf de frictie van elke waardestroom ook bij die stroom zelf."
            ),
        ),
        required=True,
        binding=Binding("notes.waste_reduction"),
        block=_WASTE_BLOCK,
    ),
    Question(
        id=END_CUSTOMER_WASTE,
        kind=QuestionKind.LONG_TEXT,
        text=Text(
            en="Where does waste or friction reach the end customer today?",
            nl="Waar merkt de eindklant nu verspilling of frictie?",
        ),
        help=Text(
            en=(
                "The CMC reasons from added value for the end customer at minimal waste [S1]: "
                "waiting, repeated questions, errors the customer has to correct. Block A1, "
                "question 4."
            ),
            nl=(
                "Het CMC redeneert vanuit toegevoegde waarde voor de eindklant tegen minimale "
                "verspilling [S1]: wachten, herhaalde vragen, fouten die de klant moet "
                "herstellen. Blok A1, vraag 4."
            ),
        ),
        binding=Binding("end_customer.waste"),
        block="end_customer_value",
    ),
    Question(
        id=EXPECTED_SAVING,
        kind=QuestionKind.PERCENTAGE,
        text=Text(
            en="What share of the communication and control cost would a shared network save?",
            nl="Welk deel van de communicatie- en controlekosten bespaart een gedeeld netwerk?",
        ),
        help=Text(
            en=(
                "A percentage of the cost named above, not of all cost. Smart cooperation in a "
                "shared information and transaction network saves tens of percent [S1]; with "
                "blockchain and the digital assembly line often more than 20% [seed, S9]. "
                "Block D2, question 3."
            ),
            nl=(
                "Een percentage van de hierboven genoemde kosten, niet van alle kosten. Slim "
                "samenwerken in een gedeeld informatie- en transactienetwerk bespaart tientallen "
                "procenten [S1]; met blockchain en de digitale lopende band vaak meer dan 20% "
                "[seed, S9]. Blok D2, vraag 3."
            ),
        ),
        binding=Binding("waste.expected_saving"),
        block=_WASTE_BLOCK,
    ),
    Question(
        id=SAVING_BASIS,
        kind=QuestionKind.LONG_TEXT,
        text=Text(
            en="How do you substantiate that estimate?",
            nl="Hoe onderbouw je die schatting?",
        ),
        help=Text(
            en=(
                "A time study, a pilot, figures from a comparable chain. A saving of tens of "
                "percent [S1] is a claim; a basis makes it checkable (rule CMC018, reference "
                "V18). Block D2, question 4."
            ),
            nl=(
                "Een tijdmeting, een pilot, cijfers uit een vergelijkbare keten. Een besparing "
                "van tientallen procenten [S1] is een bewering; een onderbouwing maakt haar "
                "toetsbaar (regel CMC018, referentie V18). Blok D2, vraag 4."
            ),
        ),
        binding=Binding("waste.basis"),
        block=_WASTE_BLOCK,
    ),
)

#: The questionnaire this plugin registers.
QUESTIONNAIRE = Questionnaire(
    name=NAME,
    title=Text(en="Digital waste assessment", nl="Digitale verspillingsscan"),
    description=Text(
        en=(
            "How much of the parties' work is communication and control, where the friction "
            "is, and what a shared information and transaction network would save. Fills block "
            "D2 (waste and savings) and feeds the digital-waste score."
        ),
        nl=(
            "Hoeveel van het werk van de partijen communicatie en controle is, waar de frictie "
            "zit, en wat een gedeeld informatie- en transactienetwerk zou besparen. Vult blok D2 "
            "(verspilling en besparing) en voedt de digital-waste-score."
        ),
    ),
    questions=_QUESTIONS,
)
