"""Blocks around a reply, said once: greeting, closing, signature; and the snippet lists.

Plain rules on template text, used by :func:`kb_assistant.core.replies.compose.compose`
(the one reply path of the command line and the window):

* a greeting is left out when the reply already opens with one: its first
  line starts with a known greeting (:data:`GREETING_PHRASES`: «Здравствуйте»,
  "Hello", "Hi", «Добрый день» ...) or with the greeting snippet's own first
  clause ("Good day, {{customer_name}}!" -> "good day");
* a closing is left out when the reply already ends with one: a clause of its
  last paragraph starts with a known sign-off or wish (:data:`CLOSING_PHRASES`:
  "Best regards", «С уважением», «Хорошего дня» ...) or with how the closing
  snippet begins or how its last line begins;
* the agent's signature goes under the reply, after the closing, for the
  channels of ``Settings.signature_channels`` (e-mail by default), unless the
  reply already signs: a block places ``{{agent_signature}}``, or the closing
  (or the reply's last paragraph) places ``{{agent_name}}`` or contains the
  signature's text.

Texts are compared by their words: placeholders dropped (the built-ins filled
in where the signature is looked for), Markdown marks and punctuation ignored,
case folded and «ё» read as «е». :func:`snippet_choices` orders the snippets
for the greeting and closing lists, the reply's language first, and
:func:`snippet_in_language` follows a chosen snippet's translation.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import Article
from kb_assistant.core.replies.templates import find_placeholders
from kb_assistant.core.settings import Settings

GREETING_PHRASES: tuple[str, ...] = (
    "hello", "hi", "hey", "hiya", "dear", "greetings", "good morning", "good afternoon", "good evening",
    "good day", "здравствуйте", "здравствуй", "добрый день", "доброе утро", "добрый вечер", "доброй ночи",
    "доброго дня", "доброго утра", "доброго вечера", "доброго времени суток", "привет", "приветствую",
    "приветствуем", "уважаемый", "уважаемая", "уважаемые", "дорогой", "дорогая", "дорогие",
)
"""How a reply opens when it already greets the customer (compared word by word, ``ё`` as ``е``)."""

CLOSING_PHRASES: tuple[str, ...] = (
    "best regards", "kind regards", "warm regards", "warmest regards", "regards", "best wishes",
    "all the best", "sincerely", "yours sincerely", "yours faithfully", "yours truly", "cheers", "take care",
    "have a great day", "have a nice day", "have a good day", "have a great evening", "have a nice evening",
    "have a good evening", "have a great weekend", "have a nice weekend", "thank you for choosing",
    "thanks for choosing", "с уважением", "с наилучшими пожеланиями", "всего доброго", "всего хорошего",
    "всего наилучшего", "хорошего дня", "хорошего вечера", "хороших выходных", "отличного дня",
    "прекрасного дня", "приятного дня", "удачного дня", "до свидания", "спасибо что выбираете",
    "спасибо что выбрали", "благодарим что выбираете", "благодарим что выбрали",
)
"""Sign-offs and wishes that mean a reply already closes (a clause of its last paragraph starts with one)."""

SIGNATURE_TEMPLATE = "{{agent_signature}}"
"""The signature block: the profile's signature as a value (escaped in HTML, its lines kept)."""

LEFT_OUT: Mapping[str, str] = MappingProxyType({
    "greeting-in-reply": "the greeting was left out: the reply already opens with one",
    "closing-in-reply": "the closing was left out: the reply already ends with one",
    "signature-in-reply": "the signature was left out: the reply or its closing already signs it",
})
"""The English explanation of each ``Composition.left_out`` code (the window has its own translations)."""

ENDING_LINES = 5
"""How many last lines of a reply's last paragraph are its ending."""

_ANY_PLACEHOLDER_RE = re.compile(r"\{\{[^{}\n]*\}\}")
_LINK_TARGET_RE = re.compile(r"\]\([^)\s]*\)|<[a-z][a-z0-9+.-]*:[^>\s]*>|https?://\S+", re.IGNORECASE)
_CLAUSE_END_RE = re.compile(r"[.!?;:…¡¿]+")
_WORD_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")


def _words(text: str) -> tuple[str, ...]:
    """The words of ``text``: case folded, ``ё`` as ``е``, marks and punctuation dropped."""
    text = _LINK_TARGET_RE.sub(" ", text).casefold().replace("ё", "е")
    return tuple(_WORD_RE.findall(text))


