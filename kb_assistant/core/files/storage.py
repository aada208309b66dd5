"""Safe saving of article files: atomic writes, kept encodings, external changes.

An editor opens a file with :func:`read_text`, which also returns a
:class:`FileSnapshot` of what was on disk. :func:`save_text` writes the edited
text back in the same encoding and line endings, atomically (a temporary file in
the same folder, flushed and synced, then renamed over the original), and
refuses to overwrite the file when it changed on disk since the snapshot, so an
edit made by a colleague or a ``git pull`` is never lost silently.
"""

from __future__ import annotations

import codecs
import difflib
import os
import secrets
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from kb_assistant.core.errors import (
    EncodingChangeNeeded,
    ExternalChangeError,
    FileAlreadyExistsError,
    FileReadError,
    StorageError,
    UndecodableError,
)
from kb_assistant.core.files.confine import ensure_inside, outside_target
from kb_assistant.core.messages import os_reason
from kb_assistant.core.files.textfile import (
    MAX_ARTICLE_BYTES,
    content_hash,
    decode_article_bytes,
    normalise_newlines,
    read_limited,
)

ENCODINGS = ("utf-8", "utf-8-sig", "utf-16", "utf-16-be", "cp1251")
"""Encodings :func:`save_text` writes. ``utf-16`` is little-endian with a BOM,
``utf-16-be`` big-endian with a BOM (files that came that way)."""

NEWLINES = ("\n", "\r\n", "\r")

_TEMP_ATTEMPTS = 20
_TEMP_NAME_BYTES = 64
REPLACE_DELAYS = (0.02, 0.05, 0.1, 0.2, 0.4)
"""Pauses (seconds) between tries of a rename that another program blocks (antivirus, OneDrive, an indexer)."""
_SHARING_WINERRORS = frozenset({5, 32})  # ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION


@dataclass(frozen=True)
class FileSnapshot:
    """What a file held when it was read or written.

    Attributes:
        path: the file.
        content_hash: SHA-256 of its bytes (hex), the same as ``Article.content_hash``.
        mtime_ns: its modification time.
        size: its size in bytes.
        encoding: one of :data:`ENCODINGS`.
        newline: its dominant line ending (``"\\n"``, ``"\\r\\n"`` or ``"\\r"``).
    """

    path: Path
    content_hash: str
    mtime_ns: int
    size: int
    encoding: str
    newline: str


def snapshot(path: Path) -> FileSnapshot:
    """Read ``path`` and describe it.

    Raises:
        FileReadError: when the file cannot be read or decoded.
    """
    return read_text(path)[1]


