"""Cutting an article body into sections at its ``#`` and ``##`` headings.

The quiz parser finds its sections this way and "what changed" hashes each
one. A section runs to the next heading of level 1 or 2, as replies do, so
``###`` subheadings stay inside their section. Headings inside fenced code do
not count (:func:`~kb_assistant.core.articles.scan.headings` skips them).
"""

from __future__ import annotations

from dataclasses import dataclass

from kb_assistant.core.articles.scan import Heading, headings

SECTION_LEVEL = 2
"""Headings of this level or higher (``#``, ``##``) start a new section."""


@dataclass(frozen=True)
class Section:
    """One part of a body.

    Attributes:
        title: the heading text, "" for the text before the first heading.
        level: the heading level, 0 for the text before the first heading.
        start: 0-based index of the heading line (of the first line when ``level`` is 0).
        end: 0-based index one past the section's last line.
    """

    title: str
    level: int
    start: int
    end: int


def split_sections(lines: list[str], found: list[Heading] | None = None) -> list[Section]:
    """Cut ``lines`` into sections; together they cover every line exactly once.

    The text before the first heading comes first as a section with level 0,
    and only when it is there (a body that starts with its heading has none).
    ``found`` are the headings of ``lines`` when the caller has them already.
    """
    cuts = [h for h in (headings(lines) if found is None else found) if h.level <= SECTION_LEVEL]
    sections: list[Section] = []
    first = cuts[0].index if cuts else len(lines)
    if first > 0:
        sections.append(Section("", 0, 0, first))
    for position, heading in enumerate(cuts):
        end = cuts[position + 1].index if position + 1 < len(cuts) else len(lines)
        sections.append(Section(heading.text, heading.level, heading.index, end))
    return sections
