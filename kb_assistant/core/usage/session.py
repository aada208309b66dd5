"""One question at a time: what the agent does in the window, turned into usage events.

The window tells a :class:`QuestionSession` what happens (a search answered, an
article shown or chosen, a reply copied, "this did not help", the search given
up) and gets back the events to keep. Nothing here touches a file or a clock of
its own, so every rule is tested without a window:

* A *session* is one customer question: it starts with the first search and
  ends when the search box is emptied, the question is replaced by another (no
  common start of :data:`SAME_QUESTION_PREFIX` characters), a new conversation
  starts or the window is put away.
* The article pane previews the best result while the agent types; a preview is
  not an *open*. An ``open`` event is kept when the agent chose the article
  (Enter, a click, a link, the home list) or it stayed on screen
  :data:`GLANCE_SECONDS` or more, with how long it was shown.
* A ``copy`` carries the question as searched, the article, the reply's name
  and the channel; never the reply's text or a placeholder's value.
* A session that ends with nothing copied and nothing read for
  :data:`~kb_assistant.core.usage.learned.READ_SECONDS` is a content gap:
  ``no_match`` when "no good match" was the last answer, ``search`` when the
  agent gave up on a confident one they did not even look at.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from kb_assistant.core.language import query_language
from kb_assistant.core.usage.learned import READ_SECONDS
from kb_assistant.core.usage.log import UsageEvent

GLANCE_SECONDS = 5
"""An article previewed this long was looked at: kept as an ``open`` (shorter: typing went past it)."""
SAME_QUESTION_PREFIX = 3
"""Texts sharing fewer leading characters than this are two questions, not one edited."""
MIN_QUESTION_CHARS = 3
"""A shorter text is not a question worth keeping (a key pressed by mistake)."""


@dataclass
class _Shown:
    article: str
    since: float
    chosen: bool = False
    unhelpful: bool = False


class QuestionSession:
    """The agent's current question and what became of it.

    Args:
        clock: seconds, monotonic (tests pass their own).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._text = ""
        self._typed = ""
        self._confident = True
        self._answered = False
        self._looked = False
        self._shown: _Shown | None = None

    @property
    def text(self) -> str:
        """The question as last searched ("" between questions)."""
        return self._text

    @property
    def shown_article(self) -> str:
        """The id of the article on screen, or ""."""
        return self._shown.article if self._shown else ""

    # -- what happened ---------------------------------------------------------------
    def searched(self, text: str, confident: bool, typed: str | None = None) -> list[UsageEvent]:
        """Results for ``text`` (as searched: layout repaired) are shown; ``confident``: not "no good match".

        ``typed`` is the text as typed (``text`` by default): whether this is still the
        same question is judged on it, because a repaired reading may change while the
        agent types on the wrong layout («rfr» is read «как», «rfr jn» may not be).
        """
        text = " ".join(text.split())
        typed = " ".join((text if typed is None else typed).split())
        events = []
        if self._typed and not _same_question(self._typed, typed):
            events = self.ended()
        self._text, self._typed, self._confident = text, typed, confident
        return events

    def shown(self, article_id: str) -> list[UsageEvent]:
        """The article pane shows ``article_id`` now (a preview, until :meth:`chosen`)."""
        if self._shown is not None and self._shown.article == article_id:
            return []
        events = self.hidden()
        self._shown = _Shown(article_id, self._clock())
        return events

    def chosen(self, article_id: str) -> list[UsageEvent]:
        """The agent opened ``article_id`` on purpose (Enter, a click, a link, the home list)."""
        events = self.shown(article_id)
        self._shown.chosen = True
        return events

    def hidden(self) -> list[UsageEvent]:
        """No article is shown any more (another replaces it, or the pane was emptied)."""
        shown, self._shown = self._shown, None
        if shown is None:
            return []
        seconds = int(self._clock() - shown.since)
        if shown.unhelpful:
            seconds = 0  # it was read and did not help: no association from reading it
        elif seconds >= READ_SECONDS:
            self._answered = True
        if not (shown.chosen or seconds >= GLANCE_SECONDS):
            return []
        self._looked = True
        return [self._event("open", article=shown.article, seconds=seconds)]

    def copied(self, article_id: str, reply: str, channel: str) -> list[UsageEvent]:
        """A reply of ``article_id`` was copied for ``channel``."""
        self._answered = True
        return [self._event("copy", article=article_id, reply=reply, channel=channel)]

    def not_helpful(self) -> list[UsageEvent]:
        """The agent said the article on screen did not help with this question ([] when there is none)."""
        if self._shown is None or not self._question():
            return []
        self._shown.unhelpful = True
        return [self._event("not_helpful", article=self._shown.article)]

    def ended(self) -> list[UsageEvent]:
        """The question is over (box emptied, another question, new conversation, window put away)."""
        events = self.hidden()
        question = self._question()
        if question and not self._answered:
            if not self._confident:
                events.append(self._event("no_match"))
            elif not self._looked:
                events.append(self._event("search"))
        self._text, self._typed, self._confident, self._answered, self._looked = "", "", True, False, False
        return events

    # -- helpers -----------------------------------------------------------------------
    def _question(self) -> str:
        text = self._text
        return text if len(text) >= MIN_QUESTION_CHARS and any(c.isalnum() for c in text) else ""

    def _event(self, kind: str, **values) -> UsageEvent:
        text = self._question()
        return UsageEvent(kind, text=text, lang=query_language(text) if text else "", **values)


def _same_question(before: str, now: str) -> bool:
    """Whether ``now`` is ``before`` edited, not another question typed over it."""
    if not now:
        return False
    shared = 0
    for one, other in zip(before.casefold(), now.casefold()):
        if one != other:
            break
        shared += 1
    return shared >= min(SAME_QUESTION_PREFIX, len(before), len(now))
