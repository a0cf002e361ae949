"""``cmc workshop serve``: the workshop room as a local web app (Starlette and uvicorn).

:func:`run` serves a :class:`~cmc_workshop.folder.Workshop` and prints the three addresses the
facilitator hands out: the participants' join page, the facilitator's own page (with its secret
token) and the live poster for the projector. It binds to 127.0.0.1 by default: only this
computer reaches it. Another host must be asked for explicitly (``serve --host 0.0.0.0``); then
anyone on the network could open the pages, so the join code is required on every page that
has no secret token of its own (the poster and its event stream) as well.

This package needs the ``serve`` extra (``pip install "cmc-workshop[serve]"``); the command
imports it only when it runs.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
from typing import TYPE_CHECKING, TextIO

from cmc_core.translation import Messages

from cmc_workshop.records import WorkshopError
from cmc_workshop.server.app import create_app

if TYPE_CHECKING:
    from cmc_workshop.folder import Workshop

__all__ = ["addresses", "create_app", "is_loopback", "run"]

_ = Messages("cmc_workshop", "cmc_workshop")


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable from this computer only (``127.0.0.1``, ``::1``,
    ``localhost``)."""
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def addresses(workshop: Workshop, host: str, port: int) -> dict[str, str]:
    """The three addresses of the workshop: join, facilitator and poster."""
    shown = "127.0.0.1" if host in {"0.0.0.0", "::", ""} else host
    if ":" in shown and not shown.startswith("["):
        shown = f"[{shown}]"
    base = f"http://{shown}:{port}"
    poster = f"{base}/poster"
    if not is_loopback(host):
        poster += f"?code={workshop.join_code}"
    return {
        "join": f"{base}/join",
        "facilitator": f"{base}/f/{workshop.facilitator_token}",
        "poster": poster,
    }


def _announce(workshop: Workshop, host: str, port: int, out: TextIO) -> None:
    where = addresses(workshop, host, port)
    lines = [
        _("The workshop {title} is open.", title=workshop.title),
        _(
            "Participants join at {url} with the code {code}.",
            url=where["join"],
            code=workshop.join_code,
        ),
        _("Facilitator (keep this address to yourself): {url}", url=where["facilitator"]),
        _("Live poster for the projector: {url}", url=where["poster"]),
    ]
    if not is_loopback(host):
        lines.append(
            _(
                "Serving on {host}: others on the network can reach it; the poster asks for the "
                "join code too.",
                host=host,
            )
        )
    lines.append(_("Stop with Ctrl+C; the answers are saved as they are given."))
    print("\n".join(lines), file=out, flush=True)


def run(workshop: Workshop, *, host: str = "127.0.0.1", port: int = 8765) -> None:
    """Serve ``workshop`` until interrupted, printing its addresses once it listens.

    A ``host`` other than a loopback address is the caller's explicit choice to serve on a
    network; the join code is then required on the poster too.
    """
    import uvicorn

    _check_free(host, port)
    app = create_app(workshop, require_code_everywhere=not is_loopback(host))

    class Server(uvicorn.Server):
        async def startup(self, sockets: list[object] | None = None) -> None:  # type: ignore[override]
            await super().startup(sockets)  # type: ignore[arg-type]
            if self.started:
                _announce(workshop, host, port, sys.stdout)

    config = uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=2,
        proxy_headers=False,
        server_header=False,
    )
    try:
        Server(config).run()
    except SystemExit as ending:  # uvicorn's way to say it could not start
        raise WorkshopError(
            _("The server could not start on {host}:{port}.", host=host, port=port)
        ) from ending


def _check_free(host: str, port: int) -> None:
    """Refuse a port another program listens on, in words, before uvicorn says it in a log."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        # As uvicorn binds: a port left in TIME_WAIT by a killed server is free to reuse.
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise WorkshopError(
                _(
                    "Cannot listen on {host}:{port}: {reason}; choose another port with --port.",
                    host=host,
                    port=port,
                    reason=error.strerror or str(error),
                )
            ) from None
