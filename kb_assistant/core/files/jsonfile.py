"""The one safe way the app reads a JSON file it did not just write itself.

Settings, autosave drafts, the learner's state, ``NAME.meta.json`` title
sidecars and the search index's manifest are all read through
:func:`read_json` (or :func:`parse_json` for bytes already read). Whatever the
file holds, the reader does bounded work and either returns the value or raises
one :class:`JsonError` with a message code; it never raises anything else:

* size: at most ``max_bytes`` are read (a log file renamed ``settings.json``
  is refused, not loaded into memory);
* text: UTF-8, with or without a byte-order mark, or UTF-16 with a BOM (as
  Windows Notepad saves); anything else is "not text" with the byte offset;
* depth: at most :data:`MAX_DEPTH` nested arrays and objects, checked before
  Python's recursive decoder runs, so ``[[[[...`` 100,000 deep is refused in
  linear time and never reaches a recursion limit;
* numbers: at most :data:`MAX_NUMBER_CHARS` characters each (Python refuses to
  convert an integer of more than 4,300 digits with a ``ValueError`` of its
  own), and no ``NaN`` or ``Infinity``, which JSON does not have.
"""

from __future__ import annotations

import codecs
import json
import re
from pathlib import Path

from kb_assistant.core.errors import KbError
from kb_assistant.core.messages import os_reason

MAX_JSON_BYTES = 64 * 1024 * 1024
"""The largest JSON file read by default (the "what changed" snapshot of a big KB is a few MiB)."""
MAX_DEPTH = 64
"""Arrays and objects nested deeper than this are refused; the app's own files nest 5 deep."""
MAX_NUMBER_CHARS = 100
"""A number written with more characters than this is refused (no count or time needs them)."""

# brackets outside strings: a string is skipped whole, escapes included; an unclosed one runs
# to the end (else every later quote would start a new scan to the end: quadratic)
_STRUCTURE = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\Z)|[\[\]{}]', re.DOTALL)


class JsonError(KbError, ValueError):
    """Why a JSON file cannot be used, as a code of the ``json-`` family and its values.

    Attributes:
        line: the 1-based line of a syntax error, when known.
        missing: True when the file does not exist (callers usually treat that as "empty").
    """

    code = "json-invalid"

    def __init__(self, code: str, /, *, line: int | None = None, **values: object) -> None:
        self.line = line
        super().__init__(code, **values)

    @property
    def missing(self) -> bool:
        """Whether the file simply does not exist."""
        return self.code == "json-missing"


class _NumberTooLong(ValueError):
    pass


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise _NumberTooLong(text)
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise _NumberTooLong(text)
    return float(text)


def _no_constant(name: str):
    raise json.JSONDecodeError(f"{name} is not JSON", name, 0)


def decode_json_bytes(data: bytes) -> str:
    """The text of a JSON file: UTF-8 (BOM or not) or UTF-16 with a BOM.

    Raises:
        JsonError: ``json-not-text`` with the offset of the first undecodable byte.
    """
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8):].decode("utf-8")
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return data.decode("utf-16")
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise JsonError("json-not-text", offset=exc.start) from None


def nesting_depth(text: str, limit: int = MAX_DEPTH) -> int:
    """How deeply the arrays and objects of a JSON text nest, counted up to ``limit + 1``.

    Linear in the text and never recursive; brackets inside strings do not count.
    """
    depth = deepest = 0
    for match in _STRUCTURE.finditer(text):
        char = match.group()
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > limit:
                    break
        elif char in "]}":
            depth = max(0, depth - 1)
    return deepest


def parse_json(data: bytes | str, *, max_depth: int = MAX_DEPTH) -> object:
    """Decode and parse one JSON document with the bounds of this module.

    Raises:
        JsonError: ``json-not-text``, ``json-too-deep``, ``json-number-too-long``
            or ``json-invalid`` (with ``line`` and the parser's reason).
    """
    text = decode_json_bytes(data) if isinstance(data, bytes) else data
    if "[" in text or "{" in text:  # the common flat file skips the scan
        if nesting_depth(text, max_depth) > max_depth:
            raise JsonError("json-too-deep")
    try:
        return json.loads(text, parse_int=_int, parse_float=_float, parse_constant=_no_constant)
    except _NumberTooLong:
        raise JsonError("json-number-too-long", limit=MAX_NUMBER_CHARS) from None
    except json.JSONDecodeError as exc:
        raise JsonError("json-invalid", line=exc.lineno, reason=exc.msg, column=exc.colno) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # what the bounds above should make impossible
        raise JsonError("json-invalid", reason=type(exc).__name__, column=0) from None


def read_json(path: Path | str, *, max_bytes: int = MAX_JSON_BYTES, max_depth: int = MAX_DEPTH) -> object:
    """Read and parse the JSON file at ``path``.

    Raises:
        JsonError: ``json-missing`` when there is no such file (``missing`` is
            True), ``json-unreadable`` when it cannot be read, ``json-too-large``
            above ``max_bytes``, or any error of :func:`parse_json`.
    """
    try:
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except (FileNotFoundError, NotADirectoryError):
        raise JsonError("json-missing") from None
    except OSError as exc:
        raise JsonError("json-unreadable", reason=os_reason(exc)) from None
    if len(data) > max_bytes:
        raise JsonError("json-too-large", limit_mib=max(1, max_bytes // (1024 * 1024)))
    return parse_json(data, max_depth=max_depth)
