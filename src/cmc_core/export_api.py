"""Exporting in one call, for apps: :func:`export` and the errors it raises.

::

    from cmc_core import export, load

    canvas = load("canvas.cmc.yaml").canvas
    html = export(canvas, "html", language="en", paper="a2")     # str: a text exporter
    pdf = export(canvas, "pdf")                                  # bytes

:func:`export` does what ``cmc export`` does: it finds the exporter among the plugins, refuses a
setting the exporter does not read, assesses the canvas with the plugins' rules and scorers
(answers given reach every scorer that reads them) and runs the exporter in the language asked
for, else the canvas's. Every failure is an :class:`ExportError`:

- :class:`UnknownExporterError`: no exporter has the name (with the closest one);
- :class:`ExportSettingError`: a setting has a value the exporter cannot use, or
  (:class:`UnknownSettingError`) the exporter does not read it (with the closest key);
- :class:`ExporterFailedError`: the exporter (or a rule or scorer it showed) raised; the
  message names the plugin, and the exception is chained.

Their messages are Dutch or English, in the language of the moment
(:func:`~cmc_core.translation.using_language`); only a bad setting the exporter itself finds
while it runs is said in the export's language, as ``cmc export`` says it.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from cmc_core.exporting import (
    ExportError,
    ExportOptions,
    ExportSettingError,
    UnknownSettingError,
)
from cmc_core.gctools import gc_paused
from cmc_core.plugin_config import PluginConfig
from cmc_core.translation import Messages, using_language
from cmc_core.vocabulary import Language

if TYPE_CHECKING:
    from collections.abc import Iterable

    from cmc_core.canvas import Canvas
    from cmc_core.exporting import Exporter
    from cmc_core.plugins import PluginInfo, Plugins
    from cmc_core.questionnaires import AnswerSet
    from cmc_core.rules import ValidationConfig

__all__ = [
    "ExportError",
    "ExportSettingError",
    "ExporterFailedError",
    "UnknownExporterError",
    "UnknownSettingError",
    "export",
]

_ = Messages("cmc_core", "plugins")


class UnknownExporterError(ExportError, LookupError):
    """No exporter of the plugins has this name; the message suggests the closest name and
    lists them all.

    :param name: the name asked for.
    :param known: the names of the exporters there are.
    """

    def __init__(self, name: str, known: Iterable[str]) -> None:
        from cmc_core.plugins.errors import UnknownNameError  # noqa: PLC0415 (its wording)

        self.name = name
        self.known = tuple(sorted(known))
        super().__init__(str(UnknownNameError("exporter", name, self.known)))

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.name, self.known))


class ExporterFailedError(ExportError, RuntimeError):
    """The exporter raised while it ran: a fault of its plugin (or of a rule or scorer of a
    plugin whose results it showed), not of the caller. The exception it raised is chained
    (``__cause__``).

    :param exporter: the exporter's name.
    :param reason: what failed, naming the plugin at fault.
    :param plugin: the plugin at fault, when known.
    """

    def __init__(self, exporter: str, reason: str, plugin: PluginInfo | None = None) -> None:
        super().__init__(
            _("the {exporter} exporter failed: {reason}", exporter=exporter, reason=reason)
        )
        self.exporter = exporter
        self.reason = reason
        self.plugin = plugin

    def __reduce__(self) -> tuple[object, ...]:
        return (type(self), (self.exporter, self.reason, self.plugin))


_default_lock = threading.Lock()
_default: list[Plugins] = []


def _installed_plugins() -> Plugins:
    """The installed plugins, loaded once per process (a broken one is left out, with a
    warning on the ``cmc.plugins`` logger, as ``cmc`` does)."""
    with _default_lock:
        if not _default:
            from cmc_core.plugins import load_plugins  # noqa: PLC0415 (pluggy, on first use)

            _default.append(load_plugins(on_error="warn"))
        return _default[0]


def export(
    canvas: Canvas,
    name: str,
    *,
    language: Language | str | None = None,
    answers: AnswerSet | Mapping[str, Any] | None = None,
    previous: Canvas | None = None,
    config: ValidationConfig | None = None,
    plugins: Plugins | None = None,
    **settings: str | int | float | bool,
) -> bytes | str:
    """Export ``canvas`` with the exporter ``name``, as ``cmc export --to NAME`` does.

    :param canvas: the canvas (``load(path).canvas``).
    :param name: the exporter's name (``html``, ``markdown``, ``json``, a plugin's).
    :param language: ``"nl"`` or ``"en"`` for labels, headings and messages; ``None``: the
        canvas's own (``meta.language``).
    :param answers: questionnaire answers to show and score (``cmc export --answers``): an
        :class:`~cmc_core.questionnaires.AnswerSet` (``load_answers(path)``) or a mapping from
        question id to value. The answers of each questionnaire of the plugins reach the
        scorers that read them (:func:`~cmc_core.assessment.scoring_extras`).
    :param previous: an earlier version of the canvas, to show what changed (``--compare``).
    :param config: the rules' configuration (:mod:`cmc_core.config`); ``None``: the default.
    :param plugins: where the exporters, rules, scorers and questionnaires come from
        (:func:`~cmc_core.plugins.load_plugins`); ``None``: the installed plugins, loaded once
        per process.
    :param settings: the exporter's settings (``paper="a2"``, ``table="flows"``), as
        ``-O key=value``; numbers are written as text and ``True``/``False`` as ``yes``/``no``.
    :returns: text for an exporter that makes text (``str``), else ``bytes``.
    :raises UnknownExporterError: no exporter has the name.
    :raises UnknownSettingError: a setting the exporter does not read (an exporter that
        declares its settings; see :attr:`~cmc_core.exporting.Exporter.settings`).
    :raises ExportSettingError: a setting or the language has a value that cannot be used.
    :raises ExporterFailedError: the exporter raised.
    """
    active = plugins if plugins is not None else _installed_plugins()
    exporter = _exporter(active, name)
    texts = {key: _text(exporter.name, key, value) for key, value in settings.items()}
    exporter.check_settings(texts)
    chosen = _language(exporter.name, language)
    options = ExportOptions(
        language=chosen,
        settings=texts,
        extras=_extras(active, answers, previous),
        assessment=_assessment(canvas, active, config, answers),
        plugins=config.plugins if config is not None else PluginConfig(),
    )
    with using_language(chosen or canvas.meta.language):  # what it shows, as cmc export
        try:
            with gc_paused():  # an export builds many small objects on a large canvas, no cycles
                output: object = exporter.export(canvas, options)
        except ExportError:
            raise
        except Exception as error:  # said in the caller's language, below
            failure: Exception | None = error
        else:
            failure = None
    if failure is not None:
        raise _failed(exporter, failure) from failure
    if isinstance(output, str):
        return output
    if isinstance(output, bytes | bytearray):
        return bytes(output)
    reason = _("it returned {kind}; expected str or bytes", kind=type(output).__name__)
    raise ExporterFailedError(exporter.name, reason, None)


def _exporter(active: Plugins, name: str) -> Exporter:
    known = [exporter.name for exporter in active.exporters]
    if name not in known:
        raise UnknownExporterError(name, known)
    return active.exporters.get(name)


def _text(exporter: str, key: str, value: object) -> str:
    """A setting as the exporter reads it: text."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, str | int | float):
        return str(value)
    expected = _("text, a number, or True or False")
    raise ExportSettingError(exporter, key, type(value).__name__, expected)


