"""New articles and snippets from a template, named and placed the KB's way."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from pathlib import PurePosixPath

from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.articles.yaml_scalar import yaml_text


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
    """``folder/slug.lang.md``, the sample KB's naming."""
    name = f"{slugify(title)}.{lang}.md" if lang else f"{slugify(title)}.md"
    return str(PurePosixPath(folder.strip("/")) / name) if folder.strip("/") else name


GREETINGS = {
    "ru": "Здравствуйте, {{customer_name}}!",
    "en": "Hello {{customer_name|there}}!",
}
"""The greeting a new reply or snippet starts with, as the sample KB writes it: a Russian
greeting asks for the name (there is no neutral word to fall back on, and the form asks for
it before copying), an English one falls back to "there". Never an empty fallback, which
would leave "Здравствуйте, !" in a reply sent without a name."""


def article_template(title: str, lang: str, kind: str = "article", today: dt.date | None = None,
                     owner: str = "") -> str:
    """The text of a new article or snippet, with the front matter an editor fills in."""
    today = today or dt.date.today()
    russian = lang == "ru"
    greeting = GREETINGS["ru" if russian else "en"]
    slug = slugify(title) + ("-ru" if russian else "")
    lines = [
        "---",
        f"id: {slug}",
        f"title: {yaml_text(title)}",
        f"lang: {lang}",
    ]
    if kind == "snippet":
        lines += ["type: snippet", "tags: []", f"owner: {yaml_text(owner)}", f"reviewed: {today.isoformat()}",
                  "review_every: 180", "---", f"# {title}", "",
                  greeting, ""]
        return "\n".join(lines)
    reply = "Ответ" if russian else "Reply"
    lines += [
        "tags: []",
        "questions:",
        "  - " + ("Как клиент спрашивает об этом?" if russian else "How does a customer ask about this?"),
        f"owner: {yaml_text(owner)}",
        f"reviewed: {today.isoformat()}",
        "review_every: 180",
        "---",
        f"# {title}",
        "",
        "Что проверить и что сделать." if russian else "What to check and what to do.",
        "",
        f"## {reply}: " + ("Первый ответ" if russian else "First reply"),
        greeting,
        "",
    ]
    return "\n".join(lines)


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
    comments of the front matter stay.

    Raises:
        FrontMatterBroken: when the original's front matter is not valid YAML.
    """
    doc = FrontMatterDocument.parse(text)
    doc.set("id", new_id)
    doc.set("lang", new_lang)
    doc.set("translations", {lang: article_id})
    return doc.to_text()
