"""A workshop folder: the canvas, one answers file per participant, and the decisions taken.

::

    workshop = Workshop.start(Path("room"), Path("port.cmc.yaml"), title="Port day")
    alice = workshop.join("Alice")
    workshop.save_answers(alice, "block-boundary", {"boundary-goal": "Fewer empty trips"})
    workshop.decide("block-boundary", "boundary-goal", "Fewer empty trips", by="Facilitator")

Everything is on disk, nothing in memory: a killed server loses no saved answer, and a new
:class:`Workshop` on the same folder (a restart, ``cmc workshop merge``) sees all of it. The
answers are checked as ``cmc ask`` checks them (a :class:`~cmc_core.questionnaires.Session`
over the questionnaires ``cmc ask`` offers, on the workshop's canvas), and a participant's
answers file has the format and the marker line of the answers file ``cmc ask`` keeps, so
``cmc ask all --canvas canvas.cmc.yaml --answers answers/alice.cmc-answers.yaml`` reads it.
Who a participant is (name, secret token) lives next to it, in ``<slug>.participant.toml``:
the answers file format allows no other keys.
"""

from __future__ import annotations

import logging
import secrets
import threading
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmc_core.errors import CmcError
from cmc_core.translation import Messages

from cmc_workshop import answering
from cmc_workshop.records import (
    AnswersProblems,
    Decision,
    Participant,
    WorkshopError,
    WorkshopIOError,
)
from cmc_workshop.safety import invisible_problems
from cmc_workshop.storage import (
    ANSWERS_DIR,
    PARTICIPANT_SUFFIX,
    WORKSHOP_FILE,
    lock_for,
    now,
    read_toml,
    slugify,
    write_file,
    write_toml,
)

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.plugins import Plugins
    from cmc_core.questionnaires import Questionnaire

__all__ = [
    "AnswersProblems",
    "Decision",
    "Participant",
    "Workshop",
    "WorkshopError",
    "WorkshopIOError",
]

_ = Messages("cmc_workshop", "cmc_workshop")
#: Where a damaged participant's file is reported (once per file and problem).
log = logging.getLogger("cmc_workshop")
_warned: set[tuple[str, str]] = set()
_warned_lock = threading.Lock()

#: The longest name a participant may join with.
MOST_NAME_CHARACTERS = 60
_CANVAS_SUFFIXES = {"yaml": ".yaml", "json": ".json", "toml": ".toml"}
_installed: list[Plugins] = []
_installed_lock = threading.Lock()


def installed_plugins() -> Plugins:
    """The installed plugins, loaded once per process (a broken one left out with a warning)."""
    with _installed_lock:
        if not _installed:
            from cmc_core.plugins import load_plugins

            _installed.append(load_plugins(on_error="warn"))
        return _installed[0]


def _name_key(name: str) -> str:
    """Names are the same when they differ only in case, spacing or the Unicode spelling of
    the same letters: ``Å`` as one character or as ``A`` and a ring, full-width ``Ａｎｎａ``
    and ``Anna`` (NFKC, then case folded, then NFKC again: folding can undo it)."""
    folded = unicodedata.normalize("NFKC", name).casefold()
    return " ".join(unicodedata.normalize("NFKC", folded).split())


def _skipped(path: Path, problem: str) -> None:
    """Warn that a damaged participant's file is left out (once per file and problem)."""
    with _warned_lock:
        if (str(path), problem) in _warned:
            return
        _warned.add((str(path), problem))
    log.warning("%s", _("Left out a damaged participant's file: {problem}", problem=problem))


def checked_name(name: object) -> str:
    """A participant's name, stripped: 1 to 60 characters, no control characters.

    :raises WorkshopError: what is wrong with it.
    """
    if not isinstance(name, str) or not name.strip():
        raise WorkshopError(_("Give a name to join with."))
    name = name.strip()
    if len(name) > MOST_NAME_CHARACTERS:
        raise WorkshopError(_("A name has at most {most} characters.", most=MOST_NAME_CHARACTERS))
    if any(unicodedata.category(character)[0] in "CZ" and character != " " for character in name):
        # Cc, Cf (zero-width and direction marks), Zl, Zp and odd spaces
        raise WorkshopError(_("A name cannot hold control characters or invisible characters."))
    if all(unicodedata.category(character)[0] in "MZ" for character in name):
        raise WorkshopError(_("A name needs letters or digits, not only accents or marks."))
    return unicodedata.normalize("NFC", name)


