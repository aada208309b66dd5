"""The edits a rename needs, file by file: links, translations, ``id:``, learning paths.

:func:`kb_assistant.core.upkeep.rename.plan_rename` opens each file that must
change as a :class:`Doc` (its lines now and as read), lets the functions here
rewrite it, and turns what changed into a :class:`FileEdit` per file. Links are found
with the article syntax (``core.articles.syntax``), outside fenced and inline
code; front matter keys are set through the ruamel document, and a
``_kb.yml`` line is rewritten only if the file then reads the same apart from
the learning-path ids.
"""

from __future__ import annotations

import dataclasses
import difflib
import posixpath
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from kb_assistant.core.articles import frontmatter as fm
from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.articles.scan import code_line_mask, is_relative_target
from kb_assistant.core.articles.syntax import (
    LINK_OR_IMAGE_RE,
    REFERENCE_DEFINITION_RE,
    WIKILINK_RE,
    blank_inline_code,
)
from kb_assistant.core.articles.yaml_scalar import yaml_text
from kb_assistant.core.errors import FileReadError, FrontMatterBroken, StorageError
from kb_assistant.core.files.storage import FileSnapshot, encode_text, read_text
from kb_assistant.core.kb.config import CONFIG_NAME, parse_kb_config
from kb_assistant.core.kb.links import link_path, path_part
from kb_assistant.core.models import KbConfig, Problem

_TRANSLATIONS_RE = re.compile(r"^translations[ \t]*:")


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


@dataclass
class Doc:
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


def open_doc(root: Path, rel_path: str) -> Doc:
    """Read the file at ``rel_path`` for editing.

    Raises:
        FileReadError: when it cannot be read.
    """
    text, snap = read_text(root / rel_path, root=root)
    lines = text.split("\n")
    return Doc(rel_path, snap, tuple(lines), lines)


def _link_to(dest: str, from_path: str, original: str) -> str:
    """A relative link from the file at ``from_path`` to ``dest``, in the style of ``original``."""
    path = path_part(original)
    rel = posixpath.relpath(dest, posixpath.dirname(from_path) or ".")
    if "%" in path or re.search(r"[\s()<>]", rel):
        rel = quote(rel, safe="/")
    if path.startswith("./") and not rel.startswith("../"):
        rel = "./" + rel
    return rel + original[len(path):]


def link_rewriter_to(from_path: str, old_path: str, new_path: str):
    """For :func:`rewrite_links` in the file at ``from_path``: links to ``old_path`` lead to ``new_path``."""
    def rewrite(target: str) -> str | None:
        return _link_to(new_path, from_path, target) if link_path(from_path, target) == old_path else None

    return rewrite


def own_link_rewriter(old_path: str, new_path: str):
    """For :func:`rewrite_links` in the moved file itself: its relative links still lead where they did."""
    def rewrite(target: str) -> str | None:
        dest = link_path(old_path, target)
        if dest is None:
            return None  # already leads outside the KB; check reports it
        dest = new_path if dest == old_path else dest
        return None if link_path(new_path, target) == dest else _link_to(dest, new_path, target)

    return rewrite


def rewrite_wiki_links(doc: Doc, old_id: str, new_id: str) -> None:
    """Point ``[[old_id]]`` links (outside code) at ``new_id``, keeping their spacing and labels."""
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


def rewrite_links(doc: Doc, rewrite) -> None:
    """Replace each relative link target (outside code) for which ``rewrite(target)`` gives a new one."""
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


def rewrite_translations(doc: Doc, old_id: str, new_id: str) -> Problem | None:
    """Point the ``translations:`` entries naming ``old_id`` at ``new_id``."""
    data = fm.split_front_matter("\n".join(doc.lines)).data
    start = next((i for i in doc.front_matter_indices() if _TRANSLATIONS_RE.match(doc.lines[i])), None)
    translations = data.get("translations")
    if isinstance(translations, dict):
        value = {str(k): (new_id if fm.as_text(v) == old_id else fm.as_text(v)) for k, v in translations.items()}
        if _set_front_matter(doc, "translations", value):
            return None
    return Problem(doc.rel_path, (start or 0) + 1, "error", "rename-translation", {"old": old_id, "new": new_id})


def set_id(doc: Doc, new_id: str) -> Problem | None:
    """Put ``id: new_id`` into the front matter (replacing the ``id:``, or adding one first)."""
    split = fm.split_front_matter("\n".join(doc.lines))
    if split.error:
        return Problem(doc.rel_path, split.error_line, "error", "rename-id-broken", {"new": new_id})
    if not _set_front_matter(doc, "id", new_id, first=True):
        id_line = next((i for i in doc.front_matter_indices() if doc.lines[i].startswith("id")), 0)
        return Problem(doc.rel_path, id_line + 1, "error", "rename-id", {"new": new_id})
    return None


def _set_front_matter(doc: Doc, key: str, value: object, *, first: bool = False) -> bool:
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


def rewrite_learning_paths(root: Path, old_id: str, new_id: str) -> tuple[Doc | None, Problem | None]:
    """Replace ``old_id`` in the learning paths of ``_kb.yml``, one line at a time.

    A line change is kept only if ``_kb.yml`` then reads the same except for
    learning-path entries that were ``old_id`` (so a description or a synonym
    that happens to be the same word is left alone).
    """
    unfixable = Problem(CONFIG_NAME, None, "error", "rename-path", {"old": old_id, "new": new_id})
    try:
        doc = open_doc(root, CONFIG_NAME)
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


def file_edits(docs, breaking: list[Problem]) -> list[FileEdit]:
    """The edits of the changed ``docs`` by path; a file its encoding cannot store goes to ``breaking``."""
    edits = []
    for doc in docs:
        if tuple(doc.lines) == doc.original:
            continue
        text = "\n".join(doc.lines)
        try:
            encode_text(text, doc.snapshot.encoding, doc.snapshot.newline, doc.rel_path)
        except StorageError as exc:
            breaking.append(Problem(doc.rel_path, getattr(exc, "line", None), "error", "rename-encoding",
                                    {"reason": exc.message()}))
            continue
        changed: list[int] = []
        matcher = difflib.SequenceMatcher(None, doc.original, doc.lines, autojunk=False)
        for tag, _i1, _i2, j1, j2 in matcher.get_opcodes():
            if tag != "equal":
                changed.extend(range(j1 + 1, j2 + 1))
        edits.append(FileEdit(doc.rel_path, tuple(changed), text, doc.snapshot))
    return sorted(edits, key=lambda edit: edit.rel_path)
