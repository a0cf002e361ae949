"""What a person types at a question prompt, turned into a raw answer, and an answer shown back.

The engine (:func:`~cmc_core.questionnaires.check_value`) checks values; this module is the step
before it, for people at a terminal:

- a choice may be typed by its number (``2``) as well as by its value or label;
- several choices go on one line, separated by commas (``1, 3``);
- long texts, lists and entity lists take one line each and end with an empty line;
- an entity is one short line: its main field first, then ``; key=value`` fields. A party may
  give its roles bare (``Alpha Shipping; supplier, demander``); a flow starts with
  ``FROM -> TO``; a line starting with ``{`` is a YAML flow mapping, for anything else.

Which fields an entity has, and which of them are lists or yes/no, comes from the canvas file
format's JSON Schema, so the syntax follows the format without a copy of its field list.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from cmc_core.canvas import Canvas
from cmc_core.cli._support import did_you_mean
from cmc_core.questionnaires import AnswerError, Question, QuestionKind
from cmc_core.questionnaires.model import CHOICE_KINDS, ENTITY_KINDS
from cmc_core.shape import collections, label_field
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Language, Role

_ = Messages("cmc_core", "prompts")

__all__ = [
    "MAIN_FIELDS",
    "display",
    "entity_fields",
    "format_entity",
    "hint",
    "parse_entity",
    "raw_answer",
    "reads_lines",
    "say",
]


def _entity_types() -> dict[QuestionKind, type]:
    """The entity type each entity-list kind of question fills, read from the canvas's shape."""
    by_name = {collection.name: collection.entity for collection in collections(Canvas)}
    return {kind: by_name[name] for kind, name in ENTITY_KINDS.items()}


_ENTITY_TYPES = _entity_types()

#: The field an entity line starts with, per entity kind: its first free-text field, the name
#: where it has one (flows start with ``FROM -> TO`` instead).
MAIN_FIELDS: dict[QuestionKind, str] = {
    kind: field
    for kind, entity in _ENTITY_TYPES.items()
    if kind is not QuestionKind.FLOWS and (field := label_field(entity)) is not None
}
_MULTI_LINE_KINDS = frozenset({QuestionKind.LONG_TEXT, QuestionKind.TEXT_LIST, *ENTITY_KINDS})
_YES = frozenset({"yes", "y", "ja", "j", "true", "1"})
_NO = frozenset({"no", "n", "nee", "false", "0"})
_FLOW_ARROW = "->"

#: Every sentence the prompts show, by key, marked for the ``prompts`` catalog; ``{name}``
#: fields are filled by :func:`say` after translation.
WORDS: dict[str, str] = {
    "short_text": N_("One line of text."),
    "long_text": N_("Text; several lines are fine. End with an empty line."),
    "yes_no": N_("yes or no"),
    "range": N_("A number from {low} to {high}."),
    "at_least": N_("A number of at least {low}."),
    "at_most": N_("A number of at most {high}."),
    "number": N_("A number."),
    "whole": N_("A whole number from {low} to {high}."),
    "single_choice": N_("Type a number or a value:"),
    "multiple_choice": N_("Type one or more numbers or values, separated by commas:"),
    "text_list": N_("One item per line; end with an empty line."),
    "parties": N_(
        "One party per line as `name; role, role` (more fields as `; key=value`); end with an "
        "empty line. Roles: {roles}."
    ),
    "flows": N_(
        "One flow per line as `from -> to; value=NAME` (more fields as `; key=value`); end with "
        "an empty line. Fields: {fields}."
    ),
    "entities": N_(
        "One per line as `{main}; key=value; ...`; end with an empty line. Fields: {fields}."
    ),
    "known_parties": N_("Known parties: {names}."),
    "known_values": N_("Known values: {names}."),
    "yes": N_("yes"),
    "no": N_("no"),
}


def say(key: str, language: Language, **fields: object) -> str:
    """A sentence of :data:`WORDS` in ``language``, with its fields filled in."""
    return _.translate(WORDS[key], language, **fields)


def reads_lines(question: Question) -> bool:
    """Whether the answer takes several lines, ended by an empty one."""
    return question.kind in _MULTI_LINE_KINDS


# -- from typed lines to a raw answer ------------------------------------------------------------


