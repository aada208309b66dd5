"""Learning mode for new staff, without Qt: reading paths, quizzes, flashcards, what changed.

- :mod:`.quiz`: quiz sections in article bodies (``## Quiz`` / ``## Проверь себя``) and the item model.
"""

from kb_assistant.core.learning.quiz import (
    QuizItem,
    QuizOption,
    body_without_quiz,
    parse_article_quiz,
    quiz_problems,
)

__all__ = [
    "body_without_quiz",
    "parse_article_quiz",
    "quiz_problems",
    "QuizItem",
    "QuizOption",
]
