"""Renaming or moving an article, and fixing the links that would break.

:func:`plan_rename` works out, without touching the disk, every change a rename
needs: ``[[id]]`` links and ``translations:`` that name the old id, relative
Markdown links to the old file, relative links inside the moved article, the
learning paths of ``_kb.yml``, and the ``id:`` line when the id must be kept or
changed. What it cannot fix safely is listed in :attr:`RenamePlan.breaking`, so
the editor can show it before anything happens. :func:`apply_rename` then writes
the edits (atomically, keeping each file's encoding) and moves the file.

Every edit is checked by parsing the result again: a front matter or
``_kb.yml`` that would not read back as intended is left alone and reported.
"""

from __future__ import annotations

import dataclasses
import difflib
import os
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote


from kb_assistant.core.articles import frontmatter as fm
from kb_assistant.core.articles.frontmatter_edit import FrontMatterBroken, FrontMatterDocument
from kb_assistant.core.articles.yaml_scalar import yaml_text
from kb_assistant.core.articles.parse import default_id
from kb_assistant.core.errors import KbError
from kb_assistant.core.kb.links import link_path, path_part
from kb_assistant.core.kb.load import KnowledgeBase, is_hidden_name
from kb_assistant.core.kb.config import CONFIG_NAME, parse_kb_config
from kb_assistant.core.articles.scan import code_line_mask, is_relative_target
from kb_assistant.core.articles.syntax import (
    LINK_OR_IMAGE_RE,
    REFERENCE_DEFINITION_RE,
    WIKILINK_RE,
    blank_inline_code,
)
from kb_assistant.core.models import Article, KbConfig, Problem
from kb_assistant.core.files.storage import (
    ExternalChangeError,
    FileReadError,
    FileSnapshot,
    StorageError,
    encode_text,
    read_text,
    save_text,
    sync_folder,
    write_bytes_atomic,
)

_TRANSLATIONS_RE = re.compile(r"^translations[ \t]*:")
_BAD_ID_CHARS = re.compile(r"[\[\]|\n\r]")


class RenameError(KbError):
    """The rename cannot be done as asked (bad new path, id taken ...)."""

    code = "rename-invalid"


class RenameFailedError(KbError):
    """Applying a rename stopped part way.

    Attributes:
        changed: files already changed (paths relative to the KB root).
        pending: files that still needed an edit.
    """

    code = "rename-failed"

    def __init__(self, message: str, changed: list[str], pending: list[str]) -> None:
        self.changed, self.pending = tuple(changed), tuple(pending)
        super().__init__(message, changed=self.changed, pending=self.pending)


@dataclass(frozen=True)
class FileEdit:
    """New text for one file.

    Attributes:
        rel_path: the file, relative to the KB root (the moved article under its old path).
        lines: 1-based lines of ``new_text`` that changed or were added.
        new_text: the file's new text (``\\n`` newlines).
        snapshot: the file as read when planning; applying refuses if it changed since.
    """

    rel_path: str
    lines: tuple[int, ...]
    new_text: str
    snapshot: FileSnapshot


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


