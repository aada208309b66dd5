"""What the editor finds in its text besides ``kb-assistant check``'s problems.

Two things only the editor can judge: a damaged opening ``---`` (the whole
front matter silently becomes body text) and the new-article template's sample
text left in (a sample question would make the article found for it). They are
listed with the check's problems and weigh on saving like them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from kb_assistant.core.articles.fence import damaged_opening
from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.articles.template import SampleText, sample_text_left
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import Problem
from kb_assistant.core.upkeep.check import check_text
from kb_assistant.ui.system.messages import message_text, severity_text

translate = QCoreApplication.translate


@dataclass(frozen=True)
class TextFindings:
    """The editor's view of one text.

    Attributes:
        problems: what ``kb-assistant check`` reports for it.
        opening_damaged: the line of the closing ``---`` when the opening one is damaged, else None.
        sample: the template's sample text still in it.
    """

    problems: list[Problem] = field(default_factory=list)
    opening_damaged: int | None = None
    sample: tuple[SampleText, ...] = ()


def find_problems(text: str, rel_path: str, kb: KnowledgeBase, today: dt.date) -> TextFindings:
    """Everything the editor lists for ``text`` (runs off the GUI thread)."""
    return TextFindings(check_text(text, rel_path or "new.md", kb, today), damaged_opening(text),
                        tuple(sample_text_left(text)))


def opening_damaged_text(closing_line: int) -> str:
    """Why the front matter cannot be read when its opening ``---`` is damaged."""
    return translate("EditorWindow", "line 1 must be exactly “---”: the front matter up to line {0} is read as "
                     "article text, losing its title, questions and language").format(closing_line)


def front_matter_error_text(doc: FrontMatterDocument) -> str:
    """The reason ``doc`` cannot be read or edited, in the interface language ("" when it can)."""
    if doc.opening_damaged:
        return opening_damaged_text(doc.opening_damaged)
    return message_text(doc.error) if doc.error else ""


def sample_part_name(part: str) -> str:
    """What a :class:`SampleText` part is called in a sentence."""
    names = {
        "question": translate("EditorWindow", "the customer question"),
        "body": translate("EditorWindow", "the article text"),
        "reply": translate("EditorWindow", "the reply"),
    }
    return names.get(part, part)


def sample_names(sample: tuple[SampleText, ...] | list[SampleText]) -> str:
    """``"the customer question, the article text"``: each sample part once, in text order."""
    parts = list(dict.fromkeys(item.part for item in sample))
    return ", ".join(sample_part_name(part) for part in parts)


def finding_lines(findings: TextFindings) -> list[tuple[int, bool, str]]:
    """``(line, is_warning, text)`` of the editor's own findings, as the problem list shows them."""
    rows = []
    where = translate("Messages", "line {0}")
    if findings.opening_damaged:
        text = translate("EditorWindow", "The front matter cannot be read: {0}.").format(
            opening_damaged_text(findings.opening_damaged))
        rows.append((1, False, f"{where.format(1)}: {severity_text('error')}: {text}"))
    sentences = {
        "question": translate("EditorWindow", "The customer question is still the template's sample: write how "
                              "customers really ask, or delete it."),
        "body": translate("EditorWindow", "This line is still the template's sample text: write your own."),
        "reply": translate("EditorWindow", "The reply is still the template's sample: write it, or delete it."),
    }
    for item in findings.sample:
        text = sentences[item.part]
        rows.append((item.line, True, f"{where.format(item.line)}: {severity_text('warning')}: {text}"))
    return rows