def _language(exporter: str, language: Language | str | None) -> Language | None:
    if language is None or isinstance(language, Language):
        return language
    try:
        return Language(str(language).strip().lower())
    except ValueError:
        raise ExportSettingError(exporter, "language", str(language), "nl, en") from None


def _answer_set(answers: AnswerSet | Mapping[str, Any] | None) -> AnswerSet | None:
    from cmc_core.questionnaires import Answer, AnswerSet  # noqa: PLC0415 (on first use)

    if answers is None or isinstance(answers, AnswerSet):
        return answers
    return AnswerSet({str(q): Answer(str(q), value) for q, value in answers.items()})


def _extras(
    active: Plugins, answers: AnswerSet | Mapping[str, Any] | None, previous: Canvas | None
) -> dict[str, Any]:
    """The exporter's extras, as ``cmc export --answers --compare`` gives them."""
    extras: dict[str, Any] = {}
    given = _answer_set(answers)
    if given is not None:
        extras["answers"] = given
        extras["questionnaires"] = tuple(active.questionnaires)
    if previous is not None:
        extras["previous"] = previous
    return extras


def _assessment(
    canvas: Canvas,
    active: Plugins,
    config: ValidationConfig | None,
    answers: AnswerSet | Mapping[str, Any] | None,
) -> Any:
    """The canvas's assessment with the plugins' rules and scorers, the answers reaching every
    scorer that reads them (the quickscan's always: its dimension is built in)."""
    from cmc_core.assessment import assess, scoring_extras  # noqa: PLC0415 (on first use)
    from cmc_core.questionnaires import QUICKSCAN, quickscan  # noqa: PLC0415

    questionnaires = tuple(active.questionnaires)
    if not any(questionnaire.name == QUICKSCAN for questionnaire in questionnaires):
        questionnaires = (quickscan(), *questionnaires)
    extras = scoring_extras(_answer_set(answers), questionnaires)
    return assess(canvas, plugins=active, config=config, extras=extras)


def _failed(exporter: Exporter, error: Exception) -> ExporterFailedError:
    """The error an exporter's exception becomes, naming the plugin at fault."""
    from cmc_core.plugins import call_error_of  # noqa: PLC0415 (pluggy, on first use)

    fault = call_error_of(error)
    if fault is not None:
        return ExporterFailedError(exporter.name, str(fault), fault.plugin)
    detail = str(error).strip().splitlines()
    reason = f"{type(error).__name__}: {detail[0]}" if detail else type(error).__name__
    return ExporterFailedError(exporter.name, reason, None)
