"""The ``pdf`` exporter: the html poster printed to one sheet by a headless Chromium.

The poster is the html exporter's page (:mod:`cmc_exporters.html`), whose print style sheet lays
the canvas out on one sheet of the chosen paper; Chromium, a maintained renderer that most
machines have or can install, prints it exactly as a person printing the page would. The
browser is found as a person would find it: the ``CMC_CHROMIUM`` environment variable (a path
or a command name), else ``chromium``, ``chromium-browser`` or ``google-chrome`` on the path.
It runs headless, without a sandbox (so that it runs as root in a container), with a fresh
profile, no background requests and no network use at all (the page forbids every request),
and is stopped after a hard timeout, with every process it started.

Everything it needs (the page, the profile, the printed file) lives in a temporary directory
that is removed afterwards, whatever happens; the exporter returns the PDF's bytes, which
``cmc export`` writes atomically. The PDF is reproducible: Chromium stamps the moment of
printing as its creation and modification dates, which are replaced by the canvas's date
(``meta.date``; else ``SOURCE_DATE_EPOCH``; else 1 January 2000), in place and at the same
length, so the file's cross-reference table stays valid. The same canvas, options and Chromium
give the same bytes; another Chromium version may lay out or name things differently.

Settings: ``paper`` (``a3``, ``a2``, ``a1`` or ``a0``; default ``a1``), ``orientation``
(``landscape`` or ``portrait``; default ``landscape``) and ``timeout`` (seconds; default 120).
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

from cmc_core.canvas import Canvas
from cmc_core.errors import CmcError
from cmc_core.exporting import Exporter, ExportOptions, ExportSettingError
from cmc_core.translation import N_, Messages

__all__ = [
    "BROWSERS",
    "ENVIRONMENT_VARIABLE",
    "PDF_EXPORTER",
    "RendererError",
    "RendererNotFoundError",
    "export_pdf",
    "find_chromium",
    "reproducible",
]

_ = Messages("cmc_exporters", "exporters")

#: The environment variable that names the Chromium to use.
ENVIRONMENT_VARIABLE = "CMC_CHROMIUM"
#: The commands looked for on the path when the variable is not set, in this order.
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
#: Switches for a quiet, headless, one-shot print that reaches no network: the poster has no
#: external assets, so no host name resolves. The browser tests and the docs' screenshots use
#: the same switches.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--no-default-browser-check",
    "--mute-audio",
    "--hide-scrollbars",
    "--no-pdf-header-footer",
    "--host-resolver-rules=MAP * ~NOTFOUND",
)
DEFAULT_TIMEOUT = 120.0
_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)")


class RendererNotFoundError(CmcError):
    """No Chromium to print with: the message says how to install one or name it."""


class RendererError(CmcError):
    """Chromium ran but printed nothing (it failed or took longer than the timeout)."""


def find_chromium(environ: Mapping[str, str] | None = None) -> str:
    """The Chromium to print with: ``CMC_CHROMIUM``, else the first of :data:`BROWSERS` on
    the path.

    :raises RendererNotFoundError: when there is none, or ``CMC_CHROMIUM`` names nothing that
        runs.
    """
    environ = os.environ if environ is None else environ
    path = environ.get("PATH", os.defpath)
    named = environ.get(ENVIRONMENT_VARIABLE, "").strip()
    if named:
        found = shutil.which(named, path=path)
        if found is None:
            raise RendererNotFoundError(
                _(
                    "{variable} is set to {value}, which is not a program that can run; "
                    "set it to the path of Chromium or Google Chrome.",
                    variable=ENVIRONMENT_VARIABLE,
                    value=named,
                )
            )
        return found
    for name in BROWSERS:
        found = shutil.which(name, path=path)
        if found is not None:
            return found
    raise RendererNotFoundError(
        _(
            "The pdf export prints with Chromium, and none was found ({names} on the path). "
            "Install it (on Debian or Ubuntu: apt-get install chromium) or set {variable} to "
            "the path of Chromium or Google Chrome.",
            names=", ".join(BROWSERS),
            variable=ENVIRONMENT_VARIABLE,
        )
    )


def _timeout(settings: Mapping[str, str]) -> float:
    value = settings.get("timeout", "").strip()
    if not value:
        return DEFAULT_TIMEOUT
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds <= 3600:
        expected = _("a number of seconds from 1 to 3600")
        raise ExportSettingError("pdf", "timeout", settings["timeout"], expected)
    return seconds


def _stamp(canvas: Canvas) -> bytes:
    """The moment written into the PDF as ``YYYYMMDDHHMMSS``: the canvas's date, else
    ``SOURCE_DATE_EPOCH``, else 1 January 2000."""
    digits = re.sub(r"\D", "", str(canvas.meta.date or ""))
    if len(digits) >= 8:
        return (digits[:8] + "000000").encode("ascii")
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).strftime("%Y%m%d%H%M%S").encode("ascii")
    return b"20000101000000"


def reproducible(pdf: bytes, stamp: bytes) -> bytes:
    """``pdf`` with its creation and modification dates set to ``stamp`` (14 digits) and
    the time zone to UTC, each replaced by as many bytes as it had."""

    def replaced(match: re.Match[bytes]) -> bytes:
        zone = b"+00'00'"
        tail = zone if len(match[3]) == len(zone) else match[3]
        return b"/" + match[1] + b" (D:" + stamp + tail + b")"

    return _DATE.sub(replaced, pdf)


def _print(binary: str, page: Path, output: Path, profile: Path, timeout: float) -> None:
    command = [
        binary,
        *FLAGS,
        f"--user-data-dir={profile}",
        f"--print-to-pdf={output}",
        page.as_uri(),
    ]
    process = subprocess.Popen(
        command,
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, so the timeout ends every child
    )
    try:
        errors = process.communicate(timeout=timeout)[1]
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise RendererError(
            _("Chromium did not print the poster within {seconds} seconds.", seconds=timeout)
        ) from None
    if process.returncode != 0 or not output.is_file() or output.stat().st_size == 0:
        last = errors.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise RendererError(
            _(
                "Chromium ({binary}) printed no PDF (exit status {status}): {detail}",
                binary=binary,
                status=process.returncode,
                detail=" / ".join(last) or "-",
            )
        )


def export_pdf(canvas: Canvas, options: ExportOptions) -> bytes:
    """The poster of ``canvas`` printed to a one-sheet PDF (A1 landscape by default).

    :raises cmc_core.exporting.ExportSettingError: for an unknown ``paper``, ``orientation``
        or ``timeout`` setting.
    :raises RendererNotFoundError: when no Chromium is found.
    :raises RendererError: when Chromium fails or takes longer than the timeout.
    """
    import attrs  # noqa: PLC0415 - only an export needs it

    from cmc_exporters._paper import paper_from  # noqa: PLC0415 - only an export needs it
    from cmc_exporters.html import export_html  # noqa: PLC0415 - only an export needs it

    paper = paper_from("pdf", options.settings, default="a1")
    timeout = _timeout(options.settings)
    settings = {"paper": paper.name, "orientation": paper.orientation}
    html = export_html(canvas, attrs.evolve(options, settings=settings))
    binary = find_chromium()
    with tempfile.TemporaryDirectory(prefix="cmc-pdf-") as directory:
        work = Path(directory)
        page, output = work / "poster.html", work / "poster.pdf"
        page.write_text(html, encoding="utf-8")
        _print(binary, page, output, work / "profile", timeout)
        pdf = output.read_bytes()
    return reproducible(pdf, _stamp(canvas))


PDF_EXPORTER = Exporter(
    name="pdf",
    title=N_("Canvas poster as a one-sheet PDF, printed by Chromium"),
    media_type="application/pdf",
    extension=".pdf",
    export=export_pdf,
    description=(
        "The html poster printed on one sheet by a headless Chromium (CMC_CHROMIUM, else "
        "chromium, chromium-browser or google-chrome on the path): the four zones side by "
        "side, text sized to fit. -O paper=a3|a2|a1|a0 (default a1), -O orientation="
        "landscape|portrait, -O timeout=SECONDS (default 120). Labels follow --lang."
    ),
    settings=("paper", "orientation", "timeout"),
    messages=_,
)
