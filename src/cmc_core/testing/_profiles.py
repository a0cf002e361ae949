"""Hypothesis profiles: every example for CI, a tenth of them for the inner loop.

cmc's own test suite, and a plugin's if it likes, runs its property tests under one of two
profiles: ``ci`` (the full example counts; the default) or ``dev`` (a tenth of them, for a
quick run while working). A test that wants more or fewer examples than the profile's count
asks for them with :func:`examples`, so that its count follows the profile too, instead of being
edited for a quick run.
"""

from __future__ import annotations

from typing import Final

from hypothesis import settings

__all__ = ["FULL_EXAMPLES", "PROFILES", "examples", "register_profiles"]

#: The example count of the ``ci`` profile, which :func:`examples` counts against.
FULL_EXAMPLES: Final = 200

#: The profiles by name, and their example counts.
PROFILES: Final = {"ci": FULL_EXAMPLES, "dev": FULL_EXAMPLES // 10}


def register_profiles() -> None:
    """Register the ``ci`` and ``dev`` profiles with Hypothesis (load one with
    ``--hypothesis-profile=dev`` or ``settings.load_profile``). No deadline in either: a shared
    machine makes single examples slow now and then, and a deadline would flake."""
    for name, count in PROFILES.items():
        settings.register_profile(name, max_examples=count, deadline=None, print_blob=True)


def examples(full: int) -> int:
    """How many examples a property test that wants ``full`` of them under the ``ci`` profile
    tries under the profile loaded now: ``full`` under ``ci``, a tenth under ``dev`` (at least
    one). Use it where a test names its count: ``@settings(max_examples=examples(300))``."""
    return max(1, round(full * settings().max_examples / FULL_EXAMPLES))
