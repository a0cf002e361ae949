"""cmc-workshop: the workshop room for the Community Model Canvas.

A plugin for ``cmc``. It registers one command group, ``cmc workshop``:

* ``start FOLDER --canvas FILE``: a workshop folder holding the canvas, one answers file per
  participant and the decisions taken (:class:`~cmc_workshop.folder.Workshop`);
* ``serve FOLDER``: the local web app for participants, the facilitator and the projector
  (needs the ``serve`` extra: ``pip install "cmc-workshop[serve]"``);
* ``merge FOLDER``: the dialogue agenda (:func:`~cmc_workshop.agreement.agenda`) as a Markdown
  or HTML report, and a canvas with the unanimous answers applied, without a server;
* ``report FOLDER``: the end-of-day presentation with the decisions and the open points.

``cmc`` finds this module through the entry point ``workshop`` in the group ``cmc``; the hook
below imports the commands only when ``cmc`` asks for them, so that ``cmc check`` pays nothing
for the plugin.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from cmc_core import hookimpl

if TYPE_CHECKING:
    import click

__all__ = ["cmc_register_commands"]

__version__ = "0.1.0"


@hookimpl
def cmc_register_commands(register: Callable[[click.Command], None]) -> None:
    """Register the command group ``cmc workshop``."""
    from cmc_workshop.cli import workshop  # see the module docstring

    register(workshop)
