"""After an answer the options say which was right (issue 12), for the eye and for a screen reader."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont, QPalette

from kb_assistant.core.learning import QuizItem, QuizOption
from kb_assistant.ui.learning.learning_window import LearningWindow
from kb_assistant.ui.learning.quiz_card import QuizCard
from tests.ui.learning.helpers import make_window
from tests.ui.learning.test_learning import KB


@pytest.fixture
def kb_root(write_kb):
    return write_kb(KB)


# -- 2. a wrong answer shows the right option ----------------------------------------------------


def first_choice_card(window: LearningWindow) -> QuizItem:
    window.start_quiz()
    card = window.quiz
    while card.current().kind != "choice":
        card.next_card()
    return card.current()


def test_a_wrong_answer_marks_the_right_option_for_the_eye_and_the_screen_reader(qtbot, kb_root, tmp_path):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="en")
    item = first_choice_card(window)
    card = window.quiz
    right = min(item.correct_indexes())
    wrong = next(i for i in range(len(item.options)) if i not in item.correct_indexes())
    card.choose(wrong)
    card.check()
    right_button, wrong_button = card.group.button(right), card.group.button(wrong)
    assert right_button.text().endswith("✓") and right_button.font().bold()
    assert right_button.accessibleDescription() == "Right answer"
    assert wrong_button.text().endswith("✗") and wrong_button.accessibleDescription() == "Your answer, not right"
    others = [card.group.button(i) for i in range(len(item.options)) if i not in (right, wrong)]
    assert others and all(not b.text().endswith(("✓", "✗")) and not b.accessibleDescription() for b in others)
    # locked, but not greyed out like the options that do not matter
    palette = right_button.palette()
    assert palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText) == \
        palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.WindowText)
    assert "The answer: 3–10 business days" in window.quiz.next_button.accessibleDescription()


def test_a_choice_card_with_an_explanation_shows_it_after_the_answer(qtbot):
    card = QuizCard()
    qtbot.addWidget(card)
    card.show()
    item = QuizItem("a#1", "a", "choice", "Two plus two?", (QuizOption("3", False), QuizOption("4", True)),
                    answer="Count on your fingers.")
    card.start([item])
    assert not card.answer.isVisible()
    card.choose(0)
    card.check()
    assert card.answer.isVisible() and card.answer.text() == "Count on your fingers."
    assert card.group.button(1).font().bold() and not card.group.button(0).font().bold()
    assert card.group.button(0).font().weight() != QFont.Weight.Bold
    card.next_card()
    assert not card.answer.isVisible()
