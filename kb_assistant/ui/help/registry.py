"""Every command of the app's windows, read from their actions: the source of the F1 sheet and the palette.

Nothing here lists a key by hand: a window states its keyboard contract as
menu actions (:func:`kb_assistant.ui.system.actions.add_action`), and this
module walks those menus, so the sheet and the palette cannot drift from the
keys that really work.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu, QWidget


@dataclass(frozen=True)
class Command:
    """One action as the agent meets it.

    Attributes:
        window: the window's name ("Agent's window", "Editor", "Learning").
        menu: the menu's title without its ``&`` ("" for a key with no menu item).
        text: what it does, without ``&``.
        keys: its shortcuts as the platform writes them (``Ctrl+Shift+M``), in order.
        action: the action itself (triggered by the palette).
    """

    window: str
    menu: str
    text: str
    keys: tuple[str, ...]
    action: QAction

    @property
    def key_text(self) -> str:
        """The keys joined for reading: ``Ctrl+L, Ctrl+K``."""
        return ", ".join(self.keys)


def plain(text: str) -> str:
    """A menu text as read aloud: without its mnemonic ``&`` (``&&`` stays one ``&``) or a tab part."""
    return text.split("\t")[0].replace("&&", "\0").replace("&", "").replace("\0", "&").strip()


def key_texts(action: QAction) -> tuple[str, ...]:
    """The action's shortcuts, written the way menus show them."""
    return tuple(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts() if not key.isEmpty())


def window_commands(window: QWidget, name: str) -> list[Command]:
    """The commands of one window: its menus' items in menu order, then its loose keyed actions."""
    commands: list[Command] = []
    seen: set[int] = set()
    bar = window.menuBar() if isinstance(window, QMainWindow) else None
    menus = [a.menu() for a in bar.actions() if a.menu() is not None] if bar is not None else []
    for menu in menus:
        _add_menu(commands, seen, name, menu, plain(menu.title()))
    for action in _loose_actions(window):
        if id(action) not in seen and key_texts(action):
            seen.add(id(action))
            commands.append(Command(name, "", plain(action.text()), key_texts(action), action))
    return commands


def _add_menu(commands: list[Command], seen: set[int], name: str, menu: QMenu, title: str) -> None:
    for action in menu.actions():
        if action.isSeparator():
            continue
        if action.menu() is not None:
            _add_menu(commands, seen, name, action.menu(), f"{title} › {plain(action.menu().title())}")
            continue
        seen.add(id(action))
        commands.append(Command(name, title, plain(action.text()), key_texts(action), action))


def _loose_actions(window: QWidget) -> Iterable[QAction]:
    """Actions on the window itself, and keyed actions it owns that no menu shows."""
    yield from window.actions()
    yield from (a for a in window.findChildren(QAction) if a.shortcuts())


def window_names() -> dict[str, str]:
    """The windows' names, in the interface language."""
    translate = QCoreApplication.translate
    return {
        "main": translate("ShortcutsSheet", "Agent's window"),
        "editor": translate("ShortcutsSheet", "Editor"),
        "learning": translate("ShortcutsSheet", "Learning"),
    }


def app_commands(windows: Iterable[tuple[str, QWidget]]) -> list[Command]:
    """Every command of the given ``(name, window)`` pairs, in that order.

    The caller hands over the windows (the agent's window, an editor, the learning
    window): this package does not build other features' windows itself.
    """
    return [command for name, window in windows for command in window_commands(window, name)]