def read_text(path: Path, *, root: Path | None = None) -> tuple[str, FileSnapshot]:
    """Read a text file for editing.

    Args:
        path: the file.
        root: the KB folder it belongs to: a link leading out of it is refused
            (the rule of :mod:`~kb_assistant.core.files.confine`).

    Returns:
        The text with ``\\n`` line endings and the snapshot of the bytes it came from.

    Raises:
        FileReadError: when the file cannot be read or decoded, is larger than an
            article may be, or (with ``root``) leads out of the KB.
    """
    path = Path(path)
    if root is not None:
        target = outside_target(root, path)
        if target is not None:
            raise FileReadError("read-outside-kb", path=str(path), target=target)
    try:
        data = read_limited(path, MAX_ARTICLE_BYTES)
        info = path.stat()
    except OSError as exc:
        raise FileReadError("file-unreadable", path=str(path), reason=os_reason(exc)) from exc
    if len(data) > MAX_ARTICLE_BYTES:
        raise FileReadError("file-too-large", path=str(path), size_kib=info.st_size // 1024,
                            limit_mib=MAX_ARTICLE_BYTES // 1024 // 1024)
    try:
        decoded = decode_article_bytes(data)
    except UndecodableError as exc:
        raise FileReadError("file-undecodable", path=str(path), reason=exc) from exc
    encoding = decoded.encoding
    if encoding == "utf-16" and data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16-be"
    return decoded.text, FileSnapshot(path, content_hash(data), info.st_mtime_ns, len(data), encoding, decoded.newline)


def encode_text(text: str, encoding: str, newline: str = "\n", path: Path | str = "<text>") -> bytes:
    """Turn editor text (any newlines) into the bytes of a file.

    A text starting with U+FEFF written as ``utf-8`` reads back as ``utf-8-sig``
    without it: at the start of a file that character is a byte-order mark.

    Raises:
        EncodingChangeNeeded: when ``encoding`` is cp1251 and cannot store a character.
        StorageError: for text no Unicode encoding stores (a lone surrogate).
        ValueError: for an unknown encoding or newline.
    """
    if encoding not in ENCODINGS:
        raise ValueError(f"unsupported encoding {encoding!r}; use one of {', '.join(ENCODINGS)}")
    if newline not in NEWLINES:
        raise ValueError(f"unsupported newline {newline!r}")
    text = normalise_newlines(text)
    try:
        if encoding == "utf-16":
            return codecs.BOM_UTF16_LE + text.replace("\n", newline).encode("utf-16-le")
        if encoding == "utf-16-be":
            return codecs.BOM_UTF16_BE + text.replace("\n", newline).encode("utf-16-be")
        return text.replace("\n", newline).encode(encoding)
    except UnicodeEncodeError:
        pass
    # locate the first bad character in the "\n" text, so lines and columns are the editor's
    index = next(i for i, char in enumerate(text) if not _encodable(char, encoding))
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    if encoding == "cp1251":
        raise EncodingChangeNeeded(Path(path), encoding, text[index], line, column)
    raise StorageError("invalid-character", path=str(path), line=line, column=column,
                       codepoint=f"U+{ord(text[index]):04X}")


def _encodable(char: str, encoding: str) -> bool:
    try:
        char.encode("utf-16-le" if encoding.startswith("utf-16") else encoding)
    except UnicodeEncodeError:
        return False
    return True


def save_text(
    path: Path,
    text: str,
    snapshot: FileSnapshot | None,
    *,
    root: Path | None = None,
    force: bool = False,
    encoding: str | None = None,
    newline: str | None = None,
) -> FileSnapshot:
    """Write ``text`` to ``path`` atomically, keeping the file's encoding and line endings.

    Args:
        path: the file to write. A symbolic link is kept: its target is written,
            as long as it stays inside ``root``.
        root: the KB folder the file belongs to: a path that leads out of it
            through a link (the file's or a folder's) is never written (the rule of
            :mod:`~kb_assistant.core.files.confine`). Every save into a KB passes it.
        text: the new text (``\\n`` newlines; others are normalised).
        snapshot: what the file held when it was opened, or None for a new file.
        force: write even when the file changed on disk since ``snapshot`` (or,
            for a new file, already exists).
        encoding: write in this encoding instead of the snapshot's (for example
            ``"utf-8"`` after :class:`EncodingChangeNeeded`).
        newline: write these line endings instead of the snapshot's.

    Returns:
        The snapshot of the file as written.

    Raises:
        ExternalChangeError: when the file changed or was deleted since ``snapshot``.
        FileAlreadyExistsError: when a new file would replace an existing one.
        EncodingChangeNeeded: when the encoding cannot store the text.
        StorageError: when writing fails (the old file is then left whole), the
            file is read-only (``file-read-only``), or it leads out of ``root``
            (``write-outside-kb``).
    """
    path = Path(path)
    if root is not None:
        ensure_inside(root, path)
    encoding = encoding or (snapshot.encoding if snapshot else "utf-8")
    newline = newline or (snapshot.newline if snapshot else "\n")
    data = encode_text(text, encoding, newline, path)
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if snapshot is not None and not force:
        _check_unchanged(path, snapshot)
    if snapshot is None:
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StorageError("folder-not-created", path=str(path), reason=os_reason(exc)) from exc
    write_bytes_atomic(target, data, replace=force or snapshot is not None)
    try:
        info = target.stat()
    except OSError as exc:
        raise StorageError("saved-not-readable", path=str(path), reason=os_reason(exc)) from exc
    return FileSnapshot(path, content_hash(data), info.st_mtime_ns, len(data), encoding, newline)


def _check_unchanged(path: Path, snapshot: FileSnapshot) -> None:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExternalChangeError(path, None, None, deleted=True) from None
    except OSError as exc:
        raise StorageError("check-failed", path=str(path), reason=os_reason(exc)) from exc
    if content_hash(data) == snapshot.content_hash:
        return
    try:
        disk_text, disk_snapshot = read_text(path)
    except FileReadError:
        disk_text, disk_snapshot = None, None
    raise ExternalChangeError(path, disk_text, disk_snapshot)


def write_bytes_atomic(path: Path, data: bytes, *, replace: bool = True) -> None:
    """Write ``data`` to ``path`` so that the file is always either old or new, never half.

    The bytes go to a hidden temporary file in the same folder (``.NAME.XXXX.tmp``
    with NAME cut short, so that a file name near the system's 255-byte limit can
    still be saved; the KB loader skips hidden files), are flushed and synced, take
    the old file's permission bits and are renamed over ``path``; the folder is
    synced where the system allows. On any failure the temporary file is removed.
    A file marked read-only is never replaced (a rename would do it silently).

    Args:
        path: the file to write; its folder must exist.
        data: the new content.
        replace: when False, fail instead of replacing an existing file.

    Raises:
        FileAlreadyExistsError: when ``replace`` is False and ``path`` exists.
        StorageError: when writing fails, or ``file-read-only`` for a read-only file.
    """
    path = Path(path)
    folder = path.parent
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        mode = None
    except OSError as exc:
        raise StorageError("save-failed", path=str(path), reason=os_reason(exc)) from exc
    if mode is not None and not replace:
        raise FileAlreadyExistsError(path=str(path))
    if mode is not None and is_read_only(path, mode):
        raise StorageError("file-read-only", path=str(path))
    temp = _create_temp(path)
    try:
        _fill_and_move(temp, path, data, mode, replace)
    except FileExistsError as exc:
        raise FileAlreadyExistsError(path=str(path)) from exc
    except OSError as exc:
        raise StorageError("save-failed-unchanged", path=str(path), reason=os_reason(exc)) from exc
    sync_folder(folder)


def _fill_and_move(temp: Path, path: Path, data: bytes, mode: int | None, replace: bool) -> None:
    """Write, sync and rename the temporary file; remove it if anything fails."""
    try:
        with open(temp, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        if replace:
            replace_file(temp, path)
        else:
            _link_new(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def replace_file(source: str | os.PathLike[str], target: str | os.PathLike[str],
                 delays: tuple[float, ...] = REPLACE_DELAYS) -> None:
    """``os.replace(source, target)``, tried again a few times while another program holds the file.

    On Windows a file open in an antivirus scanner, OneDrive or the search indexer
    refuses to be replaced for a moment (``PermissionError``, winerror 32 "in use" or
    5 "access denied"); the rename is tried again after each pause in ``delays``
    (under a second in all), then the last error is raised. Any other error is raised at once.
    """
    for pause in (*delays, None):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if pause is None or not _sharing_violation(exc):
                raise
        time.sleep(pause)


def _sharing_violation(exc: PermissionError) -> bool:
    """Whether a refused rename may be another program holding the file for a moment (Windows), or can be."""
    winerror = getattr(exc, "winerror", None)
    return winerror in _SHARING_WINERRORS if winerror is not None else True


def is_read_only(path: Path, mode: int) -> bool:
    """Whether the file at ``path`` (permission bits ``mode``) is marked read-only, or not writable by us.

    Nobody may write it (``chmod 444``; the Windows read-only attribute), or the
    system refuses us. The bits are looked at too: the administrator may write anything.
    """
    return not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(path, os.W_OK)


def _create_temp(path: Path) -> Path:
    """Create an empty hidden temporary file beside ``path`` (permissions from the umask)."""
    # the name's start says whose it is; the whole name could pass the 255-byte limit of a file name
    stem = path.name.encode("utf-8", "surrogateescape")[:_TEMP_NAME_BYTES].decode("utf-8", "ignore")
    for _ in range(_TEMP_ATTEMPTS):
        temp = path.with_name(f".{stem}.{secrets.token_hex(4)}.tmp")
        try:
            os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666))
            return temp
        except FileExistsError:
            continue
        except OSError as exc:
            raise StorageError("temp-file-failed", path=str(path), folder=str(path.parent),
                               reason=os_reason(exc)) from exc
    raise StorageError("temp-name-taken", path=str(path), folder=str(path.parent))


def _link_new(temp: Path, path: Path) -> None:
    """Move ``temp`` to ``path`` only if ``path`` does not exist (no race with other writers)."""
    try:
        os.link(temp, path)
    except FileExistsError:
        raise
    except OSError:
        # no hard links here (some network or FAT drives): check, then rename
        if path.exists():
            raise FileExistsError(str(path)) from None
        replace_file(temp, path)
        return
    os.unlink(temp)


def sync_folder(folder: Path) -> None:
    """Make a rename in ``folder`` durable by syncing the folder (skipped where the system cannot)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def unified_diff(old: str, new: str, old_label: str = "on disk", new_label: str = "mine") -> str:
    """A unified diff of two texts ("" when they are equal)."""
    lines = difflib.unified_diff(
        normalise_newlines(old).split("\n"), normalise_newlines(new).split("\n"),
        fromfile=old_label, tofile=new_label, lineterm="",
    )
    return "\n".join(lines)