@dataclass
class _Doc:
    """A file being edited while planning: its lines now and as read."""

    rel_path: str
    snapshot: FileSnapshot
    original: tuple[str, ...]
    lines: list[str]

    def front_matter(self) -> fm.FrontMatter:
        return fm.split_front_matter("\n".join(self.lines))

    def prose_indices(self) -> list[int]:
        """Indices of body lines outside fenced code."""
        start = self.front_matter().body_line - 1
        mask = code_line_mask(self.lines[start:])
        return [start + offset for offset, code in enumerate(mask) if not code]

    def front_matter_indices(self) -> list[int]:
        split = self.front_matter()
        return list(range(1, split.body_line - 2)) if split.present and split.body_line > 1 else []


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
    own = _open(kb.root, article.path)
    declared = fm.as_text(own.front_matter().data.get("id")) or ""
    id_is_explicit = declared.strip("/") == article.id
    if new_id is None:
        new_id = article.id if id_is_explicit else default_id(new_path)
    new_id = _validate_new_id(kb, article, new_id)
    old_id = article.id
    breaking: list[Problem] = []
    docs: dict[str, _Doc] = {article.path: own}

    _rewrite_links(own, _own_link_rewriter(article.path, new_path))
    for other in kb.articles.values():
        if not _mentions(other, article, old_id != new_id):
            continue
        doc = docs.get(other.path)
        if doc is None:
            try:
                doc = docs[other.path] = _open(kb.root, other.path)
            except FileReadError as exc:
                breaking.append(Problem(other.path, None, "error", "rename-unfixable",
                                        f"cannot update its links to '{old_id}': {exc}"))
                continue
        if old_id != new_id:
            _rewrite_wiki_links(doc, old_id, new_id)
            if any(target == old_id for _, target in other.translations):
                _note(breaking, _rewrite_translations(doc, old_id, new_id))
        if other.path != article.path:
            _rewrite_links(doc, _link_rewriter_to(other.path, article.path, new_path))
    if new_id != (article.id if id_is_explicit else default_id(new_path)):
        _note(breaking, _set_id(own, new_id))
    if old_id != new_id and any(old_id in path.articles for path in kb.config.paths):
        config_doc, problem = _rewrite_learning_paths(kb.root, old_id, new_id)
        _note(breaking, problem)
        if config_doc is not None:
            docs[CONFIG_NAME] = config_doc
    return RenamePlan(article.path, new_path, old_id, new_id, tuple(_edits(docs.values(), breaking)), tuple(breaking))


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
        raise RenameError(f"{plan.old_path}: the article is no longer there; nothing was changed",
                          path=plan.old_path)
    _check_free(old_abs, new_abs, plan.old_path, plan.new_path)
    for edit in plan.edits:
        _check_current(root, edit)
    own = plan.edit_for(plan.old_path)
    others = [edit for edit in plan.edits if edit.rel_path != plan.old_path]
    all_paths = [plan.new_path] + [edit.rel_path for edit in others]
    original = old_abs.read_bytes() if own is not None else None
    try:
        if own is not None:
            save_text(old_abs, own.new_text, own.snapshot)
        new_abs.parent.mkdir(parents=True, exist_ok=True)
        _check_free(old_abs, new_abs, plan.old_path, plan.new_path)
        os.replace(old_abs, new_abs)
    except (OSError, KbError) as exc:
        outcome = "nothing was changed"
        if original is not None and not _restore(old_abs, original):
            outcome = f"and {plan.old_path} could not be restored: it holds the edited text"
        raise RenameFailedError(f"cannot move {plan.old_path} to {plan.new_path}: {_reason(exc)}; {outcome}",
                                [], all_paths) from exc
    sync_folder(old_abs.parent)
    sync_folder(new_abs.parent)
    changed = [plan.new_path]
    sidecar, new_sidecar = old_abs.with_suffix(".meta.json"), new_abs.with_suffix(".meta.json")
    if sidecar.is_file() and not new_sidecar.exists():
        try:
            os.replace(sidecar, new_sidecar)
        except OSError as exc:
            raise RenameFailedError(
                f"{plan.old_path} was moved to {plan.new_path}, but {sidecar.name} could not follow it: "
                f"{_reason(exc)}. No links were updated yet", changed, all_paths[1:],
            ) from exc
    for position, edit in enumerate(others):
        try:
            save_text(root / edit.rel_path, edit.new_text, edit.snapshot)
        except (OSError, KbError) as exc:
            pending = [later.rel_path for later in others[position:]]
            raise RenameFailedError(
                f"{plan.old_path} was moved to {plan.new_path}, but {edit.rel_path} could not be updated: "
                f"{_reason(exc)}. Changed: {', '.join(changed)}. Not updated: {', '.join(pending)}",
                changed, pending,
            ) from exc
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

    def fail(why: str) -> RenameError:
        return RenameError(f"cannot move {old_path} to '{new_rel_path}': {why}", path=old_path, new_path=new_rel_path)

    if not raw:
        raise fail("the new path is empty")
    if raw.startswith("/") or re.match(r"^[A-Za-z]:", raw):
        raise fail("give a path relative to the knowledge base folder")
    parts = raw.split("/")
    if ".." in parts:
        raise fail("the new path leaves the knowledge base folder")
    if any(part in ("", ".") for part in parts):
        raise fail("the new path has an empty or '.' folder name")
    hidden = next((part for part in parts if is_hidden_name(part)), None)
    if hidden is not None:
        raise fail(f"'{hidden}' starts with '_' or '.', so the file would no longer be an article")
    if not parts[-1].lower().endswith(".md") or len(parts[-1]) <= 3:
        raise fail("an article's file name must end with '.md'")
    if raw == old_path:
        raise fail("it is already the article's path")
    old_abs, new_abs = root / old_path, root.joinpath(*parts)
    for depth in range(1, len(parts)):
        folder = root.joinpath(*parts[:depth])
        if folder.exists() and not folder.is_dir():
            raise fail(f"'{'/'.join(parts[:depth])}' is a file, not a folder")
    _check_free(old_abs, new_abs, old_path, raw)
    return raw


