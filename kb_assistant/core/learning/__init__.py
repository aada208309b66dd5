"""Learning mode for new staff, without Qt: reading paths, quizzes, flashcards, what changed.

- :mod:`.progress`: what was read along the ``_kb.yml`` learning paths, where to continue.
- :mod:`.quiz`: quiz sections in article bodies (``## Quiz`` / ``## Проверь себя``) and the item model.
- :mod:`.which_article`: "which article answers this customer?" items from ``questions:``.
- :mod:`.flashcards`: every item as a card in five Leitner boxes.
- :mod:`.changes`: articles and sections added, changed or deleted since the user last looked.
- :mod:`.store`: all of it kept per user and KB in the user data folder.
"""

from kb_assistant.core.learning.changes import (
    FRONT_MATTER,
    INTRO,
    ArticleChange,
    KbSnapshot,
    changes_since,
    take_snapshot,
)
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
from kb_assistant.core.learning.store import LearningStore
from kb_assistant.core.learning.which_article import which_article_items

__all__ = [
    "FRONT_MATTER", "INTERVALS", "INTRO", "READ_SECONDS",
    "ArticleChange", "ArticleReading", "CardState", "Deck", "DeckStats", "KbSnapshot", "LearningStore",
    "OverallProgress", "PathProgress", "QuizItem", "QuizOption",
    "body_without_quiz", "build_deck", "changes_since", "deck_stats", "due_cards", "overall_progress",
    "parse_article_quiz", "path_progress", "quiz_problems", "schedule", "take_snapshot", "which_article_items",
]
