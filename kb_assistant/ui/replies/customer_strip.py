"""The "current customer" strip: whose values go into the reply, and one key to start anew.

Thin: the values, the offer of the previous conversation's values and the
idle rule live in :class:`~kb_assistant.core.replies.customer.CustomerSession`
behind the :class:`~kb_assistant.ui.replies.controller.ReplyController`; the
strip only shows them and forwards the agent's choice.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QWidget

IDLE_CHECK_MS = 15_000
"""How often the strip asks whether the conversation went idle (the values are put aside then)."""


def _summary(pairs: list[tuple[str, str]]) -> str:
    return " · ".join(f"{html.escape(label)}: <b>{html.escape(value)}</b>" for label, value in pairs)


class CustomerStrip(QFrame):
    """Shows the current customer's values (or that there are none) and the previous customer's, put aside."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Current customer"))
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        self.text.setTextFormat(self.text.textFormat().RichText)
        self.text.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.take_button = QPushButton(self.tr("Use the&m"), self)
        self.take_button.setToolTip(self.tr("Use the previous customer's values in this conversation"))
        self.take_button.setAccessibleName(self.take_button.toolTip())
        self.new_button = QPushButton(self.tr("New c&ustomer"), self)
        self.new_button.setToolTip(self.tr("Put the values aside: the next reply asks again (Ctrl+Shift+N)"))
        self.new_button.setAccessibleName(self.tr("New customer"))
        self.new_button.setAccessibleDescription(self.new_button.toolTip())
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.take_button)
        layout.addWidget(self.new_button)
        self._controller = None
        self._idle_timer = QTimer(self)
        self._idle_timer.setInterval(IDLE_CHECK_MS)

    def bind(self, controller) -> None:
        """Follow ``controller`` (a :class:`ReplyController`): its values, its offer, its idle rule."""
        self._controller = controller
        controller.values_changed.connect(self.refresh)
        controller.replies_changed.connect(lambda _names: self.refresh())
        self.take_button.clicked.connect(controller.take_offer)
        self.new_button.clicked.connect(controller.new_customer)
        self._idle_timer.timeout.connect(controller.expire_idle)
        self._idle_timer.start()
        self.refresh()

    def refresh(self) -> None:
        """Show what the controller holds now."""
        controller = self._controller
        current = controller.value_labels(offered=False) if controller is not None else []
        offered = controller.value_labels(offered=True) if controller is not None else []
        if current:
            lines = [self.tr("Customer: {0}").format(_summary(current))]
        else:
            lines = [self.tr("Customer: no values yet; a reply asks for what it needs.")]
        if offered:
            lines.append(self.tr("Previous customer, not used: {0}").format(_summary(offered)))
        self.text.setText("<br>".join(lines))
        plain = "\n".join(lines).replace("<b>", "").replace("</b>", "")
        self.text.setAccessibleName(html.unescape(plain))
        self.take_button.setVisible(bool(offered))
        self.new_button.setEnabled(bool(current or offered))
