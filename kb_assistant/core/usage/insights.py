"""Insights for editors: what agents could not find, and which articles and replies carry the load.

Everything here is computed from usage events (this machine's, imported ones,
later the team's) and the KB as it is now; nothing is stored. A *content gap* is
a question the KB did not answer: "no good match" was shown, the agent gave up
the search, an imported question nothing answered, or the agent said the
article did not help. Gaps are grouped by their content words' stems, so «не
пришли деньги» and «деньги не пришли» are one gap.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.language import query_language
from kb_assistant.core.search.analysis import is_stop_word, stem_word, tokenize
from kb_assistant.core.usage.log import UsageEvent

GAP_KINDS = ("no_match", "search", "not_helpful")
"""Live events that mark a question the KB did not answer (plus imported questions without an article)."""
EXAMPLES = 3
"""Wordings shown per gap: enough to see what agents meant."""
SIMILAR = 0.6
"""The share of two wordings' stems (of all their stems) that makes them one gap."""
_MASK = re.compile(r"<(?:url|email|iban|card|phone|number)>")
READ_WITHOUT_REPLY_MIN = 3
"""An article opened this often without one reply copied is listed: read, but not used to answer."""


@dataclass(frozen=True)
class Gap:
    """Questions of one wording the KB did not answer."""

    key: str
    """The sorted stems of the content words: what groups the askings."""
    count: int
    examples: tuple[str, ...]
    languages: dict[str, int]
    last: str
    """When it was last asked (ISO 8601)."""


@dataclass(frozen=True)
class ArticleUse:
    """How one article was used."""

    id: str
    title: str
    opened: int
    copied: int


@dataclass(frozen=True)
class ReplyUse:
    """How one ready reply was used."""

    article: str
    reply: str
    copied: int
    last: str = ""


@dataclass
class Insights:
    """The editor's view of the usage of one KB over :attr:`since_days`."""

    since_days: int
    events: int = 0
    gaps: list[Gap] = field(default_factory=list)
    articles: list[ArticleUse] = field(default_factory=list)
    """Most used first (copies, then opens)."""
    replies: list[ReplyUse] = field(default_factory=list)
    """Most copied first."""
    unused_replies: list[ReplyUse] = field(default_factory=list)
    """Replies of the KB never copied in the period."""
    read_without_reply: list[ArticleUse] = field(default_factory=list)
    """Articles with replies, opened often, no reply copied."""
    channels: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)

    def as_json(self) -> dict:
        """A JSON-ready form (``kb-assistant insights --json``)."""
        return {
            "since_days": self.since_days, "events": self.events,
            "gaps": [vars(gap) | {"examples": list(gap.examples)} for gap in self.gaps],
            "articles": [vars(use) for use in self.articles],
            "replies": [vars(use) for use in self.replies],
            "unused_replies": [{"article": use.article, "reply": use.reply} for use in self.unused_replies],
            "read_without_reply": [vars(use) for use in self.read_without_reply],
            "channels": self.channels, "languages": self.languages,
        }


def gap_key(text: str) -> str:
    """What two askings of one missing answer share: their content words' stems, sorted (masks left out)."""
    stems = sorted({stem_word(word) for word in tokenize(_MASK.sub(" ", text)) if not is_stop_word(word)})
    return " ".join(stems)


def _language(text: str) -> str:
    return query_language(_MASK.sub(" ", text)) or "other"


def _grouped(gaps: dict[str, list[UsageEvent]]) -> dict[str, list[UsageEvent]]:
    """Askings whose content words mostly agree, in one group under the most asked wording.

    «деньги не пришли» and «не пришли деньги за возврат» are one missing answer: a
    wording joins the first (most asked) group it is :func:`_similar` to.
    """
    groups: list[tuple[frozenset[str], str, list[UsageEvent]]] = []
    for key, asked in sorted(gaps.items(), key=lambda item: (-sum(e.times for e in item[1]), item[0])):
        stems = frozenset(key.split())
        for group_stems, _group_key, members in groups:
            if _similar(stems, group_stems):
                members.extend(asked)
                break
        else:
            groups.append((stems, key, list(asked)))
    return {key: members for _stems, key, members in groups}


def insights(events: Iterable[UsageEvent], kb: KnowledgeBase, since_days: int = 30,
             now: dt.datetime | None = None) -> Insights:
    """The insights of ``events`` younger than ``since_days`` days, about ``kb`` as it is now."""
    now = now or dt.datetime.now(dt.UTC)
    since = now - dt.timedelta(days=since_days)
    found = Insights(since_days=since_days)
    gaps: dict[str, list[UsageEvent]] = defaultdict(list)
    opened: Counter = Counter()
    copied: Counter = Counter()
    reply_copies: Counter = Counter()
    reply_last: dict[tuple[str, str], str] = {}
    channels: Counter = Counter()
    languages: Counter = Counter()
    for event in events:
        when = event.when
        if when is None or when < since:
            continue
        found.events += event.times
        if event.text and event.kind != "rename":
            languages[_language(event.text)] += event.times
        if event.kind in GAP_KINDS or (event.kind == "import" and not event.article):
            key = gap_key(event.text)
            if key:
                gaps[key].append(event)
        elif event.kind == "open" and event.article:
            opened[event.article] += event.times
        elif event.kind == "copy" and event.article:
            copied[event.article] += event.times
            reply_copies[(event.article, event.reply)] += event.times
            reply_last[(event.article, event.reply)] = max(reply_last.get((event.article, event.reply), ""), event.at)
            if event.channel:
                channels[event.channel] += event.times
    found.gaps = sorted((_gap(key, asked) for key, asked in _grouped(gaps).items()),
                        key=lambda gap: (-gap.count, gap.key))
    articles = kb.articles
    used = set(opened) | set(copied)
    found.articles = sorted(
        (ArticleUse(a, articles[a].title, opened[a], copied[a]) for a in used if a in articles),
        key=lambda use: (-use.copied, -use.opened, use.id))
    found.replies = sorted(
        (ReplyUse(a, r, n, reply_last[(a, r)]) for (a, r), n in reply_copies.items() if a in articles and r),
        key=lambda use: (-use.copied, use.article, use.reply))
    found.unused_replies = [ReplyUse(article.id, reply.name, 0) for article in sorted(articles.values(), key=_id)
                            for reply in article.replies if (article.id, reply.name) not in reply_copies]
    found.read_without_reply = sorted(
        (ArticleUse(a, articles[a].title, n, 0) for a, n in opened.items()
         if a in articles and articles[a].replies and not copied[a] and n >= READ_WITHOUT_REPLY_MIN),
        key=lambda use: (-use.opened, use.id))
    found.channels, found.languages = dict(channels.most_common()), dict(languages.most_common())
    return found


def _similar(one: frozenset[str], other: frozenset[str]) -> bool:
    """Most of both wordings' stems are shared, or all of the shorter one's and two at least."""
    shared = len(one & other)
    return shared / len(one | other) >= SIMILAR or (shared >= 2 and shared == min(len(one), len(other)))


def _gap(key: str, asked: list[UsageEvent]) -> Gap:
    examples = list(dict.fromkeys(event.text.strip() for event in sorted(asked, key=lambda e: e.at, reverse=True)))
    languages: Counter = Counter()
    for event in asked:
        languages[_language(event.text)] += event.times
    return Gap(key, sum(event.times for event in asked), tuple(examples[:EXAMPLES]), dict(languages.most_common()),
               max(event.at for event in asked))


def _id(article) -> str:
    return article.id
