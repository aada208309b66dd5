"""Composition root: builds the services, the QApplication and the main window, and wires them.

``kb-assistant`` with a subcommand (index, search, reply, check) runs the
command line; without one it opens the window.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

from kb_assistant import __version__

COMMANDS = ("index", "search", "reply", "check", "usage", "insights", "sync", "publish")
EXIT_QT_CANNOT_START = 7
"""The window cannot start: system libraries Qt needs are missing (named on stderr and in a dialog)."""


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``kb-assistant`` script (and ``kb-assistant-gui``, which opens no console on Windows)."""
    if getattr(sys, "frozen", False):  # a bundle: a child process of multiprocessing runs its job, not the app
        import multiprocessing

        multiprocessing.freeze_support()
    args = [utf8_argument(arg) for arg in sys.argv[1:]] if argv is None else list(argv)
    if any(arg in COMMANDS for arg in args) or any(arg in ("-h", "--help", "--version") for arg in args):
        from kb_assistant.cli import main as cli_main

        return cli_main(args)
    return run_gui(args)


def utf8_argument(arg: str) -> str:
    """A command-line argument the locale could not decode (a C or ASCII locale) read as the UTF-8 it was typed in."""
    if not any("\udc80" <= char <= "\udcff" for char in arg):
        return arg
    import os

    return os.fsencode(arg).decode("utf-8", "replace")


def _gui_arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="kb-assistant")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--kb", metavar="DIR")
    parser.add_argument("--show", nargs="?", const="", metavar="QUERY")
    parser.add_argument("--install-desktop", action="store_true",
                        help="add KB Assistant to this user's desktop menu (Linux: .desktop, metainfo, icons)")
    return parser.parse_args(argv)


def run_gui(argv: list[str]) -> int:
    """Open the agent's window on the chosen KB, or hand the query to the one already open."""
    options = _gui_arguments(argv)
    if options.install_desktop:
        return install_desktop()
    from kb_assistant.platform_check import check_qt_can_start

    if not check_qt_can_start():  # Qt would abort with a misleading message: name the missing libraries
        return EXIT_QT_CANNOT_START
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from kb_assistant.core.errors import KbNotFoundError
    from kb_assistant.core.kb.starter import kb_for_window
    from kb_assistant.core.paths import AppPaths, resolve_index_dir
    from kb_assistant.core.settings import SETTINGS_FILE, load_settings
    from kb_assistant.ui.system.garbage_collector import GarbageCollector
    from kb_assistant.ui.system.i18n import install_translators
    from kb_assistant.ui.system.hotkey import GlobalHotkey
    from kb_assistant.ui.system.pasteback import PasteBack
    from kb_assistant.ui.system.theme import apply_appearance
    from kb_assistant.ui.system.single_instance import InstanceServer, server_name, try_hand_over
    from kb_assistant.ui.system.icon import app_icon
    from kb_assistant.ui.search.sample_banner import attach_sample_banner
    from kb_assistant.ui.system.startup import start_failed
    from kb_assistant.ui.system.diagnostics import install_diagnostics
    from kb_assistant.ui.report.crash_form import open_crash_report

    paths = AppPaths.from_environment()
    instance_name = server_name(paths)
    # a second kb-assistant raises the running window (with the --show query) and exits
    if try_hand_over(instance_name, options.show):
        return 0
    install_diagnostics(paths, open_report=open_crash_report)  # log and crash files, "Something went wrong"
    settings, settings_error = load_settings(paths.config_dir / SETTINGS_FILE)
    try:
        kb_root, kb_missing = kb_for_window(options.kb, settings.kb_dir)  # a folder that is gone: the sample
    except KbNotFoundError as exc:
        return start_failed(exc, argv)  # a dialog with what to do
    app = QApplication.instance() or QApplication([sys.argv[0], *argv])
    app.setApplicationName("KB Assistant")
    app.setOrganizationName("kb-assistant")
    app.setWindowIcon(app_icon())
    app.setDesktopFileName("kb-assistant")  # the window is matched to its desktop entry (Wayland app id)
    collector = GarbageCollector(app)  # cycles are collected on the GUI thread, never the search thread
    collector.start()
    install_translators(app, settings.ui_language)
    apply_appearance(app, settings.theme, settings.font_size)
    instance = InstanceServer(instance_name, app)
    if not instance.listen() and try_hand_over(instance_name, options.show):
        return 0  # another launch won the race
    app.setQuitOnLastWindowClosed(False)  # closing the window hides it to the tray

    state = QSettings(str(paths.config_dir / "window.ini"), QSettings.Format.IniFormat)
    session = build_session(kb_root, resolve_index_dir(kb_root, paths), settings, state=state,
                            data_dir=paths.data_dir)

    def quit_app() -> None:
        if session.services.workbench.close_all():  # each editor with unsaved edits asks first
            session.window.prepare_to_quit()
            app.quit()

    session.quit_requested.connect(quit_app)
    instance.show_requested.connect(PasteBack.for_session(session).hand_over)  # remembers where the hotkey came from
    hotkey = GlobalHotkey(app)  # the built-in key is a hand-over like the desktop shortcut's kb-assistant --show
    hotkey.activated.connect(lambda: instance.show_requested.emit(""))
    use_hotkey(hotkey, settings, session.window)
    session.settings_changed.connect(settings_applier(app, session, paths.config_dir / SETTINGS_FILE, hotkey))
    if settings_error:
        session.window.show_error(settings_error)
    if kb_missing:
        session.window.show_error(kb_missing)
    attach_sample_banner(session)  # on the sample KB: open the team's folder, get it from git, start an empty KB
    session.window.show()
    if options.show:
        session.window.show_query(options.show)
    try:
        return app.exec()
    finally:
        session.services.learning.close()
        session.services.usage.close()
        session.window.save_state()
        instance.close()
        session.services.thread.stop()
        collector.stop()


