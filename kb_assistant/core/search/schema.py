"""The declarative index schema and how an article becomes an index document."""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

from kb_assistant.core.models import Article, KbConfig
from kb_assistant.core.render.plain import markdown_to_plain, markdown_to_preview, placeholder_caption
from kb_assistant.core.search.analysis import PairTokenizer, bilingual_analyzer

SCHEMA_VERSION = 11
"""Bump whenever the schema, the analyzer or a stored field's content changes: existing indexes then rebuild.

10: the stored ``preview`` is readable text (:func:`preview_text`), no longer the indexed words.
11: ``questions`` is stored: the semantic matcher embeds them (:mod:`~kb_assistant.core.search.vectors`)."""

TEXT_FIELDS: dict[str, float] = {
    "title": 1.5,
    "questions": 2.5,
    "tagtext": 1.5,
    "body": 1.0,
}
"""Searched fields and their boosts: an article's title and the questions it answers
say more about it than a passing mention in the body."""

SNIPPET_SOURCE_CHARS = 20_000
"""How much of an article's readable text (:func:`preview_text`) is stored for result snippets."""
PREVIEW_MARKDOWN_CHARS = 4 * SNIPPET_SOURCE_CHARS
"""How much of an article's Markdown the preview is made from (marks and URLs take room)."""
PAIR_FIELD = "pairs"
PAIR_BOOST = 0.25
"""Weight of a word pair of the question (see ``PairTokenizer``) found in a document."""
PAIR_SOURCE_CHARS = 800
"""Pairs come from the title, the questions and the start of the body: that is where an
article says what it is about, and pairs over whole long articles double the index."""
_SEP = "\x1f"


def build_schema() -> Schema:
    """Return a new schema instance (one per index; schemas are mutable)."""
    analyzer = bilingual_analyzer()
    return Schema(
        path=ID(stored=True, unique=True),
        id=ID(stored=True),
        title=TEXT(analyzer=analyzer, phrase=False, stored=True, field_boost=TEXT_FIELDS["title"]),
        questions=TEXT(analyzer=analyzer, phrase=False, stored=True, field_boost=TEXT_FIELDS["questions"]),
        tagtext=TEXT(analyzer=analyzer, phrase=False, field_boost=TEXT_FIELDS["tagtext"]),
        body=TEXT(analyzer=analyzer, phrase=False, field_boost=TEXT_FIELDS["body"]),
        pairs=TEXT(analyzer=PairTokenizer(), phrase=False),
        preview=STORED(),
        tags=KEYWORD(stored=True, commas=True, lowercase=True),
        lang=ID(stored=True),
        product=ID(stored=True),
        category=ID(stored=True),
        type=ID(stored=True),
        reply_names=STORED(),
        review_due=STORED(),
    )


def preview_text(article: Article, config: KbConfig | None = None) -> str:
    """The readable plain text result snippets are cut from (at most :data:`SNIPPET_SOURCE_CHARS`).

    It differs from the indexed body on purpose: the index holds the words a
    customer would read (a placeholder's fallback, or nothing), the preview what an
    agent needs to see: tables as "cell · cell", ended sentences, and each
    placeholder as ``[label]`` (the KB's label for it in the article's language,
    else its fallback, else its name), where the index has a hole.
    """
    def caption(name: str, fallback: str | None) -> str:
        label = config.placeholder_label(name, article.lang) if config is not None else ""
        return placeholder_caption(name, fallback, label)

    markdown = article.body
    if len(markdown) > PREVIEW_MARKDOWN_CHARS:
        cut = markdown.rfind("\n", 0, PREVIEW_MARKDOWN_CHARS)
        markdown = markdown[:cut if cut > 0 else PREVIEW_MARKDOWN_CHARS]
    return markdown_to_preview(markdown, caption, title=article.title)[:SNIPPET_SOURCE_CHARS]


def document_for(article: Article, config: KbConfig | None = None) -> dict[str, object]:
    """Turn an article into the fields of one index document.

    Args:
        article: the parsed article.
        config: the KB's settings, for the placeholder labels of the preview
            (without them a placeholder shows its fallback or its name).
    """
    due = article.review_due()
    body = markdown_to_plain(article.body)
    return {
        "path": article.path,
        "id": article.id,
        "title": article.title,
        "questions": "\n".join(article.questions),
        "tagtext": " ".join(article.tags),
        "body": body,
        "preview": preview_text(article, config),
        "pairs": "\n".join((article.title, *article.questions, body[:PAIR_SOURCE_CHARS])),
        "tags": ",".join(tag.lower() for tag in article.tags) or None,
        "lang": article.lang or None,
        "product": article.product.lower() or None,
        "category": article.category or None,
        "type": article.type,
        "reply_names": _SEP.join(r.name for r in article.replies),
        "review_due": due.isoformat() if due else "",
    }


def split_reply_names(stored: str) -> tuple[str, ...]:
    """Undo the joining of reply names done by :func:`document_for`."""
    return tuple(name for name in (stored or "").split(_SEP) if name)
