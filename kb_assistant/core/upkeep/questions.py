"""Adding a customer's question to an article's ``questions:``, the insights' "Add as a question to…".

A question agents kept asking with no answer becomes one of the article's
questions, searched with a boost. The front matter is edited through
:class:`~kb_assistant.core.articles.frontmatter_edit.FrontMatterDocument`, so
comments, key order, quoting and line endings stay as the editor wrote them.
"""

from __future__ import annotations

from pathlib import Path

from kb_assistant.core.articles import frontmatter as fm
from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.errors import FrontMatterBroken, FrontMatterValueError
from kb_assistant.core.files.storage import FileSnapshot, read_text, save_text
from kb_assistant.core.usage.learned import question_key


def has_question(questions: list[str], question: str) -> bool:
    """Whether ``question`` is already among ``questions`` (case, ``ё`` and spacing folded)."""
    key = question_key(question)
    return any(question_key(item) == key for item in questions)


def add_question(text: str, question: str) -> str:
    """Return the article ``text`` with ``question`` last in its ``questions:``; everything else is kept.

    The key is created when missing. A question already there (compared with
    case, ``ё`` and spacing folded) or an empty one leaves ``text`` as it is.

    Raises:
        FrontMatterBroken: when the front matter is not valid YAML.
        FrontMatterValueError: when ``questions:`` is there but not a list of texts
            (``kb-assistant check`` reports it; it is not overwritten).
    """
    question = " ".join(question.split())
    doc = FrontMatterDocument.parse(text)
    if not question:
        return text
    if doc.error:
        raise FrontMatterBroken("front-matter-broken", reason=doc.error, line=doc.error_line or 0)
    current = fm.as_text_list(doc.get("questions"))
    if current is None:
        raise FrontMatterValueError("value-not-list", key="questions")
    if has_question(current, question):
        return text
    doc.set("questions", [*current, question])
    return doc.to_text()


def add_question_file(path: Path, question: str, *, root: Path | None = None) -> FileSnapshot | None:
    """Add ``question`` to the ``questions:`` of the article file at ``path`` and save it atomically.

    The file's encoding, line endings, other keys and comments are kept. With
    ``root`` (the KB folder), a file that leads out of the KB through a link is
    neither read nor written.

    Returns:
        The saved file's snapshot, or None when the question was already there
        (the file is not written).

    Raises:
        FileReadError: when the file cannot be read.
        FrontMatterBroken: when its front matter is not valid YAML (the file is left alone).
        FrontMatterValueError: when its ``questions:`` is not a list (the file is left alone).
        StorageError: when it cannot be written (the old file is then left whole),
            or leads out of ``root``.
    """
    text, snapshot = read_text(path, root=root)
    new_text = add_question(text, question)
    if new_text == text:
        return None
    return save_text(path, new_text, snapshot, root=root)
