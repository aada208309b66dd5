"""The main window's menus: the keyboard contract, as menu actions so the menus show the keys.

Kept apart from the window, which only builds and wires; the strings keep the
``MainWindow`` translation context they always had.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from kb_assistant.ui.help.shortcuts import ShortcutsSheet
from kb_assistant.ui.system.actions import add_action


def add_menus(window) -> None:
    """Give ``window`` (the :class:`~kb_assistant.ui.mainwindow.MainWindow`) its menus and window shortcuts."""
    translate = QCoreApplication.translate
    menus = window.menuBar()
    file_menu = menus.addMenu(translate("MainWindow", "&File"))
    edit_menu = menus.addMenu(translate("MainWindow", "&Edit"))
    reply_menu = menus.addMenu(translate("MainWindow", "&Reply"))
    view_menu = menus.addMenu(translate("MainWindow", "&View"))
    tools_menu = menus.addMenu(translate("MainWindow", "&Tools"))
    help_menu = menus.addMenu(translate("MainWindow", "&Help"))
    action = partial(add_action, window)

    action(file_menu, translate("MainWindow", "&New article…"), window.request_new_article, "Ctrl+N")
    action(file_menu, translate("MainWindow", "&Edit this article"), window.request_edit, "Ctrl+E")
    file_menu.addSeparator()
    action(file_menu, translate("MainWindow", "&Reload knowledge base"), window.refresh_requested.emit, "F5")
    file_menu.addSeparator()
    window.quit_action = action(file_menu, translate("MainWindow", "&Quit"), window.quit_requested.emit, "Ctrl+Q")

    action(edit_menu, translate("MainWindow", "&Find in article"), window.find_bar.open_bar, "Ctrl+F")
    action(edit_menu, translate("MainWindow", "&Pin or unpin article"), window.toggle_pin, "Ctrl+D")
    action(edit_menu, translate("MainWindow", "Go to the &search box"), window.search_bar.focus, "Ctrl+L", "Ctrl+K")
    edit_menu.addSeparator()
    action(edit_menu, translate("MainWindow", "&Settings…"), window.open_settings, "Ctrl+,")

    action(reply_menu, translate("MainWindow", "Copy the &first reply"), lambda: window.copy_reply(0),
           "Ctrl+Return", "Ctrl+Enter")
    for number in range(1, 10):
        action(reply_menu, translate("MainWindow", "Copy reply {0}").format(number),
               lambda _=False, n=number: window.copy_reply(n - 1), f"Alt+{number}")
    reply_menu.addSeparator()
    action(reply_menu, translate("MainWindow", "&New customer (put the values aside)"),
           window.replies.new_customer, "Ctrl+Shift+N")
    action(reply_menu, translate("MainWindow", "&Use the previous customer's values"), window.replies.take_offer)

    view_menu.addAction(window.problems.toggleViewAction())
    window.tray.compact_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
    view_menu.addAction(window.tray.compact_action)
    view_menu.addSeparator()
    action(view_menu, translate("MainWindow", "&Learning mode"), lambda: window.learning.show(0), "Ctrl+Shift+L")
    action(view_menu, translate("MainWindow", "&What changed"), window.show_what_changed, "Ctrl+Shift+W")
    action(view_menu, translate("MainWindow", "Zoom &in"), lambda: window.zoom(1), "Ctrl++", "Ctrl+=")
    action(view_menu, translate("MainWindow", "Zoom &out"), lambda: window.zoom(-1), "Ctrl+-")

    action(tools_menu, translate("MainWindow", "&Report to developers…"), window.report_to_developers,
           "Ctrl+Shift+B")
    action(tools_menu, translate("MainWindow", "Re&view queue…"), window.workbench.show_review_queue)
    action(help_menu, translate("MainWindow", "&Keyboard shortcuts"), lambda: ShortcutsSheet(window).exec(), "F1")

    escape = QShortcut(QKeySequence("Escape"), window)
    escape.setContext(Qt.ShortcutContext.WindowShortcut)
    escape.activated.connect(window.escape)
