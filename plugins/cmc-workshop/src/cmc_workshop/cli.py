"""The command group ``cmc workshop``: start, serve, merge, report.

Exit statuses are cmc's: 0 done, 2 the command could not do its job (a folder that is no
workshop, a missing extra, a file that cannot be written), each with one message on stderr in
the command's language (``--lang``, else the workshop canvas's, else ``CMC_LANG``/the locale).
``serve`` imports the web app (:mod:`cmc_workshop.server`) only when it runs; without starlette
and uvicorn it says which extra to install.
"""

from __future__ import annotations

import contextlib
import importlib
import importlib.util
from collections.abc import Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click
from cmc_core.cli import hosting
from cmc_core.errors import CmcError
from cmc_core.translation import Messages, current_language

if TYPE_CHECKING:
    from cmc_workshop.folder import Workshop

__all__ = ["workshop"]

_ = Messages("cmc_workshop", "cmc_workshop")

_EXIT_FAILED = 2
_LANG_HELP = "The language of the messages and reports."


class WorkshopFailure(click.ClickException):
    """One message on stderr, in the command's language, and exit status 2."""

    exit_code = _EXIT_FAILED

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.shown = _("Error: {message}", message=message)

    def show(self, file: IO[Any] | None = None) -> None:
        """Print the message (control characters in it cannot reach the terminal)."""
        text = "".join(c if c.isprintable() or c in "\n\t" else "?" for c in self.shown)
        click.echo(text, err=True)


@contextlib.contextmanager
def _failures() -> Iterator[None]:
    """A library refusal (a :class:`~cmc_core.errors.CmcError`) as a :class:`WorkshopFailure`."""
    try:
        yield
    except CmcError as error:
        raise WorkshopFailure(str(error)) from None
    except OSError as error:
        raise WorkshopFailure(
            _("{path}: {reason}", path=error.filename or "", reason=error.strerror or error)
        ) from None


def _open(folder: Path) -> Workshop:
    # Imported when a command runs: cmc --help lists this group without reading any file.
    from cmc_workshop.folder import Workshop

    return Workshop.open(folder, plugins=hosting.active_plugins())


@contextlib.contextmanager
def _speaking_for(folder: Path, lang: str | None) -> Iterator[Workshop]:
    """The workshop in ``folder``, with the command speaking ``--lang``, else its canvas's."""
    with hosting.speaking(lang), _failures():
        found = _open(folder)
        canvas = found.canvas()
    with hosting.speaking(lang, canvas), _failures():
        yield found


@click.group("workshop", short_help="Run a workshop: many participants, one canvas.")
def workshop() -> None:
    """Run a CMC workshop: participants answer the questionnaires in the browser, the
    facilitator works the dialogue agenda (where they disagree first), and the canvas is
    filled live on the projector. See docs/workshop.md."""


@workshop.command("start")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option(
    "--canvas",
    "canvas_file",
    required=True,
    type=click.Path(path_type=Path, dir_okay=False),
    help="The canvas the workshop fills (copied into the folder, comments and all).",
)
@click.option("--title", help="The workshop's title. Default: the canvas's name.")
@hosting.language_option(_LANG_HELP)
def start(folder: Path, canvas_file: Path, title: str | None, lang: str | None) -> None:
    """Make a workshop folder FOLDER on a copy of the canvas, and print the join code and
    the facilitator's page."""
    from cmc_workshop.answering import load_document

    with hosting.speaking(lang), _failures():
        canvas = load_document(canvas_file).canvas
    with hosting.speaking(lang, canvas), _failures():
        from cmc_workshop.folder import Workshop

        made = Workshop.start(folder, canvas_file, title=title, plugins=hosting.active_plugins())
        click.echo(
            _("Started the workshop {title!r} in {folder}.", title=made.title, folder=folder)
        )
        click.echo(_("Join code for the participants: {code}", code=made.join_code))
        click.echo(
            _("Facilitator page (keep it to yourself): /f/{token}", token=made.facilitator_token)
        )
        click.echo(_("Next: cmc workshop serve {folder}", folder=folder))


