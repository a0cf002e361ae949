"""The version of cmc, in a module of its own so that any layer can name it.

The package root re-exports it as ``cmc_core.__version__``; modules inside the package import it
from here, since the root imports (for type checkers) every layer above the model.
"""

from __future__ import annotations

__all__ = ["__version__"]

#: The version of the ``community-model-canvas`` distribution, as ``cmc --version`` prints it.
#: The build reads it from here (``[tool.hatch.version]`` in pyproject.toml), so it is said once;
#: CHANGELOG.md's top entry names it too (tests/test_release.py).
__version__ = "0.2.0"
