"""The customer's values: kept for one conversation, put aside (never reused) after it."""

from __future__ import annotations

from kb_assistant.core.replies.customer import CustomerSession


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: float = 1_000_000.0) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def session(idle: float = 600) -> tuple[CustomerSession, Clock]:
    clock = Clock()
    return CustomerSession(idle_seconds=idle, clock=clock), clock


def test_values_typed_are_used_and_a_blank_value_forgets_its_name():
    customer, _ = session()
    assert customer.set_values({"customer_name": "Анна", "order_id": "12345"})
    assert customer.set_values({"order_id": "  "})
    assert customer.values == {"customer_name": "Анна"}
    assert not customer.set_values({"customer_name": "Анна"})  # nothing changed


def test_a_new_customer_puts_the_values_aside_as_an_offer_never_in_use():
    customer, _ = session()
    customer.set_values({"customer_name": "Анна"})
    assert customer.new_customer()
    assert customer.values == {}
    assert customer.offered == {"customer_name": "Анна"}
    assert not customer.new_customer()  # nothing in use: the offer stays
    assert customer.offered == {"customer_name": "Анна"}


def test_taking_the_offer_uses_it_and_what_was_typed_since_wins():
    customer, _ = session()
    customer.set_values({"customer_name": "Анна", "order_id": "12345"})
    customer.new_customer()
    customer.set_values({"customer_name": "Борис"})
    assert customer.take_offer()
    assert customer.values == {"customer_name": "Борис", "order_id": "12345"}
    assert customer.offered == {}
    assert not customer.take_offer()


def test_forget_drops_the_values_and_the_offer():
    customer, _ = session()
    customer.set_values({"customer_name": "Анна"})
    customer.new_customer()
    customer.set_values({"order_id": "1"})
    assert customer.forget()
    assert customer.values == {} and customer.offered == {}
    assert not customer.forget()


def test_values_idle_longer_than_the_idle_time_are_put_aside():
    customer, clock = session(idle=600)
    customer.set_values({"customer_name": "Анна"})
    clock.now += 599
    assert not customer.expire_idle()
    assert customer.values == {"customer_name": "Анна"}
    clock.now += 2
    assert customer.idle()
    assert customer.expire_idle()
    assert customer.values == {} and customer.offered == {"customer_name": "Анна"}


def test_activity_keeps_the_conversation_going():
    customer, clock = session(idle=600)
    customer.set_values({"customer_name": "Анна"})
    for _ in range(5):
        clock.now += 500
        customer.touch()
    assert not customer.expire_idle()
    assert customer.values == {"customer_name": "Анна"}


def test_typing_after_the_idle_time_starts_a_new_conversation_first():
    customer, clock = session(idle=600)
    customer.set_values({"customer_name": "Анна", "order_id": "12345"})
    clock.now += 3600
    customer.set_values({"customer_name": "Борис"})
    assert customer.values == {"customer_name": "Борис"}  # not Анна's order number
    assert customer.offered == {"customer_name": "Анна", "order_id": "12345"}


def test_a_clock_that_went_backwards_counts_as_idle():
    customer, clock = session(idle=600)
    customer.set_values({"customer_name": "Анна"})
    clock.now -= 5
    assert customer.expire_idle()


def test_an_idle_time_of_zero_never_expires():
    customer, clock = session(idle=0)
    customer.set_values({"customer_name": "Анна"})
    clock.now += 10 ** 7
    assert not customer.expire_idle()
    assert customer.values == {"customer_name": "Анна"}
