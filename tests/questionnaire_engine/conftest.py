"""A small questionnaire exercising every kind of binding, for the engine's tests."""

from __future__ import annotations

import pytest

from cmc_core.questionnaires import Questionnaire, loads_questionnaire

MINI = """\
name: mini
title: {en: Mini, nl: Mini}
questions:
  - id: m-name
    kind: short_text
    text: {en: What is it called?, nl: Hoe heet het?}
    binding: meta.name
    block: boundary
    required: true
  - id: m-parties
    kind: parties
    text: {en: Who takes part?, nl: Wie doen er mee?}
    binding: parties
    block: suppliers
  - id: m-suppliers
    kind: parties
    text: {en: Which suppliers?, nl: Welke aanbieders?}
    binding: {target: parties, role: supplier}
    block: suppliers
  - id: m-has-flows
    kind: yes_no
    text: {en: Are there flows yet?, nl: Zijn er al stromen?}
    block: values_exchanged
  - id: m-flows
    kind: flows
    text: {en: Which flows?, nl: Welke stromen?}
    binding: flows
    condition: {question: m-has-flows, values: ['yes']}
    block: values_exchanged
  - id: m-maturity
    kind: scale
    minimum: 0
    maximum: 3
    text: {en: How mature is the vision?, nl: Hoe volwassen is de visie?}
    binding: factors.vision.maturity
    block: vision
  - id: m-legal
    kind: single_choice
    text: {en: Which legal form?, nl: Welke rechtsvorm?}
    choices:
      - {value: cooperative, label: {en: Cooperative, nl: Coöperatie}}
      - {value: foundation, label: {en: Foundation, nl: Stichting}}
    binding: governance.legal_form
    block: governance
  - id: m-criteria
    kind: text_list
    text: {en: Who may join?, nl: Wie mag meedoen?}
    binding: boundary.inclusion_criteria
    block: boundary
  - id: m-share
    kind: percentage
    text: {en: What share is control work?, nl: Welk deel is controlewerk?}
    binding: waste.baseline_share
    block: waste_reduction
  - id: m-areas
    kind: process_areas
    text: {en: What do you cooperate on?, nl: Waarop werk je samen?}
    binding: {target: process_areas, defaults: {mode: cooperate, kind: information}}
    block: cooperation_competition
"""


@pytest.fixture
def mini() -> Questionnaire:
    return loads_questionnaire(MINI, "mini.yaml")
