"""``python -m cmc_core.cli``: the same as the ``cmc`` command."""

from cmc_core.cli import main

main()
