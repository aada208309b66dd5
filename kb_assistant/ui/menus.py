"""The main window's menus: the keyboard contract, as menu actions so the menus show the keys.

Kept apart from the window, which only builds and wires; the strings keep the
``MainWindow`` translation context they always had.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import KbConfig
from kb_assistant.core.paths import AppPaths
from kb_assistant.ui.editor.editor_window import EditorWindow
from kb_assistant.ui.help.about import AboutDialog
from kb_assistant.ui.help.palette import CommandPalette
from kb_assistant.ui.help.registry import window_names
from kb_assistant.ui.help.shortcuts import ShortcutsSheet
from kb_assistant.ui.learning.learning_window import LearningWindow
from kb_assistant.ui.system.actions import add_action


def add_menus(window) -> None:
    """Give ``window`` (the :class:`~kb_assistant.ui.mainwindow.MainWindow`) its menus and window shortcuts."""
    translate = QCoreApplication.translate
    menus = window.menuBar()
    file_menu = menus.addMenu(translate("MainWindow", "&File"))
    edit_menu = menus.addMenu(translate("MainWindow", "&Edit"))
    reply_menu = menus.addMenu(translate("MainWindow", "&Reply"))
    view_menu = menus.addMenu(translate("MainWindow", "&View"))
    navigate_menu = menus.addMenu(translate("MainWindow", "&Navigate"))
    tools_menu = menus.addMenu(translate("MainWindow", "&Tools"))
    help_menu = menus.addMenu(translate("MainWindow", "&Help"))
    action = partial(add_action, window)

    action(file_menu, translate("MainWindow", "&New article…"), window.request_new_article, "Ctrl+N")
    action(file_menu, translate("MainWindow", "&Edit this article"), window.request_edit, "Ctrl+E")
    file_menu.addSeparator()
    action(file_menu, translate("MainWindow", "&Reload knowledge base"), window.refresh_requested.emit, "F5")
    action(file_menu, translate("MainWindow", "S&ync with the team now"), partial(sync_now, window), "Ctrl+Shift+S")
    action(file_menu, translate("MainWindow", "Pu&blish my changes…"), lambda: window.publishing.publish(None),
           "Ctrl+Shift+U")
    file_menu.addSeparator()
    window.quit_action = action(file_menu, translate("MainWindow", "&Quit"), window.quit_requested.emit, "Ctrl+Q")

    action(edit_menu, translate("MainWindow", "&Find in article"), window.find_bar.open_bar, "Ctrl+F")
    action(edit_menu, translate("MainWindow", "&Pin or unpin article"), partial(toggle_pin, window), "Ctrl+D")
    action(edit_menu, translate("MainWindow", "&Go to the search box"), window.search_bar.focus, "Ctrl+L", "Ctrl+K")
    edit_menu.addSeparator()
    action(edit_menu, translate("MainWindow", "&Settings…"), window.open_settings, "Ctrl+,")

    action(reply_menu, translate("MainWindow", "Copy the &first reply"), lambda: window.copy_reply(0),
           "Ctrl+Return", "Ctrl+Enter")
    window.copy_reply_actions = [
        action(reply_menu, translate("MainWindow", "Copy reply {0}").format(number),
               lambda _=False, n=number: window.copy_reply(n - 1), f"Alt+{number}")
        for number in range(1, 10)]
    window.replies.replies_changed.connect(partial(name_reply_actions, window.copy_reply_actions))
    name_reply_actions(window.copy_reply_actions, window.replies.reply_names())
    reply_menu.addSeparator()
    action(reply_menu, translate("MainWindow", "&New customer (put the values aside)"),
           window.replies.new_customer, "Ctrl+Shift+N")
    action(reply_menu, translate("MainWindow", "&Use the previous customer's values"), window.replies.take_offer)
    reply_menu.addSeparator()
    action(reply_menu, translate("MainWindow", "This article &did not help"), partial(mark_not_helpful, window),
           "Ctrl+Shift+X")

    view_menu.addAction(window.problems.toggleViewAction())
    window.tray.compact_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
    view_menu.addAction(window.tray.compact_action)
    view_menu.addSeparator()
    action(view_menu, translate("MainWindow", "&Learning mode"), lambda: window.learning.show(0), "Ctrl+Shift+L")
    action(view_menu, translate("MainWindow", "&What changed"), window.show_what_changed, "Ctrl+Shift+W")
    action(view_menu, translate("MainWindow", "Zoom &in"), lambda: window.zoom(1), "Ctrl++", "Ctrl+=")
    action(view_menu, translate("MainWindow", "Zoom &out"), lambda: window.zoom(-1), "Ctrl+-")

    add_navigation(window, navigate_menu)

    action(tools_menu, translate("MainWindow", "&Report to developers…"), window.report_to_developers,
           "Ctrl+Shift+B")
    action(tools_menu, translate("MainWindow", "Re&view queue…"), window.workbench.show_review_queue)
    action(tools_menu, translate("MainWindow", "&Insights…"), window.insights.show, "Ctrl+Shift+I")
    action(help_menu, translate("MainWindow", "&Keyboard shortcuts"), lambda: shortcuts_sheet(window).exec(), "F1")
    action(help_menu, translate("MainWindow", "&About KB Assistant"), lambda: show_about(window))
    window.palette_action = action(help_menu, translate("MainWindow", "&Command palette…"),
                                   lambda: CommandPalette(window, (window.palette_action,)).exec(), "Ctrl+Shift+P")

    # The window's only Esc: the find bar has none of its own (two would be ambiguous and Qt
    # would fire neither); the window asks the find bar first (MainWindow.escape).
    window.escape_action = QAction(translate("MainWindow", "Clear the search; press again to hide the window"), window)
    window.escape_action.setShortcut(QKeySequence("Escape"))
    window.escape_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    window.escape_action.triggered.connect(window.escape)
    window.addAction(window.escape_action)


def add_navigation(window, menu: QMenu) -> None:
    """Navigate: Back and Forward through the opened articles, Go to section of the open one.

    The article pane keeps the history of what ``window.preview`` opens and opens
    through it again. The items show what is possible when the menu opens; the keys
    always reach the pane, which does nothing when there is nowhere to go (so the
    command palette, which lists enabled commands only, still offers them).
    """
    translate = QCoreApplication.translate
    pane = window.article_pane
    pane.follow(window.preview)
    window.back_action = add_action(window, menu, translate("MainWindow", "&Back"), pane.go_back, "Alt+Left")
    window.forward_action = add_action(window, menu, translate("MainWindow", "&Forward"), pane.go_forward, "Alt+Right")
    menu.addSeparator()
    window.outline_action = add_action(window, menu, translate("MainWindow", "Go to &section…"), pane.show_outline,
                                       "Ctrl+Shift+O")
    checks = ((window.back_action, pane.can_go_back), (window.forward_action, pane.can_go_forward),
              (window.outline_action, pane.has_article))
    menu.aboutToShow.connect(lambda: [item.setEnabled(possible()) for item, possible in checks])
    menu.aboutToHide.connect(lambda: [item.setEnabled(True) for item, _ in checks])


def shortcuts_sheet(window) -> ShortcutsSheet:
    """The F1 sheet of the agent's window, the editor and learning mode.

    The editor and the learning window are made on demand; while none is open a
    hidden one is built just to read its actions (the keys are the same in every
    instance) and deleted again.
    """
    names = window_names()
    workbench, learning = window.workbench, window.learning
    editor = next(iter(workbench.editors.values()), None)
    made = []
    if editor is None:
        kb = workbench.kb or KnowledgeBase(workbench.kb_root, KbConfig(), {}, [])
        editor = EditorWindow(workbench.kb_root, kb, workbench.autosave, today=workbench.today)
        made.append(editor)
    learner = learning.window
    if learner is None:
        learner = LearningWindow(learning.controller)
        made.append(learner)
    sheet = ShortcutsSheet(window, [(names["main"], window), (names["editor"], editor), (names["learning"], learner)])
    for specimen in made:
        specimen.deleteLater()
    return sheet


def toggle_pin(window) -> None:
    """Ctrl+D: pin the open article to the home list, or unpin it."""
    article = window.preview.current
    if article is not None:
        pinned = window.home.toggle_pin(article.id)
        text = QCoreApplication.translate("MainWindow", "Pinned “{0}”.") if pinned else QCoreApplication.translate(
            "MainWindow", "Unpinned “{0}”.")
        window.statusBar().showMessage(text.format(article.title), 4000)
        if not window.search.text.strip():
            window.show_home()


def sync_now(window) -> None:
    """Ctrl+Shift+S: fetch the team's changes now (a KB not in git says so)."""
    if window.sync.in_git:
        window.sync.sync_now()
    else:
        window.statusBar().showMessage(QCoreApplication.translate(
            "MainWindow", "This knowledge base is not in git: it is read from its folder as it is."), 8000)


def mark_not_helpful(window) -> None:
    """Ctrl+Shift+X: the article on screen did not help with this question; it ranks lower for it from now on."""
    window.statusBar().showMessage(window.usage.mark_not_helpful(window.preview.current), 8000)


def show_about(window) -> None:
    """Help → About: the version, the KB open and the app's folders."""
    AboutDialog.show_for(AppPaths.from_environment(), window.kb.root if window.kb is not None else None, window)


def name_reply_actions(actions: list[QAction], names: list[str]) -> None:
    """Show one Copy reply N per reply of the open article, with its name; hide the rest (their keys too)."""
    for number, action in enumerate(actions, 1):
        exists = number <= len(names)
        if exists:
            name = names[number - 1].replace("&", "&&")
            action.setText(QCoreApplication.translate("MainWindow", "Copy reply {0}: {1}").format(number, name))
        else:
            action.setText(QCoreApplication.translate("MainWindow", "Copy reply {0}").format(number))
        action.setVisible(exists)
