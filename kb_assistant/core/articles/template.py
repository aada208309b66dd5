"""New articles and snippets from a template, named and placed the KB's way."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import PurePosixPath

from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.articles.yaml_scalar import yaml_text
from kb_assistant.core.errors import FrontMatterBroken
from kb_assistant.core.files.names import windows_name_problem


_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
})


def slugify(title: str) -> str:
    """A file-name-safe slug of a title, Cyrillic transliterated (``Возврат денег`` -> ``vozvrat-deneg``)."""
    text = unicodedata.normalize("NFKC", title).lower().translate(_TRANSLIT)
    text = re.sub(r"[^a-z0-9]+", "-", text).strip("-")
    return text[:60].strip("-") or "article"


def new_article_path(folder: str, title: str, lang: str) -> str:
    """``folder/slug.lang.md``, the sample KB's naming (a slug Windows reserves, ``con``, gets ``-article``)."""
    slug = slugify(title)
    if windows_name_problem(slug):
        slug += "-article"
    name = f"{slug}.{lang}.md" if lang else f"{slug}.md"
    return str(PurePosixPath(folder.strip("/")) / name) if folder.strip("/") else name


GREETINGS = {
    "ru": "Здравствуйте, {{customer_name}}!",
    "en": "Hello {{customer_name|there}}!",
}
"""The greeting a new reply or snippet starts with, as the sample KB writes it: a Russian
greeting asks for the name (there is no neutral word to fall back on, and the form asks for
it before copying), an English one falls back to "there". Never an empty fallback, which
would leave "Здравствуйте, !" in a reply sent without a name."""


SAMPLE_QUESTIONS = ("Как клиент спрашивает об этом?", "How does a customer ask about this?")
"""The template's sample customer question (Russian, English): searched with a boost once saved."""
SAMPLE_BODIES = ("Что проверить и что сделать.", "What to check and what to do.")
"""The template's sample body line."""
SAMPLE_REPLY_NAMES = ("Первый ответ", "First reply")
"""The template's sample reply name (its text is only the greeting)."""

_REPLY_HEADING = re.compile(r"#{2,6}[ \t]+(?:Reply|Ответ)[ \t]*:[ \t]*(.*?)[ \t#]*$", re.IGNORECASE)


@dataclass(frozen=True)
class SampleText:
    """A part of an article that is still the new-article template's sample text.

    Attributes:
        part: ``"question"``, ``"body"`` or ``"reply"``.
        line: its 1-based line in the article.
    """

    part: str
    line: int


def sample_text_left(text: str) -> list[SampleText]:
    """The parts of ``text`` still holding :func:`article_template`'s sample text, in text order.

    A sample question would make the article found for it, a sample line or
    reply would reach agents as if it were written for them.
    """
    found: list[SampleText] = []
    lines = text.split("\n")
    for number, raw in enumerate(lines, 1):
        line = raw.strip()
        item = line[1:].strip().strip("'\"") if line.startswith("-") else ""
        if item in SAMPLE_QUESTIONS:
            found.append(SampleText("question", number))
        elif line in SAMPLE_BODIES:
            found.append(SampleText("body", number))
        else:
            heading = _REPLY_HEADING.match(line)
            if heading and heading.group(1) in SAMPLE_REPLY_NAMES and _only_greeting(lines[number:]):
                found.append(SampleText("reply", number))
    return found


def _only_greeting(lines: list[str]) -> bool:
    """Whether the section starting at ``lines`` (up to the next heading) is just a template greeting."""
    section = []
    for line in lines:
        if line.lstrip().startswith("#"):
            break
        if line.strip():
            section.append(line.strip())
    return not section or (len(section) == 1 and section[0] in GREETINGS.values())


