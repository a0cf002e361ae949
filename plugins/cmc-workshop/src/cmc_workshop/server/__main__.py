"""``python -m cmc_workshop.server FOLDER [--host H] [--port N]``: serve a workshop folder
without the ``cmc`` command (what the tests and the load benchmark start in a subprocess)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cmc_workshop.folder import Workshop, WorkshopError
from cmc_workshop.server import run


def main(argv: list[str] | None = None) -> int:
    """Serve the folder until interrupted; 2 when it is no workshop."""
    parser = argparse.ArgumentParser(prog="python -m cmc_workshop.server")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8765)
    args = parser.parse_args(argv)
    try:
        workshop = Workshop.open(args.folder)
    except WorkshopError as error:
        print(error, file=sys.stderr)
        return 2
    run(workshop, host=args.host, port=args.port)
    return 0


if __name__ == "__main__":
    sys.exit(main())
