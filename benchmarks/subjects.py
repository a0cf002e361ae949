"""The decoders and encoders under test, by name, and the checks that they agree.

Every decoder reads the same JSON bytes; every encoder writes the same document. Before any
timing, :func:`check_agreement` proves that cmc, msgspec and pydantic decode the document to the
same content and encode it back to the same JSON, so the benchmark compares like with like.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import orjson

__all__ = ["DECODERS", "check_agreement", "check_cmc_accepts", "cmc_decode", "decoder"]


def cmc_decode(data: bytes) -> Any:
    """cmc's public JSON loader, keeping only the canvas (the model a user works with)."""
    from cmc_core.fileformat import loads

    return loads(data, "json").canvas


def _orjson_decoder() -> Callable[[bytes], Any]:
    return orjson.loads


def _msgspec_decoder() -> Callable[[bytes], Any]:
    from benchmarks.peers import msgspec_decoder

    return msgspec_decoder().decode


def _pydantic_decoder() -> Callable[[bytes], Any]:
    from benchmarks.peers import PCanvas

    return PCanvas.model_validate_json


def _cmc_decoder() -> Callable[[bytes], Any]:
    from cmc_core.fileformat import loads

    def decode(data: bytes) -> Any:
        return loads(data, "json").canvas

    return decode


def _cmc_document_decoder() -> Callable[[bytes], Any]:
    from cmc_core.fileformat import loads

    def decode(data: bytes) -> Any:
        return loads(data, "json")

    return decode


#: Decoder factories by name: each returns a callable taking JSON bytes.
DECODERS: dict[str, Callable[[], Callable[[bytes], Any]]] = {
    "orjson": _orjson_decoder,
    "msgspec": _msgspec_decoder,
    "pydantic": _pydantic_decoder,
    "cmc": _cmc_decoder,
    "cmc-document": _cmc_document_decoder,
}


def decoder(name: str) -> Callable[[bytes], Any]:
    """The decoder called ``name``."""
    return DECODERS[name]()


def check_cmc_accepts(data: bytes) -> Any:
    """Load with cmc and check that writing the canvas back gives the same document.

    :returns: the canvas.
    :raises AssertionError: when cmc's reading differs from the document.
    """
    from cmc_core.fileformat import dumps, to_dict

    canvas = cmc_decode(data)
    expected = orjson.loads(data)
    if to_dict(canvas) != expected:
        raise AssertionError("cmc's to_dict() of the loaded canvas differs from the document")
    if orjson.loads(dumps(canvas, "json")) != expected:
        raise AssertionError("cmc's dumps() of the loaded canvas differs from the document")
    return canvas


def check_agreement(data: bytes) -> None:
    """Check that all decoders read the document alike and all encoders write it alike.

    :raises AssertionError: naming the library that disagrees.
    """
    from benchmarks.peers import PCanvas, msgspec_decoder, msgspec_to_dict, pydantic_to_json

    expected = orjson.loads(data)
    check_cmc_accepts(data)
    if msgspec_to_dict(msgspec_decoder().decode(data)) != expected:
        raise AssertionError("msgspec's model of the document differs from the document")
    if orjson.loads(pydantic_to_json(PCanvas.model_validate_json(data), None)) != expected:
        raise AssertionError("pydantic's model of the document differs from the document")
