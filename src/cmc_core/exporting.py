"""The exporter contract: what a plugin registers to turn a canvas into a file.

An :class:`Exporter` is data (a stable name, a title, a media type, a file extension) plus an
export function from a canvas and :class:`ExportOptions` to text or bytes. Exporters are found by
name through the plugin registries (:mod:`cmc_core.plugins`); this module only defines the
contract and knows nothing of pluggy.

How the contract may evolve: new fields of :class:`Exporter` and :class:`ExportOptions` always
come with defaults, so exporters and callers written today keep working; ``api_version`` is
raised only for a change an exporter must opt in to.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

import attrs

from cmc_core.errors import CmcError
from cmc_core.gctools import gc_paused
from cmc_core.naming import NAME_PATTERN, check_name
from cmc_core.plugin_config import PluginConfig
from cmc_core.translation import Messages
from cmc_core.vocabulary import Language

if TYPE_CHECKING:
    from cmc_core.assessment import Assessment
    from cmc_core.canvas import Canvas

__all__ = [
    "EXPORTER_API_VERSION",
    "NAME_PATTERN",
    "ExportError",
    "ExportFunction",
    "ExportOptions",
    "ExportSettingError",
    "Exporter",
    "UnknownSettingError",
]

_ = Messages("cmc_core", "plugins")

#: The version of this contract that exporters written today are built against.
EXPORTER_API_VERSION = 1


class ExportError(CmcError):
    """An export could not be made: the one base of the errors of exporting, so that a program
    can catch them all (:mod:`cmc_core.export_api` has the others)."""


class ExportSettingError(ExportError, ValueError):
    """A setting in :attr:`ExportOptions.settings` has a value the exporter cannot use.

    Exporters raise it (or a subclass of it) for a bad setting, so that a program can tell a
    bad option of its user from a fault of the exporter, and show ``setting`` and
    ``expected`` next to the field the value came from. The message names the exporter, the
    setting, the value and what was expected: ``the csv exporter's setting 'table' cannot be
    'values'; expected one of flows, parties, sources``.

    :param exporter: the exporter's name (``csv``).
    :param setting: the setting's key (``table``).
    :param value: the value as given.
    :param expected: what the exporter takes, as a phrase that follows "expected"
        (``one of flows, parties, sources``; ``yes or no``).
    """

    def __init__(self, exporter: str, setting: str, value: str, expected: str) -> None:
        super().__init__(
            _(
                "the {exporter} exporter's setting {setting} cannot be {value}; expected "
                "{expected}",
                exporter=exporter,
                setting=repr(setting),
                value=repr(value),
                expected=expected,
            )
        )
        self.exporter = exporter
        self.setting = setting
        self.value = value
        self.expected = expected

    def __reduce__(self) -> tuple[object, ...]:
        # Pickled with its fields, for batch runs that export in worker processes.
        return (type(self), (self.exporter, self.setting, self.value, self.expected))


class UnknownSettingError(ExportSettingError):
    """A setting the exporter does not read: a misspelt key would otherwise be ignored without
    a word. Raised by :meth:`~cmc_core.exporting.Exporter.check_settings` for an exporter that
    declares its
    settings; the message suggests the closest key and lists them all.

    :param exporter: the exporter's name.
    :param setting: the unknown key.
    :param value: its value as given.
    :param known: the keys the exporter reads.
    """

    def __init__(self, exporter: str, setting: str, value: str, known: Iterable[str]) -> None:
        self.known = tuple(sorted(known))
        close = difflib.get_close_matches(setting, self.known, n=1)
        if close:
            message = _(
                "the {exporter} exporter has no setting {setting}; did you mean {close}?",
                exporter=exporter,
                setting=repr(setting),
                close=repr(close[0]),
            )
        else:
            message = _(
                "the {exporter} exporter has no setting {setting}.",
                exporter=exporter,
                setting=repr(setting),
            )
        if self.known:
            message += " " + _("Its settings are: {names}.", names=", ".join(self.known))
        else:
            message += " " + _("It takes no settings.")
        expected = ", ".join(self.known)
        ExportError.__init__(self, message)
        self.exporter, self.setting, self.value, self.expected = exporter, setting, value, expected

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.exporter, self.setting, self.value, self.known))


def _settings_keys(value: Iterable[str] | None) -> tuple[str, ...] | None:
    return None if value is None else tuple(value)


def _check_extension(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not re.match(r"^\.[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$", value):
        raise ValueError(f"extension {value!r} must start with a dot, such as '.md' or '.cmc.json'")


def _check_media_type(_instance: object, _attribute: attrs.Attribute[str], value: str) -> None:
    if not re.match(r"^[a-z]+/[A-Za-z0-9.+-]+$", value):
        raise ValueError(f"media type {value!r} must look like 'type/subtype', such as 'text/html'")


def _copied(value: Mapping[str, str]) -> dict[str, str]:
    # A private copy (so the caller's dict can change without touching the options) that
    # pickles, for batch runs that send options to worker processes.
    return dict(value)


_Settings = TypeVar("_Settings")


def _copied_extras(value: Mapping[str, Any]) -> dict[str, Any]:
    return dict(value)


@attrs.frozen
class ExportOptions:
    """What the caller asks of an export, whatever the exporter.

    :param language: the language of labels and headings; ``None`` means the canvas's own
        (``meta.language``).
    :param settings: exporter-specific settings as text (``cmc export -O key=value``); an
        exporter documents the keys it reads and ignores the rest. A value it cannot use
        raises :class:`ExportSettingError` when the export runs.
    :param extras: further inputs as objects, which the caller has already read (exporters do
        no I/O of their own), by name. The built-in exporters read ``"answers"`` (a
        :class:`~cmc_core.questionnaires.AnswerSet`, from ``cmc export --answers FILE``),
        ``"previous"`` (an earlier :class:`~cmc_core.canvas.Canvas` to show the changes
        against, from ``cmc export --compare OLD``) and ``"questionnaires"`` (the
        questionnaires that ask the answers' questions). Like settings, an exporter reads the
        keys it knows and ignores the rest.
    :param assessment: the canvas's validation report and score card
        (:func:`~cmc_core.assessment.assess`), for an exporter that shows them. ``cmc export``
        passes one made with the active plugins' rules and scorers and the project's
        configuration, so the export says what ``cmc check`` and ``cmc score`` say. An
        exporter reads it through :meth:`assessment_for`.
    :param plugins: the plugins' settings from the configuration (``[tool.cmc.plugins.NAME]``);
        a plugin's exporter reads its own with :meth:`plugin_config`.
    """

    language: Language | None = None
    settings: Mapping[str, str] = attrs.field(factory=dict, converter=_copied, hash=False)
    extras: Mapping[str, Any] = attrs.field(factory=dict, converter=_copied_extras, hash=False)
    assessment: Assessment | None = attrs.field(default=None, kw_only=True)
    plugins: PluginConfig = attrs.field(default=PluginConfig(), kw_only=True)

    def plugin_config(self, settings_class: type[_Settings]) -> _Settings:
        """The configured settings of the class a plugin declared (``cmc_register_settings``),
        or its defaults when the project sets none."""
        return self.plugins.get(settings_class)

    def language_for(self, canvas: Canvas) -> Language:
        """The language to write in: the one asked for, else the canvas's own."""
        return self.language or canvas.meta.language

    def assessment_for(self, canvas: Canvas) -> Assessment:
        """The validation report and score card an exporter shows for ``canvas``.

        The caller's :attr:`assessment` when there is one. Otherwise (a program that passed
        none) the canvas is assessed now with the built-in rules and scorers and the default
        configuration, scoring the answers of ``extras["answers"]`` too: the quickscan's, and
        those of ``extras["questionnaires"]`` when given
        (:func:`~cmc_core.assessment.scoring_extras`).

        :raises ValueError: when the caller's assessment is of another canvas.
        """
        # Imported here: the contract is read by every plugin and the command line's start, and
        # assessing pulls in the rules and the scoring, which most of them never need.
        from cmc_core.assessment import assess, scoring_extras  # noqa: PLC0415

        if self.assessment is not None:
            return self.assessment.require_canvas(canvas)
        answers, questionnaires = self.extras.get("answers"), self.extras.get("questionnaires")
        return assess(canvas, extras=scoring_extras(answers, questionnaires))


#: Turns a canvas into the exported document: text (encoded as UTF-8 on write) or bytes.
ExportFunction = Callable[["Canvas", ExportOptions], "bytes | str"]


@attrs.frozen
class Exporter:
    """One output format for canvases.

    An export function must be deterministic (the same canvas and options give the same output),
    must not depend on the clock or the machine unless an option asks for it, and must escape
    every piece of user text for its format. :mod:`cmc_core.testing` checks all of this.

    :param name: stable, user-visible name, what ``cmc export --to`` takes (``markdown``).
    :param title: one line for listings (``Markdown for wikis``).
    :param media_type: the IANA media type of the output (``text/markdown``).
    :param extension: the file extension including the dot (``.md``).
    :param export: the function that does the work.
    :param description: a longer description for ``cmc export --list`` and the docs.
    :param api_version: the version of this contract the exporter was written for.
    :param settings: the keys of :attr:`ExportOptions.settings` the export function reads
        (``("paper", "orientation")``; ``()`` for none), so that a host refuses a misspelt key
        with a suggestion (:meth:`check_settings`). ``None`` (the default): not declared, every
        key is passed on.
    :param messages: the catalog its title is translated from (mark the title with ``N_``; see
        ``docs/languages.md``); ``None``: the title is shown as written.
    """

    name: str = attrs.field(validator=check_name)
    title: str
    media_type: str = attrs.field(validator=_check_media_type)
    extension: str = attrs.field(validator=_check_extension)
    export: ExportFunction = attrs.field(eq=False, repr=False)
    description: str = ""
    api_version: int = EXPORTER_API_VERSION
    settings: tuple[str, ...] | None = attrs.field(
        default=None, converter=_settings_keys, kw_only=True
    )
    messages: Messages | None = attrs.field(default=None, eq=False, repr=False, kw_only=True)

    def title_in(self, language: Language | None = None) -> str:
        """The title in ``language`` (default: the current one), from :attr:`messages`; as
        written without a catalog, or when the catalog does not translate it."""
        if self.messages is None or not self.title:
            return self.title
        return self.messages.translate(self.title, language)

    def check_settings(self, settings: Mapping[str, str]) -> None:
        """Refuse a setting this exporter does not read, when it declares its :attr:`settings`
        (one that does not is given every key, as before it could declare them). The host
        calls this before exporting (``cmc export -O``, :func:`cmc_core.export_api.export`);
        an export function itself still ignores keys it does not know.

        :raises UnknownSettingError: the first unknown key, with the closest known one.
        """
        if self.settings is None:
            return
        for key, value in settings.items():
            if key not in self.settings:
                raise UnknownSettingError(self.name, key, value, self.settings)

    @property
    def is_text(self) -> bool:
        """Whether the output is text (it may go to a terminal), judged by its media type."""
        kind, _slash, subtype = self.media_type.partition("/")
        textual = ("json", "yaml", "xml", "csv", "markdown", "html")
        return kind == "text" or subtype in textual or subtype.endswith(("+xml", "+json"))

    def export_bytes(self, canvas: Canvas, options: ExportOptions | None = None) -> bytes:
        """Run the export and return bytes, encoding text output as UTF-8.

        The cyclic garbage collector is paused while the export function runs: an export of a
        large canvas builds many small objects (rows, cells, lines) and no cycles, and the
        collector's passes over them would cost more than the export itself.

        :raises ExportSettingError: a setting has a value the exporter cannot use.
        :raises TypeError: when the export function returns neither text nor bytes.
        """
        with gc_paused():  # an export builds many small objects on a large canvas, no cycles
            output = self.export(canvas, options or ExportOptions())
        if isinstance(output, str):
            return output.encode("utf-8")
        if isinstance(output, bytes | bytearray):
            return bytes(output)
        raise TypeError(
            f"exporter {self.name!r} returned {type(output).__name__}; expected str or bytes"
        )
