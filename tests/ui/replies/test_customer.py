"""The customer's values in the window: one conversation's values never reach the next customer's reply."""

from __future__ import annotations

import datetime as dt

from PySide6.QtGui import QGuiApplication

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.settings import Settings
from kb_assistant.ui.replies.controller import ReplyController
from kb_assistant.ui.replies.copy import copy_reply
from kb_assistant.ui.replies.customer_strip import CustomerStrip

KB = {
    "_kb.yml": "placeholders:\n  customer_name: {en: Customer name, ru: Имя клиента}\n"
               "  order_id: {en: Order number, ru: Номер заказа}\n",
    "refund.md": "---\nid: refund\nlang: en\n---\n# Refund\n\n## Reply: Started\n"
                 "Hello {{customer_name|there}}! The refund for order {{order_id}} is on its way.\n",
    "refund.ru.md": "---\nid: refund-ru\nlang: ru\n---\n# Возврат\n\n## Ответ: Оформлен\n"
                    "Здравствуйте, {{customer_name|клиент}}! Возврат по заказу {{order_id}} оформлен.\n",
}


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def make(write_kb, clock=None) -> ReplyController:
    controller = ReplyController(load_kb(write_kb(KB)), Settings(), today_provider=lambda: dt.date(2026, 12, 1),
                                 clock=clock or Clock())
    controller.set_channel("chat")
    controller.set_article("refund")
    return controller


def answer(values):
    asked = []

    def ask(parent, fields):
        asked.append([f.name for f in fields])
        return dict(values)

    return ask, asked


def test_a_new_customer_puts_the_values_aside_and_the_next_copy_asks_again(qtbot, write_kb):
    controller = make(write_kb)
    ask, _ = answer({"customer_name": "Анна", "order_id": "12345"})
    copy_reply(controller, 0, None, ask=ask)
    assert QGuiApplication.clipboard().text() == "Hello Анна! The refund for order 12345 is on its way."
    controller.new_customer()
    assert controller.values == {} and controller.offered == {"customer_name": "Анна", "order_id": "12345"}
    assert "Анна" not in controller.preview().plain and "12345" not in controller.preview().plain
    ask, asked = answer({"order_id": "777"})
    copy_reply(controller, 0, None, ask=ask)
    assert asked  # the order number was asked for again, not taken from the last customer
    assert QGuiApplication.clipboard().text() == "Hello there! The refund for order 777 is on its way."


def test_the_previous_values_are_used_only_when_the_agent_takes_them(qtbot, write_kb):
    controller = make(write_kb)
    controller.set_values({"customer_name": "Анна", "order_id": "12345"})
    controller.start_conversation()
    controller.take_offer()
    ask, asked = answer({})
    copy_reply(controller, 0, None, ask=ask)
    assert asked == [] and "Анна" in QGuiApplication.clipboard().text()


def test_new_customer_twice_forgets_the_values_put_aside_and_a_hand_over_never_does(qtbot, write_kb):
    controller = make(write_kb)
    controller.set_values({"customer_name": "Анна"})
    controller.start_conversation()
    controller.start_conversation()  # a second hand-over with nothing typed keeps the offer
    assert controller.offered == {"customer_name": "Анна"}
    controller.new_customer()  # nothing in use: the key forgets what was put aside
    assert controller.offered == {} and controller.values == {}


def test_values_idle_for_the_idle_time_are_put_aside_before_the_next_copy(qtbot, write_kb):
    clock = Clock()
    controller = make(write_kb, clock)
    ask, _ = answer({"customer_name": "Анна", "order_id": "12345"})
    copy_reply(controller, 0, None, ask=ask)
    clock.now += 9 * 60
    ask, asked = answer({})
    copy_reply(controller, 0, None, ask=ask)  # within the idle time: the same conversation
    assert asked == [] and "Анна" in QGuiApplication.clipboard().text()
    clock.now += 10 * 60 + 1  # ten minutes after the last copy
    ask, asked = answer({"order_id": "555"})
    copy_reply(controller, 0, None, ask=ask)
    assert asked and "Анна" not in QGuiApplication.clipboard().text()
    assert controller.offered == {"customer_name": "Анна", "order_id": "12345"}


def test_the_idle_time_is_configurable_and_zero_keeps_the_values(qtbot, write_kb):
    clock = Clock()
    controller = make(write_kb, clock)
    controller.set_idle_minutes(0)
    controller.set_values({"customer_name": "Анна"})
    clock.now += 24 * 3600
    assert not controller.expire_idle() and controller.values == {"customer_name": "Анна"}
    controller.set_idle_minutes(1)
    clock.now += 61
    with qtbot.waitSignal(controller.values_changed, timeout=1000):
        assert controller.expire_idle()


def test_the_strip_shows_the_values_in_use_and_the_ones_put_aside(qtbot, write_kb):
    controller = make(write_kb)
    strip = CustomerStrip()
    qtbot.addWidget(strip)
    strip.bind(controller)
    strip.show()
    assert "no values yet" in strip.text.text() and not strip.take_button.isVisible()
    assert not strip.new_button.isEnabled()
    controller.set_values({"customer_name": "Анна", "order_id": "12345"})
    assert "Customer name: <b>Анна</b> · Order number: <b>12345</b>" in strip.text.text()
    assert "Анна" in strip.text.accessibleName() and "<b>" not in strip.text.accessibleName()
    strip.new_button.click()
    assert "Previous customer, not used" in strip.text.text() and strip.take_button.isVisible()
    controller.set_article("refund-ru")  # labels follow the reply's language
    assert "Имя клиента: <b>Анна</b>" in strip.text.text()
    strip.take_button.click()
    assert controller.values == {"customer_name": "Анна", "order_id": "12345"}
    assert not strip.take_button.isVisible()


def test_the_idle_time_comes_from_the_settings(qtbot, write_kb):
    clock = Clock()
    controller = ReplyController(load_kb(write_kb(KB)), Settings(customer_idle_minutes=2), clock=clock)
    controller.set_values({"customer_name": "Анна"})
    clock.now += 3 * 60
    assert controller.expire_idle()
    controller.set_settings(Settings(customer_idle_minutes=0))
    controller.take_offer()
    clock.now += 10 ** 6
    assert not controller.expire_idle()
