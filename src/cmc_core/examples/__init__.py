"""The bundled example canvases and the starter canvases behind ``cmc new``.

The canvases are YAML files shipped inside this package (package data), read with
``pkgutil.get_data`` only when asked for: importing this module reads no file. Each
:class:`Example` records what ``cmc check`` is documented to report for it, so that the docs,
the command line and the tests agree on one expectation (``docs/examples.md``).

Parsing is the file format's job; this module hands out text::

    from cmc_core.examples import example_text
    from cmc_core.fileformat import loads

    document = loads(example_text("port-logistics"), "yaml", source="example:port-logistics")

The titles, the expected results as ``cmc examples`` lists them and the errors exist in Dutch and
English (the ``check`` catalog); :attr:`Example.title` and :attr:`Example.expected` are the
English texts, :meth:`Example.title_in` and :meth:`Example.expected_in` those of a language.
"""

from __future__ import annotations

import difflib
import pkgutil

import attrs

from cmc_core.errors import CmcError
from cmc_core.translation import N_, Messages
from cmc_core.vocabulary import Language, LanguageCode

__all__ = [
    "EXAMPLES",
    "Example",
    "UnknownExampleError",
    "UnknownStarterLanguageError",
    "example_text",
    "get",
    "names",
    "starter_text",
]

_ = Messages("cmc_core", "check")


class UnknownExampleError(CmcError, LookupError):
    """No bundled example has the requested name.

    :param name: the name that was asked for.
    :param known: the names of the bundled examples.
    """

    def __init__(self, name: str, known: tuple[str, ...]) -> None:
        self.name = name
        self.known = known
        close = difflib.get_close_matches(name, known, n=1)
        fields = {"name": repr(name), "examples": ", ".join(known)}
        if close:
            message = _(
                "there is no bundled example {name}; did you mean {close}? "
                "The examples are: {examples}.",
                close=repr(close[0]),
                **fields,
            )
        else:
            message = _(
                "there is no bundled example {name}. The examples are: {examples}.", **fields
            )
        super().__init__(message)


class UnknownStarterLanguageError(CmcError, ValueError):
    """There is no starter canvas in the requested language (only ``nl`` and ``en``)."""

    def __init__(self, language: str) -> None:
        self.language = language
        choices = ", ".join(member.value for member in Language)
        message = _(
            "there is no starter canvas in language {language}; choose {choices}.",
            language=repr(language),
            choices=choices,
        )
        super().__init__(message)


@attrs.frozen
class Example:
    """A bundled example canvas and the result ``cmc check`` gives for it.

    :param name: the name used on the command line (``cmc check --example NAME``).
    :param title: a one-line description, in English (marked for the catalog: see
        :meth:`title_in`).
    :param language: the language the canvas is written in.
    :param file_name: the YAML file inside this package.
    :param expected_ok: whether the canvas passes, that is, has no error-level diagnostic
        (``cmc check`` exits with 0; otherwise with 1).
    :param expected_codes: the codes of the error-level diagnostics, sorted; empty when the
        canvas passes.
    """

    name: str
    title: str
    language: Language
    file_name: str
    expected_ok: bool
    expected_codes: tuple[str, ...] = ()

    @property
    def expected(self) -> str:
        """The documented result in a few words, such as ``fails: CMC001, CMC003``."""
        return self.expected_in(Language.EN)

    def expected_in(self, language: Language | None = None) -> str:
        """:attr:`expected` in ``language`` (default: the current one); the codes stay codes."""
        if self.expected_ok:
            return _.translate("passes", language)
        return _.translate("fails: {codes}", language, codes=", ".join(self.expected_codes))

    def title_in(self, language: Language | None = None) -> str:
        """The title in ``language`` (default: the current one)."""
        return _.translate(self.title, language)

    @property
    def exit_code(self) -> int:
        """The exit status ``cmc check --example NAME`` is documented to return."""
        return 0 if self.expected_ok else 1


#: The bundled examples, in the order ``cmc examples`` lists them.
EXAMPLES: tuple[Example, ...] = (
    Example(
        name="port-logistics",
        title=N_("Havencommunity Noordmonde: a port logistics community (in Dutch)"),
        language=Language.NL,
        file_name="port-logistics.cmc.yaml",
        expected_ok=True,
    ),
    Example(
        name="regional-healthcare",
        title=N_("Westmere Regional Care Chain: GPs, hospital, pharmacies, home care and insurers"),
        language=Language.EN,
        file_name="regional-healthcare.cmc.yaml",
        expected_ok=True,
    ),
    Example(
        name="single-owner-platform",
        title=N_("FreshLink: a single-owner marketplace that calls itself a community"),
        language=Language.EN,
        file_name="single-owner-platform.cmc.yaml",
        expected_ok=False,
        expected_codes=("CMC001", "CMC003", "CMC004", "CMC006", "CMC024", "CMC025"),
    ),
)

_STARTER_FILES: dict[Language, str] = {
    Language.NL: "starter-nl.cmc.yaml",
    Language.EN: "starter-en.cmc.yaml",
}


def names() -> tuple[str, ...]:
    """The names of the bundled examples, in listing order."""
    return tuple(example.name for example in EXAMPLES)


def get(name: str) -> Example:
    """The bundled example called ``name``.

    :raises UnknownExampleError: when no example has that name (the message suggests the
        closest name and lists them all).
    """
    for example in EXAMPLES:
        if example.name == name:
            return example
    raise UnknownExampleError(name, names())


def example_text(name: str) -> str:
    """The YAML text of a bundled example, exactly as shipped.

    :raises UnknownExampleError: when no example has that name.
    """
    return _read(get(name).file_name)


def starter_text(language: Language | LanguageCode | str = Language.EN) -> str:
    """The YAML text of the starter canvas in ``language``, for ``cmc new``.

    The starter has every section with empty values and the guiding questions of each block as
    comments; it loads cleanly and validation lists what is still missing.

    :raises UnknownStarterLanguageError: for a language other than ``nl`` or ``en``.
    """
    try:
        chosen = Language(language)
    except ValueError:
        raise UnknownStarterLanguageError(str(language)) from None
    return _read(_STARTER_FILES[chosen])


def _read(file_name: str) -> str:
    # pkgutil rather than importlib.resources: the same package data, read through the
    # package's loader (a zip import too), without importing what the resources API brings
    # along (zipfile among it), which cmc check --example would pay for on every run.
    data = pkgutil.get_data(__name__, file_name)
    if data is None:  # pragma: no cover - a loader that cannot read data
        raise FileNotFoundError(file_name)
    return data.decode("utf-8")
