"""Copying a reply: the form asks for what is missing; nothing is copied that cannot be filled."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QGuiApplication

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.settings import Settings
from kb_assistant.ui.replies.controller import ReplyController
from kb_assistant.ui.replies.copy import copy_reply

KB = {
    "refund.md": "---\nid: refund\nlang: en\n---\n# Refund\n\n## Reply: Started\nOrder {{order_id}}, {{customer_name|there}}.\n",
}


def _controller(write_kb, **settings):
    controller = ReplyController(load_kb(write_kb(KB)), Settings(**settings), today_provider=lambda: dt.date(2026, 1, 5))
    controller.set_channel("chat")
    controller.set_article("refund")
    return controller


def test_missing_values_are_asked_then_copied(qtbot, write_kb):
    controller = _controller(write_kb)
    asked = []
    message = copy_reply(controller, 0, None, ask=lambda parent, fields: asked.append(fields) or {"order_id": "7"})
    assert [f.name for f in asked[0]] == ["order_id", "customer_name"]
    assert QGuiApplication.clipboard().text() == "Order 7, there."
    assert "Copied" in message and "Started" in message
    assert controller.values == {"order_id": "7"}  # kept for this customer


def test_a_cancelled_form_copies_nothing_and_says_what_is_needed(qtbot, write_kb):
    controller = _controller(write_kb)
    QGuiApplication.clipboard().setText("before")
    message = copy_reply(controller, 0, None, ask=lambda parent, fields: None)
    assert QGuiApplication.clipboard().text() == "before"
    assert "Not copied" in message and "Order id" in message and "order_id" not in message  # the form's label


def test_the_not_copied_line_and_the_form_use_labels_never_template_names(qtbot, write_kb):
    files = {
        "_kb.yml": "placeholders:\n  order_id: {en: Order number, ru: Номер заказа}\n",
        "refund.md": "---\nid: refund\nlang: en\n---\n# Refund\n\n## Reply: Started\nOrder {{order_id}}. {{company}}\n",
    }
    controller = ReplyController(load_kb(write_kb(files)), Settings(), today_provider=lambda: dt.date(2026, 1, 5))
    controller.set_channel("chat")
    controller.set_article("refund")
    asked = []
    message = copy_reply(controller, 0, None, ask=lambda parent, fields: asked.append(fields))
    assert [f.label for f in asked[0]] == ["Order number", "Company name"]  # a built-in gets a real label
    assert message == "Not copied: the reply needs Order number, Company name."


def test_built_in_labels_are_translated_in_the_form(qapp):
    from kb_assistant.core.replies.compose import PlaceholderField
    from kb_assistant.ui.replies.fill_form import field_label
    from kb_assistant.ui.system import i18n

    try:
        i18n.install_translators(qapp, "ru")
        assert field_label(PlaceholderField("company", "Company name", None)) == "Название компании"
        assert field_label(PlaceholderField("agent_name", "Your name", None)) == "Ваше имя"
        assert field_label(PlaceholderField("order_id", "Номер заказа", None)) == "Номер заказа"  # the KB's own
    finally:
        i18n.remove_translators(qapp)


def test_a_reply_that_cannot_be_composed_copies_nothing_and_says_why(qtbot, write_kb):
    controller = _controller(write_kb, greeting_snippet="gone")
    QGuiApplication.clipboard().setText("before")
    message = copy_reply(controller, 0, None, ask=lambda parent, fields: {"order_id": "7"})
    assert QGuiApplication.clipboard().text() == "before"
    assert message.startswith("Not copied:") and "gone" in message
    assert "Not copied:" in copy_reply(controller, 4, None, ask=lambda parent, fields: {})


def test_copying_from_a_weak_answer_asks_once_per_answer(qtbot):
    from kb_assistant.core.models import SearchHit, SearchResults
    from kb_assistant.ui.replies.copy import WeakMatchGuard

    hit = SearchHit(id="a", title="Alpha", path="a.md", score=1.0, snippet="alpha")
    weak = SearchResults("how to cook pasta", (hit,), confident=False)
    asked, answers = [], [False, True]
    guard = WeakMatchGuard(ask=lambda parent, results: asked.append(results.query) or answers.pop(0))
    assert not guard.allows(weak, None)  # the agent said no
    assert guard.allows(weak, None)  # asked again, said yes
    assert guard.allows(weak, None)  # the same answer: not asked a third time
    assert asked == ["how to cook pasta", "how to cook pasta"]
    assert guard.allows(SearchResults("refund", (hit,), confident=True), None)
    assert guard.allows(SearchResults("zzz"), None)  # nothing found: nothing to copy from, nothing to ask
    assert guard.allows(None, None)  # no search (the home list)
    assert len(asked) == 2
