"""One rule for symbolic links in a knowledge base: inside the KB they work, out of it never.

A KB is usually a git repository shared by a team, and git carries symbolic
links: ``notes.md -> ~/.aws/credentials`` or a folder link to ``/etc`` would
put a private file into every colleague's search results, and an edit (or
"Mark reviewed") would write through the link to a file outside the KB.

So wherever the KB is walked (``kb.load.scan_kb``), read (articles, title
sidecars, ``_kb.yml``) or written (``files.storage.save_text``, rename), a path
whose real location (every link in it followed) lies outside the real KB
folder is skipped with a located warning, and never written. A link that stays
inside the KB (``latest.md -> v2/guide.md``, a folder link to another
category) keeps working; a loop is still reported by the walker.
"""

from __future__ import annotations

import os
from pathlib import Path

from kb_assistant.core.errors import StorageError


def real_path(path: str | os.PathLike[str]) -> str:
    """``path`` with every symbolic link in it followed (as far as the links exist)."""
    return os.path.realpath(path)


def is_within(real_root: str, real: str) -> bool:
    """Whether the real path ``real`` is ``real_root`` or lies below it (both from :func:`real_path`)."""
    try:
        return os.path.commonpath([real_root, real]) == real_root
    except ValueError:  # another drive (Windows), or one path absolute and the other not
        return False


def outside_target(root: str | os.PathLike[str], path: str | os.PathLike[str],
                   real_root: str | None = None) -> str | None:
    """Where ``path`` really leads when that is outside the KB at ``root``; None when it stays inside.

    Args:
        root: the KB folder.
        path: a path under ``root`` (it need not exist yet: its existing part is followed).
        real_root: ``real_path(root)``, when the caller already has it (a walk asks for every link).
    """
    target = real_path(path)
    return None if is_within(real_root or real_path(root), target) else target


def link_outside(root: str | os.PathLike[str], path: str | os.PathLike[str]) -> str | None:
    """Like :func:`outside_target`, but only looked at when ``path`` itself is a symbolic link.

    Cheap (one ``lstat``) for the common plain file; for the folders above a file,
    the walk that found it has already applied the rule.
    """
    return outside_target(root, path) if os.path.islink(path) else None


def ensure_inside(root: str | os.PathLike[str], path: str | os.PathLike[str]) -> None:
    """Refuse to write ``path`` when it (or a folder above it) is a link leading outside the KB at ``root``.

    Raises:
        StorageError: ``write-outside-kb``, naming the real target.
    """
    target = outside_target(root, path)
    if target is not None:
        raise StorageError("write-outside-kb", path=str(path), target=target)


def kb_root_of(abs_path: str, rel_path: str) -> Path:
    """The KB folder of a scanned file: ``abs_path`` without the parts of ``rel_path``."""
    return Path(abs_path).parents[rel_path.count("/")]