class Workshop:
    """A workshop folder (see the module docstring); make one with :meth:`start` or
    :meth:`open`. Safe to share between threads."""

    def __init__(self, path: Path, settings: Mapping[str, Any], plugins: Plugins | None) -> None:
        self.path = path
        self.title = _setting(path, settings, "title")
        self.join_code = _setting(path, settings, "join_code")
        self.facilitator_token = _setting(path, settings, "facilitator_token")
        self.created = _setting(path, settings, "created")
        canvas = _setting(path, settings, "canvas")
        if Path(canvas).name != canvas or canvas in {".", ".."}:
            raise WorkshopError(
                _("{path}: canvas must be a file name in the workshop folder.", path=self._file)
            )
        self.canvas_path = path / canvas
        self._plugins = plugins
        self._questionnaires: tuple[Questionnaire, ...] | None = None
        # The canvas as last read, with the file's (mtime_ns, size, inode) when it was: every
        # answer a participant saves is checked against the canvas, and reading the file again
        # for each of twenty people typing costs more than checking the answers.
        self._canvas_read: tuple[tuple[int, int, int], Canvas] | None = None
        self._canvas_lock = threading.Lock()

    @property
    def _file(self) -> Path:
        return self.path / WORKSHOP_FILE

    @property
    def answers_path(self) -> Path:
        """The folder of the participants' files."""
        return self.path / ANSWERS_DIR

    # -- making and opening ----------------------------------------------------------------

    @classmethod
    def start(
        cls,
        folder: Path,
        canvas_file: Path,
        *,
        title: str | None = None,
        plugins: Plugins | None = None,
    ) -> Workshop:
        """Make a workshop in ``folder`` (made if missing) on a copy of ``canvas_file``.

        :raises WorkshopError: the folder holds a workshop already, is a file, or the canvas
            cannot be read.
        """
        from cmc_core.fileformat import load

        folder = Path(folder)
        if (folder / WORKSHOP_FILE).exists():
            raise WorkshopError(
                _(
                    "{folder} holds a workshop already; open it, or choose another folder.",
                    folder=folder,
                )
            )
        if folder.exists() and not folder.is_dir():
            raise WorkshopError(_("{folder} is a file, not a folder.", folder=folder))
        try:
            document = load(canvas_file)
        except CmcError as error:
            raise WorkshopError(str(error)) from None
        name = f"canvas.cmc{_CANVAS_SUFFIXES[document.format]}"
        (folder / ANSWERS_DIR).mkdir(parents=True, exist_ok=True)
        write_file(folder / name, Path(canvas_file).read_bytes())  # comments and all
        shown = " ".join((title or "").split()) or document.canvas.meta.name or folder.name
        settings = {
            "title": shown,
            "canvas": name,
            "join_code": f"{secrets.randbelow(10**6):06d}",
            "facilitator_token": secrets.token_urlsafe(18),
            "created": now(),
        }
        write_toml(folder / WORKSHOP_FILE, "workshop", settings)  # last: now it is a workshop
        return cls(folder, settings, plugins)

    @classmethod
    def open(cls, folder: Path, *, plugins: Plugins | None = None) -> Workshop:
        """The workshop in ``folder``.

        :raises WorkshopError: there is none, or its ``workshop.toml`` is broken.
        """
        folder = Path(folder)
        if not (folder / WORKSHOP_FILE).is_file():
            raise WorkshopError(
                _(
                    "{folder} is not a workshop folder (it has no {file}); start one with "
                    "`cmc workshop start`.",
                    folder=folder,
                    file=WORKSHOP_FILE,
                )
            )
        return cls(folder, read_toml(folder / WORKSHOP_FILE, "workshop"), plugins)

    # -- the canvas and its questions --------------------------------------------------------

    def canvas(self) -> Canvas:
        """The canvas as it is on disk now (read again only when the file changed).

        :raises WorkshopError: it cannot be read (every problem named with its place).
        """
        try:
            status = self.canvas_path.stat()
        except OSError:
            return answering.load_document(self.canvas_path).canvas  # says what is wrong
        stamp = (status.st_mtime_ns, status.st_size, status.st_ino)
        with self._canvas_lock:
            if self._canvas_read is not None and self._canvas_read[0] == stamp:
                return self._canvas_read[1]
        canvas = answering.load_document(self.canvas_path).canvas
        with self._canvas_lock:
            self._canvas_read = (stamp, canvas)
        return canvas

    def plugins(self) -> Plugins:
        """The plugins the questionnaires come from."""
        return self._plugins if self._plugins is not None else installed_plugins()

    def questionnaires(self) -> tuple[Questionnaire, ...]:
        """The questionnaires ``cmc ask`` offers: the quickscan, the canvas details and the
        blocks in fill order, then the plugins' ones."""
        if self._questionnaires is None:
            self._questionnaires = answering.offered(self.plugins())
        return self._questionnaires

    # -- participants ----------------------------------------------------------------------

    def participants(self) -> tuple[Participant, ...]:
        """Everyone who joined, sorted by name. A participant whose file is damaged (someone
        edited it by hand) is left out, with a warning on the ``cmc_workshop`` logger naming
        the file and the problem, so that the rest of the room keeps working."""
        return self._read_participants()[0]

    def _read_participants(self) -> tuple[tuple[Participant, ...], tuple[str, ...]]:
        """The participants, and the slugs of the damaged files left out."""
        found, damaged = [], []
        for path in sorted(self.answers_path.glob(f"*{PARTICIPANT_SUFFIX}")):
            slug = path.name.removesuffix(PARTICIPANT_SUFFIX)
            try:
                found.append(_participant(path, slug))
            except WorkshopError as error:  # also WorkshopIOError: a directory, no permission
                _skipped(path, str(error))
                damaged.append(slug)
        ordered = sorted(found, key=lambda p: (_name_key(p.name), p.name, p.slug))
        return tuple(ordered), tuple(damaged)

    def participant(self, token: str) -> Participant:
        """The participant whose secret ``token`` is.

        :raises WorkshopError: nobody's.
        """
        for participant in self.participants():
            if secrets.compare_digest(participant.token.encode(), str(token).encode()):
                return participant
        raise WorkshopError(_("Unknown participant: this link does not belong to this workshop."))

    def join(self, name: str, language: str | None = None) -> Participant:
        """Add a participant with a secret token of their own, and the language they chose
        (``nl`` or ``en``; ``None``: none chosen).

        :raises WorkshopError: the name is empty, too long, holds control characters, or is
            taken (the same apart from case, spacing and Unicode spelling), or its file is
            damaged (it is never overwritten); the language is not one cmc speaks.
        :raises WorkshopIOError: the participant's file cannot be written.
        """
        from cmc_core.vocabulary import Language

        name = checked_name(name)
        if language is not None and language not in {known.value for known in Language}:
            raise WorkshopError(
                _("There is no language {language!r}: choose nl or en.", language=language)
            )
        with lock_for(self.answers_path):
            present, damaged = self._read_participants()
            taken = {_name_key(p.name) for p in present}
            base = slugify(name)
            if any(slug == base or slug.startswith(f"{base}-") for slug in damaged):
                damaged_file = f"{base}{PARTICIPANT_SUFFIX}"
                raise WorkshopError(
                    _(
                        "The name {name!r} cannot be checked: the file {file} in the answers "
                        "folder is damaged. Ask the facilitator to repair it, or choose "
                        "another name.",
                        name=name,
                        file=damaged_file,
                    )
                )
            if _name_key(name) in taken:
                raise WorkshopError(
                    _(
                        "The name {name!r} is taken: someone joined with it already. Choose "
                        "another name.",
                        name=name,
                    )
                )
            slug, number = base, 1
            while (self.answers_path / f"{slug}{PARTICIPANT_SUFFIX}").exists() or (
                answering.answers_file(self.answers_path, slug).exists()
            ):
                number += 1
                slug = f"{base}-{number}"
            token = secrets.token_urlsafe(18)
            values = {"name": name, "token": token, "joined": now()}
            if language is not None:
                values["language"] = language
            try:
                self.answers_path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                from cmc_workshop.storage import cannot_write

                raise WorkshopIOError(cannot_write(self.answers_path, error)) from None
            write_toml(self.answers_path / f"{slug}{PARTICIPANT_SUFFIX}", "participant", values)
        return Participant(name, slug, token, language)

    # -- answers ---------------------------------------------------------------------------

    def answers(self) -> dict[str, dict[str, object]]:
        """Every participant's answers: name -> question id -> value. A participant whose
        answers file is damaged is left out, with a warning (see :meth:`participants`)."""
        found: dict[str, dict[str, object]] = {}
        for participant in self.participants():
            path = answering.answers_file(self.answers_path, participant.slug)
            try:
                found[participant.name] = answering.read_values(path)
            except WorkshopError as error:  # also WorkshopIOError
                _skipped(path, str(error))
        return found

    def save_answers(
        self, participant: Participant, questionnaire: str, answers: Mapping[str, object]
    ) -> int:
        """Check the answers to one questionnaire and add them to the participant's file.

        An answer ``None`` (or blank text) takes an earlier answer back. Answers given before
        to other questions stay.

        :returns: how many answers were saved.
        :raises AnswersProblems: some answer does not fit (or holds control characters or
            direction marks, see :mod:`cmc_workshop.safety`); none of them was saved.
        :raises WorkshopError: an unknown participant or questionnaire.
        :raises WorkshopIOError: the participant's file cannot be read or written.
        """
        known = self.participant(participant.token)
        path = answering.answers_file(self.answers_path, known.slug)
        asked = self._questionnaire(questionnaire)
        refused = invisible_problems(asked.questions, answers)
        if refused:
            raise AnswersProblems(refused.items())
        with lock_for(path):
            return answering.save(
                path,
                name=known.name,
                questionnaire=asked,
                questionnaires=self.questionnaires(),
                canvas=self.canvas(),
                given=answers,
            )

    # -- decisions -------------------------------------------------------------------------

    def decisions(self) -> tuple[Decision, ...]:
        """The decisions taken, oldest first."""
        from cmc_workshop import decisions

        return decisions.read(self.path)

    def decide(self, questionnaire: str, question: str, value: object, *, by: str) -> Decision:
        """Write an agreed answer into the canvas (its comments kept) and record the decision.

        :raises AnswersProblems: the value does not fit the question (or the canvas), is empty,
            or holds control characters or direction marks.
        :raises WorkshopError: an unknown questionnaire or question.
        :raises WorkshopIOError: the canvas or ``decisions.yaml`` cannot be read or written;
            then neither is changed.
        """
        from cmc_workshop import decisions

        return decisions.decide(self, self._questionnaire(questionnaire), question, value, by=by)

    def _questionnaire(self, name: str) -> Questionnaire:
        for questionnaire in self.questionnaires():
            if questionnaire.name == name:
                return questionnaire
        raise WorkshopError(_("There is no questionnaire {name!r}.", name=name))


def _participant(path: Path, slug: str) -> Participant:
    """The participant of a ``.participant.toml`` file.

    :raises WorkshopError: it is damaged.
    """
    table = read_toml(path, "participant")
    name, token, language = table.get("name"), table.get("token"), table.get("language")
    if not isinstance(name, str) or not isinstance(token, str) or not token:
        raise WorkshopError(_("{path}: expected name and token as text.", path=path))
    return Participant(name, slug, token, language if isinstance(language, str) else None)


def _setting(path: Path, settings: Mapping[str, Any], key: str) -> str:
    value = settings.get(key)
    if not isinstance(value, str) or not value:
        raise WorkshopError(
            _("{path}: expected {key} as text in [workshop].", path=path / WORKSHOP_FILE, key=key)
        )
    return value
