"""One self-check card at a time: choose the answer (or recall it), check, go on."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.learning import QuizItem


def plain(text: str) -> str:
    """Inline Markdown shown as text: emphasis and code marks dropped."""
    for mark in ("**", "__", "`"):
        text = text.replace(mark, "")
    return text


class QuizCard(QWidget):
    """Asks the cards given to :meth:`start`, one by one.

    Keys: 1–9 choose an option, Enter checks and then goes on; for a recall card
    Enter shows the answer, then Y ("I knew it") or N ("I did not").

    Signals:
        answered(object, bool): a card (:class:`QuizItem`) and whether the answer was right.
        open_article_requested(str): read the card's article.
        finished(): no cards left in this session.
    """

    answered = Signal(object, bool)
    open_article_requested = Signal(str)
    finished = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.cards: list[QuizItem] = []
        self.position = 0
        self.checked = False
        self.idle_text = self.tr("No cards to study now. Come back when reviews are due.")
        self.header = QLabel(self)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.question.setTextFormat(Qt.TextFormat.PlainText)
        font = self.question.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.question.setFont(font)
        self.options_box = QVBoxLayout()
        self.group = QButtonGroup(self)
        self.answer = QLabel(self)
        self.answer.setWordWrap(True)
        self.answer.setTextFormat(Qt.TextFormat.PlainText)
        self.feedback = QLabel(self)
        self.feedback.setWordWrap(True)
        self.feedback.setAccessibleName(self.tr("Result"))
        self.check_button = QPushButton(self.tr("&Check"), self)
        self.show_button = QPushButton(self.tr("&Show the answer"), self)
        self.knew_button = QPushButton(self.tr("&Yes, I knew it"), self)
        self.missed_button = QPushButton(self.tr("&No, I did not"), self)
        self.next_button = QPushButton(self.tr("Ne&xt"), self)
        self.article_button = QPushButton(self.tr("Read the &article"), self)
        buttons = QHBoxLayout()
        for button in (self.article_button,):
            buttons.addWidget(button)
        buttons.addStretch(1)
        for button in (self.check_button, self.show_button, self.knew_button, self.missed_button, self.next_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.header)
        layout.addWidget(self.question)
        layout.addLayout(self.options_box)
        layout.addWidget(self.answer)
        layout.addWidget(self.feedback)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.check_button.clicked.connect(self.check)
        self.show_button.clicked.connect(self.reveal)
        self.knew_button.clicked.connect(lambda: self.grade(True))
        self.missed_button.clicked.connect(lambda: self.grade(False))
        self.next_button.clicked.connect(self.next_card)
        self.article_button.clicked.connect(self._open_article)
        self.start([])

    # -- the session ------------------------------------------------------------------
    def start(self, cards: list[QuizItem]) -> None:
        """Ask these cards, in order."""
        self.cards = list(cards)
        self.position = 0
        self._show()

    def set_idle_text(self, text: str) -> None:
        """What the card says when no session is running."""
        self.idle_text = text
        if not self.cards:
            self.question.setText(text)

    def current(self) -> QuizItem | None:
        """The card on screen."""
        return self.cards[self.position] if self.position < len(self.cards) else None

    def _show(self) -> None:
        self.checked = False
        self._clear_options()
        self.answer.hide()
        self.feedback.clear()
        card = self.current()
        for button in (self.check_button, self.show_button, self.knew_button, self.missed_button, self.next_button):
            button.hide()
        self.article_button.setVisible(card is not None)
        if card is None:
            self.header.setText("")
            self.question.setText(self.idle_text)
            if self.cards:
                self.question.setText(self.tr("Done: {0} cards answered in this session.").format(len(self.cards)))
                self.finished.emit()
            return
        self.header.setText(self.tr("Card {0} of {1}").format(self.position + 1, len(self.cards)))
        if card.kind == "which-article":
            self.question.setText(self.tr("Which article answers this customer?\n“{0}”").format(plain(card.question)))
        else:
            self.question.setText(plain(card.question))
        if card.kind == "open":
            self.answer.setText(plain(card.answer))
            self.show_button.show()
            self.show_button.setDefault(True)
            self.show_button.setFocus()
            return
        multiple = len(card.correct_indexes()) > 1
        self.group.setExclusive(not multiple)
        if multiple:
            self.header.setText(self.header.text() + self.tr(" · choose all that apply"))
        for number, option in enumerate(card.options, 1):
            button: QAbstractButton = (QCheckBox if multiple else QRadioButton)(f"&{number}  {plain(option.text)}", self)
            self.group.addButton(button, number - 1)
            self.options_box.addWidget(button)
        self.check_button.show()
        self.check_button.setDefault(True)
        first = self.group.button(0)
        if first is not None:
            first.setFocus()

    def _clear_options(self) -> None:
        for button in self.group.buttons():
            self.group.removeButton(button)
            button.deleteLater()

    def chosen(self) -> set[int]:
        """The positions (0-based) of the options ticked."""
        return {self.group.id(button) for button in self.group.buttons() if button.isChecked()}

    def choose(self, *positions: int) -> None:
        """Tick the options at these 0-based positions (the keyboard and the tests)."""
        for position in positions:
            button = self.group.button(position)
            if button is not None:
                button.setChecked(True)

    def check(self) -> None:
        """Grade a choice card and say what was right."""
        card = self.current()
        if card is None or card.kind == "open" or self.checked:
            return
        if not self.chosen():
            self.feedback.setText(self.tr("Choose an answer first."))
            return
        chosen = self.chosen()
        correct = card.is_correct(chosen)
        right = "; ".join(plain(card.options[i].text) for i in sorted(card.correct_indexes()))
        self.feedback.setText(self.tr("Right!") if correct else self.tr("Not quite. The answer: {0}").format(right))
        self._mark_options(card, chosen)
        if card.answer:  # an explanation written for the question
            self.answer.setText(plain(card.answer))
            self.answer.show()
        self._after_answer(card, correct)

    def _mark_options(self, card: QuizItem, chosen: set[int]) -> None:
        """Lock the options; mark the right ones ✓ and a wrong choice ✗, in the text a screen reader says too."""
        right = card.correct_indexes()
        for button in self.group.buttons():
            position = self.group.id(button)
            button.setEnabled(False)
            if position in right:
                mark, description = "✓", self.tr("Right answer")
            elif position in chosen:
                mark, description = "✗", self.tr("Your answer, not right")
            else:
                continue
            button.setText(f"{button.text()}   {mark}")
            button.setAccessibleDescription(description)
            font = button.font()
            font.setBold(position in right)
            button.setFont(font)
            # a locked option is drawn grey; the two that matter keep the normal text colour
            palette = button.palette()
            for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText, QPalette.ColorRole.Text):
                palette.setColor(QPalette.ColorGroup.Disabled, role, palette.color(QPalette.ColorGroup.Active, role))
            button.setPalette(palette)

    def reveal(self) -> None:
        """Show a recall card's answer; the learner then says whether they knew it."""
        if self.current() is None:
            return
        self.answer.show()
        self.show_button.hide()
        self.knew_button.show()
        self.missed_button.show()
        self.knew_button.setFocus()
        self.feedback.setText(self.tr("Did you know it?"))

    def grade(self, knew: bool) -> None:
        """A recall card graded by the learner."""
        card = self.current()
        if card is None or self.checked:
            return
        self.knew_button.hide()
        self.missed_button.hide()
        self._after_answer(card, knew)

    def _after_answer(self, card: QuizItem, correct: bool) -> None:
        self.checked = True
        self.check_button.hide()
        self.next_button.show()
        self.next_button.setDefault(True)
        self.next_button.setAccessibleDescription(self.feedback.text())
        self.next_button.setFocus()
        self.answered.emit(card, correct)

    def next_card(self) -> None:
        """On to the next card."""
        if self.current() is not None:
            self.position += 1
        self._show()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        key = event.key()
        card = self.current()
        if card is not None and not self.checked and Qt.Key.Key_1 <= key <= Qt.Key.Key_9 and card.kind != "open":
            button = self.group.button(key - Qt.Key.Key_1)
            if button is not None:
                button.setChecked(not button.isChecked() if not self.group.exclusive() else True)
                return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            for button in (self.check_button, self.show_button, self.next_button):
                if button.isVisible():
                    button.click()
                    return
        if card is not None and card.kind == "open" and self.knew_button.isVisible():
            if key == Qt.Key.Key_Y:
                self.grade(True)
                return
            if key == Qt.Key.Key_N:
                self.grade(False)
                return
        super().keyPressEvent(event)

    def _open_article(self) -> None:
        card = self.current()
        if card is not None:
            self.open_article_requested.emit(card.article_id)
