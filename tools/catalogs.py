"""Keep the gettext catalogs in step with the code: extract, update, compile, check.

    python tools/catalogs.py update    # extract the texts, update every .po, compile every .mo
    python tools/catalogs.py check     # exit 1 when a text lacks a translation or a .mo is stale
    python tools/catalogs.py update cmc_digital_waste   # only the catalogs of these packages

A module belongs to the catalog it declares (``_ = Messages("cmc_core", "rules")``), so that the
list of sources per catalog is said once, in the code. The packages searched are cmc's own
(``src/*``) and those of the bundled plugins (``plugins/*/src/*``) and of the how-to guides'
example plugins (``docs/examples/*/src/*``); each package's catalogs live inside that package
(``.../src/PACKAGE/locale/LANG/LC_MESSAGES/DOMAIN.po``), so that its wheel ships them.
Extraction and compilation are Babel's; the English catalog is kept filled with the source
texts, so that both languages are complete catalogs and a missing text shows in either.
``tests/test_catalogs.py`` runs :func:`problems`.
"""

from __future__ import annotations

import io
import re
import string
import sys
from collections.abc import Collection, Iterator
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
#: Where the import packages are, relative to ROOT: cmc's own, the bundled plugins', the docs'.
SOURCE_ROOTS = ("src", "plugins/*/src", "docs/examples/*/src")


def packages(root: Path) -> tuple[Path, ...]:
    """The import packages (directories with an ``__init__.py``) under ``root``'s source roots."""
    return tuple(
        sorted(
            package
            for pattern in SOURCE_ROOTS
            for source in root.glob(pattern)
            for package in source.iterdir()
            if (package / "__init__.py").is_file()
        )
    )


#: The package directories searched for catalog declarations; each holds its own catalogs.
SOURCES = packages(ROOT)
LANGUAGES = ("nl", "en")
#: The call names Babel extracts: ``_("...")``, ``_.plural("...", "...", n)``, ``N_("...")``.
KEYWORDS = {"_": None, "plural": (1, 2), "N_": None, "translate": None}
_DECLARATION = re.compile(r"""Messages\(\s*["'](\w+)["']\s*,\s*["'](\w+)["']\s*\)""")


def declared_catalogs() -> dict[tuple[str, str], list[Path]]:
    """Every (package, domain) declared in the sources, with the modules that declare it."""
    found: dict[tuple[str, str], list[Path]] = {}
    for source in SOURCES:
        for path in sorted(source.rglob("*.py")):
            for match in _DECLARATION.finditer(path.read_text(encoding="utf-8")):
                if path.name == "translation.py":
                    continue
                found.setdefault((match[1], match[2]), []).append(path)
    return found


def package_directory(package: str) -> Path:
    """The directory of the import package ``package`` among :data:`SOURCES` (cmc's own
    ``src/PACKAGE`` when none is named so: a catalog declared for a package not in this
    repository is written where cmc's own would be)."""
    for source in SOURCES:
        if source.name == package:
            return source
    return ROOT / "src" / package


def _shown(path: Path) -> str:
    """``path`` as the catalogs and messages name it: relative to its project (the folder
    holding ``src``), so that a plugin's catalogs do not name where the repository keeps it."""
    for parent in path.parents:
        if parent.name == "src":
            return str(path.relative_to(parent.parent))
    return str(path.relative_to(ROOT))


def extracted(paths: list[Path]) -> Catalog:
    """The texts marked in ``paths``, as a template catalog with their source lines."""
    template = Catalog(fuzzy=False)
    for path in paths:
        with path.open("rb") as stream:
            for line, message, comments, _context in extract(
                "python", stream, keywords=KEYWORDS, strip_comment_tags=True
            ):
                template.add(
                    message,
                    None,
                    [(_shown(path), line)],
                    auto_comments=comments,
                )
    return template


def catalog_path(package: str, domain: str, language: str, suffix: str) -> Path:
    """Where the catalog of ``domain`` for ``language`` lives inside ``package``."""
    directory = package_directory(package) / "locale" / language / "LC_MESSAGES"
    return directory / f"{domain}{suffix}"


def _read(path: Path, language: str, domain: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=language, domain=domain, project="cmc", fuzzy=False)
    with path.open("rb") as stream:
        return read_po(stream, locale=language, domain=domain)


def _fill_english(catalog: Catalog) -> None:
    """English is the source language: its translations are the source texts themselves."""
    for message in catalog:
        if message.id:
            message.string = message.id
            message.flags.discard("fuzzy")


def _po_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=100, sort_output=False, omit_header=False, no_location=False)
    return buffer.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    return buffer.getvalue()


