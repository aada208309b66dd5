"""Linux desktop integration: a ``.desktop`` entry, AppStream metainfo and the icon in the hicolor theme.

``kb-assistant --install-desktop`` writes them for the current user under
``$XDG_DATA_HOME`` (``~/.local/share``): the app then shows in the desktop's
application menu and search with its icon, "Quick search" as a jump-list
action, and the window is matched to its entry (``setDesktopFileName``, the
Wayland app id). Nothing needs root; running it again brings the files up to date.
"""

from __future__ import annotations

import os
import shlex
import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice

from kb_assistant import __version__
from kb_assistant.core.files.storage import write_bytes_atomic
from kb_assistant.ui.system.icon import ICON_SIZES, app_icon, icon_path

DESKTOP_ID = "kb-assistant"
"""The desktop file's name (``kb-assistant.desktop``), the icon's name and the window's desktop file name."""
APPSTREAM_ID = "io.github.kb_assistant.KbAssistant"
RELEASE_DATE = "2026-12-02"
"""The date of :data:`~kb_assistant.__version__`'s release, for the metainfo."""


def gui_command() -> str:
    """How the desktop starts the window: the installed ``kb-assistant-gui`` (else this Python running the app)."""
    beside = Path(sys.executable).with_name("kb-assistant-gui")  # the script of this very install (a venv)
    found = str(beside) if beside.is_file() else shutil.which("kb-assistant-gui") or shutil.which("kb-assistant")
    if found:
        return shlex.quote(found)
    return f"{shlex.quote(sys.executable)} -m kb_assistant"


def desktop_entry(command: str) -> str:
    """The text of ``kb-assistant.desktop`` starting the window with ``command``."""
    return "\n".join((
        "[Desktop Entry]",
        "Type=Application",
        "Name=KB Assistant",
        "GenericName=Support knowledge base",
        "GenericName[ru]=База знаний поддержки",
        "Comment=Find the answer and copy a ready reply while the customer waits",
        "Comment[ru]=Найти ответ и скопировать готовый ответ, пока клиент ждёт",
        f"Exec={command}",
        f"Icon={DESKTOP_ID}",
        "Terminal=false",
        "Categories=Office;Utility;",
        "Keywords=support;helpdesk;knowledge base;replies;поддержка;база знаний;ответы;",
        f"StartupWMClass={DESKTOP_ID}",
        "SingleMainWindow=true",
        "Actions=quick-search;",
        "",
        "[Desktop Action quick-search]",
        "Name=Quick search",
        "Name[ru]=Быстрый поиск",
        f"Exec={command} --show",
        "",
    ))


def metainfo() -> str:
    """AppStream metainfo: what software centres show about the app."""
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<component type="desktop-application">
  <id>{APPSTREAM_ID}</id>
  <metadata_license>CC0-1.0</metadata_license>
  <name>KB Assistant</name>
  <name xml:lang="ru">KB Assistant</name>
  <summary>Support knowledge base and ready replies for chat, e-mail and phone</summary>
  <summary xml:lang="ru">База знаний поддержки и готовые ответы для чата, почты и телефона</summary>
  <description>
    <p>Search the team's Markdown articles while typing the customer's question, in Russian and
    English, and copy the chosen reply filled in and shaped for the channel. Fully usable by
    keyboard and with a screen reader; works offline.</p>
  </description>
  <launchable type="desktop-id">{DESKTOP_ID}.desktop</launchable>
  <provides><binary>kb-assistant</binary></provides>
  <categories><category>Office</category><category>Utility</category></categories>
  <releases><release version="{__version__}" date="{RELEASE_DATE}"/></releases>
  <content_rating type="oars-1.1"/>
</component>
"""


def data_home(environ=None) -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share``."""
    env = os.environ if environ is None else environ
    return Path(env.get("XDG_DATA_HOME") or Path(env.get("HOME") or Path.home()) / ".local" / "share")


def install_desktop_files(home: Path | None = None, command: str | None = None) -> list[Path]:
    """Write the desktop entry, the metainfo and the icons under ``home`` (``data_home()``); the files written.

    Needs a QGuiApplication (the icon's sizes are drawn with Qt).
    """
    home = Path(home) if home is not None else data_home()
    command = command or gui_command()
    written = []

    def write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomic(path, data)
        written.append(path)

    write(home / "applications" / f"{DESKTOP_ID}.desktop", desktop_entry(command).encode("utf-8"))
    write(home / "metainfo" / f"{APPSTREAM_ID}.metainfo.xml", metainfo().encode("utf-8"))
    svg = icon_path()
    if svg is not None:
        write(home / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg", svg.read_bytes())
    icon = app_icon()
    for size in ICON_SIZES:
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        icon.pixmap(size, size).save(buffer, "PNG")
        write(home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png", bytes(buffer.data()))
    return written
