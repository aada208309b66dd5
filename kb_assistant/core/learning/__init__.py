"""Learning mode for new staff, without Qt: reading paths, quizzes, flashcards, what changed.

- :mod:`.progress`: what was read along the ``_kb.yml`` learning paths, where to continue.
- :mod:`.quiz`: quiz sections in article bodies (``## Quiz`` / ``## Проверь себя``) and the item model.
- :mod:`.which_article`: "which article answers this customer?" items from ``questions:``.
- :mod:`.flashcards`: every item as a card in five Leitner boxes.
"""

from kb_assistant.core.learning.flashcards import (
    INTERVALS,
    CardState,
    Deck,
    DeckStats,
    build_deck,
    deck_stats,
    due_cards,
    schedule,
)
from kb_assistant.core.learning.progress import (
    READ_SECONDS,
    ArticleReading,
    OverallProgress,
    PathProgress,
    overall_progress,
    path_progress,
)
from kb_assistant.core.learning.quiz import (
    QuizItem,
    QuizOption,
    body_without_quiz,
    parse_article_quiz,
    quiz_problems,
)
from kb_assistant.core.learning.which_article import which_article_items

__all__ = [
    "ArticleReading",
    "body_without_quiz",
    "build_deck",
    "CardState",
    "Deck",
    "deck_stats",
    "DeckStats",
    "due_cards",
    "INTERVALS",
    "overall_progress",
    "OverallProgress",
    "parse_article_quiz",
    "path_progress",
    "PathProgress",
    "quiz_problems",
    "QuizItem",
    "QuizOption",
    "READ_SECONDS",
    "schedule",
    "which_article_items",
]