def install_desktop() -> int:
    """``kb-assistant --install-desktop``: the desktop entry, metainfo and icons for this user; the files said."""
    import os

    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # the icons are drawn, nothing is shown
    from PySide6.QtGui import QGuiApplication

    from kb_assistant.ui.system.desktop import install_desktop_files

    _app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    for path in install_desktop_files():
        print(path)
    print("KB Assistant is in the desktop's application menu now (log out and in if it does not show yet).")
    return 0


def use_hotkey(hotkey, settings, window) -> None:
    """Take ``settings.global_hotkey`` (or let the key go); say so when the system or another app refuses it."""
    from PySide6.QtCore import QCoreApplication

    hotkey.unregister()
    if settings.global_hotkey and not hotkey.register(settings.global_hotkey):
        window.show_error(QCoreApplication.translate(
            "Hotkey", "The quick search key {0} is not available here (another app may hold it): "
            "choose another in the settings, or use the desktop's shortcut running kb-assistant --show.").format(
                settings.global_hotkey))


def settings_applier(app, session, settings_path, hotkey=None):
    """What saving the settings does: keep them, apply the look, and switch a new interface language at once.

    Returns the slot for :attr:`AppSession.settings_changed` (old and new settings).
    """
    from PySide6.QtCore import QTimer

    from kb_assistant.core.settings import save_settings
    from kb_assistant.ui.system.theme import apply_appearance

    def apply(old, new) -> None:
        save_settings(settings_path, new)
        apply_appearance(app, new.theme, new.font_size)
        session.services.usage.apply_settings(new)
        if session.services.watcher is not None:
            session.services.watcher.set_scan_seconds(new.scan_seconds)
        session.services.sync.set_minutes(new.sync_minutes)
        if hotkey is not None and new.global_hotkey != old.global_hotkey:
            use_hotkey(hotkey, new, session.window)
        session.services.sync.set_author(publishing_author(new), new.keep_usage and new.share_usage)
        if new.ui_language != old.ui_language:
            # once the settings dialog has closed and the window's own slot has returned:
            # the switch replaces the window that sent this
            QTimer.singleShot(0, session, lambda: session.switch_language(new.ui_language))

    return apply


def build_window(kb_root, index_dir, settings, today_provider=dt.date.today, state=None, watch=True,
                 data_dir=None):
    """Build the services, the search thread and the window, wire them, and start loading the KB.

    For tests and tools that need one window and never switch its language (see
    :func:`build_session`, whose arguments these are).

    Returns:
        ``(window, search_thread)``; the caller stops the thread when done.
    """
    session = build_session(kb_root, index_dir, settings, today_provider, state, watch, data_dir)
    return session.window, session.services.thread


