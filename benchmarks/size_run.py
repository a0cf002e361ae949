"""Time decode, encode and validation for one document size, in a process of its own.

``python -m benchmarks.size_run --file canvas.cmc.json --flows N --rounds R --result out.json``

One process per size keeps one size's garbage and heap growth from slowing the next. The
orchestrator (:mod:`benchmarks.run`) starts it; ``--profile`` instead runs cProfile over one
cmc call and prints the top of the profile.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import io
import pstats
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import msgspec
import orjson

from benchmarks.harness import Case, Samples, loops_for, time_cases
from benchmarks.subjects import check_agreement, decoder

__all__ = ["main"]

_STARTED = time.perf_counter()


def _say(message: str) -> None:
    print(f"  [{time.perf_counter() - _STARTED:7.1f} s] {message}", file=sys.stderr, flush=True)


def _summary(results: dict[str, Samples]) -> dict[str, Any]:
    return {name: samples.to_dict() for name, samples in results.items()}


def decode_cases(data: bytes) -> list[Case]:
    """The four decoders, each with the GC as it comes and with the GC paused around the call."""
    cases: list[Case] = []
    for name in ("orjson", "msgspec", "pydantic", "cmc"):
        decode = decoder(name)
        for paused in (False, True):
            label = f"{name}{' gc-paused' if paused else ''}"
            cases.append(Case(label, lambda d=decode: d(data), paused))  # type: ignore[misc]
    return cases


def encode_cases(data: bytes) -> tuple[list[Case], dict[str, Any]]:
    """Encoders of the same document, compact and indented by two spaces, GC on and paused."""
    from benchmarks.peers import PCanvas, msgspec_decoder, msgspec_encoder, pydantic_to_json
    from cmc_core.fileformat import dumps
    from cmc_core.fileformat.writer import encode_compact

    document = orjson.loads(data)
    canvas = decoder("cmc")(data)
    struct = msgspec_decoder().decode(data)
    model = PCanvas.model_validate_json(data)
    gc.collect()
    gc.freeze()  # four live documents must not slow each other's collections
    encode = msgspec_encoder().encode
    indent2 = orjson.OPT_INDENT_2
    calls: dict[str, Any] = {
        "orjson compact": lambda: orjson.dumps(document),
        "orjson indent-2": lambda: orjson.dumps(document, option=indent2),
        "msgspec compact": lambda: encode(struct),
        "msgspec indent-2": lambda: msgspec.json.format(encode(struct), indent=2),
        "pydantic compact": lambda: pydantic_to_json(model, None),
        "pydantic indent-2": lambda: pydantic_to_json(model, 2),
        "cmc dumps": lambda: dumps(canvas, "json"),
        # not public: cmc's own unstructuring written compactly, to show what indenting costs
        "cmc compact (internal)": lambda: encode_compact(canvas),
    }
    cases = [Case(name, call) for name, call in calls.items()]
    cases += [Case(f"{name} gc-paused", call, True) for name, call in calls.items()]
    compact, indented = data, orjson.dumps(document, option=indent2)
    expected = {name: indented if "indent" in name else compact for name in calls}
    canonical = dumps(canvas, "json")
    cmc_indented = canonical.startswith("{\n")
    expected["cmc dumps"] = (indented if cmc_indented else compact) + (
        b"\n" if canonical.endswith("\n") else b""
    )
    # Every encoder must write exactly the same bytes: this also proves that the decoders
    # (whose output is encoded here) read the document alike, at every size.
    disagree = [name for name, call in calls.items() if _as_bytes(call()) != expected[name]]
    if disagree:
        raise AssertionError(f"these encoders do not write the document back: {disagree}")
    facts = {
        "cmc_indented": cmc_indented,
        "all_encoders_byte_identical": True,
        "compact_bytes": len(compact),
        "indented_bytes": len(indented),
    }
    return cases, facts


def _as_bytes(output: str | bytes) -> bytes:
    return output.encode() if isinstance(output, str) else output


def validate_cases(data: bytes) -> tuple[list[Case], dict[str, Any]]:
    """All built-in rules over the loaded canvas, GC on and paused, and msgspec's decode of the
    same document in the same rounds (the rules budget is a ratio to it); plus what the rules
    reported."""
    from benchmarks.peers import msgspec_decoder
    from cmc_core.rules import validate

    canvas = decoder("cmc")(data)
    gc.collect()
    gc.freeze()
    report = validate(canvas)
    found = Counter(f"{d.code} {d.severity}" for d in report)
    decode = msgspec_decoder().decode
    cases = [
        Case("validate", lambda: validate(canvas)),
        Case("validate gc-paused", lambda: validate(canvas), True),
        Case("msgspec", lambda: decode(data)),
    ]
    return cases, {"diagnostics": dict(sorted(found.items()))}


def _profile(data: bytes, what: str, top: int) -> None:
    from cmc_core.fileformat import dumps
    from cmc_core.rules import validate

    canvas = decoder("cmc")(data)
    calls = {
        "decode": lambda: decoder("cmc")(data),
        "encode": lambda: dumps(canvas, "json"),
        "validate": lambda: validate(canvas),
    }
    profiler = cProfile.Profile()
    profiler.runcall(calls[what])
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    print(out.getvalue())


def main(argv: list[str] | None = None) -> None:
    """Parse the arguments and run the selected groups of cases."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, required=True, help="the generated JSON document")
    parser.add_argument("--flows", type=int, required=True)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--work", type=int, default=100_000, help="flows' worth of work per sample")
    parser.add_argument("--groups", default="decode,encode,validate")
    parser.add_argument("--result", type=Path, help="where to write the JSON results")
    parser.add_argument("--profile", choices=("decode", "encode", "validate"))
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args(argv)

    data = args.file.read_bytes()
    if args.profile:
        _profile(data, args.profile, args.top)
        return
    loops = loops_for(args.flows, args.work)
    result: dict[str, Any] = {"flows": args.flows, "bytes": len(data), "loops": loops}
    groups = args.groups.split(",")
    if args.flows <= 100_000 or "encode" not in groups:
        # at 1M this costs a minute; there the byte-identical encodes below prove agreement
        _say(f"{args.flows:,} flows: checking that all libraries agree on the document")
        check_agreement(data)
    if "decode" in groups:
        _say(f"decode: {args.rounds} rounds x {loops} calls")
        result["decode"] = _summary(time_cases(decode_cases(data), args.rounds, loops, _say))
    if "encode" in groups:
        cases, facts = encode_cases(data)
        _say(f"encode: {args.rounds} rounds x {loops} calls")
        result["encode"] = _summary(time_cases(cases, args.rounds, loops, _say))
        result["encode_facts"] = facts
        gc.unfreeze()
        del cases
        gc.collect()
    if "validate" in groups:
        cases, facts = validate_cases(data)
        _say(f"validate: {args.rounds} rounds x {loops} calls")
        result["validate"] = _summary(time_cases(cases, args.rounds, loops, _say))
        result["validate_facts"] = facts
    if args.result:
        args.result.write_bytes(orjson.dumps(result, option=orjson.OPT_INDENT_2))
    else:
        print(orjson.dumps(result, option=orjson.OPT_INDENT_2).decode())


if __name__ == "__main__":
    main()
