"""File and folder names Windows cannot hold, and the NFC form every id and path is kept in.

A KB is shared through git or a network share between Linux, macOS and Windows
machines: a file named ``aux.en.md`` or ``why?.md`` is fine on the first two and
cannot be checked out on the third. New articles and renames refuse such names
and ``check`` reports those already in the KB (:func:`windows_name_problem`).

macOS hands out file names decomposed (NFD: ``й`` as ``и`` + a combining breve);
ids and paths are kept composed (NFC, :func:`nfc`), so the same article has the
same id on every machine.
"""

from __future__ import annotations

import re
import unicodedata

WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul"} | {f"com{n}" for n in "123456789¹²³"} | {f"lpt{n}" for n in "123456789¹²³"})
"""Device names Windows reserves, whatever the extension (``aux.en.md`` too) and the case."""
_FORBIDDEN = re.compile(r'[<>:"|?*\x00-\x1f]')


def windows_name_problem(rel_path: str) -> str | None:
    """The message code of why Windows cannot hold ``rel_path`` ("/" separated, KB-relative), or None.

    Codes (their English text is in :mod:`kb_assistant.core.messages_input`, with a ``{path}`` value):
    ``windows-name-reserved`` (a part is ``CON``, ``PRN``, ``AUX``, ``NUL``, ``COM1``-``COM9`` or
    ``LPT1``-``LPT9``, with or without an extension), ``windows-name-characters`` (one of
    ``< > : " | ? *`` or a control character) and ``windows-name-trailing`` (a part ends in
    a dot or a space). Empty parts, ``.`` and ``..`` are left to the callers' own checks.
    """
    for part in rel_path.replace("\\", "/").split("/"):
        if part in ("", ".", ".."):
            continue
        if _FORBIDDEN.search(part):
            return "windows-name-characters"
        if part[-1] in ". ":
            return "windows-name-trailing"
        if part.split(".", 1)[0].rstrip(" ").lower() in WINDOWS_RESERVED:
            return "windows-name-reserved"
    return None


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (composed) form, as ids and KB-relative paths are kept."""
    return unicodedata.normalize("NFC", text)


__all__ = ["WINDOWS_RESERVED", "nfc", "windows_name_problem"]
