"""Learning mode: the controller's clock and state, and the window driven by the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.store import LearningStore
from kb_assistant.ui.learning.controller import MAX_STRETCH_S, LearningController
from kb_assistant.ui.learning.learning_window import CHANGES, PATHS, SELF_CHECK, LearningWindow

TODAY = dt.date(2026, 11, 27)
QUIZ = (
    "\n## Quiz\n\n1. How long does a card refund take?\n   - [ ] 1 day\n   - [x] 3–10 business days\n"
    "   - [ ] a month\n\n2. Where does the money go?\n   > To the card that paid.\n"
)
KB = {
    "_kb.yml": (
        "paths:\n  - title: Start here\n    lang: en\n    articles: [refund, password, delivery, ghost]\n"
        "  - title: Начало\n    lang: ru\n    articles: [refund-ru]\n"
    ),
    "returns/refund.md": (
        "---\nid: refund\nlang: en\ncategory: returns\nquestions: [where is my refund]\n---\n# Refund to a card\n\n"
        "Refunds take 3–10 business days.\n\n## Timing\n\nBanks are slow.\n" + QUIZ
    ),
    "returns/refund.ru.md": "---\nid: refund-ru\nlang: ru\ncategory: returns\n---\n# Возврат\n\nДеньги вернутся.\n",
    "account/password.md": (
        "---\nid: password\nlang: en\ncategory: account\nquestions: [forgot my password]\n---\n# Reset a password\n\n"
        "Use the reset link.\n"
    ),
    "delivery/delivery.md": (
        "---\nid: delivery\nlang: en\ncategory: delivery\nquestions: [where is my parcel]\n---\n# Delivery times\n\n"
        "Three days.\n"
    ),
    "delivery/cost.md": (
        "---\nid: cost\nlang: en\ncategory: delivery\nquestions: [how much is shipping]\n---\n# Delivery cost\n\nFree.\n"
    ),
}


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def kb_root(write_kb):
    return write_kb(KB)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def controller(qtbot, kb_root, tmp_path, clock):
    made = LearningController(LearningStore(tmp_path / "data", kb_root), today=lambda: TODAY, clock=clock)
    made.set_kb(load_kb(kb_root))
    return made


def restart(kb_root, tmp_path, clock) -> LearningController:
    """A new controller on the same user folder, as after quitting and starting again."""
    again = LearningController(LearningStore(tmp_path / "data", kb_root), today=lambda: TODAY, clock=clock)
    again.set_kb(load_kb(kb_root))
    return again


def test_an_article_open_long_enough_counts_as_read_and_the_path_resumes(controller, clock, kb_root, tmp_path):
    controller.open_article("refund")
    clock.now += 25
    controller.open_article("password")  # leaving refund writes its time
    clock.now += 5
    controller.flush_reading()
    path = controller.progress().paths[0]
    assert path.read == ("refund",) and path.missing == ("ghost",)
    assert path.next_article == "password"  # stopped in the middle of it
    again = restart(kb_root, tmp_path, clock)
    assert again.progress().paths[0].next_article == "password"
    assert again.is_read("refund") and not again.is_read("password")


def test_idle_time_and_hidden_windows_do_not_count(controller, clock):
    controller.open_article("refund")
    clock.now += 3600
    controller.flush_reading()
    assert controller.store.readings["refund"].seconds == MAX_STRETCH_S
    controller.pause()
    clock.now += 3600
    controller.resume()
    clock.now += 2
    controller.flush_reading()
    assert controller.store.readings["refund"].seconds == MAX_STRETCH_S + 2


def test_marked_learned_counts_as_read(controller):
    with_signal = []
    controller.progress_changed.connect(lambda: with_signal.append(1))
    controller.set_learned("delivery")
    assert controller.is_read("delivery") and with_signal
    assert controller.progress().paths[0].read == ("delivery",)


def test_language_filter_limits_paths_and_cards(controller):
    controller.set_language("ru")
    assert [p.path.title for p in controller.progress().paths] == ["Начало"]
    assert all(card.lang == "ru" for card in controller.deck().cards)
    controller.set_language("")
    assert len(controller.progress().paths) == 2


def test_answers_move_cards_between_boxes_and_survive_a_restart(controller, kb_root, tmp_path, clock):
    due = controller.due()
    kinds = {card.kind for card in due}
    assert {"choice", "open", "which-article"} <= kinds
    choice = next(card for card in due if card.kind == "choice")
    controller.answer(choice, True)
    assert controller.store.cards[choice.id].box == 2
    assert choice not in controller.due()  # due again in 3 days
    again = restart(kb_root, tmp_path, clock)
    assert again.store.cards[choice.id].due == TODAY + dt.timedelta(days=3)
    assert again.stats().boxes[1] == 1


def test_what_changed_names_the_changed_section(controller, kb_root, tmp_path, clock):
    assert controller.changes() == []  # the first start is the baseline
    path = kb_root / "returns/refund.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Banks are slow.", "Banks take a week."),
                    encoding="utf-8")
    (kb_root / "account/new.md").write_text("---\nid: new\nlang: en\n---\n# New thing\n", encoding="utf-8")
    again = restart(kb_root, tmp_path, clock)
    changes = {c.article_id: c for c in again.changes()}
    assert changes["refund"].sections_changed == ("Timing",) and changes["new"].kind == "added"
    again.mark_all_seen()
    assert restart(kb_root, tmp_path, clock).changes() == []


# -- the window ------------------------------------------------------------------------------


@pytest.fixture
def window(qtbot, controller):
    win = LearningWindow(controller)
    qtbot.addWidget(win)
    win.show()
    return win


def test_browse_tree_counts_articles_per_category_and_filters_by_language(qtbot, window):
    tree = window.browse.tree
    window.browse.language.setCurrentIndex(window.browse.language.findData(""))
    labels = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert labels[0].startswith("account (1 articles") and any(label.startswith("returns (2") for label in labels)
    window.browse.language.setCurrentIndex(window.browse.language.findData("ru"))
    assert [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())] == ["returns (1 articles, 0 read)"]


def test_continue_opens_the_next_unread_article_of_the_path(qtbot, window, clock):
    window.show_tab(PATHS)
    qtbot.keyClick(window.paths.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert window.article.article.id == "refund"
    assert "Refunds take" in window.article.toPlainText() and "How long does a card refund" not in \
        window.article.toPlainText()  # quiz answers are not shown while reading
    window.learned_button.click()
    assert window.controller.is_read("refund")
    assert "✓ 1. Refund to a card" in window.paths.tree.topLevelItem(0).child(0).text(0)
    window.paths.continue_button.click()
    assert window.article.article.id == "password"


def test_self_check_by_keyboard(qtbot, window):
    window.show_tab(SELF_CHECK)
    assert "new" in window.stats.text()
    assert "cards to study today" in window.quiz.question.text()
    qtbot.keyClick(window.start_button, Qt.Key.Key_Space)
    card = window.quiz
    answered = []
    window.controller.cards_changed.connect(lambda: answered.append(1))
    seen = 0
    while card.current() is not None and seen < 40:
        item = card.current()
        if item.kind == "open":
            qtbot.keyClick(card, Qt.Key.Key_Return)
            assert card.answer.isVisible()
            qtbot.keyClick(card, Qt.Key.Key_Y)
        else:
            right = min(item.correct_indexes())
            qtbot.keyClick(card, Qt.Key.Key_1 + right)
            qtbot.keyClick(card, Qt.Key.Key_Return)
            assert card.feedback.text() == "Right!"
        qtbot.keyClick(card, Qt.Key.Key_Return)  # next
        seen += 1
    assert seen >= 5 and len(answered) == seen
    assert "Done" in card.question.text()
    assert window.controller.stats().boxes[1] == seen


def test_a_wrong_answer_shows_the_right_one(qtbot, window):
    window.start_quiz()
    card = window.quiz
    while card.current().kind != "choice":
        card.next_card()
    item = card.current()
    wrong = next(i for i in range(len(item.options)) if i not in item.correct_indexes())
    card.choose(wrong)
    card.check()
    assert "The answer: 3–10 business days" in card.feedback.text()
    assert window.controller.store.cards[item.id].box == 1


def test_what_changed_tab_lists_and_clears(qtbot, window, kb_root):
    path = kb_root / "returns/refund.md"
    path.write_text(path.read_text(encoding="utf-8").replace("Banks are slow.", "Banks are fast."), encoding="utf-8")
    window.controller.set_kb(load_kb(kb_root))
    window.show_tab(CHANGES)
    item = window.changes.tree.topLevelItem(0)
    assert item.text(0) == "Refund to a card" and "changed: Timing" in item.text(1)
    window.changes.tree.itemActivated.emit(item, 0)
    assert window.article.article.id == "refund"
    window.changes.seen_button.click()
    assert window.changes.tree.topLevelItemCount() == 0 and window.controller.changes() == []


def test_continue_right_after_reading_goes_on_to_the_next_article(qtbot, window, clock):
    window.show_tab(PATHS)
    window.paths.continue_button.click()
    assert window.article.article.id == "refund"
    clock.now += 25  # read long enough; not written yet
    window.paths.continue_button.click()
    assert window.article.article.id == "password"


def test_time_spent_on_the_self_check_is_not_reading(qtbot, window, clock):
    window.open_article("refund")
    window.start_quiz()
    clock.now += 100
    window.controller.flush_reading()
    assert window.controller.store.readings["refund"].seconds == 0
    assert not window.controller.is_read("refund")
