"""The replies panel: the article's replies, the channel, greeting and closing, a live preview and Copy.

The greeting and closing lists come ordered from the controller (the reply's
language first); the panel only draws them: the other languages after a
separator, each marked with its language ("Greeting, formal (en)").
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.models import CHANNELS
from kb_assistant.core.replies.blocks import SnippetChoice
from kb_assistant.ui.replies.controller import ReplyController
from kb_assistant.ui.system.messages import error_text

CHANNEL_LABELS = {
    "email": QT_TRANSLATE_NOOP("ReplyPanel", "E-mail"),
    "chat": QT_TRANSLATE_NOOP("ReplyPanel", "Chat"),
    "messenger": QT_TRANSLATE_NOOP("ReplyPanel", "Messenger"),
    "phone": QT_TRANSLATE_NOOP("ReplyPanel", "Phone script"),
}
SNIPPET_CHARS = 8
"""The greeting and closing lists are at least this many characters wide (the popup shows whole titles)."""

LEFT_OUT_NOTES = {
    "greeting-in-reply": QT_TRANSLATE_NOOP("ReplyPanel", "Greeting not added: the reply already opens with one."),
    "closing-in-reply": QT_TRANSLATE_NOOP("ReplyPanel", "Closing not added: the reply already ends with one."),
    "signature-in-reply": QT_TRANSLATE_NOOP(
        "ReplyPanel", "Signature not added: the reply or the closing already signs it."),
}


class ReplyPanel(QWidget):
    """Widgets of the replies panel; logic lives in the reply controller.

    Signals:
        copy_requested(int): copy reply number ``n`` (0-based) of the article.
        reply_selected(int): the agent moved to another reply.
        channel_selected(str): the agent picked another channel.
        greeting_selected(str), closing_selected(str): snippet id ("" for none)
            to put before or after the reply.
    """

    copy_requested = Signal(int)
    reply_selected = Signal(int)
    channel_selected = Signal(str)
    greeting_selected = Signal(str)
    closing_selected = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.replies = QListWidget(self)
        self.replies.setAccessibleName(self.tr("Replies"))
        self.replies.setAccessibleDescription(self.tr("Ready replies of this article; Alt+1 to Alt+9 copy one"))
        self.channel = QComboBox(self)
        for channel in CHANNELS:
            self.channel.addItem(QCoreApplication.translate("ReplyPanel", CHANNEL_LABELS[channel]), channel)
        self.channel.setAccessibleName(self.tr("Channel"))
        channel_label = QLabel(self.tr("&Channel:"), self)
        channel_label.setBuddy(self.channel)
        self.preview = QTextBrowser(self)
        self.preview.setOpenLinks(False)
        self.preview.setAccessibleName(self.tr("Reply preview"))
        self.copy_button = QPushButton(self.tr("Co&py reply"), self)
        self.copy_button.setAccessibleName(self.tr("Copy reply"))
        self.copy_button.setToolTip(self.tr("Copy the selected reply for the chosen channel (Ctrl+Enter)"))
        self.greeting = QComboBox(self)
        self.greeting.setAccessibleName(self.tr("Greeting"))
        self.greeting_label = greeting_label = QLabel(self.tr("&Greeting:"), self)
        greeting_label.setBuddy(self.greeting)
        self.closing = QComboBox(self)
        self.closing.setAccessibleName(self.tr("Closing"))
        self.closing_label = closing_label = QLabel(self.tr("Cl&osing:"), self)
        closing_label.setBuddy(self.closing)
        for combo in (self.greeting, self.closing):
            # as narrow as a few characters allow (they stretch beside each other): sized to their
            # longest snippet title, they widened the window, more so with each Zoom in
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(SNIPPET_CHARS)
        self.empty_label = QLabel(self.tr("This article has no ready replies."), self)
        self.empty_label.hide()
        self.left_out_note = QLabel(self)
        self.left_out_note.setWordWrap(True)
        self.left_out_note.hide()

        row = QHBoxLayout()
        row.addWidget(channel_label)
        row.addWidget(self.channel, 1)
        row.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.replies, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(row)
        blocks = QHBoxLayout()
        blocks.addWidget(greeting_label)
        blocks.addWidget(self.greeting, 1)
        blocks.addWidget(closing_label)
        blocks.addWidget(self.closing, 1)
        layout.addLayout(blocks)
        layout.addWidget(self.left_out_note)
        layout.addWidget(self.preview, 2)

        self.replies.currentRowChanged.connect(self.reply_selected)
        self.replies.itemActivated.connect(lambda item: self.copy_requested.emit(self.replies.row(item)))
        self.channel.currentIndexChanged.connect(lambda i: self.channel_selected.emit(self.channel.itemData(i)))
        self.copy_button.clicked.connect(lambda: self.copy_requested.emit(max(0, self.replies.currentRow())))
        self.greeting.activated.connect(lambda i: self.greeting_selected.emit(self.greeting.itemData(i) or ""))
        self.closing.activated.connect(lambda i: self.closing_selected.emit(self.closing.itemData(i) or ""))

    def set_compact(self, on: bool) -> None:
        """Compact mode for calls: the greeting and closing choices hide (what was chosen still applies).

        The replies, the channel, Copy and the preview stay: the preview gets the room.
        """
        for widget in (self.greeting_label, self.greeting, self.closing_label, self.closing):
            widget.setVisible(not on)

    def bind(self, controller: ReplyController) -> None:
        """Follow ``controller`` (its replies, preview and channel) and send it the agent's choices."""
        self.reply_selected.connect(controller.select_reply)
        self.channel_selected.connect(controller.set_channel)
        self.greeting_selected.connect(controller.set_greeting)
        self.closing_selected.connect(controller.set_closing)
        controller.replies_changed.connect(lambda names: self.set_replies(names, controller.article is not None))
        controller.preview_changed.connect(self.show_preview)
        controller.preview_failed.connect(lambda error: self.show_preview(error_text(error), ""))
        controller.channel_changed.connect(self.set_channel)
        controller.snippets_changed.connect(self.set_snippets)
        controller.left_out_changed.connect(self.show_left_out)

    def set_snippets(self, greetings: list[SnippetChoice], closings: list[SnippetChoice],
                     greeting: str, closing: str) -> None:
        """Offer the snippets, in the order given, as greeting and closing; select the current ones.

        Choices in another language come after a separator, marked with their
        language; a current id that is no snippet of this KB is shown as such.
        """
        for combo, choices, current in ((self.greeting, greetings, greeting), (self.closing, closings, closing)):
            combo.clear()
            combo.addItem(self.tr("(none)"), "")
            separated = False
            for choice in choices:
                if not choice.same_language and not separated:
                    combo.insertSeparator(combo.count())
                    separated = True
                other = not choice.same_language and choice.lang
                combo.addItem(f"{choice.title} ({choice.lang})" if other else choice.title, choice.id)
                if other:
                    combo.setItemData(combo.count() - 1, self.tr("In another language: {0}").format(choice.lang),
                                      Qt.ItemDataRole.ToolTipRole)
            index = combo.findData(current)
            if index < 0 and current:
                combo.addItem(self.tr("{0} (not in this knowledge base)").format(current), current)
                index = combo.count() - 1
            combo.setCurrentIndex(max(0, index))

    def show_left_out(self, codes: list[str]) -> None:
        """Say which chosen blocks the copy leaves out because the reply already has them."""
        notes = [QCoreApplication.translate("ReplyPanel", LEFT_OUT_NOTES[code]) for code in codes
                 if code in LEFT_OUT_NOTES]
        self.left_out_note.setText(" ".join(notes))
        self.left_out_note.setVisible(bool(notes))

    def set_replies(self, names: list[str], has_article: bool = True) -> None:
        """List the article's replies, numbered as Alt+N copies them ("none" is said only for an open article)."""
        self.replies.clear()
        for number, name in enumerate(names, 1):
            self.replies.addItem(f"{number}. {name}" if number <= 9 else name)
        has_replies = bool(names)
        self.empty_label.setVisible(has_article and not has_replies)
        self.copy_button.setEnabled(has_replies)
        if has_replies:
            self.replies.setCurrentRow(0)
        else:
            self.preview.clear()

    def set_channel(self, channel: str) -> None:
        """Select ``channel`` without emitting ``channel_selected`` twice."""
        index = self.channel.findData(channel)
        if index >= 0 and index != self.channel.currentIndex():
            self.channel.setCurrentIndex(index)

    def show_preview(self, plain: str, html: str) -> None:
        """Show the reply as it will be pasted."""
        if html:
            self.preview.setHtml(html)
        else:
            self.preview.setPlainText(plain)