def _check_free(old_abs: Path, new_abs: Path, old_path: str, new_path: str) -> None:
    """Refuse an existing target, unless it is the same file (a case-only rename)."""
    if os.path.lexists(new_abs) and not (new_abs.exists() and os.path.samefile(old_abs, new_abs)):
        raise RenameError(f"cannot move {old_path} to {new_path}: a file with that name already exists",
                          path=old_path, new_path=new_path)


def _validate_new_id(kb: KnowledgeBase, article: Article, new_id: str) -> str:
    new_id = new_id.strip().strip("/")
    if not new_id or _BAD_ID_CHARS.search(new_id):
        raise RenameError(f"{article.path}: '{new_id}' cannot be an id (empty, or holds '[', ']', '|' "
                          "or a line break)", path=article.path, id=new_id)
    taken = kb.articles.get(new_id)
    if taken is not None and taken.path != article.path:
        raise RenameError(f"{article.path}: the id '{new_id}' is already used by {taken.path}; "
                          "choose another id or path", path=article.path, id=new_id)
    return new_id


def _check_current(root: Path, edit: FileEdit) -> None:
    """Refuse to start when a file changed since planning (save_text would stop half way)."""
    path = root / edit.rel_path
    try:
        text, snap = read_text(path)
    except FileReadError:
        if not path.exists():
            raise ExternalChangeError(path, None, None, deleted=True) from None
        raise
    if snap.content_hash != edit.snapshot.content_hash:
        raise ExternalChangeError(path, text, snap)


# -- finding what to change ---------------------------------------------------------------------------------------

def _open(root: Path, rel_path: str) -> _Doc:
    text, snap = read_text(root / rel_path)
    lines = text.split("\n")
    return _Doc(rel_path, snap, tuple(lines), lines)


def _mentions(other: Article, moved: Article, id_changes: bool) -> bool:
    """Whether ``other`` (as loaded) links to ``moved`` by id, translation or relative path."""
    if id_changes and (any(link.kind == "wiki" and link.target == moved.id for link in other.links)
                       or any(target == moved.id for _, target in other.translations)):
        return True
    return other.path != moved.path and any(
        link.kind == "relative" and link_path(other.path, link.target) == moved.path for link in other.links
    )


def _link_to(dest: str, from_path: str, original: str) -> str:
    """A relative link from the file at ``from_path`` to ``dest``, in the style of ``original``."""
    path = path_part(original)
    rel = posixpath.relpath(dest, posixpath.dirname(from_path) or ".")
    if "%" in path or re.search(r"[\s()<>]", rel):
        rel = quote(rel, safe="/")
    if path.startswith("./") and not rel.startswith("../"):
        rel = "./" + rel
    return rel + original[len(path):]


