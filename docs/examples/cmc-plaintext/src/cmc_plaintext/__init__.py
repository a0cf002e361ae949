"""cmc-plaintext: the canvas as plain text."""

from collections.abc import Callable

from cmc_core import Canvas, hookimpl
from cmc_core.exporting import Exporter, ExportOptions
from cmc_core.vocabulary import Language


def export_plaintext(canvas: Canvas, options: ExportOptions) -> str:
    dutch = options.language_for(canvas) is Language.NL
    lines = [canvas.meta.name or ("Naamloos" if dutch else "Untitled"), ""]
    heading = "Partijen" if dutch else "Parties"
    lines.append(f"{heading}:")
    lines += [f"- {party.name or party.id} ({', '.join(party.roles)})" for party in canvas.parties]
    return "\n".join(lines) + "\n"


@hookimpl
def cmc_register_exporters(register: Callable[[Exporter], None]) -> None:
    register(
        Exporter(
            name="plaintext",
            title="Plain text",
            media_type="text/plain",
            extension=".txt",
            export=export_plaintext,
        )
    )
