"""Publish from the window: a message for the change, git off the GUI thread, the outcome said, conflicts resolved."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QListWidget, QVBoxLayout, QWidget

from kb_assistant.core.sync import PublishResult
from kb_assistant.ui.sync.conflict_dialog import ConflictDialog
from kb_assistant.ui.sync.controller import SyncController
from kb_assistant.ui.system.messages import message_text
from kb_assistant.ui.widgets.forms import name_widget


class PublishDialog(QDialog):
    """What will be published and a line saying what changed (the commit message)."""

    def __init__(self, paths: list[str] | None, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Publish to the team"))
        self.message = QLineEdit(message, self)
        self.message.selectAll()
        name_widget(self.message, self.tr("What changed"), self.tr("Agents see it in the history of the article"))
        files = QListWidget(self)
        files.addItems(paths or [self.tr("Every article changed on this computer")])
        name_widget(files, self.tr("Files to publish"))
        files.setMaximumHeight(files.sizeHintForRow(0) * min(6, files.count()) + 8)
        label = QLabel(self.tr("&What changed:"), self)
        label.setBuddy(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("&Publish"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.message.textChanged.connect(
            lambda text: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(text.strip())))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Files to publish:"), self))
        layout.addWidget(files)
        layout.addWidget(label)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(520, self.sizeHint().height())


class PublishFlow(QObject):
    """Publish from the agent's or an editor's window; one per main window (its child).

    Args:
        controller: the KB's sync controller (a service: it outlives the window).
        window: the main window (its status bar, its KB for article titles).
    """

    def __init__(self, controller: SyncController, window) -> None:
        super().__init__(window)
        self.controller, self.window = controller, window
        self._message = ""
        controller.published.connect(self._published)

    def publish(self, paths: list[str] | None = None) -> bool:
        """Ask what changed, then publish ``paths`` (every changed article when None); False when not asked."""
        if not self.controller.in_git:
            self._say(self.tr("This knowledge base is not in git: there is nowhere to publish to."))
            return False
        message = self.ask_message(paths, self.default_message(paths))
        if not message:
            return False
        self._message = message
        self.controller.publish(paths, message)
        self._say(self.tr("Publishing…"))
        return True

    def default_message(self, paths: list[str] | None) -> str:
        """"Update “Refund to a card”" for one article, else "Update N articles"."""
        kb = self.window.kb
        if paths and len(paths) == 1:
            article = kb.by_path(paths[0]) if kb is not None else None
            return self.tr("Update “{0}”").format(article.title if article is not None else paths[0])
        return self.tr("Update {0} articles").format(len(paths)) if paths else self.tr("Update articles")

    def ask_message(self, paths: list[str] | None, message: str) -> str:
        """The publish dialog's message, or "" when cancelled (tests answer without a dialog)."""
        dialog = PublishDialog(paths, message, self._parent_widget())
        try:
            return dialog.message.text().strip() if dialog.exec() == QDialog.DialogCode.Accepted else ""
        finally:
            dialog.deleteLater()

    def ask_resolutions(self, dialog: ConflictDialog) -> dict[str, str | None] | None:
        """The conflict dialog's texts, or None when cancelled (tests answer without a dialog)."""
        return dialog.resolutions() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def tell_synced(self, result) -> None:
        """Say what a sync brought, or why it brought nothing (an up-to-date sync goes unsaid)."""
        if result.changed or not result.ok:
            self._say(self.tr("Sync: {0}").format(message_text(result.message())))

    def _published(self, result: PublishResult) -> None:
        if result.code != "publish-conflict" or not result.conflicts:
            self._say(message_text(result.message()))
            return
        dialog = ConflictDialog(result.conflicts, self._parent_widget())
        try:
            resolutions = self.ask_resolutions(dialog)
        finally:
            dialog.deleteLater()
        if resolutions is None:
            self._say(self.tr("Nothing published: your change is committed on this computer. Publish again when "
                              "you are ready."))
            return
        self.controller.resolve(resolutions, result.against, self._message or self.tr("Update articles"))
        self._say(self.tr("Publishing your resolution…"))

    def _parent_widget(self) -> QWidget:
        from PySide6.QtWidgets import QApplication

        active = QApplication.activeWindow()
        return active if active is not None else self.window

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 15000)


def attach_sync(window) -> PublishFlow:
    """Give the main window its repository status (the status bar's right end) and its publish flow.

    Editors' Ctrl+Shift+U (``EditorWorkbench.publish_requested``) publishes through it too.
    """
    from kb_assistant.ui.sync.status import SyncStatusLabel

    window.statusBar().addPermanentWidget(SyncStatusLabel(window.sync, window))
    flow = PublishFlow(window.sync, window)
    window.workbench.publish_requested.connect(flow.publish)
    window.sync.synced.connect(flow.tell_synced)
    return flow