def _link_rewriter_to(from_path: str, old_path: str, new_path: str):
    def rewrite(target: str) -> str | None:
        return _link_to(new_path, from_path, target) if link_path(from_path, target) == old_path else None

    return rewrite


def _own_link_rewriter(old_path: str, new_path: str):
    def rewrite(target: str) -> str | None:
        dest = link_path(old_path, target)
        if dest is None:
            return None  # already leads outside the KB; check reports it
        dest = new_path if dest == old_path else dest
        return None if link_path(new_path, target) == dest else _link_to(dest, new_path, target)

    return rewrite


# -- rewriting ----------------------------------------------------------------------------------------------------

def _rewrite_wiki_links(doc: _Doc, old_id: str, new_id: str) -> None:
    for index in doc.prose_indices():
        line = doc.lines[index]
        if "[[" not in line:
            continue
        for match in reversed(list(WIKILINK_RE.finditer(blank_inline_code(line)))):
            if match.group(1).strip() == old_id:
                start, end = match.span(1)
                raw = line[start:end]
                lead, trail = raw[: len(raw) - len(raw.lstrip())], raw[len(raw.rstrip()):]
                line = line[:start] + lead + new_id + trail + line[end:]
        doc.lines[index] = line


def _rewrite_links(doc: _Doc, rewrite) -> None:
    for index in doc.prose_indices():
        line = doc.lines[index]
        if "[" not in line:
            continue
        visible = blank_inline_code(line)
        spans = [m.span(1) for m in LINK_OR_IMAGE_RE.finditer(visible)]
        spans += [m.span(1) for m in REFERENCE_DEFINITION_RE.finditer(visible)]
        for start, end in sorted(spans, reverse=True):
            target = line[start:end]
            new = rewrite(target) if is_relative_target(target) else None
            if new and new != target:
                line = line[:start] + new + line[end:]
        doc.lines[index] = line


def _rewrite_translations(doc: _Doc, old_id: str, new_id: str) -> Problem | None:
    """Point the ``translations:`` entries naming ``old_id`` at ``new_id``."""
    data = fm.split_front_matter("\n".join(doc.lines)).data
    start = next((i for i in doc.front_matter_indices() if _TRANSLATIONS_RE.match(doc.lines[i])), None)
    translations = data.get("translations")
    if isinstance(translations, dict):
        value = {str(k): (new_id if fm.as_text(v) == old_id else fm.as_text(v)) for k, v in translations.items()}
        if _set_front_matter(doc, "translations", value):
            return None
    return Problem(doc.rel_path, (start or 0) + 1, "error", "rename-translation",
                   f"translation '{old_id}' could not be updated automatically; change it to '{new_id}' by hand")


def _set_id(doc: _Doc, new_id: str) -> Problem | None:
    """Put ``id: new_id`` into the front matter (replacing the ``id:``, or adding one first)."""
    split = fm.split_front_matter("\n".join(doc.lines))
    if split.error:
        return Problem(doc.rel_path, split.error_line, "error", "rename-id",
                       f"the front matter is broken, so 'id: {new_id}' cannot be set; fix it first")
    if not _set_front_matter(doc, "id", new_id, first=True):
        id_line = next((i for i in doc.front_matter_indices() if doc.lines[i].startswith("id")), 0)
        return Problem(doc.rel_path, id_line + 1, "error", "rename-id",
                       f"could not set 'id: {new_id}' in the front matter; set it by hand")
    return None