def build_session(kb_root, index_dir, settings, today_provider=dt.date.today, state=None, watch=True,
                  data_dir=None):
    """Build the services and the search thread once, and the main window on them; start loading the KB.

    The window can be rebuilt on the same services (:meth:`AppSession.switch_language`):
    only what belongs to one window is wired in :class:`~kb_assistant.ui.session.AppSession`.

    Args:
        kb_root: the KB folder; index_dir: its index folder; settings: the user's settings.
        today_provider: the clock (tests pass a fixed date).
        state: QSettings for the window layout, recent and pinned articles (None: not kept).
        watch: refresh when files under the KB change on disk.
        data_dir: the user data folder (autosaved drafts, learning state); the environment's by default.

    Returns:
        The :class:`~kb_assistant.ui.session.AppSession`, a child of the search thread
        (``session.services.thread``), which the caller stops when done.
    """
    from kb_assistant.core.files.autosave import AutosaveStore
    from kb_assistant.core.kb.load import KnowledgeBase
    from kb_assistant.core.models import KbConfig
    from kb_assistant.core.paths import AppPaths
    from kb_assistant.ui.editor.workbench import EditorWorkbench
    from kb_assistant.ui.learning.controller import LearningController
    from kb_assistant.ui.learning.mode import LearningMode
    from kb_assistant.ui.replies.controller import ReplyController
    from kb_assistant.ui.search.controller import SearchController
    from kb_assistant.core.search.semantic import load_model
    from kb_assistant.ui.search.worker import SearchThread, SearchWorker
    from kb_assistant.ui.session import AppSession, Services

    data_dir = data_dir or AppPaths.from_environment().data_dir
    worker = SearchWorker(kb_root, index_dir, meaning=load_model)
    thread = SearchThread(worker)
    search = SearchController(note_latest=worker.note_latest)
    replies = ReplyController(KnowledgeBase(kb_root, KbConfig(), {}, []), settings, today_provider=today_provider)
    workbench = EditorWorkbench(kb_root, AutosaveStore(data_dir / "autosave"), today=today_provider,
                                owner=settings.agent_name)
    learning_store, learning_warning = open_learning_store(data_dir, kb_root)
    learning = LearningController(learning_store, today=today_provider)
    usage = open_usage(kb_root, data_dir, settings)
    sync = open_sync(kb_root, data_dir, settings)
    services = Services(worker, thread, search, replies, workbench, LearningMode(learning), usage, sync)
    session = AppSession(services, settings, state=state, parent=thread)
    usage.setParent(session)
    usage.learned_changed.connect(worker.set_learned)  # emitted on the keeper's thread, run on the search thread
    worker.ready.connect(usage.on_kb_ready)
    replies.copied.connect(usage.on_copied)
    workbench.renamed.connect(usage.on_renamed)
    sync.setParent(session)
    sync.files_changed.connect(worker.refresh)  # re-indexed incrementally, with progress, once they settle
    workbench.files_saved.connect(sync.refresh_state)
    usage.keeper.load(None)  # learned questions join the search before the KB is read
    # bound slots of GUI-thread objects, so the worker's signals arrive queued
    search.search_requested.connect(worker.search)
    worker.results.connect(search.on_results)
    worker.request_done.connect(search.on_request_done)
    worker.searchable.connect(search.on_index_grew)
    worker.ready.connect(workbench.set_kb)
    worker.ready.connect(learning.set_kb)
    workbench.files_saved.connect(worker.update_files)
    workbench.kb_changed.connect(worker.refresh)
    if learning_warning:
        session.window.show_error(learning_warning)
    learning.report_store_problems()
    if watch:
        from kb_assistant.ui.system.watcher import KbWatcher

        watcher = KbWatcher(session, scan_seconds=settings.scan_seconds)  # outlives a rebuilt window
        services.watcher = watcher
        watcher.changed.connect(worker.refresh)
        worker.watch.connect(watcher.watch)
    thread.start()
    session.window.refresh_requested.emit()  # queued to the worker: the first load
    sync.start()  # a KB in git: its state, and a first sync, off the GUI thread
    return session


def open_usage(kb_root, data_dir, settings):
    """The usage tracker of ``kb_root``: this user's log in ``data_dir``, recorded and shared as ``settings`` say."""
    from kb_assistant.core.usage.keeper import UsageKeeper
    from kb_assistant.core.usage.log import UsageLog
    from kb_assistant.ui.usage.tracker import UsageTracker

    keeper = UsageKeeper(UsageLog(usage_folder(kb_root, data_dir)), kb_root, data_dir,
                         recording=settings.keep_usage, sharing=settings.keep_usage and settings.share_usage)
    return UsageTracker(keeper)


def open_sync(kb_root, data_dir, settings):
    """The git sync of ``kb_root`` (it does nothing for a KB not in git), as often as ``settings`` say."""
    from kb_assistant.ui.sync.controller import SyncController

    return SyncController(kb_root, data_dir, settings.sync_minutes, author=publishing_author(settings),
                          share_usage=settings.keep_usage and settings.share_usage)


def publishing_author(settings):
    """The name and e-mail of published changes from the settings, or None for git's own."""
    if settings.author_name and settings.author_email:
        return settings.author_name, settings.author_email
    return None


def usage_folder(kb_root, data_dir):
    """Where this user's usage of ``kb_root`` is kept, in the data folder ``data_dir``."""
    import dataclasses

    from kb_assistant.core.paths import AppPaths

    return dataclasses.replace(AppPaths.from_environment(), data_dir=data_dir).usage_dir_for(kb_root)


def open_learning_store(data_dir, kb_root):
    """The learner's state for ``kb_root``, and a warning when it cannot live in ``data_dir``.

    A data folder inside the KB would put a user's progress into the team's shared
    folder; the state then goes to the system temporary folder for this session,
    and the warning says so.
    """
    import tempfile
    from pathlib import Path

    from kb_assistant.core.errors import KbError, LearningStateError
    from kb_assistant.core.learning.store import LearningStore

    try:
        return LearningStore(data_dir, kb_root), None
    except LearningStateError as exc:
        fallback = Path(tempfile.gettempdir()) / "kb-assistant-learning"
        return LearningStore(fallback, kb_root), KbError("learning-kept-elsewhere", reason=exc, folder=str(fallback))
