"""The agent's main window: builds the panels and wires them; no business rules here."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QEvent, QObject, QSettings, Qt, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from kb_assistant.core.errors import UnfilledPlaceholderError
from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import Article, SearchResults
from kb_assistant.core.search import SearchFilters
from kb_assistant.core.search.snippets import article_hit
from kb_assistant.core.settings import Settings
from kb_assistant.ui.article.view import ArticleView
from kb_assistant.ui.replies.clipboard import copy_payload, describe_copy
from kb_assistant.ui.replies.controller import ReplyController
from kb_assistant.ui.search.controller import SearchController
from kb_assistant.ui.replies.fill_form import ask_values
from kb_assistant.ui.article.find_bar import FindBar
from kb_assistant.ui.editor.problems_panel import ProblemsPanel
from kb_assistant.ui.replies.panel import ReplyPanel
from kb_assistant.ui.search.model import ResultRole, ResultsModel
from kb_assistant.ui.search.view import ResultsView
from kb_assistant.ui.search.worker import article_html
from kb_assistant.ui.report.dialog import ReportDialog
from kb_assistant.ui.settings.dialog import SettingsDialog
from kb_assistant.ui.help.shortcuts import ShortcutsSheet
from kb_assistant.ui.system.tray import TrayIcon, app_icon, apply_compact, bring_to_front

RECENT_LIMIT = 10


class _SearchKeys(QObject):
    """Up/Down/PageUp/PageDown in the search box move through the results."""

    def __init__(self, view: ResultsView, parent: QObject) -> None:
        super().__init__(parent)
        self._view = view

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 5, Qt.Key.Key_PageUp: -5}
            step = steps.get(event.key())
            if step is not None and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
                self._view.move_selection(step)
                return True
        return False


class MainWindow(QMainWindow):
    """Search box, results, article and replies.

    Signals:
        refresh_requested(): ask the search worker to reload the KB and index.
        quit_requested(): the agent chose Quit (the window only hides on close).
        settings_changed(object): the agent saved new :class:`Settings`.
        render_requested(int, str): render an article off the GUI thread
            (request id, article id); answered by :meth:`on_rendered`.
        edit_requested(str): Ctrl+E, edit this article id.
        new_article_requested(str, str): Ctrl+N, a new article (suggested language and folder).
        review_queue_requested(): Tools → Review queue.
        learning_requested(int): View → Learning mode (the tab: 0 browse … 3 what changed).
    """

    refresh_requested = Signal()
    quit_requested = Signal()
    settings_changed = Signal(object)
    render_requested = Signal(int, str)
    edit_requested = Signal(str)
    new_article_requested = Signal(str, str)
    review_queue_requested = Signal()
    learning_requested = Signal(int)

    def __init__(self, search: SearchController, replies: ReplyController, settings: Settings,
                 state: QSettings | None = None, parent=None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.search = search
        self.reply_controller = replies
        self.state = state
        self.kb: KnowledgeBase | None = None
        self._render_id = 0
        self._pending_preview = ""
        self.note_latest_render = lambda request_id: None
        self.recent: list[str] = list(self._state_value("recent", []))
        self.pinned: list[str] = list(self._state_value("pinned", []))
        self.setWindowTitle(self.tr("KB Assistant"))
        self._add_widgets()
        self._add_menus()
        self._add_shortcuts()
        self._connect_signals()
        self._restore_state()
        self.statusBar().showMessage(self.tr("Opening the knowledge base…"))

    # -- building --------------------------------------------------------
    def _add_widgets(self) -> None:
        self.search_box = QLineEdit(self)
        self.search_box.setPlaceholderText(self.tr("Type the customer's question (Ctrl+L)"))
        self.search_box.setAccessibleName(self.tr("Search"))
        self.search_box.setAccessibleDescription(self.tr("Results update as you type; Up and Down move through them"))
        self.search_box.setClearButtonEnabled(True)
        self.language = QComboBox(self)
        self.language.addItem(self.tr("All languages"), "")
        self.language.addItem(self.tr("Russian"), "ru")
        self.language.addItem(self.tr("English"), "en")
        self.language.setAccessibleName(self.tr("Language filter"))
        self.category = QComboBox(self)
        self.category.addItem(self.tr("All categories"), "")
        self.category.setAccessibleName(self.tr("Category filter"))
        self.tag = QComboBox(self)
        self.tag.addItem(self.tr("All tags"), "")
        self.tag.setAccessibleName(self.tr("Tag filter"))
        self.model = ResultsModel(self)
        self.results = ResultsView(self)
        self.results.setModel(self.model)
        self.results.setAccessibleName(self.tr("Results"))
        self.no_match = QLabel(self)
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.changes_notice = QLabel(self)
        self.changes_notice.setWordWrap(True)
        self.changes_notice.setAccessibleName(self.tr("What changed"))
        self.changes_notice.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByKeyboard
                                                    | Qt.TextInteractionFlag.LinksAccessibleByMouse)
        self.changes_notice.hide()
        self.article = ArticleView(self)
        self.find_bar = FindBar(self)
        self.reply_panel = ReplyPanel(self)
        self.tray = TrayIcon(app_icon(), self)
        self.tray.show()
        self.problems = ProblemsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.problems.hide()

        top = QHBoxLayout()
        top.addWidget(self.search_box, 1)
        top.addWidget(self.category)
        top.addWidget(self.tag)
        top.addWidget(self.language)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.no_match)
        left_layout.addWidget(self.results, 1)
        article_box = QWidget(self)
        article_layout = QVBoxLayout(article_box)
        article_layout.setContentsMargins(0, 0, 0, 0)
        article_layout.addWidget(self.find_bar)
        article_layout.addWidget(self.article, 1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(article_box)
        right.addWidget(self.reply_panel)
        self.right_splitter = right
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 2)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.changes_notice)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self.search_box.installEventFilter(_SearchKeys(self.results, self))
        self.setTabOrder(self.search_box, self.category)
        self.setTabOrder(self.category, self.tag)
        self.setTabOrder(self.tag, self.language)
        self.setTabOrder(self.language, self.results)
        self.setTabOrder(self.results, self.article)
        self.setTabOrder(self.article, self.reply_panel.replies)
        self.resize(1100, 700)

    def _add_menus(self) -> None:
        def action(menu, text, slot, keys=None):
            item = QAction(text, self)
            if keys:
                item.setShortcut(QKeySequence(keys))
            item.triggered.connect(slot)
            menu.addAction(item)
            return item

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        action(file_menu, self.tr("&New article…"), self.request_new_article, "Ctrl+N")
        action(file_menu, self.tr("&Edit this article"), self.request_edit, "Ctrl+E")
        file_menu.addSeparator()
        action(file_menu, self.tr("&Reload knowledge base"), self.refresh_requested.emit, "F5")
        file_menu.addSeparator()
        self.quit_action = action(file_menu, self.tr("&Quit"), self.quit_requested.emit, "Ctrl+Q")
        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        action(edit_menu, self.tr("&Find in article"), self.find_bar.open_bar, "Ctrl+F")
        action(edit_menu, self.tr("&Pin or unpin article"), self.toggle_pin, "Ctrl+D")
        edit_menu.addSeparator()
        action(edit_menu, self.tr("&Settings…"), self.open_settings, "Ctrl+,")
        self.edit_menu = edit_menu
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self.problems.toggleViewAction())
        self.tray.compact_action.setShortcut(QKeySequence("Ctrl+Shift+M"))
        view_menu.addAction(self.tray.compact_action)
        view_menu.addSeparator()
        action(view_menu, self.tr("&Learning mode"), lambda: self.learning_requested.emit(0), "Ctrl+Shift+L")
        action(view_menu, self.tr("&What changed"), self.show_what_changed, "Ctrl+Shift+W")
        self.view_menu = view_menu
        self.tools_menu = self.menuBar().addMenu(self.tr("&Tools"))
        action(self.tools_menu, self.tr("&Report to developers…"), self.report_to_developers, "Ctrl+Shift+B")
        action(self.tools_menu, self.tr("Re&view queue…"), self.review_queue_requested.emit)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        action(help_menu, self.tr("&Keyboard shortcuts"), self.show_shortcuts, "F1")

    def _add_shortcuts(self) -> None:
        """The keyboard contract, as menu actions so the menus show the keys."""
        reply_menu = self.menuBar().addMenu(self.tr("&Reply"))
        self.menuBar().insertMenu(self.view_menu.menuAction(), reply_menu)

        def action(menu, text, slot, *keys):
            item = QAction(text, self)
            item.setShortcuts([QKeySequence(k) for k in keys])
            item.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            item.triggered.connect(slot)
            menu.addAction(item)
            return item

        action(reply_menu, self.tr("Copy the &first reply"), lambda: self.copy_reply(0), "Ctrl+Return", "Ctrl+Enter")
        for number in range(1, 10):
            action(reply_menu, self.tr("Copy reply {0}").format(number),
                   lambda _=False, n=number: self.copy_reply(n - 1), f"Alt+{number}")
        reply_menu.addSeparator()
        action(reply_menu, self.tr("&New customer (forget the values)"), self.reply_controller.clear_values)
        action(self.edit_menu, self.tr("Go to the &search box"), self.focus_search, "Ctrl+L", "Ctrl+K")
        action(self.view_menu, self.tr("Zoom &in"), lambda: self.zoom(1), "Ctrl++", "Ctrl+=")
        action(self.view_menu, self.tr("Zoom &out"), lambda: self.zoom(-1), "Ctrl+-")
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.setContext(Qt.ShortcutContext.WindowShortcut)
        escape.activated.connect(self.escape)

    def _connect_signals(self) -> None:
        self.search_box.textChanged.connect(self.search.set_text)
        self.changes_notice.linkActivated.connect(lambda _link: self.show_what_changed())
        self.search_box.returnPressed.connect(self.open_current)
        for combo in (self.language, self.category, self.tag):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.find_bar.find_requested.connect(lambda text, back: self.find_bar.show_result(self.article.find_text(text, back)))
        self.find_bar.closed.connect(self.article.setFocus)
        self.problems.open_requested.connect(self._open_problem)
        self.tray.show_requested.connect(lambda: bring_to_front(self))
        self.tray.quick_search_requested.connect(lambda: self.show_query(""))
        self.tray.compact_toggled.connect(self.set_compact)
        self.tray.quit_requested.connect(self.quit_requested)
        self.search.results_changed.connect(self.show_results)
        self.search.cleared.connect(self.show_home)
        self.results.selectionModel().currentChanged.connect(lambda current, _: self._preview_hit(current.row()))
        self.results.activated.connect(lambda index: self.open_row(index.row()))
        self.article.link_clicked.connect(self.follow_link)
        self.reply_panel.copy_requested.connect(self.copy_reply)
        self.reply_panel.reply_selected.connect(self.reply_controller.select_reply)
        self.reply_panel.channel_selected.connect(self.reply_controller.set_channel)
        self.reply_panel.clear_values_requested.connect(self.reply_controller.clear_values)
        self.reply_panel.greeting_selected.connect(self.reply_controller.set_greeting)
        self.reply_panel.closing_selected.connect(self.reply_controller.set_closing)
        self.reply_controller.replies_changed.connect(self.reply_panel.set_replies)
        self.reply_controller.preview_changed.connect(self.reply_panel.show_preview)
        self.reply_controller.channel_changed.connect(self.reply_panel.set_channel)

    # -- slots -----------------------------------------------------------
    # Slots the search thread's signals reach are declared with @Slot: PySide delivers
    # cross-thread signals safely only to declared slots (PYSIDE-3124).
    @Slot(object, object, object)
    def on_kb_ready(self, kb: KnowledgeBase, report, problems) -> None:
        """A (re)loaded KB is ready: say so, list its problems, search again."""
        self.kb = kb
        self.reply_controller.set_kb(kb)
        self.problems.set_problems(problems)
        snippets = [(a.id, f"{a.title} ({a.lang})") for a in kb.snippets()]
        self.reply_panel.set_snippets(snippets, self.reply_controller.greeting_id, self.reply_controller.closing_id)
        self._fill_filter(self.category, sorted({a.category for a in kb.articles.values() if a.category}))
        self._fill_filter(self.tag, sorted({t for a in kb.articles.values() for t in a.tags}))
        errors = sum(1 for p in problems if p.severity == "error")
        summary = self.tr("{0} articles ready").format(len(kb.articles))
        if errors:
            summary += self.tr("; {0} errors in the knowledge base (View → Problems)").format(errors)
        self.statusBar().showMessage(summary, 8000)
        if self.article.article is not None and self.article.article.id in kb.articles:
            self.show_article(self.article.article.id)
        if self.search.text.strip():
            self.search.search_now()
        else:
            self.show_home()

    @staticmethod
    def _fill_filter(combo: QComboBox, values: list[str]) -> None:
        current = combo.currentData()
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for value in values:
            combo.addItem(value, value)
        index = combo.findData(current)
        combo.setCurrentIndex(max(0, index))
        combo.blockSignals(False)

    def show_home(self) -> None:
        """Empty search box: pinned articles first, then the recently opened ones."""
        self.no_match.hide()
        if self.kb is None:
            self.model.set_results(None)
            return
        ids = [i for i in self.pinned if i in self.kb.articles]
        ids += [i for i in self.recent if i in self.kb.articles and i not in ids]
        self.model.set_hits(tuple(article_hit(self.kb.articles[i]) for i in ids))

    def toggle_pin(self) -> None:
        """Ctrl+D: pin the open article to the home list, or unpin it."""
        if self.article.article is None:
            return
        article_id = self.article.article.id
        if article_id in self.pinned:
            self.pinned.remove(article_id)
            self.statusBar().showMessage(self.tr("Unpinned “{0}”.").format(self.article.article.title), 4000)
        else:
            self.pinned.insert(0, article_id)
            self.statusBar().showMessage(self.tr("Pinned “{0}”.").format(self.article.article.title), 4000)
        self._save_value("pinned", self.pinned)
        if not self.search.text.strip():
            self.show_home()

    def tell_changes(self, count: int) -> None:
        """At start: say that articles changed since the agent last looked (Ctrl+Shift+W shows them)."""
        self.changes_notice.setText(self.tr(
            "{0} articles changed since you last looked. <a href=\"changes\">Show what changed</a> "
            "(Ctrl+Shift+W)").format(count))
        self.changes_notice.show()
        self.statusBar().showMessage(self.tr("{0} articles changed since you last looked.").format(count), 10000)

    def show_what_changed(self) -> None:
        """View → What changed: the learning window on its "what changed" tab."""
        self.changes_notice.hide()
        self.learning_requested.emit(3)

    def request_edit(self) -> None:
        """Ctrl+E: edit the open article (or the selected result)."""
        article = self.article.article
        article_id = article.id if article is not None else self.current_hit_id()
        if article_id is None:
            self.statusBar().showMessage(self.tr("Open an article first, then press Ctrl+E to edit it."), 6000)
            return
        self.edit_requested.emit(article_id)

    def request_new_article(self) -> None:
        """Ctrl+N: a new article, in the open article's language and folder by default."""
        article = self.article.article
        folder = article.path.rpartition("/")[0] if article is not None else ""
        lang = article.lang if article is not None else (self.language.currentData() or "")
        self.new_article_requested.emit(lang or (self.kb.config.default_lang if self.kb else "ru"), folder)

    def show_query(self, query: str | None) -> None:
        """A second launch or the tray: raise the window; put ``query`` in the box unless None."""
        bring_to_front(self)
        if query is not None:
            self.search_box.setText(query)
            self.focus_search()

    def set_compact(self, on: bool) -> None:
        """Compact always-on-top mode for calls: search, results and replies only."""
        apply_compact(self, on, [self.article, self.find_bar, self.category, self.tag, self.language])
        self.tray.set_compact(on)

    def report_to_developers(self) -> None:
        """Tools → Report to developers: a form copied as Markdown and plain text."""
        article = self.article.article
        dialog = ReportDialog(self, article_id=article.id if article else "",
                              article_title=article.title if article else "",
                              agent_name=self.settings.agent_name)
        dialog.copied.connect(lambda text: self.statusBar().showMessage(text, 8000))
        dialog.exec()
        dialog.deleteLater()

    def open_settings(self) -> None:
        """Ctrl+,: the settings dialog; saved settings apply at once (language after a restart)."""
        dialog = SettingsDialog(self.settings, self.kb, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.settings = dialog.settings()
            self.reply_controller.set_settings(self.settings)
            self.settings_changed.emit(self.settings)
            if dialog.needs_restart():
                self.statusBar().showMessage(self.tr("The new language takes effect after a restart."), 8000)
        dialog.deleteLater()

    def show_shortcuts(self) -> None:
        """F1: the keyboard contract."""
        ShortcutsSheet(self).exec()

    def _open_problem(self, path: str, line: int) -> None:
        article = self.kb.by_path(path) if self.kb else None
        if article is not None:
            self.show_article(article.id)

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        """Index update progress in the status bar."""
        self.statusBar().showMessage(self.tr("Updating the index: {0} of {1} files").format(done, total))

    @Slot(str)
    def show_error(self, message: str) -> None:
        """A problem the agent should know about, in the status bar."""
        self.statusBar().showMessage(message, 15000)

    def show_results(self, results: SearchResults | None) -> None:
        """Put results in the list; say plainly when nothing matches well."""
        self.model.set_results(results)
        if results is None:
            self.no_match.hide()
            return
        if not results.hits:
            self.no_match.setText(self.tr("Nothing found for “{0}”.").format(results.query))
            self.no_match.show()
        elif not results.confident:
            self.no_match.setText(self.tr("No good match. The closest articles:"))
            self.no_match.show()
        else:
            self.no_match.hide()
        if results.interpreted:
            self.statusBar().showMessage(self.tr("Searching for: {0}").format(results.interpreted), 4000)
        if results.hits:
            self.results.setCurrentIndex(self.model.index(0, 0))

    def _filters_changed(self) -> None:
        self.search.set_filters(SearchFilters(
            lang=self.language.currentData() or "",
            category=self.category.currentData() or "",
            tag=self.tag.currentData() or "",
        ))

    def _preview_hit(self, row: int) -> None:
        """Selection moved while typing: show that article, rendered off the GUI thread."""
        hit = self.model.hit(row)
        if hit is None or self.kb is None:
            return
        if self.article.article is not None and self.article.article.id == hit.id:
            self.article.highlight(self.search.text)
            return
        self._render_id += 1
        self._pending_preview = hit.id
        self.note_latest_render(self._render_id)
        self.render_requested.emit(self._render_id, hit.id)

    @Slot(int, str, str)
    def on_rendered(self, request_id: int, article_id: str, html: str) -> None:
        """A preview rendered by the worker: show it unless the agent moved on."""
        if request_id != self._render_id or self.kb is None or article_id not in self.kb.articles:
            return
        self._display(self.kb.articles[article_id], html)

    def open_current(self) -> None:
        """Enter in the search box: open the selected article (focus moves to it)."""
        self.open_row(max(0, self.results.currentIndex().row()))

    def open_row(self, row: int) -> None:
        """Open the article of result ``row`` and move focus into it."""
        hit = self.model.hit(row)
        if hit is not None:
            self.show_article(hit.id)
            self.article.setFocus()

    def show_article(self, article_id: str) -> None:
        """Render an article in the view and load its replies."""
        if self.kb is None or article_id not in self.kb.articles:
            return
        self._render_id += 1  # an explicit open wins over a preview still being rendered
        article = self.kb.articles[article_id]
        self._display(article, article_html(self.kb, article))

    def _display(self, article: Article, html: str) -> None:
        article_id = article.id
        self.article.show_article(article, html, self.search.text)
        self.reply_controller.set_article(article_id)
        if article_id in self.recent:
            self.recent.remove(article_id)
        self.recent.insert(0, article_id)
        del self.recent[RECENT_LIMIT:]
        self._save_value("recent", self.recent)

    def follow_link(self, href: str) -> None:
        """Open a link the way ``core.links`` says: inside, outside, or not at all."""
        if self.kb is None:
            return
        reason = self.article.follow_link(href, self.kb, self.show_article)
        if reason:
            self.statusBar().showMessage(self.tr("Link not opened: {0}").format(reason), 8000)

    def copy_reply(self, index: int) -> None:
        """Copy reply ``index`` of the open article, asking for missing values first."""
        if self.article.article is None:
            hit = self.model.hit(max(0, self.results.currentIndex().row()))
            if hit is None:
                return
            self.show_article(hit.id)
        fields = self.reply_controller.placeholders_needed(index)
        missing = self.reply_controller.missing(index)
        if missing:
            values = ask_values(self, fields)
            if values is None:
                self.statusBar().showMessage(
                    self.tr("Not copied: the reply needs {0}.").format(", ".join(missing)), 8000)
                return
            self.reply_controller.set_values(values)
        try:
            payload = self.reply_controller.payload_for_copy(index)
        except UnfilledPlaceholderError as exc:
            QMessageBox.warning(
                self, self.tr("Reply not copied"),
                self.tr("Fill in before copying: {0}").format(", ".join(exc.names)),
            )
            return
        except IndexError:
            self.statusBar().showMessage(self.tr("This article has no reply number {0}.").format(index + 1), 4000)
            return
        copy_payload(payload)
        names = self.reply_controller.reply_names()
        name = names[index] if 0 <= index < len(names) else ""
        self.statusBar().showMessage(describe_copy(payload, name), 8000)

    def zoom(self, step: int) -> None:
        """Ctrl++ / Ctrl+-: larger or smaller text everywhere, kept in the settings."""
        font = QApplication.font()
        size = max(8, min(32, (font.pointSize() if font.pointSize() > 0 else 10) + step))
        font.setPointSize(size)
        QApplication.setFont(font)
        self.settings.font_size = size
        self.settings_changed.emit(self.settings)
        self.statusBar().showMessage(self.tr("Text size {0} pt").format(size), 3000)

    def focus_search(self) -> None:
        """Ctrl+L / Ctrl+K: back to the search box, text selected."""
        self.search_box.setFocus()
        self.search_box.selectAll()

    def escape(self) -> None:
        """Esc clears the search; a second Esc (empty box) hides the window."""
        if self.search_box.text():
            self.search_box.clear()
            self.focus_search()
        else:
            self.hide()

    def _state_value(self, key: str, default):
        if self.state is None:
            return default
        value = self.state.value(key, default)
        if isinstance(default, list) and isinstance(value, str):
            return [value]  # QSettings gives a lone string for a one-item list
        return value if value is not None else default

    def _save_value(self, key: str, value) -> None:
        if self.state is not None:
            self.state.setValue(key, value)

    def _restore_state(self) -> None:
        for key, restore in (("geometry", self.restoreGeometry), ("windowState", self.restoreState),
                             ("splitter", self.splitter.restoreState), ("rightSplitter", self.right_splitter.restoreState)):
            value = self._state_value(key, None)
            if isinstance(value, QByteArray):
                restore(value)
        channel = self._state_value("channel", "")
        if channel:
            try:
                self.reply_controller.set_channel(channel)
            except ValueError:
                pass

    def save_state(self) -> None:
        """Remember the window layout and the channel (QSettings)."""
        self._save_value("geometry", self.saveGeometry())
        self._save_value("windowState", self.saveState())
        self._save_value("splitter", self.splitter.saveState())
        self._save_value("rightSplitter", self.right_splitter.saveState())
        self._save_value("channel", self.reply_controller.channel)
        if self.state is not None:
            self.state.sync()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.save_state()
        super().closeEvent(event)

    def current_hit_id(self) -> str | None:
        """The id of the selected result (for tests and the tray)."""
        index = self.results.currentIndex()
        hit = index.data(ResultRole.Hit) if index.isValid() else None
        return hit.id if hit else None