def article_template(title: str, lang: str, kind: str = "article", today: dt.date | None = None,
                     owner: str = "", question: str = "") -> str:
    """The text of a new article or snippet, with the front matter an editor fills in.

    There is no ``reviewed:`` date: nobody has reviewed a template yet. The editor
    sets one at the first save of an article edited past its template, or when it
    is marked reviewed. ``today`` is kept for callers of the older signature.

    ``question``: a customer's question the article is written for (an insights
    content gap); it is the article's ``questions:`` instead of the sample one.
    Snippets have no questions and ignore it.
    """
    russian = lang == "ru"
    question = " ".join(question.split())  # one line: a line break would end the YAML item
    greeting = GREETINGS["ru" if russian else "en"]
    slug = slugify(title) + ("-ru" if russian else "")
    lines = [
        "---",
        f"id: {slug}",
        f"title: {yaml_text(title)}",
        f"lang: {lang}",
    ]
    if kind == "snippet":
        lines += ["type: snippet", "tags: []", f"owner: {yaml_text(owner)}", "review_every: 180", "---",
                  f"# {title}", "",
                  greeting, ""]
        return "\n".join(lines)
    reply = "Ответ" if russian else "Reply"
    lines += [
        "tags: []",
        "questions:",
        "  - " + (yaml_text(question) if question else SAMPLE_QUESTIONS[0 if russian else 1]),
        f"owner: {yaml_text(owner)}",
        "review_every: 180",
        "---",
        f"# {title}",
        "",
        SAMPLE_BODIES[0 if russian else 1],
        "",
        f"## {reply}: " + SAMPLE_REPLY_NAMES[0 if russian else 1],
        greeting,
        "",
    ]
    return "\n".join(lines)


def reviewed_by_its_author(text: str, initial_text: str, today: dt.date) -> str:
    """``text`` with ``reviewed: today`` when a new article is first saved written past its template.

    Writing an article is its first review, so the author's save dates it. An
    untouched template (``text == initial_text``), one still holding sample
    text (:func:`sample_text_left`), one already dated or with unreadable front
    matter is returned unchanged: it has not been reviewed, and the review
    queue keeps it as never reviewed until it is marked.
    """
    if text == initial_text or sample_text_left(text):
        return text
    doc = FrontMatterDocument.parse(text)
    if doc.error or doc.get("reviewed") is not None:
        return text
    doc.set("reviewed", today)
    try:
        return doc.to_text()
    except FrontMatterBroken:  # a block ruamel.yaml cannot rewrite: Ctrl+Shift+R says why
        return text


def translation_path(rel_path: str, lang: str, new_lang: str) -> str:
    """Where the ``new_lang`` translation of the file at ``rel_path`` goes.

    ``returns/refund.ru.md`` -> ``returns/refund.en.md``; a file without a language
    part gets one: ``faq/refund.md`` -> ``faq/refund.en.md``.
    """
    path = PurePosixPath(rel_path)
    stem = path.name[:-3] if path.name.endswith(".md") else path.name
    suffix = f".{lang}"
    if lang and stem.endswith(suffix):
        stem = stem[: -len(suffix)]
    return str(path.with_name(f"{stem}.{new_lang}.md"))


def translation_id(article_id: str, lang: str, new_lang: str) -> str:
    """The sample KB's ids: ``refund-card`` (en) and ``refund-card-ru`` (ru)."""
    base = article_id[: -len(f"-{lang}")] if lang and article_id.endswith(f"-{lang}") else article_id
    return base if new_lang == "en" else f"{base}-{new_lang}"


def translation_text(text: str, article_id: str, lang: str, new_id: str, new_lang: str) -> str:
    """A new translation's text: the original, with its own id and language, linked back.

    The body is kept for the translator to translate in place; unknown keys and
    comments of the front matter stay; ``reviewed`` goes (it is set when the
    translation is first saved edited, or marked reviewed).

    Raises:
        FrontMatterBroken: when the original's front matter is not valid YAML.
    """
    doc = FrontMatterDocument.parse(text)
    doc.set("id", new_id)
    doc.set("lang", new_lang)
    doc.set("translations", {lang: article_id})
    doc.set("reviewed", None)  # the original's review says nothing of a text not translated yet
    return doc.to_text()