def raw_answer(question: Question, lines: Sequence[str]) -> Any:
    """The raw answer (for :meth:`Session.answer`) that the typed ``lines`` stand for.

    :raises AnswerError: an entity line that cannot be read, naming the question and the line.
    """
    kind = question.kind
    if kind is QuestionKind.LONG_TEXT:
        return "\n".join(lines)
    if kind is QuestionKind.TEXT_LIST:
        return [line.strip() for line in lines if line.strip()]
    if kind in ENTITY_KINDS:
        entities = []
        for number, line in enumerate(lines, start=1):
            try:
                entities.append(parse_entity(kind, line))
            except ValueError as error:
                raise AnswerError(
                    question.id, _("line {number}: {error}", number=number, error=error)
                ) from None
        return entities
    text = lines[0] if lines else ""
    if kind is QuestionKind.SINGLE_CHOICE:
        return _choice_by_number(question, text)
    if kind is QuestionKind.MULTIPLE_CHOICE:
        if _is_one_choice(question, text):  # a label may itself hold a comma
            return [text.strip()]
        return [_choice_by_number(question, part) for part in text.split(",") if part.strip()]
    return text


def _choice_by_number(question: Question, text: str) -> str:
    stripped = text.strip()
    if stripped.isdigit() and 1 <= int(stripped) <= len(question.choices):
        return question.choices[int(stripped) - 1].value
    return stripped


def _is_one_choice(question: Question, text: str) -> bool:
    wanted = text.strip().casefold()
    return any(
        wanted in {choice.value.casefold(), choice.label.en.casefold(), choice.label.nl.casefold()}
        for choice in question.choices
    )


@functools.cache
def entity_fields(kind: QuestionKind) -> dict[str, str]:
    """The fields of one entity kind and their type: ``list``, ``bool`` or ``text``."""
    from cmc_core.fileformat import json_schema

    properties = json_schema()["$defs"][_ENTITY_TYPES[kind].__name__]["properties"]
    fields: dict[str, str] = {}
    for name, schema in properties.items():
        types = schema.get("type")
        types = types if isinstance(types, list) else [types]
        fields[name] = "list" if "array" in types else "bool" if "boolean" in types else "text"
    return fields


def parse_entity(kind: QuestionKind, line: str) -> dict[str, Any]:
    """One entity, in its file form, from one typed line (see the module docstring).

    :raises ValueError: the line cannot be read; the message says what was expected.
    """
    text = line.strip()
    if text.startswith("{"):
        return _yaml_mapping(text)
    fields = entity_fields(kind)
    first, *rest = (segment.strip() for segment in text.split(";"))
    entry: dict[str, Any] = {}
    if kind is QuestionKind.FLOWS and _FLOW_ARROW in first:
        source, _arrow, target = first.partition(_FLOW_ARROW)
        entry["from"], entry["to"] = source.strip() or None, target.strip() or None
    elif _field_segment(first, fields):
        rest.insert(0, first)
    elif kind is QuestionKind.FLOWS:
        raise ValueError(_("write a flow as 'from -> to; value=NAME', not {text!r}", text=first))
    else:
        entry[MAIN_FIELDS[kind]] = first
    for segment in rest:
        if not segment:
            continue
        if _field_segment(segment, fields):
            key, _equals, value = segment.partition("=")
            entry[key.strip()] = _field_value(key.strip(), value.strip(), fields[key.strip()])
        elif "=" in segment:
            key = segment.partition("=")[0].strip()
            raise ValueError(_("{key!r} is not a field.", key=key) + did_you_mean(key, fields))
        elif kind is QuestionKind.PARTIES and "roles" not in entry:
            entry["roles"] = _items(segment)
        else:
            raise ValueError(_("expected key=value, found {text!r}", text=segment))
    return entry


def _field_segment(segment: str, fields: Mapping[str, str]) -> bool:
    key, equals, _rest = segment.partition("=")
    return bool(equals) and key.strip() in fields


def _items(text: str) -> list[str]:
    return [item.strip() for item in text.split(",") if item.strip()]


def _field_value(key: str, value: str, field_type: str) -> Any:
    if field_type == "list":
        return _items(value)
    if field_type == "bool":
        word = value.casefold()
        if word in _YES or word in _NO:
            return word in _YES
        raise ValueError(_("{key} takes yes or no, not {value!r}", key=key, value=value))
    return value


