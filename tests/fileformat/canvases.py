"""Hand-built canvases for the file-format tests: a rich one using most fields, and tiny ones."""

from __future__ import annotations

from cmc_core import (
    BlockKey,
    BlockNote,
    Boundary,
    Canvas,
    Commonality,
    DecisionRight,
    Development,
    DevelopmentKind,
    EndCustomerValue,
    Factor,
    FactorKey,
    Governance,
    Language,
    LegalForm,
    Level,
    Meta,
    Mode,
    Party,
    Principle,
    PrincipleKey,
    PrincipleStatus,
    ProcessArea,
    ProcessKind,
    Resistance,
    Role,
    Status,
    Value,
    ValueFlow,
    ValueKind,
    ValueLevel,
    Waste,
)


def rich_canvas() -> Canvas:
    """A port community using nearly every field, with text that is awkward in every format."""
    return Canvas(
        meta=Meta(
            name="Havengemeenschap Rotterdam: 'samen' sneller",
            language=Language.NL,
            variant="weconomics",
            canvas_version="0.3",
            status=Status.FINAL,
            description="Line one\nline two: with a colon\n\n  indented line three\n",
            authors=("Ann de Vries", "Bob", "Çem Ünal"),
            date="2024-05-01",
            owner=None,
            focal_party="p-term-1",
        ),
        end_customer=EndCustomerValue(
            customer="Shippers",
            value="Reliable slots",
            problem="yes",
            waste="null",
            measure="1.0",
        ),
        boundary=Boundary(
            goal="# not a comment",
            target_group="- not a list",
            inclusion_criteria=("in the port", "has a terminal"),
            exclusion_criteria=("true",),
            parent_domain="Logistics",
            instruments=("v-slot",),
        ),
        parties=(
            Party(
                "p-term-1",
                "Terminal One",
                (Role.SUPPLIER, Role.NETWORK_LEADER),
                organisation="org-term",
                specialisation="deep sea",
                interest="volume",
                notes="tab\there",
            ),
            Party("p-term-2", "Terminal Two", (Role.SUPPLIER,), organisation="org-term-2"),
            Party("p-ship-1", "Shipper One", (Role.DEMANDER,), serves_end_customer=True),
            Party("p-ship-2", "Shipper Two", (Role.DEMANDER,)),
            Party("p-cust", "Importer", (Role.END_CUSTOMER,), external=True),
            Party("p-gov", "Port Authority", (Role.GOVERNMENT,), privileged=True),
        ),
        values=(
            Value("v-slot", "Slot", ValueKind.SERVICE, ValueLevel.INSTRUMENT, "A time slot"),
            Value("v-fee", "Fee", ValueKind.MONEY),
        ),
        flows=(
            ValueFlow("f-1", "v-slot", "p-term-1", "p-ship-1", "v-fee", True, "transact"),
            ValueFlow("f-2", "v-slot", "p-term-2", "p-ship-2", step="match", friction="manual"),
            ValueFlow("f-3", "v-fee", "p-ship-1", "p-term-1", counter_of="f-1"),
        ),
        process_areas=(
            ProcessArea(
                "pa-info",
                "Information",
                ProcessKind.INFORMATION,
                Mode.COOPERATE,
                ("p-term-1", "p-ship-1"),
                "shared data",
            ),
            ProcessArea("pa-exec", "Execution", ProcessKind.EXECUTION),
        ),
        commonalities=(
            Commonality(
                "c-platform",
                "Port platform",
                primary=True,
                description="The shared booking platform",
                capabilities=("booking", "tracking"),
                steward="p-term-1",
                users=("p-term-1", "p-term-2", "p-ship-1", "p-ship-2"),
                access_terms="Same terms for all",
                exclusive_to=(),
                financing="membership fees",
            ),
            Commonality("c-data", "Data space", exclusive_to=("p-gov",)),
        ),
        process_steps=("profile", "find", "match", "transact", "settle"),
        governance=Governance(
            decision_making="Board of members",
            legal_form=LegalForm.COOPERATIVE,
            agreements=("bylaws", "data agreement"),
            decision_rights=(
                DecisionRight("dr-1", "Transaction rules", ("p-term-1", "p-ship-1"), True),
            ),
        ),
        factors=(
            Factor(FactorKey.VISION, "Shared data space", 2),
            Factor(FactorKey.PERSPECTIVE, "Port as a whole", 0),
            Factor(FactorKey.CULTURE, "", 3),
        ),
        developments=(
            Development("d-1", DevelopmentKind.THREAT, "Congestion", (Role.SUPPLIER,), "report"),
        ),
        resistances=(
            Resistance(
                "r-1",
                "Fear of sharing",
                "p-term-2",
                Role.SUPPLIER,
                "competition",
                Level.HIGH,
                "clear data rules",
            ),
        ),
        principles=(
            Principle(PrincipleKey.APART_TOGETHER, PrincipleStatus.STRONG, "clear"),
            Principle(PrincipleKey.BACK_TO_BASIC, PrincipleStatus.WEAK),
        ),
        waste=Waste("Idle trucks", 12.5, 30, "pilot 2023"),
        notes=(
            BlockNote(BlockKey.BOUNDARY, "Only the Rotterdam port"),
            BlockNote(BlockKey.CULTURE, "Dutch\nand English"),
        ),
    )
