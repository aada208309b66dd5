"""The repository's state in the status bar: branch, last sync, what waits to be fetched or published, offline."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from kb_assistant.ui.sync.controller import SyncController, SyncStatus
from kb_assistant.ui.system.messages import message_text

REFRESH_MS = 30_000
""""synced 3 min ago" is worded again this often."""


translate = QCoreApplication.translate


def when_text(moment: dt.datetime | None, now: dt.datetime) -> str:
    """"synced just now", "synced 3 min ago", "synced at 14:05", "synced on 2026-11-30", or "never synced"."""
    if moment is None:
        return translate("SyncStatus", "never synced")
    seconds = (now - moment).total_seconds()
    if seconds < 60:
        return translate("SyncStatus", "synced just now")
    if seconds < 3600:
        return translate("SyncStatus", "synced {0} min ago").format(int(seconds // 60))
    local = moment.astimezone()
    if local.date() == now.astimezone().date():
        return translate("SyncStatus", "synced at {0}").format(local.strftime("%H:%M"))
    return translate("SyncStatus", "synced on {0}").format(local.strftime("%Y-%m-%d %H:%M"))


def status_text(status: SyncStatus, now: dt.datetime | None = None) -> str:
    """The status bar's words for ``status`` ("" for a KB not in git)."""
    state = status.state
    if state is None:  # not in git; or in git with no git to read it (said, as the KB is read as it is)
        missing = status.last is not None and status.last.code == "git-missing"
        return translate("SyncStatus", "git is not installed: searching this computer's copy") if missing else ""
    now = now or dt.datetime.now(dt.UTC)
    parts = [state.branch or translate("SyncStatus", "detached HEAD")]
    last = status.last
    if status.busy:
        parts.append(translate("SyncStatus", "syncing…"))
    elif last is not None and last.offline:
        parts.append(translate("SyncStatus", "offline: searching this computer's copy"))
    elif last is not None and not last.ok:
        parts.append(translate("SyncStatus", "not synced: see why in the tooltip"))
    parts.append(when_text(status.last_sync, now))
    if state.behind:
        parts.append(translate("SyncStatus", "{0} new on the server").format(state.behind))
    if state.ahead:
        parts.append(translate("SyncStatus", "{0} commits not published").format(state.ahead))
    if state.changes:
        parts.append(translate("SyncStatus", "{0} files changed here").format(len(state.changes)))
    if status.next_try is not None and last is not None and not last.ok and not status.busy:
        minutes = max(1, round((status.next_try - now).total_seconds() / 60))
        parts.append(translate("SyncStatus", "next try in {0} min").format(minutes))
    return " · ".join(parts)


def status_details(status: SyncStatus) -> str:
    """The last sync's whole sentence, for the tooltip and a screen reader."""
    if status.state is None:
        return message_text(status.last.message()) if status.last is not None else ""
    lines = [message_text(status.last.message())] if status.last is not None else []
    if status.state.changes:
        lines.append(translate("SyncStatus", "Changed here, not published: {0}").format(", ".join(status.state.changes[:10])))
    return "\n".join(lines)


class SyncStatusLabel(QLabel):
    """The permanent part of the status bar showing the KB's repository; hidden for a KB not in git."""

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(translate("SyncStatus", "Knowledge base sync"))
        self._status = controller.status
        controller.status_changed.connect(self.show_status)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(lambda: self.show_status(self._status))
        self._timer.start()
        self.show_status(controller.status)

    def show_status(self, status: SyncStatus) -> None:
        """Word ``status`` (and keep it, to word "N min ago" again later)."""
        self._status = status
        text = status_text(status)
        self.setText(text)
        details = status_details(status)
        self.setToolTip(details)
        self.setAccessibleDescription(details)
        self.setVisible(bool(text))