@workshop.command("serve")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="The address to listen on; another than 127.0.0.1 opens it to the network.",
)
@click.option(
    "--port",
    default=8765,
    show_default=True,
    type=click.IntRange(0, 65535),
    help="The port to listen on.",
)
@hosting.language_option(_LANG_HELP)
def serve(folder: Path, host: str, port: int, lang: str | None) -> None:
    """Serve the workshop in FOLDER: the participants' pages, the facilitator's page and the
    live poster (needs the serve extra: pip install "cmc-workshop[serve]")."""
    with _speaking_for(folder, lang) as found:
        server = _server_module()
        # The server says where to go once it listens (cmc_workshop.server.run).
        server.run(found, host=host, port=port)


def _server_module() -> Any:
    """:mod:`cmc_workshop.server`, imported now.

    :raises WorkshopFailure: starlette or uvicorn is missing, or the server part is.
    """
    needed = 'pip install "cmc-workshop[serve]"'
    if any(importlib.util.find_spec(name) is None for name in ("starlette", "uvicorn")):
        raise WorkshopFailure(
            _("The web app needs starlette and uvicorn: {command}", command=needed)
        )
    try:
        return importlib.import_module("cmc_workshop.server")
    except ModuleNotFoundError as error:
        missing = (error.name or "").split(".")[0]
        if missing in {"starlette", "uvicorn"}:
            raise WorkshopFailure(
                _("The web app needs starlette and uvicorn: {command}", command=needed)
            ) from None
        if error.name == "cmc_workshop.server":
            raise WorkshopFailure(
                _(
                    "This installation of cmc-workshop has no web app (cmc_workshop.server is "
                    "missing); reinstall it: {command}",
                    command=needed,
                )
            ) from None
        raise


def _write_text(text: str, output: Path | None) -> None:
    if output is None:
        click.echo(text, nl=False)
    else:
        from cmc_core.fileformat.atomic import write_atomic

        write_atomic(output, text.encode("utf-8"))


@workshop.command("merge")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["markdown", "html"]),
    default="markdown",
    show_default=True,
    help="The report's format.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Write the report here (atomically). Default: stdout.",
)
@click.option(
    "--canvas-out",
    type=click.Path(path_type=Path, dir_okay=False),
    help="Also write a canvas with the unanimous answers applied (only those at least two "
    "participants gave) and the open points in the notes of their blocks; a question only "
    "one participant answered is an open point.",
)
@hosting.language_option(_LANG_HELP)
def merge(
    folder: Path,
    output_format: str,
    output: Path | None,
    canvas_out: Path | None,
    lang: str | None,
) -> None:
    """The dialogue agenda of the workshop in FOLDER, without a server: the divided questions
    first, with every position and who holds it, then the unanimous, decided and unanswered
    ones."""
    from cmc_workshop import agenda_report, merge

    with _speaking_for(folder, lang) as found:
        report = merge.workshop_report(found)
        if output_format == "html":
            text = agenda_report.html_report(report)
        else:
            text = agenda_report.markdown_report(report)
        if canvas_out is not None:
            document, points = merge.merged_canvas(found, report)
            merge.write_canvas(found, document, canvas_out)
        _write_text(text, output)
        if output is not None:
            click.echo(_("Wrote {path}.", path=output), err=True)
        if canvas_out is not None:
            click.echo(
                _.plural(
                    "Wrote {path}: the canvas with the unanimous answers; {count} open point.",
                    "Wrote {path}: the canvas with the unanimous answers; {count} open points.",
                    len(points),
                    path=canvas_out,
                ),
                err=True,
            )


@workshop.command("report")
@click.argument("folder", type=click.Path(path_type=Path, file_okay=False))
@click.option(
    "--to",
    "to",
    type=click.Choice(["html", "pptx"]),
    required=True,
    help="html: the poster page with the decisions; pptx: the deck (cmc-pptx plugin) "
    "and a Markdown page of the decisions next to it.",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path, dir_okay=False),
    required=True,
    help="Write the presentation here (atomically).",
)
@hosting.language_option(_LANG_HELP)
def report(folder: Path, to: str, output: Path, lang: str | None) -> None:
    """The end-of-day presentation of the workshop in FOLDER: the canvas, its score card,
    the decisions with who agreed, and the open points."""
    from cmc_workshop.report import write_report

    with _speaking_for(folder, lang) as found:
        written = write_report(
            found, to, output, language=current_language(), plugins=hosting.active_plugins()
        )
        for path in written:
            click.echo(_("Wrote {path}.", path=path))