def _yaml_mapping(text: str) -> dict[str, Any]:
    from cmc_core.errors import CmcError
    from cmc_core.fileformat.yaml_io import read_yaml_data

    try:
        data, _locate = read_yaml_data(text)
    except CmcError as error:
        reason = str(error).splitlines()[0] if str(error) else _("it is not valid YAML")
        raise ValueError(_("cannot read the mapping: {reason}", reason=reason)) from None
    if not isinstance(data, dict):
        raise ValueError(_("a line starting with '{' must be a mapping, such as {name: A}"))
    return {str(key): value for key, value in data.items()}


# -- hints and showing answers -------------------------------------------------------------------


def hint(
    question: Question,
    language: Language,
    parties: Sequence[str] = (),
    values: Sequence[str] = (),
) -> list[str]:
    """The lines that say how to answer ``question``.

    :param parties: the names of the parties known so far, listed for questions that name them.
    :param values: the names of the values known so far, listed for flows.
    """
    kind = question.kind
    if kind in CHOICE_KINDS:
        lines = [say(str(kind), language)]
        lines += [
            f"  {number}) {choice.label.in_language(language)} [{choice.value}]"
            for number, choice in enumerate(question.choices, start=1)
        ]
        return lines
    if kind in (QuestionKind.NUMBER, QuestionKind.PERCENTAGE, QuestionKind.SCALE):
        return [_number_hint(question, language)]
    if kind is QuestionKind.PARTIES:
        lines = [say("parties", language, roles=", ".join(role.value for role in Role))]
    elif kind is QuestionKind.FLOWS:
        fields = ", ".join(name for name in entity_fields(kind) if name != "id")
        lines = [say("flows", language, fields=fields)]
    elif kind in ENTITY_KINDS:
        fields = ", ".join(name for name in entity_fields(kind) if name != "id")
        lines = [say("entities", language, main=MAIN_FIELDS[kind], fields=fields)]
    else:
        return [say(str(kind), language)] if str(kind) in WORDS else []
    if parties and kind is not QuestionKind.PARTIES and kind is not QuestionKind.VALUES:
        lines.append(say("known_parties", language, names=", ".join(parties)))
    if values and kind is QuestionKind.FLOWS:
        lines.append(say("known_values", language, names=", ".join(values)))
    return lines


def _number_hint(question: Question, language: Language) -> str:
    low, high = question.bounds
    if question.kind is QuestionKind.SCALE and low is not None and high is not None:
        return say("whole", language, low=f"{low:g}", high=f"{high:g}")
    if low is not None and high is not None:
        return say("range", language, low=f"{low:g}", high=f"{high:g}")
    if low is not None:
        return say("at_least", language, low=f"{low:g}")
    if high is not None:
        return say("at_most", language, high=f"{high:g}")
    return say("number", language)


def display(question: Question, value: Any, language: Language) -> list[str]:
    """An answer's value as lines a person reads (and could type again)."""
    kind = question.kind
    if isinstance(value, bool):
        return [say("yes" if value else "no", language)]
    if kind in CHOICE_KINDS:
        labels = {c.value: c.label.in_language(language) for c in question.choices}
        chosen = value if isinstance(value, list) else [value]
        return [", ".join(labels.get(str(item), str(item)) for item in chosen)]
    if kind in ENTITY_KINDS and isinstance(value, list):
        return [
            format_entity(kind, item) if isinstance(item, Mapping) else str(item) for item in value
        ]
    if isinstance(value, list):
        return [str(item) for item in value]
    if isinstance(value, float):
        return [f"{value:g}"]
    return str(value).splitlines() or [""]


def format_entity(kind: QuestionKind, entity: Mapping[str, Any]) -> str:
    """One entity as a line in the syntax :func:`parse_entity` reads (its id left out)."""
    rest = {key: value for key, value in entity.items() if key != "id" and value not in (None, "")}
    parts: list[str] = []
    if kind is QuestionKind.FLOWS:
        parts.append(f"{rest.pop('from', '') or ''} {_FLOW_ARROW} {rest.pop('to', '') or ''}")
    else:
        parts.append(str(rest.pop(MAIN_FIELDS[kind], "")))
    if kind is QuestionKind.PARTIES and rest.get("roles"):
        parts.append(", ".join(map(str, rest.pop("roles"))))
    for key, value in rest.items():
        if isinstance(value, bool):
            shown = _("yes") if value else _("no")
        elif isinstance(value, list):
            shown = ", ".join(map(str, value))
        else:
            shown = str(value)
        parts.append(f"{key}={shown}")
    return "; ".join(parts)
