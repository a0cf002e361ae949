"""Fuzz the answers target (see targets.py): `python tests/fuzz/fuzz_answers.py [libFuzzer args]`.

Needs atheris (`pip install -e '.[fuzz]'`); README.md says how to run it and where crashes go.
"""

from harness import fuzz

if __name__ == "__main__":
    fuzz("answers")
