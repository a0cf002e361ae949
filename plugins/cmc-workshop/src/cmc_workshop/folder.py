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

import secrets
import threading
import unicodedata
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cmc_core.errors import CmcError
from cmc_core.fileformat.atomic import write_atomic
from cmc_core.translation import Messages

from cmc_workshop import answering
from cmc_workshop.records import AnswersProblems, Decision, Participant, WorkshopError
from cmc_workshop.storage import (
    ANSWERS_DIR,
    PARTICIPANT_SUFFIX,
    WORKSHOP_FILE,
    lock_for,
    now,
    read_toml,
    slugify,
    write_toml,
)

if TYPE_CHECKING:
    from cmc_core.canvas import Canvas
    from cmc_core.plugins import Plugins
    from cmc_core.questionnaires import Questionnaire

__all__ = ["AnswersProblems", "Decision", "Participant", "Workshop", "WorkshopError"]

_ = Messages("cmc_workshop", "cmc_workshop")

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
    """Names are the same when they differ only in case and spacing."""
    return " ".join(name.split()).casefold()


def checked_name(name: object) -> str:
    """A participant's name, stripped: 1 to 60 characters, no control characters.

    :raises WorkshopError: what is wrong with it.
    """
    if not isinstance(name, str) or not name.strip():
        raise WorkshopError(_("Give a name to join with."))
    name = name.strip()
    if len(name) > MOST_NAME_CHARACTERS:
        raise WorkshopError(_("A name has at most {most} characters.", most=MOST_NAME_CHARACTERS))
    if any(unicodedata.category(character).startswith("C") for character in name):
        raise WorkshopError(_("A name cannot hold control characters or invisible characters."))
    return name


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
        write_atomic(folder / name, Path(canvas_file).read_bytes())  # comments and all
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
        """Everyone who joined, sorted by name."""
        found = []
        for path in sorted(self.answers_path.glob(f"*{PARTICIPANT_SUFFIX}")):
            table = read_toml(path, "participant")
            name, token = table.get("name"), table.get("token")
            if not isinstance(name, str) or not isinstance(token, str) or not token:
                raise WorkshopError(_("{path}: expected name and token as text.", path=path))
            found.append(Participant(name, path.name.removesuffix(PARTICIPANT_SUFFIX), token))
        return tuple(sorted(found, key=lambda p: (_name_key(p.name), p.name, p.slug)))

    def participant(self, token: str) -> Participant:
        """The participant whose secret ``token`` is.

        :raises WorkshopError: nobody's.
        """
        for participant in self.participants():
            if secrets.compare_digest(participant.token.encode(), str(token).encode()):
                return participant
        raise WorkshopError(_("Unknown participant: this link does not belong to this workshop."))

    def join(self, name: str) -> Participant:
        """Add a participant with a secret token of their own.

        :raises WorkshopError: the name is empty, too long, holds control characters, or is
            taken (the same apart from case and spacing).
        """
        name = checked_name(name)
        with lock_for(self.answers_path):
            taken = {_name_key(p.name) for p in self.participants()}
            if _name_key(name) in taken:
                raise WorkshopError(
                    _(
                        "The name {name!r} is taken: someone joined with it already. Choose "
                        "another name.",
                        name=name,
                    )
                )
            base = slugify(name)
            slug, number = base, 1
            while (self.answers_path / f"{slug}{PARTICIPANT_SUFFIX}").exists() or (
                answering.answers_file(self.answers_path, slug).exists()
            ):
                number += 1
                slug = f"{base}-{number}"
            token = secrets.token_urlsafe(18)
            values = {"name": name, "token": token, "joined": now()}
            self.answers_path.mkdir(parents=True, exist_ok=True)
            write_toml(self.answers_path / f"{slug}{PARTICIPANT_SUFFIX}", "participant", values)
        return Participant(name, slug, token)

    # -- answers ---------------------------------------------------------------------------

    def answers(self) -> dict[str, dict[str, object]]:
        """Every participant's answers: name -> question id -> value."""
        return {
            participant.name: answering.read_values(
                answering.answers_file(self.answers_path, participant.slug)
            )
            for participant in self.participants()
        }

    def save_answers(
        self, participant: Participant, questionnaire: str, answers: Mapping[str, object]
    ) -> int:
        """Check the answers to one questionnaire and add them to the participant's file.

        An answer ``None`` (or blank text) takes an earlier answer back. Answers given before
        to other questions stay.

        :returns: how many answers were saved.
        :raises AnswersProblems: some answer does not fit; none of them was saved.
        :raises WorkshopError: an unknown participant or questionnaire.
        """
        known = self.participant(participant.token)
        path = answering.answers_file(self.answers_path, known.slug)
        with lock_for(path):
            return answering.save(
                path,
                name=known.name,
                questionnaire=self._questionnaire(questionnaire),
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

        :raises AnswersProblems: the value does not fit the question (or the canvas).
        :raises WorkshopError: an unknown questionnaire or question.
        """
        from cmc_workshop import decisions

        return decisions.decide(self, self._questionnaire(questionnaire), question, value, by=by)

    def _questionnaire(self, name: str) -> Questionnaire:
        for questionnaire in self.questionnaires():
            if questionnaire.name == name:
                return questionnaire
        raise WorkshopError(_("There is no questionnaire {name!r}.", name=name))


def _setting(path: Path, settings: Mapping[str, Any], key: str) -> str:
    value = settings.get(key)
    if not isinstance(value, str) or not value:
        raise WorkshopError(
            _("{path}: expected {key} as text in [workshop].", path=path / WORKSHOP_FILE, key=key)
        )
    return value
