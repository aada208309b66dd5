"""The values typed for the customer of the current conversation, and nobody else's.

An agent fills in a customer's name and order number once and reuses them
across replies while the conversation lasts. The danger is the next
conversation: a reply that still carries the last customer's name or order
goes to a stranger. So values belong to a *conversation*:

* a new conversation (New customer, a question handed over by the hotkey) puts
  the values aside as an *offer*: shown, never used until the agent takes them;
* values nobody touched for the idle time (10 minutes by default) are put aside
  the same way the next time anything asks for them;
* only the current conversation's values ever reach a reply.

No Qt here: the window's controller asks this object, tests drive its clock.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping

DEFAULT_IDLE_MINUTES = 10
"""Minutes without a copy or an edit after which a conversation counts as over."""


class CustomerSession:
    """The current conversation's values and the previous one's, put aside.

    Args:
        idle_seconds: after this long without activity the values are put aside
            (0 or less: never).
        clock: seconds since the epoch; wall time, not monotonic time, so a laptop
            that slept through the night does not wake up with last night's customer.
    """

    def __init__(self, idle_seconds: float = DEFAULT_IDLE_MINUTES * 60,
                 clock: Callable[[], float] = time.time) -> None:
        self._clock = clock
        self.idle_seconds = idle_seconds
        self._values: dict[str, str] = {}
        self._offered: dict[str, str] = {}
        self._last_activity = clock()

    @property
    def values(self) -> dict[str, str]:
        """A copy of the values the current conversation uses."""
        return dict(self._values)

    @property
    def offered(self) -> dict[str, str]:
        """A copy of the values put aside from the previous conversation (never used unless taken)."""
        return dict(self._offered)

    def touch(self) -> None:
        """Note activity (a copy, an edit): the conversation goes on."""
        self._last_activity = self._clock()

    def set_values(self, values: Mapping[str, str]) -> bool:
        """Add values the agent typed for this customer; a blank value forgets that name.

        Returns:
            Whether the values changed.
        """
        self.expire_idle()
        self.touch()
        updated = dict(self._values)
        for name, value in values.items():
            text = "" if value is None else str(value)
            if text.strip():
                updated[name] = text
            else:
                updated.pop(name, None)
        if updated == self._values:
            return False
        self._values = updated
        return True

    def new_customer(self) -> bool:
        """Start a new conversation: the current values become the offer (replacing an older offer).

        Returns:
            Whether anything changed (False when there were no values to put aside).
        """
        self.touch()
        if not self._values:
            return False
        self._offered, self._values = self._values, {}
        return True

    def forget(self) -> bool:
        """Forget everything, the values in use and the offer.

        Returns:
            Whether anything was forgotten.
        """
        self.touch()
        had = bool(self._values or self._offered)
        self._values, self._offered = {}, {}
        return had

    def take_offer(self) -> bool:
        """The agent confirmed the previous conversation's values: use them now.

        Values typed in this conversation win over the offered ones.

        Returns:
            Whether there was an offer to take.
        """
        self.touch()
        if not self._offered:
            return False
        self._values = {**self._offered, **self._values}
        self._offered = {}
        return True

    def idle(self) -> bool:
        """Whether the values in use have gone untouched for longer than the idle time.

        A clock that went backwards counts as idle: nobody can say how long it was.
        """
        if not self._values or self.idle_seconds <= 0:
            return False
        elapsed = self._clock() - self._last_activity
        return elapsed < 0 or elapsed > self.idle_seconds

    def expire_idle(self) -> bool:
        """Put idle values aside (see :meth:`idle`).

        Returns:
            Whether values were put aside.
        """
        if not self.idle():
            return False
        self._offered, self._values = self._values, {}
        return True
