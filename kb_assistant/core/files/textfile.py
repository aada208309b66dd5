"""Reading article files from disk: size limits, binary detection and decoding.

Russian teams often still have files saved in cp1251, so anything that is not
UTF-8 but decodes as cp1251 is accepted with a warning instead of being dropped.
"""

from __future__ import annotations

import codecs
import hashlib
import os
from dataclasses import dataclass

from kb_assistant.core.errors import UndecodableError

MAX_ARTICLE_BYTES = 4 * 1024 * 1024
"""Files larger than this are not articles (a log or a dump saved as .md by mistake)."""


@dataclass(frozen=True)
class DecodedText:
    """The text of a file and how it was stored.

    Attributes:
        text: the decoded text with line endings normalised to ``\\n``.
        encoding: ``"utf-8"``, ``"utf-8-sig"``, ``"utf-16"`` or ``"cp1251"``.
        newline: the file's dominant line ending (``"\\n"``, ``"\\r\\n"`` or ``"\\r"``),
            so an editor can write it back the same way.
    """

    text: str
    encoding: str
    newline: str


def content_hash(data: bytes) -> str:
    """The hash of a file's bytes (SHA-256, hex): ``Article.content_hash`` and ``FileSnapshot.content_hash``.

    One definition, so that "the file the editor saved" and "the file the KB
    loaded" compare equal exactly when the bytes are the same.
    """
    return hashlib.sha256(data).hexdigest()


def read_limited(path: str | os.PathLike[str], limit: int) -> bytes:
    """The bytes of the file at ``path``, at most ``limit + 1`` of them.

    Enough to tell that a file is too large without loading a 10 GB log saved
    as ``.md`` into memory.

    Raises:
        OSError: when the file cannot be read.
    """
    with open(path, "rb") as handle:
        return handle.read(limit + 1)


def looks_binary(data: bytes) -> bool:
    """Whether ``data`` looks like a binary file rather than text: a NUL byte anywhere.

    The whole of it is looked at (an article is at most 4 MiB and ``in`` runs at
    memory speed): a text header followed by binary data is still binary.
    UTF-16 text has NUL bytes too, so files starting with a UTF-16 BOM are text.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return False
    return b"\x00" in data


def decode_article_bytes(data: bytes) -> DecodedText:
    """Decode the bytes of an article file.

    Order: UTF-8 with BOM, UTF-16 with BOM, UTF-8, then cp1251. A UTF-8 BOM
    followed by bytes that are not UTF-8 (a file re-saved in another encoding
    that kept the mark) is read as cp1251 like any other non-UTF-8 file, so the
    caller warns instead of showing replacement characters without a word.

    Raises:
        UndecodableError: for binary data or bytes that no supported encoding reads.
    """
    if looks_binary(data):
        raise UndecodableError("binary-file")
    bom_utf8 = data.startswith(codecs.BOM_UTF8)
    if bom_utf8 and _is_utf8(data, len(codecs.BOM_UTF8)):
        encoding, text = "utf-8-sig", data[len(codecs.BOM_UTF8):].decode("utf-8")
    elif bom_utf8:
        encoding, text = "cp1251", _cp1251(data[len(codecs.BOM_UTF8):], len(codecs.BOM_UTF8))
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            encoding, text = "utf-16", data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise UndecodableError("broken-utf16", offset=exc.start) from None
    else:
        try:
            encoding, text = "utf-8", data.decode("utf-8")
        except UnicodeDecodeError:
            encoding, text = "cp1251", _cp1251(data, 0)
    return DecodedText(normalise_newlines(text), encoding, dominant_newline(text))


def _is_utf8(data: bytes, start: int) -> bool:
    try:
        data[start:].decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _cp1251(data: bytes, offset: int) -> str:
    """``data`` read as cp1251 (``offset``: where it starts in the file, for the message)."""
    try:
        return data.decode("cp1251")
    except UnicodeDecodeError as exc:
        raise UndecodableError("unknown-encoding", byte=f"0x{data[exc.start]:02x}",
                               offset=offset + exc.start) from None


def dominant_newline(text: str) -> str:
    """Return the most common line ending of ``text`` (``\\n`` when there is none)."""
    crlf = text.count("\r\n")
    lone_cr = text.count("\r") - crlf
    lone_lf = text.count("\n") - crlf
    best = max((lone_lf, "\n"), (crlf, "\r\n"), (lone_cr, "\r"))
    return best[1] if best[0] else "\n"


def normalise_newlines(text: str) -> str:
    """Turn every ``\\r\\n`` and lone ``\\r`` into ``\\n``."""
    return text.replace("\r\n", "\n").replace("\r", "\n")