def _strip_placeholders(text: str, known: Mapping[str, str] | None = None) -> str:
    """``text`` with every placeholder removed, or replaced by its value when ``known`` has one."""
    if not known:
        return _ANY_PLACEHOLDER_RE.sub(" ", text)
    def value(m: re.Match[str]) -> str:
        name = m.group()[2:-2].partition("|")[0].strip()
        return f" {known.get(name, '')} "
    return _ANY_PLACEHOLDER_RE.sub(value, text)


def _lines(template: str) -> list[str]:
    """The non-blank lines of a template with its placeholders removed."""
    return [line for line in _strip_placeholders(template).splitlines() if _words(line)]


def _clauses(text: str) -> list[tuple[str, ...]]:
    """The clauses of ``text`` (split at . ! ? ; : and line ends) as words; empty ones dropped."""
    clauses = (_words(part) for line in text.splitlines() for part in _CLAUSE_END_RE.split(line))
    return [clause for clause in clauses if clause]


_GREETING_WORDS = tuple(_words(phrase) for phrase in GREETING_PHRASES)
_CLOSING_WORDS = tuple(_words(phrase) for phrase in CLOSING_PHRASES)


def _starts_with(words: tuple[str, ...], prefix: tuple[str, ...]) -> bool:
    return bool(prefix) and words[:len(prefix)] == prefix


def _opening(template: str) -> tuple[str, ...]:
    """The words of a template's first non-blank line (placeholders dropped)."""
    lines = _lines(template)
    return _words(lines[0]) if lines else ()


def _ending(template: str) -> str:
    """The last paragraph of a template, at most :data:`ENDING_LINES` lines, placeholders kept."""
    paragraphs = [p for p in re.split(r"\n[ \t]*\n", template.strip()) if p.strip()]
    if not paragraphs:
        return ""
    return "\n".join([line for line in paragraphs[-1].splitlines() if line.strip()][-ENDING_LINES:])


def opens_with_greeting(reply: str, greeting: str | None = None) -> bool:
    """Whether the reply template already opens with a greeting.

    Its first non-blank line, placeholders dropped, starts with a phrase of
    :data:`GREETING_PHRASES` or with the first clause of ``greeting`` (the
    snippet that would go before it). Words are compared case-insensitively,
    ``ё`` as ``е``, punctuation and Markdown marks ignored.

    >>> opens_with_greeting("{{customer_name}}, здравствуйте! Заказ в пути.")
    True
    >>> opens_with_greeting("Good day, {{name}}! ...", "Good day, {{customer_name|there}}!")
    True
    >>> opens_with_greeting("The refund is on its way.")
    False
    """
    opening = _opening(reply)
    if not opening:
        return False
    if any(_starts_with(opening, phrase) for phrase in _GREETING_WORDS):
        return True
    first = _clauses(_strip_placeholders(greeting)) if greeting else []
    return bool(first) and _starts_with(opening, first[0])


def ends_with_closing(reply: str, closing: str | None = None) -> bool:
    """Whether the reply template already ends with a closing.

    A clause of its ending (the last paragraph, at most :data:`ENDING_LINES`
    lines, placeholders dropped) starts with a phrase of :data:`CLOSING_PHRASES`,
    or with the first clause of ``closing`` or the first clause of the closing's
    last line (its sign-off). Words are compared as in :func:`opens_with_greeting`.

    >>> ends_with_closing("Done. Best regards, {{agent_name}}")
    True
    >>> ends_with_closing("Заказ в пути. Хорошего дня!")
    True
    >>> ends_with_closing("The refund is on its way.")
    False
    """
    clauses = _clauses(_strip_placeholders(_ending(reply)))
    if not clauses:
        return False
    anchors = list(_CLOSING_WORDS)
    lines = _lines(closing) if closing else []
    for line in lines[:1] + lines[-1:]:
        anchors.extend(_clauses(line)[:1])
    return any(_starts_with(clause, anchor) for clause in clauses for anchor in anchors)


def wants_signature(settings: Settings, channel: str, asked: bool | None = None) -> bool:
    """Whether a reply for ``channel`` gets the signature under it.

    ``asked`` (a per-copy choice) wins; None follows ``settings.signature_channels``.
    Never when the profile's signature is blank.
    """
    if not settings.agent_signature.strip():
        return False
    return asked if asked is not None else channel in settings.signature_channels


