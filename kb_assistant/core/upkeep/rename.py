"""Renaming or moving an article, and fixing the links that would break.

:func:`plan_rename` works out, without touching the disk, every change a rename
needs: ``[[id]]`` links and ``translations:`` that name the old id, relative
Markdown links to the old file, relative links inside the moved article, the
learning paths of ``_kb.yml``, and the ``id:`` line when the id must be kept or
changed. What it cannot fix safely is listed in :attr:`RenamePlan.breaking`, so
the editor can show it before anything happens. :func:`apply_rename` then writes
the edits (atomically, keeping each file's encoding) and moves the file. How each
file is rewritten is :mod:`~kb_assistant.core.upkeep.rename_edits`' job.

Every edit is checked by parsing the result again: a front matter or
``_kb.yml`` that would not read back as intended is left alone and reported.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from kb_assistant.core.articles import frontmatter as fm
from kb_assistant.core.articles.parse import default_id
from kb_assistant.core.errors import ExternalChangeError, FileReadError, KbError, RenameError, RenameFailedError
from kb_assistant.core.messages import os_reason
from kb_assistant.core.kb.links import link_path
from kb_assistant.core.kb.load import KnowledgeBase, is_hidden_name
from kb_assistant.core.kb.config import CONFIG_NAME
from kb_assistant.core.models import Article, Problem
from kb_assistant.core.upkeep.rename_edits import (
    Doc,
    FileEdit,
    file_edits,
    link_rewriter_to,
    open_doc,
    own_link_rewriter,
    rewrite_learning_paths,
    rewrite_links,
    rewrite_translations,
    rewrite_wiki_links,
    set_id,
)
from kb_assistant.core.files.confine import outside_target
from kb_assistant.core.files.names import windows_name_problem
from kb_assistant.core.files.storage import read_text, replace_file, save_text, sync_folder, write_bytes_atomic

_BAD_ID_CHARS = re.compile(r"[\[\]|\n\r]")


@dataclass(frozen=True)
class RenamePlan:
    """Everything a rename will change, and what it cannot fix.

    Attributes:
        old_path: the article's path now.
        new_path: its path after the move.
        old_id: its id now.
        new_id: its id after the move.
        edits: files to rewrite.
        breaking: links and references that will break and need a hand.
    """

    old_path: str
    new_path: str
    old_id: str
    new_id: str
    edits: tuple[FileEdit, ...]
    breaking: tuple[Problem, ...]

    def edit_for(self, rel_path: str) -> FileEdit | None:
        """The edit of the file at ``rel_path``, if any."""
        return next((edit for edit in self.edits if edit.rel_path == rel_path), None)


def plan_rename(kb: KnowledgeBase, article_id: str, new_rel_path: str, new_id: str | None = None) -> RenamePlan:
    """Work out what moving the article ``article_id`` to ``new_rel_path`` changes.

    An article without an ``id:`` in its front matter is known by its path, so
    its id follows the move unless ``new_id`` is given; an explicit id stays
    unless ``new_id`` changes it. The ``id:`` line is added, replaced or left
    as needed. Only files known to the loaded ``kb`` are searched for links.

    Args:
        kb: the loaded knowledge base.
        article_id: the article to move.
        new_rel_path: its new path relative to the KB root ("/" separated, ends with ``.md``).
        new_id: the id it should have afterwards (default: see above).

    Raises:
        ArticleNotFoundError: when there is no such article.
        RenameError: when the new path or id cannot be used.
        FileReadError: when the article's file cannot be read.
    """
    article = kb.get(article_id)
    new_path = _validate_new_path(kb.root, article.path, new_rel_path)
    own = open_doc(kb.root, article.path)
    declared = fm.as_text(own.front_matter().data.get("id")) or ""
    id_is_explicit = declared.strip("/") == article.id
    if new_id is None:
        new_id = article.id if id_is_explicit else default_id(new_path)
    new_id = _validate_new_id(kb, article, new_id)
    old_id = article.id
    breaking: list[Problem] = []
    docs: dict[str, Doc] = {article.path: own}

    rewrite_links(own, own_link_rewriter(article.path, new_path))
    for other in kb.articles.values():
        if not _mentions(other, article, old_id != new_id):
            continue
        doc = docs.get(other.path)
        if doc is None:
            try:
                doc = docs[other.path] = open_doc(kb.root, other.path)
            except FileReadError as exc:
                breaking.append(Problem(other.path, None, "error", "rename-unfixable",
                                        {"old": old_id, "reason": exc.message()}))
                continue
        if old_id != new_id:
            rewrite_wiki_links(doc, old_id, new_id)
            if any(target == old_id for _, target in other.translations):
                _note(breaking, rewrite_translations(doc, old_id, new_id))
        if other.path != article.path:
            rewrite_links(doc, link_rewriter_to(other.path, article.path, new_path))
    if new_id != (article.id if id_is_explicit else default_id(new_path)):
        _note(breaking, set_id(own, new_id))
    if old_id != new_id and any(old_id in path.articles for path in kb.config.paths):
        config_doc, problem = rewrite_learning_paths(kb.root, old_id, new_id)
        _note(breaking, problem)
        if config_doc is not None:
            docs[CONFIG_NAME] = config_doc
    return RenamePlan(article.path, new_path, old_id, new_id, tuple(file_edits(docs.values(), breaking)), tuple(breaking))


def apply_rename(kb_root: Path, plan: RenamePlan) -> list[str]:
    """Carry out ``plan``: write every edit atomically and move the article.

    The article moves first (with its own edit and a ``NAME.meta.json`` beside
    it); if that fails, nothing is left changed. The other files follow.

    Returns:
        The changed files relative to the KB root, the moved article first (under its new path).

    Raises:
        RenameError: when the new path is taken or the article is gone.
        ExternalChangeError: when a file changed since planning (nothing is changed then).
        RenameFailedError: when a step fails; it names the files already changed
            and those still pending.
    """
    root = Path(kb_root)
    old_abs, new_abs = root / plan.old_path, root / plan.new_path
    if not old_abs.is_file():
        raise RenameError("rename-gone", path=plan.old_path)
    _check_free(old_abs, new_abs, plan.old_path, plan.new_path)
    for edit in plan.edits:
        _check_current(root, edit)
    own = plan.edit_for(plan.old_path)
    others = [edit for edit in plan.edits if edit.rel_path != plan.old_path]
    all_paths = [plan.new_path] + [edit.rel_path for edit in others]
    original = old_abs.read_bytes() if own is not None else None
    try:
        if own is not None:
            save_text(old_abs, own.new_text, own.snapshot, root=root)
        new_abs.parent.mkdir(parents=True, exist_ok=True)
        _check_free(old_abs, new_abs, plan.old_path, plan.new_path)
        replace_file(old_abs, new_abs)
    except (OSError, KbError) as exc:
        code = "rename-move-failed"
        if original is not None and not _restore(old_abs, original):
            code = "rename-move-failed-unrestored"
        raise RenameFailedError(code, [], all_paths, path=plan.old_path, new_path=plan.new_path,
                                reason=_reason(exc)) from exc
    sync_folder(old_abs.parent)
    sync_folder(new_abs.parent)
    changed = [plan.new_path]
    sidecar, new_sidecar = old_abs.with_suffix(".meta.json"), new_abs.with_suffix(".meta.json")
    if sidecar.is_file() and not new_sidecar.exists():
        try:
            replace_file(sidecar, new_sidecar)
        except OSError as exc:
            raise RenameFailedError("rename-sidecar-failed", changed, all_paths[1:], path=plan.old_path,
                                    new_path=plan.new_path, sidecar=sidecar.name, reason=_reason(exc)) from exc
    for position, edit in enumerate(others):
        try:
            save_text(root / edit.rel_path, edit.new_text, edit.snapshot, root=root)
        except (OSError, KbError) as exc:
            pending = [later.rel_path for later in others[position:]]
            raise RenameFailedError("rename-update-failed", changed, pending, path=plan.old_path,
                                    new_path=plan.new_path, file=edit.rel_path, reason=_reason(exc)) from exc
        changed.append(edit.rel_path)
    return changed


def _restore(path: Path, original: bytes) -> bool:
    """Put ``original`` back into ``path`` after a failed move; whether the file holds it now."""
    try:
        if path.read_bytes() != original:
            write_bytes_atomic(path, original)
    except (OSError, KbError):
        return False
    return True


# -- validation ---------------------------------------------------------------------------------------------------

def _validate_new_path(root: Path, old_path: str, new_rel_path: str) -> str:
    raw = (new_rel_path or "").strip().replace("\\", "/")

    def fail(code: str, **values: object) -> RenameError:
        return RenameError(code, path=old_path, new_path=new_rel_path, **values)

    if not raw:
        raise fail("rename-path-empty")
    if raw.startswith("/") or re.match(r"^[A-Za-z]:", raw):
        raise fail("rename-path-absolute")
    parts = raw.split("/")
    if ".." in parts:
        raise fail("rename-path-outside")
    if any(part in ("", ".") for part in parts):
        raise fail("rename-path-empty-folder")
    hidden = next((part for part in parts if is_hidden_name(part)), None)
    if hidden is not None:
        raise fail("rename-path-hidden", name=hidden)
    if not parts[-1].lower().endswith(".md") or len(parts[-1]) <= 3:
        raise fail("rename-path-not-md")
    if windows_code := windows_name_problem(raw):
        raise RenameError(windows_code, path=raw)  # the KB is shared with Windows machines
    if raw == old_path:
        raise fail("rename-path-same")
    old_abs, new_abs = root / old_path, root.joinpath(*parts)
    if outside_target(root, new_abs) is not None:  # a folder on the way is a link out of the KB
        raise fail("rename-path-outside")
    for depth in range(1, len(parts)):
        folder = root.joinpath(*parts[:depth])
        if folder.exists() and not folder.is_dir():
            raise fail("rename-path-file-folder", folder="/".join(parts[:depth]))
    _check_free(old_abs, new_abs, old_path, raw)
    return raw


def _check_free(old_abs: Path, new_abs: Path, old_path: str, new_path: str) -> None:
    """Refuse an existing target, unless it is the same file (a case-only rename)."""
    if os.path.lexists(new_abs) and not (new_abs.exists() and os.path.samefile(old_abs, new_abs)):
        raise RenameError("rename-target-exists", path=old_path, new_path=new_path)


def _validate_new_id(kb: KnowledgeBase, article: Article, new_id: str) -> str:
    new_id = new_id.strip().strip("/")
    if not new_id or _BAD_ID_CHARS.search(new_id):
        raise RenameError("rename-bad-id", path=article.path, id=new_id)
    taken = kb.articles.get(new_id)
    if taken is not None and taken.path != article.path:
        raise RenameError("rename-id-taken", path=article.path, id=new_id, other=taken.path)
    return new_id


def _check_current(root: Path, edit: FileEdit) -> None:
    """Refuse to start when a file changed since planning (save_text would stop half way)."""
    path = root / edit.rel_path
    try:
        text, snap = read_text(path, root=root)
    except FileReadError:
        if not path.exists():
            raise ExternalChangeError(path, None, None, deleted=True) from None
        raise
    if snap.content_hash != edit.snapshot.content_hash:
        raise ExternalChangeError(path, text, snap)


# -- finding what to change ---------------------------------------------------------------------------------------

def _mentions(other: Article, moved: Article, id_changes: bool) -> bool:
    """Whether ``other`` (as loaded) links to ``moved`` by id, translation or relative path."""
    if id_changes and (any(link.kind == "wiki" and link.target == moved.id for link in other.links)
                       or any(target == moved.id for _, target in other.translations)):
        return True
    return other.path != moved.path and any(
        link.kind == "relative" and link_path(other.path, link.target) == moved.path for link in other.links
    )


def _note(problems: list[Problem], problem: Problem | None) -> None:
    if problem is not None:
        problems.append(problem)


def _reason(exc: BaseException):
    """Why a step failed: a core error as its message (translated with this one), else the system's words."""
    return exc.message() if isinstance(exc, KbError) else os_reason(exc)
