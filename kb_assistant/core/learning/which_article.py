""""Which article answers this customer?" items, made from the articles' ``questions:``.

Each customer question of an article becomes an item with four article titles
to choose from: its own and three others of the same language. Others from the
same category come first, because a choice between "Refund to a bank card" and
"Refund delayed" teaches more than one between "Refund" and "Push notifications".
An article that lists the same question (or bears the same title) is never a
wrong option, since it would be right too.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.learning.quiz import QuizItem, QuizOption, card_id
from kb_assistant.core.models import Article

OPTION_COUNT = 4
"""Titles offered per item: the right one and ``OPTION_COUNT - 1`` wrong ones."""


def _fold(text: str) -> str:
    return " ".join(text.casefold().split())


def which_article_items(kb: KnowledgeBase, rng: random.Random, lang: str | None = None) -> list[QuizItem]:
    """One item per customer question of every article (not snippets), in article order.

    Args:
        kb: the knowledge base.
        rng: the source of randomness for the wrong options and their order; the
            same seed on the same KB gives the same items.
        lang: only articles in this language (None: all).

    Languages with fewer than :data:`OPTION_COUNT` articles give no items: there
    are not enough titles to choose from.
    """
    articles = sorted((a for a in kb.articles.values() if a.type == "article"), key=lambda a: a.id)
    by_lang: dict[str, list[Article]] = defaultdict(list)
    asked_by: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        by_lang[article.lang].append(article)
        for question in article.questions:
            asked_by[_fold(question)].add(article.id)
    items: list[QuizItem] = []
    seen: set[str] = set()
    for article in kb.articles.values():  # path order, as the KB lists them
        if article.type != "article" or (lang is not None and article.lang != lang):
            continue
        for question in article.questions:
            item = _item(article, question, by_lang[article.lang], asked_by[_fold(question)], rng)
            if item is not None and item.id not in seen:  # a question listed twice is one card
                seen.add(item.id)
                items.append(item)
    return items


def _item(
    article: Article, question: str, same_lang: list[Article], also_right: Iterable[str], rng: random.Random
) -> QuizItem | None:
    excluded = set(also_right) | {article.id}
    titles = {_fold(article.title)}
    near: list[Article] = []
    far: list[Article] = []
    for other in same_lang:
        if other.id in excluded or _fold(other.title) in titles:
            continue
        titles.add(_fold(other.title))
        (near if other.category == article.category else far).append(other)
    if len(near) + len(far) < OPTION_COUNT - 1:
        return None
    rng.shuffle(near)
    rng.shuffle(far)
    wrong = (near + far)[: OPTION_COUNT - 1]
    options = [QuizOption(article.title, True, article.id)]
    options += [QuizOption(other.title, False, other.id) for other in wrong]
    rng.shuffle(options)
    return QuizItem(
        id=card_id(article.id, "asks", question),
        article_id=article.id,
        kind="which-article",
        question=question,
        options=tuple(options),
        lang=article.lang,
    )