def has_signature(
    signature: str,
    *,
    reply: str,
    closing: str | None = None,
    greeting: str | None = None,
    known: Mapping[str, str] | None = None,
) -> bool:
    """Whether the reply already signs, so adding the signature would say it twice.

    True when any block places ``{{agent_signature}}`` (with or without a
    fallback); or when the closing, or the ending of the reply (its last
    paragraph), signs with ``{{agent_name}}`` ("Best regards, {{agent_name}}")
    or contains the signature's words in a row, the built-in placeholders
    filled from ``known`` (the closing "Regards, the {{company}} team" contains
    the signature "The Shopwave team" of an agent at Shopwave).

    Args:
        signature: the profile's signature text.
        reply: the reply's template.
        closing: the closing snippet's text (None: no closing).
        greeting: the greeting snippet's text (None: no greeting).
        known: values of the built-in placeholders.
    """
    blocks = [block for block in (greeting, reply, closing) if block]
    if any(placeholder.name == "agent_signature" for block in blocks for placeholder in find_placeholders(block)):
        return True
    endings = [_ending(reply)] + ([closing] if closing else [])
    if any(placeholder.name == "agent_name" for text in endings for placeholder in find_placeholders(text)):
        return True
    wanted = " ".join(_words(signature))
    return bool(wanted) and any(
        f" {wanted} " in f" {' '.join(_words(_fill_known(text, known)))} " for text in endings
    )


def _fill_known(template: str, known: Mapping[str, str] | None) -> str:
    return _strip_placeholders(template, {k: v for k, v in (known or {}).items() if k != "agent_signature"})


# -- the greeting and closing lists --------------------------------------------

ROLE_TAGS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "greeting": ("greeting", "greetings", "hello", "приветствие"),
    "closing": ("closing", "sign-off", "signoff", "farewell", "завершение", "прощание"),
})
"""Tags (or id prefixes) that mark a snippet as a greeting or a closing."""


@dataclass(frozen=True)
class SnippetChoice:
    """One entry of a greeting or closing list.

    Attributes:
        id: the snippet's id.
        title: its title (the id when it has none).
        lang: its language ("" when unknown).
        same_language: written in the reply's language (or in no known language),
            so it belongs to the first group; False: another language, listed after.
        fits_role: tagged (or named) as the role the list is for, e.g. a greeting.
    """

    id: str
    title: str
    lang: str
    same_language: bool
    fits_role: bool = False


def _primary(lang: str) -> str:
    return lang.strip().replace("_", "-").split("-")[0].casefold()


def _fits_role(article: Article, role: str) -> bool:
    words = ROLE_TAGS.get(role, (role,) if role else ())
    tags = {tag.casefold() for tag in article.tags}
    name = article.id.rsplit("/", 1)[-1].casefold()
    return any(word in tags or name.startswith(word) for word in words)


def snippet_choices(kb: KnowledgeBase, lang: str, role: str = "") -> list[SnippetChoice]:
    """The KB's snippets ordered for a greeting or closing list.

    Snippets in ``lang`` (and those of no known language) come first, then the
    others (``same_language`` False, for the list to mark); within each group
    the ones fitting ``role`` (``"greeting"`` or ``"closing"``, by tag or id
    prefix, see :data:`ROLE_TAGS`) come first, then the KB's order. With no
    ``lang`` every snippet counts as the same language.

    Args:
        kb: the knowledge base.
        lang: the language of the reply (the current article's), e.g. ``"ru"``.
        role: ``"greeting"``, ``"closing"`` or "" for no role ordering.
    """
    wanted = _primary(lang)
    choices = []
    for article in kb.snippets():
        own = _primary(article.lang)
        same = not wanted or not own or own == wanted
        choices.append(SnippetChoice(article.id, article.title or article.id, article.lang, same,
                                     _fits_role(article, role)))
    return sorted(choices, key=lambda choice: (not choice.same_language, not choice.fits_role))


def snippet_in_language(kb: KnowledgeBase, snippet_id: str, lang: str) -> str:
    """The id of ``snippet_id``'s translation into ``lang``, when it has one; else ``snippet_id``.

    So a default greeting chosen once ("Greeting, friendly") greets a Russian
    customer in Russian. "" and ids of no snippet are returned as they are.
    """
    article = kb.articles.get(snippet_id) if snippet_id else None
    wanted = _primary(lang)
    if article is None or article.type != "snippet" or not wanted or _primary(article.lang) in ("", wanted):
        return snippet_id
    for translation_lang, translation_id in article.translations:
        translated = kb.articles.get(translation_id)
        if (_primary(translation_lang) == wanted and translated is not None and translated.type == "snippet"
                and _primary(translated.lang) in ("", wanted)):
            return translation_id
    return snippet_id
