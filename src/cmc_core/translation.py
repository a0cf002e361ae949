"""Dutch and English for every sentence cmc shows: gettext catalogs, one per part of cmc.

The method is Dutch and its workshops are held in Dutch, so every text a person reads exists in
both languages. The source texts are English and serve as the message ids; the translations
live in standard gettext catalogs shipped inside the package
(``locale/LANG/LC_MESSAGES/DOMAIN.po``, compiled to ``.mo`` beside them by Babel through
``python tools/catalogs.py``). Each part of cmc has its own domain (``rules``, ``scores``,
``cli`` ...), so that a plugin can ship catalogs the same way without touching ours.

A module declares its catalog once and marks its texts with it::

    _ = Messages("cmc_core", "rules")

    _("The community has no supplier inside its boundary.")
    _("{name} holds no role.", name=party.name)
    _.plural("{count} flow", "{count} flows", count)
    TITLE = N_("Several suppliers and demanders")   # translated later, with _.translate(TITLE)

Fields are ``str.format`` fields, filled in after translation, so that a translation may put
them in another order. The language of the moment is a context variable: set it with
:func:`using_language` around an evaluation or a command, and every text made inside speaks it,
in this thread or task only. When none is set, ``CMC_LANG`` and then the locale decide
(:func:`environment_language`).
"""

from __future__ import annotations

import functools
import gettext
import os
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib.resources import files
from typing import Final

from cmc_core.vocabulary import Language

__all__ = [
    "ENVIRONMENT_VARIABLE",
    "N_",
    "Messages",
    "chosen_language",
    "current_language",
    "environment_language",
    "language_of",
    "using_language",
]

#: The environment variable that picks the language when no option or canvas does.
ENVIRONMENT_VARIABLE: Final = "CMC_LANG"
#: The locale variables, in the order gettext itself reads them.
_LOCALE_VARIABLES: Final = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_CHOSEN: ContextVar[Language | None] = ContextVar("cmc_language", default=None)


def language_of(value: str | Language | None) -> Language | None:
    """The :class:`Language` a setting such as ``nl``, ``NL``, ``nl_NL.UTF-8`` or ``en-GB``
    names, or ``None`` when it names neither of the two."""
    if value is None:
        return None
    if isinstance(value, Language):
        return value
    head = value.strip().lower().replace("-", "_").split("_", 1)[0].split(".", 1)[0]
    try:
        return Language(head)
    except ValueError:
        return None


def environment_language() -> Language:
    """The language the environment asks for: ``CMC_LANG``, else the first locale variable that
    is set (``LANGUAGE`` may list several, separated by colons), else English."""
    chosen = language_of(os.environ.get(ENVIRONMENT_VARIABLE))
    if chosen is not None:
        return chosen
    for variable in _LOCALE_VARIABLES:
        value = os.environ.get(variable, "")
        if not value:
            continue
        for part in value.split(":"):
            found = language_of(part)
            if found is not None:
                return found
        # The first variable that is set decides, as in gettext; "C" or "POSIX" mean English.
        return Language.EN
    return Language.EN


def chosen_language() -> Language | None:
    """The language set by the innermost :func:`using_language`, or ``None`` outside one."""
    return _CHOSEN.get()


def current_language() -> Language:
    """The language texts are made in now: the chosen one, else the environment's."""
    chosen = _CHOSEN.get()
    return chosen if chosen is not None else environment_language()


@contextmanager
def using_language(language: Language | str | None) -> Iterator[Language]:
    """Make texts in ``language`` inside the block (``None`` keeps the current language).

    :raises ValueError: ``language`` names neither Dutch nor English.
    """
    if language is None:
        yield current_language()
        return
    resolved = language_of(language)
    if resolved is None:
        raise ValueError(f"{language!r} is not a language of cmc; choose nl or en")
    token = _CHOSEN.set(resolved)
    try:
        yield resolved
    finally:
        _CHOSEN.reset(token)


def N_(message: str) -> str:  # noqa: N802 - the name gettext's tools look for
    """Mark ``message`` for the catalog without translating it now: for texts defined at import
    time (a rule's title), translated when shown with :meth:`Messages.translate`."""
    return message


@functools.cache
def _translations(package: str, domain: str, language: Language) -> gettext.NullTranslations:
    """The compiled catalog of ``domain`` in ``package`` for ``language``; the identity when the
    package ships none (a plugin without catalogs speaks its source language)."""
    try:
        directory = files(package) / "locale"
    except ModuleNotFoundError:
        return gettext.NullTranslations()
    path = directory / language.value / "LC_MESSAGES" / f"{domain}.mo"
    if not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as stream:
        return gettext.GNUTranslations(stream)


class Messages:
    """The texts of one catalog: call it to translate, with fields filled in afterwards.

    :param package: the import package that ships ``locale/`` (``"cmc_core"``).
    :param domain: the catalog's name inside it (``"rules"``).
    """

    __slots__ = ("domain", "package")

    def __init__(self, package: str, domain: str) -> None:
        self.package = package
        self.domain = domain

    def __repr__(self) -> str:
        return f"Messages({self.package!r}, {self.domain!r})"

    def catalog(self, language: Language | None = None) -> gettext.NullTranslations:
        """The compiled catalog for ``language`` (default: the current language)."""
        return _translations(self.package, self.domain, language or current_language())

    def __call__(self, message: str, /, **fields: object) -> str:
        """``message`` in the current language, its ``{fields}`` filled in."""
        text = self.catalog().gettext(message)
        return text.format(**fields) if fields else text

    def plural(self, singular: str, plural: str, count: int, /, **fields: object) -> str:
        """The singular or plural form for ``count`` in the current language; ``{count}`` and
        the other ``fields`` are filled in."""
        text = self.catalog().ngettext(singular, plural, count)
        return text.format(count=count, **fields)

    def translate(self, message: str, language: Language | None = None, **fields: object) -> str:
        """A text marked earlier with :func:`N_` in ``language`` (default: the current one)."""
        text = self.catalog(language).gettext(message)
        return text.format(**fields) if fields else text
