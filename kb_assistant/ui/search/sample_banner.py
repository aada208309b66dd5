"""The banner over the bundled sample KB: open the team's folder, get it from git, or start an empty KB.

Shown when the window opens on the sample (first run, or a configured folder that
is gone). The chosen folder is saved as the KB in the settings and opens at the
next start (the window's services are built on one KB).
"""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFileDialog, QFrame, QHBoxLayout, QInputDialog, QLabel, QPushButton, QVBoxLayout,
                               QWidget)

from kb_assistant.core.errors import KbError
from kb_assistant.core.kb.starter import clone_kb, create_empty_kb
from kb_assistant.core.paths import bundled_kb_dir
from kb_assistant.ui.system.messages import error_text


def is_sample(kb_root: Path) -> bool:
    """Whether ``kb_root`` is the sample KB shipped with the app."""
    bundled = bundled_kb_dir()
    try:
        return bundled is not None and Path(kb_root).resolve() == bundled.resolve()
    except OSError:
        return False


class SampleBanner(QFrame):
    """"This is a sample KB" and three ways to a KB of one's own.

    Args:
        missing: the configured KB folder that is gone ("" when none was configured).

    Signals:
        kb_chosen(str): the folder the agent chose, created or cloned (saved as the KB by the window).
        clone_done(object, object): a clone finished off the GUI thread (folder or None, error or None).
    """

    kb_chosen = Signal(str)
    clone_done = Signal(object, object)

    def __init__(self, missing: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName(self.tr("Sample knowledge base"))
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.open_button = QPushButton(self.tr("Open your team's folder…"), self)
        self.git_button = QPushButton(self.tr("Get it from git…"), self)
        self.empty_button = QPushButton(self.tr("Start an empty KB…"), self)
        buttons = QHBoxLayout()
        for button in (self.open_button, self.git_button, self.empty_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.open_button.clicked.connect(self.open_folder)
        self.git_button.clicked.connect(self.get_from_git)
        self.empty_button.clicked.connect(self.start_empty)
        self.clone_done.connect(self._cloned)
        if missing:
            self.say(self.tr("The knowledge base folder {0} is gone (moved, renamed or deleted): this is the "
                             "sample KB. Open your team's folder, get it from git or start an empty KB.").format(missing))
        else:
            self.say(self.tr("This is a sample KB. Open your team's folder, get it from git or start an empty KB."))

    def say(self, text: str) -> None:
        """Show ``text`` in the banner (read by screen readers as its description too)."""
        self.message.setText(text)
        self.setAccessibleDescription(text)

    def open_folder(self) -> None:
        """Open your team's folder…: a folder chooser."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Open your team's knowledge base folder"))
        if folder:
            self._chosen(folder)

    def get_from_git(self) -> None:
        """Get it from git…: the repository's URL, the folder to clone into, then ``git clone`` off the GUI thread."""
        url, ok = QInputDialog.getText(self, self.tr("Get the knowledge base from git"),
                                       self.tr("Repository URL (your git credentials are used):"))
        url = url.strip()
        if not ok or not url:
            return
        parent = QFileDialog.getExistingDirectory(self, self.tr("Folder to put the knowledge base in"))
        if not parent:
            return
        name = url.rstrip("/").rsplit("/", 1)[-1].rsplit(":", 1)[-1].removesuffix(".git") or "kb"
        target = Path(parent) / name
        self._busy(True)
        self.say(self.tr("Getting {0} into {1}…").format(name, target))
        threading.Thread(target=self._clone, args=(url, target), name="kb-clone", daemon=True).start()

    def _clone(self, url: str, target: Path) -> None:
        try:
            self.clone_done.emit(clone_kb(url, target), None)
        except KbError as exc:
            self.clone_done.emit(None, exc)

    def _cloned(self, folder, error) -> None:
        self._busy(False)
        if error is not None:
            self.say(error_text(error))
        else:
            self._chosen(str(folder))

    def start_empty(self) -> None:
        """Start an empty KB…: a folder (new or empty) gets ``_kb.yml`` and a welcome article."""
        folder = QFileDialog.getExistingDirectory(self, self.tr("Folder for the new knowledge base"))
        if not folder:
            return
        try:
            self._chosen(str(create_empty_kb(Path(folder))))
        except KbError as exc:
            self.say(error_text(exc))

    def _busy(self, busy: bool) -> None:
        for button in (self.open_button, self.git_button, self.empty_button):
            button.setEnabled(not busy)

    def _chosen(self, folder: str) -> None:
        self.kb_chosen.emit(folder)
        self.say(self.tr("Saved: the knowledge base {0} opens at the next start of KB Assistant "
                         "(quit KB Assistant and start it again).").format(folder))
        self.open_button.setFocus()


def add_sample_banner(window) -> SampleBanner | None:
    """Put the banner at the top of ``window``'s central layout when it is on the sample KB.

    ``window`` is the main window (its ``workbench.kb_root``, ``settings`` and
    ``settings_changed``, where the chosen folder goes as the new ``kb_dir``);
    returns the banner, or None on another KB.
    """
    if not is_sample(window.workbench.kb_root):
        return None
    configured = window.settings.kb_dir
    banner = SampleBanner(configured if configured and not Path(configured).expanduser().is_dir() else "", window)
    window.centralWidget().layout().insertWidget(0, banner)

    def save(folder: str) -> None:
        window.settings = dataclasses.replace(window.settings, kb_dir=folder)
        window.settings_changed.emit(window.settings)

    banner.kb_chosen.connect(save)
    window.sample_banner = banner
    return banner


def attach_sample_banner(session) -> None:
    """The banner on the session's window, and on each window that replaces it (a new interface language)."""
    add_sample_banner(session.window)
    session.window_replaced.connect(add_sample_banner)