def updated(package: str, domain: str, language: str, template: Catalog) -> Catalog:
    """The catalog of ``language`` updated to ``template``: new texts added, gone ones dropped
    (no fuzzy matching: a changed English text must be translated anew, not guessed)."""
    catalog = _read(catalog_path(package, domain, language, ".po"), language, domain)
    catalog.update(
        template, no_fuzzy_matching=True, update_header_comment=False, update_creation_date=False
    )
    catalog.obsolete.clear()
    catalog.project = "cmc"
    catalog.version = ""
    catalog.msgid_bugs_address = ""
    catalog.language_team = "cmc"
    catalog.last_translator = "cmc"
    catalog.revision_date = catalog.creation_date
    if language == "en":
        _fill_english(catalog)
    return catalog


def _chosen(only: Collection[str]) -> list[tuple[tuple[str, str], list[Path]]]:
    """The declared catalogs of the packages ``only`` names (all of them when it is empty)."""
    return [
        (key, paths)
        for key, paths in sorted(declared_catalogs().items())
        if not only or key[0] in only
    ]


def update(only: Collection[str] = ()) -> None:
    """Extract every catalog's texts (of the packages ``only`` names, when it names any),
    update its .po files and compile its .mo files."""
    for (package, domain), paths in _chosen(only):
        template = extracted(paths)
        for language in LANGUAGES:
            catalog = updated(package, domain, language, template)
            po = catalog_path(package, domain, language, ".po")
            po.parent.mkdir(parents=True, exist_ok=True)
            po.write_bytes(_po_bytes(catalog))
            catalog_path(package, domain, language, ".mo").write_bytes(_mo_bytes(catalog))
            missing = sum(1 for message in catalog if message.id and not _translated(message))
            print(f"{po.relative_to(ROOT)}: {len(catalog)} texts, {missing} untranslated")


def _fields(text: object) -> set[str]:
    """The ``str.format`` field names in ``text`` (a message id or translation)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(str(text)) if name is not None}
    except ValueError:
        return {"<malformed>"}


def _texts(catalog: Catalog) -> dict[object, object]:
    """What a catalog translates, header aside (it names the Babel version that wrote it)."""

    def frozen(value: object) -> object:
        return tuple(value) if isinstance(value, list | tuple) else value

    return {
        frozen(message.id): frozen(message.string)
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


def _compiled(path: Path) -> dict[object, object]:
    with path.open("rb") as stream:
        return _texts(read_mo(stream))


def _translated(message: Message) -> bool:
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    return all(strings) and not message.fuzzy


def _message_problems(where: str, message: Message) -> Iterator[str]:
    ids = message.id if isinstance(message.id, tuple) else (message.id,)
    strings = message.string if isinstance(message.string, tuple) else (message.string,)
    if not _translated(message):
        yield f"{where}: no translation of {ids[0]!r}"
        return
    wanted = set().union(*(_fields(text) for text in ids))
    for text in strings:
        if not _fields(text) <= wanted:
            yield f"{where}: {ids[0]!r}: the translation uses fields {sorted(_fields(text))}"


def problems(only: Collection[str] = ()) -> list[str]:
    """Everything wrong with the catalogs (of the packages ``only`` names, when it names any):
    texts missing from a catalog or without a translation, translations with other fields,
    texts no longer in the code, stale .mo files."""
    found: list[str] = []
    for (package, domain), paths in _chosen(only):
        template = extracted(paths)
        for language in LANGUAGES:
            po = catalog_path(package, domain, language, ".po")
            if not po.exists():
                found.append(f"{po.relative_to(ROOT)}: missing")
                continue
            catalog = _read(po, language, domain)
            where = str(po.relative_to(ROOT))
            for message in template:
                if message.id and catalog.get(message.id) is None:
                    found.append(f"{where}: {message.id!r} is not in the catalog")
            for message in catalog:
                if not message.id:
                    continue
                if template.get(message.id) is None:
                    found.append(f"{where}: {message.id!r} is no longer in the code")
                else:
                    found.extend(_message_problems(where, message))
            mo = catalog_path(package, domain, language, ".mo")
            if not mo.exists() or _compiled(mo) != _texts(catalog):
                found.append(f"{mo.relative_to(ROOT)}: stale; run python tools/catalogs.py update")
    return found


def main(argv: list[str]) -> int:
    """``update`` or ``check``, for every package or the ones named; see the module's
    docstring."""
    command, only = (argv[1], argv[2:]) if len(argv) > 1 else ("", [])
    unknown = sorted(set(only) - {package for package, _domain in declared_catalogs()})
    if unknown:
        print(f"No catalog is declared in {', '.join(unknown)}.", file=sys.stderr)
        return 2
    if command == "update":
        update(only)
        return 0
    if command == "check":
        found = problems(only)
        print("\n".join(found) or "The catalogs are complete.")
        return 1 if found else 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
