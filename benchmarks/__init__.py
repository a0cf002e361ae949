"""On-demand benchmarks of cmc against orjson, msgspec and pydantic; see ``benchmarks/README.md``.

Not part of the test suite: run ``python -m benchmarks.run``.
"""
