"""The services of a running app and the main window built on them; a new interface language switches at once.

Why the window is rebuilt for a new language: every widget sets its strings
once, when it is built. Building the main window again under the new
translators translates all of it (menus, buttons, tooltips, accessible names,
the tray's menu) with no retranslation code to keep in step with each widget.
Nothing is lost, because what matters lives in the services the window is
built on and they stay: the search thread is not restarted and the KB is not
loaded or indexed again (the last KB loaded is handed to the new window), the
controllers keep the search text and filters, the article, the reply, the
channel and the customer's values. The little that only the widgets hold is
handed over (:mod:`kb_assistant.ui.handover`).

The separate top-level windows follow in the way that suits each: an editor
window, which may hold unsaved text, is never rebuilt but translates itself in
place on Qt's ``LanguageChange`` (:mod:`kb_assistant.ui.editor.retranslation`);
the learning window, where nothing is typed, is built again on the same tab,
article and cards (:meth:`LearningMode.retranslate`); the review queue is built
again for its new parent window (:meth:`EditorWorkbench.set_parent_window`).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from PySide6.QtCore import QCoreApplication, QMetaMethod, QMetaObject, QObject, QSettings, Signal, Slot

from kb_assistant.core.settings import Settings
from kb_assistant.ui.editor.workbench import EditorWorkbench
from kb_assistant.ui.handover import capture, restore
from kb_assistant.ui.learning.mode import LearningMode
from kb_assistant.ui.mainwindow import MainWindow
from kb_assistant.ui.replies.controller import ReplyController
from kb_assistant.ui.search.controller import SearchController
from kb_assistant.ui.search.worker import SearchThread, SearchWorker
from kb_assistant.ui.system.i18n import install_translators, language_for, ui_language
from kb_assistant.ui.system.windowing import is_compact
from kb_assistant.ui.sync.controller import SyncController
from kb_assistant.ui.usage.tracker import UsageTracker

WINDOW_ONLY_SIGNALS = (
    ("replies", ("preview_changed", "preview_failed", "replies_changed", "values_changed", "channel_changed",
                 "snippets_changed", "left_out_changed")),
    ("search", ("results_changed", "cleared")),
    ("workbench", ("message",)),
    ("learning", ("changes_found",)),
    ("learning.controller", ("error",)),
)
"""Signals of the shared services that only the main window (its panels, its menus) listens to.

The window connects some of them to lambdas, which Qt does not disconnect when
the window is deleted: a retired window's listeners are all removed, and the new
window connects its own.
"""


@dataclass
class Services:
    """What a main window is built on; made once per run (``app.build_session``)."""

    worker: SearchWorker
    thread: SearchThread
    search: SearchController
    replies: ReplyController
    workbench: EditorWorkbench
    learning: LearningMode
    usage: UsageTracker
    sync: SyncController
    watcher: QObject | None = None
    """The KB's file watcher (``ui.system.watcher``), when the KB is watched."""


class AppSession(QObject):
    """The services and the main window of this run; :meth:`switch_language` rebuilds the window on them.

    Args:
        services: the services, already wired to each other (``app.build_session``).
        settings: the agent's settings.
        state: QSettings for the window layout, the channel, pinned and recent articles (None: not kept).
        parent: the Qt parent (the search thread: the session lives as long as it).

    Signals:
        quit_requested(): the agent chose Quit in the window or the tray.
        settings_changed(object, object): the agent saved new settings: the old :class:`Settings` and the new.
        window_replaced(object): a new main window took over (the old one is deleted).
    """

    quit_requested = Signal()
    settings_changed = Signal(object, object)
    window_replaced = Signal(object)

    def __init__(self, services: Services, settings: Settings, state: QSettings | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services, self.settings, self.state = services, settings, state
        self.last_ready: tuple | None = None
        self._links: list[QMetaObject.Connection] = []  # the window's connections to the services
        services.worker.ready.connect(self._ready)
        self.window = self._build_window()

    # -- the window ---------------------------------------------------------------
    def _build_window(self) -> MainWindow:
        services = self.services
        window = MainWindow(services.search, services.replies, self.settings, services.workbench,
                            services.learning, services.usage, services.sync, state=self.state)
        # bound slots of GUI-thread objects, so the worker's signals arrive queued
        for signal, slot in (
            (services.worker.progress, window.show_progress),
            (services.worker.failed, window.show_error),
            (services.worker.ready, window.on_kb_ready),
            (window.refresh_requested, services.worker.reload),
            (window.quit_requested, self.quit_requested),
            (window.settings_changed, self._settings_saved),
        ):
            self._links.append(signal.connect(slot))
        return window

    @Slot(object, object, object)  # reached from the search thread
    def _ready(self, kb, report, problems) -> None:
        """Keep the last KB loaded: a window built later is handed it instead of loading it again."""
        self.last_ready = (kb, report, problems)

    def _settings_saved(self, new: Settings) -> None:
        old, self.settings = self.settings, new
        self.settings_changed.emit(old, new)

    def hand_over(self, query: str | None) -> None:
        """A second launch: the window there is now takes it (see :meth:`MainWindow.hand_over`)."""
        self.window.hand_over(query)

    # -- the interface language -------------------------------------------------------
    def switch_language(self, language_setting: str) -> bool:
        """Show the app in ``language_setting`` ("system", "ru", "en") now, keeping all the agent was doing.

        Call it from the event loop, not from inside a window's own slot: the main
        window is replaced (the old one is deleted later).

        Returns:
            False when the language shown stays the same (nothing is rebuilt).
        """
        app = QCoreApplication.instance()
        if language_for(language_setting) == ui_language(app):
            return False
        install_translators(app, language_setting)  # editor windows translate themselves on LanguageChange
        self.services.learning.retranslate()
        self._replace_window()
        return True

    def _replace_window(self) -> None:
        old = self.window
        visible, compact = old.isVisible(), is_compact(old)
        if compact:
            old.hide()  # compact mode is left out of sight: the layout handed over is the full one
            old.set_compact(False)
        view = capture(old, visible, compact)
        old.save_state()  # the new window reads the layout and the channel back from the window state
        self._retire(old)
        self.window = self._build_window()
        self._links += restore(self.window, view, self.last_ready)
        old.hide()  # after the new window is shown in its place: no moment without a window
        old.deleteLater()
        self.window_replaced.emit(self.window)

    def _retire(self, window: MainWindow) -> None:
        """Cut ``window`` off from the services and the worker: nothing reaches it before it is deleted."""
        for link in self._links:
            QObject.disconnect(link)
        self._links.clear()
        for owner, names in WINDOW_ONLY_SIGNALS:
            sender = attrgetter(owner)(self.services)
            for name in names:
                if receivers(sender, name):
                    getattr(sender, name).disconnect()
        window.tray.hide()  # one icon in the tray: the new window brings its own


def receivers(sender: QObject, name: str) -> int:
    """How many connections the signal ``name`` of ``sender`` has."""
    meta = sender.metaObject()
    for index in range(meta.methodCount()):
        method = meta.method(index)
        if method.methodType() == QMetaMethod.MethodType.Signal and bytes(method.name()).decode() == name:
            return sender.receivers("2" + bytes(method.methodSignature()).decode())
    raise AttributeError(f"{type(sender).__name__} has no signal {name!r}")