def _set_front_matter(doc: _Doc, key: str, value: object, *, first: bool = False) -> bool:
    """Set one key through the ruamel document (only that key's lines change); whether it worked.

    The edit is kept only if the project's own reader (PyYAML) then reads every
    other key as before and ``key`` as ``value``: an odd block that the document
    could write only by changing its meaning is left alone and reported.
    """
    text = "\n".join(doc.lines)
    document = FrontMatterDocument.parse(text)
    try:
        document.set(key, value, first=first)
        new_text = document.render()
    except (FrontMatterBroken, TypeError, ValueError):
        return False
    before, after = fm.split_front_matter(text), fm.split_front_matter(new_text)
    if before.error or after.error or after.body != before.body:
        return False
    got = dict(after.data)
    got[key] = _as_texts(got.get(key))
    if got != dict(before.data, **{key: value}):
        return False
    doc.lines[:] = new_text.split("\n")
    return True


def _as_texts(value: object) -> object:
    if isinstance(value, dict):
        return {str(k): fm.as_text(v) for k, v in value.items()}
    return fm.as_text(value)


def _rewrite_learning_paths(root: Path, old_id: str, new_id: str) -> tuple[_Doc | None, Problem | None]:
    """Replace ``old_id`` in the learning paths of ``_kb.yml``, one line at a time.

    A line change is kept only if ``_kb.yml`` then reads the same except for
    learning-path entries that were ``old_id`` (so a description or a synonym
    that happens to be the same word is left alone).
    """
    unfixable = Problem(CONFIG_NAME, None, "error", "rename-path",
                        f"a learning path lists '{old_id}'; change it to '{new_id}' by hand")
    try:
        doc = _open(root, CONFIG_NAME)
    except FileReadError:
        return None, unfixable
    before, _ = parse_kb_config("\n".join(doc.lines))
    token = re.compile(r"(?<=[\s\[,-])(['\"]?)" + re.escape(old_id) + r"\1(?=[ \t]*(?:[,\]#]|$))")
    for index, line in enumerate(doc.lines):
        changed = token.sub(lambda m: yaml_text(new_id), line)
        if changed != line:
            doc.lines[index] = changed
            if not _only_path_ids_changed(before, parse_kb_config("\n".join(doc.lines))[0], old_id, new_id):
                doc.lines[index] = line
    after = parse_kb_config("\n".join(doc.lines))[0]
    if any(old_id in path.articles for path in after.paths):
        return (doc if tuple(doc.lines) != doc.original else None), unfixable
    return doc, None


def _only_path_ids_changed(before: KbConfig, after: KbConfig, old_id: str, new_id: str) -> bool:
    if dataclasses.replace(after, paths=()) != dataclasses.replace(before, paths=()):
        return False
    if len(after.paths) != len(before.paths):
        return False
    for was, now in zip(before.paths, after.paths):
        if dataclasses.replace(was, articles=()) != dataclasses.replace(now, articles=()):
            return False
        if len(was.articles) != len(now.articles):
            return False
        if any(a != b and not (a == old_id and b == new_id) for a, b in zip(was.articles, now.articles)):
            return False
    return True


def _note(problems: list[Problem], problem: Problem | None) -> None:
    if problem is not None:
        problems.append(problem)


def _edits(docs, breaking: list[Problem]) -> list[FileEdit]:
    edits = []
    for doc in docs:
        if tuple(doc.lines) == doc.original:
            continue
        text = "\n".join(doc.lines)
        try:
            encode_text(text, doc.snapshot.encoding, doc.snapshot.newline, doc.rel_path)
        except StorageError as exc:
            breaking.append(Problem(doc.rel_path, getattr(exc, "line", None), "error", "rename-encoding",
                                    f"cannot be updated: {exc}"))
            continue
        changed: list[int] = []
        matcher = difflib.SequenceMatcher(None, doc.original, doc.lines, autojunk=False)
        for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                changed.extend(range(j1 + 1, j2 + 1))
        edits.append(FileEdit(doc.rel_path, tuple(changed), text, doc.snapshot))
    return sorted(edits, key=lambda edit: edit.rel_path)


def _reason(exc: BaseException) -> str:
    return str(exc) or type(exc).__name__
