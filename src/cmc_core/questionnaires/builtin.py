"""The built-in questionnaires: the quickscan, the canvas details, and one per block.

They are YAML files in ``cmc_core/questionnaires/data`` (package data), read and checked on
first use and then kept. Together the canvas-details and block questionnaires fill every field
of a canvas, in the fill order of the blocks.
"""

from __future__ import annotations

import functools

from cmc_core.blueprint import BLOCKS, BlockKey
from cmc_core.questionnaires.files import load_packaged
from cmc_core.questionnaires.model import Questionnaire

__all__ = [
    "CANVAS_DETAILS",
    "QUICKSCAN",
    "block_name",
    "block_questionnaire",
    "builtin_questionnaires",
    "canvas_details",
    "canvas_questionnaires",
    "quickscan",
]

_PACKAGE = "cmc_core.questionnaires"
#: The name of the quickscan questionnaire.
QUICKSCAN = "quickscan"
#: The name of the questionnaire for the canvas's own details (name, language, authors ...).
CANVAS_DETAILS = "canvas-details"


def block_name(block: BlockKey) -> str:
    """The name of a block's questionnaire: ``block-end-customer-value``."""
    return "block-" + block.value.replace("_", "-")


@functools.cache
def quickscan() -> Questionnaire:
    """The quickscan intake (domain.md section 4)."""
    return load_packaged(_PACKAGE, "data/quickscan.yaml")


@functools.cache
def block_questionnaire(block: BlockKey) -> Questionnaire:
    """The questionnaire of one block."""
    return load_packaged(_PACKAGE, f"data/blocks/{block.value}.yaml")


@functools.cache
def canvas_details() -> Questionnaire:
    """The questions on the canvas itself: name, language, version, authors, status."""
    return load_packaged(_PACKAGE, "data/canvas-details.yaml")


def canvas_questionnaires() -> tuple[Questionnaire, ...]:
    """The canvas details and every block's questionnaire, in fill order."""
    return (canvas_details(), *(block_questionnaire(block.key) for block in BLOCKS))


def builtin_questionnaires() -> tuple[Questionnaire, ...]:
    """Every built-in questionnaire: the quickscan first."""
    return (quickscan(), *canvas_questionnaires())
