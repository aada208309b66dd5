"""The agent's main window: builds the panels and wires them; no business rules here."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, Signal, Slot
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QVBoxLayout, QWidget

from kb_assistant.core.kb.load import KnowledgeBase
from kb_assistant.core.models import CHANNELS, Article
from kb_assistant.core.settings import Settings
from kb_assistant.ui.article.pane import ArticlePane
from kb_assistant.ui.article.preview import PreviewController
from kb_assistant.ui.editor.problems_panel import ProblemsPanel
from kb_assistant.ui.editor.workbench import EditorWorkbench
from kb_assistant.ui.layout import WindowLayout
from kb_assistant.ui.insights.launcher import InsightsLauncher
from kb_assistant.ui.learning.mode import LearningMode
from kb_assistant.ui.learning.notice import ChangesNotice
from kb_assistant.ui.menus import add_menus
from kb_assistant.ui.replies.controller import ReplyController
from kb_assistant.ui.replies.copy import WeakMatchGuard, copy_reply
from kb_assistant.ui.replies.customer_strip import CustomerStrip
from kb_assistant.ui.replies.panel import ReplyPanel
from kb_assistant.ui.report.dialog import ReportDialog
from kb_assistant.ui.search.bar import SearchBar
from kb_assistant.ui.search.controller import SearchController
from kb_assistant.ui.search.home import HomeList
from kb_assistant.ui.search.pane import ResultsPane
from kb_assistant.ui.settings.dialog import SettingsDialog
from kb_assistant.ui.system.icon import app_icon
from kb_assistant.ui.system.messages import error_text
from kb_assistant.ui.system.theme import zoomed
from kb_assistant.ui.system.tray import TrayIcon
from kb_assistant.ui.system.windowing import bring_to_front, keep_size_through_font_change
from kb_assistant.ui.sync.controller import SyncController
from kb_assistant.ui.sync.publishing import attach_sync
from kb_assistant.ui.usage.tracker import UsageTracker


class MainWindow(QMainWindow):
    """Search box, results, article and replies; the editor's workbench and learning mode beside it.

    Args:
        search: debounces typing into search requests (answered by the search worker).
        replies: the replies' state for the open article.
        settings: the agent's settings.
        workbench: the editor's workbench (Ctrl+E, Ctrl+N, the review queue).
        learning: learning mode (Ctrl+Shift+L, what changed).
        usage: the usage log's tracker (what the agent searched, opened and copied; "did not help").
        sync: the KB's git sync and publish (nothing for a KB not in git).
        state: QSettings for the layout, the channel, pinned and recent articles (None: not kept).

    Signals:
        refresh_requested(): ask the search worker to reload the KB and index.
        quit_requested(): the agent chose Quit (the window only hides on close).
        settings_changed(object): the agent saved new :class:`Settings`.
    """

    refresh_requested = Signal()
    quit_requested = Signal()
    settings_changed = Signal(object)

    def __init__(self, search: SearchController, replies: ReplyController, settings: Settings,
                 workbench: EditorWorkbench, learning: LearningMode, usage: UsageTracker, sync: SyncController,
                 state: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search, self.replies, self.settings, self.state, self.usage = search, replies, settings, state, usage
        self.workbench, self.learning, self.sync = workbench, learning, sync
        self.kb: KnowledgeBase | None = None
        self.home = HomeList(state, parent=self)
        self.preview = PreviewController(parent=self)
        self.weak_guard = WeakMatchGuard()
        self.insights = InsightsLauncher(usage.events, workbench, self)  # Tools → Insights
        self._quitting = False
        workbench.set_parent_window(self)
        learning.setParent(self)
        self.setWindowTitle(self.tr("KB Assistant"))
        self._add_widgets()
        self.publishing = attach_sync(self)  # the repository in the status bar, Publish
        add_menus(self)
        self._connect_signals()
        self._restore_state()
        self.statusBar().showMessage(self.tr("Opening the knowledge base…"))

    # -- building --------------------------------------------------------
    def _add_widgets(self) -> None:
        self.search_bar = SearchBar(self)
        self.search_box = self.search_bar.box
        self.results_pane = ResultsPane(self)
        self.results_pane.model.category_labels = self.search_bar.category_labels  # one dict, kept by the bar
        self.changes_notice = ChangesNotice(self)
        self.article_pane = ArticlePane(self)
        self.article, self.find_bar = self.article_pane.view, self.article_pane.find_bar
        self.reply_panel = ReplyPanel(self)
        self.customer_strip = CustomerStrip(self)
        reply_column = QWidget(self)
        column = QVBoxLayout(reply_column)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.customer_strip)
        column.addWidget(self.reply_panel, 1)
        self.tray = TrayIcon(app_icon(), self)
        self.tray.show()
        self.problems = ProblemsPanel(self)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, self.problems)
        self.problems.hide()
        self.right_splitter = self._splitter(Qt.Orientation.Vertical, (self.article_pane, 3), (reply_column, 2))
        self.splitter = self._splitter(Qt.Orientation.Horizontal, (self.results_pane, 1), (self.right_splitter, 2))
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.addWidget(self.changes_notice)
        layout.addWidget(self.search_bar)
        layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)
        self._set_tab_order()
        self.resize(1100, 700)

    def _set_tab_order(self) -> None:
        """Tab walks question, results, article (one stop: links have Alt+Down/Up), customer, reply, filters."""
        bar, find, strip, panel = self.search_bar, self.find_bar, self.customer_strip, self.reply_panel
        chain = (bar.box, self.results_pane.as_typed, self.results_pane.view,
                 find.field, find.next_button, find.close_button, self.article,
                 strip.take_button, strip.new_button, panel.replies, panel.channel, panel.greeting,
                 panel.closing, panel.copy_button, panel.preview, bar.category, bar.tag, bar.language)
        for first, second in zip(chain, chain[1:]):
            self.setTabOrder(first, second)

    def _splitter(self, orientation: Qt.Orientation, *parts: tuple[QWidget, int]) -> QSplitter:
        splitter = QSplitter(orientation, self)
        for position, (widget, stretch) in enumerate(parts):
            splitter.addWidget(widget)
            splitter.setStretchFactor(position, stretch)
        return splitter

    def _connect_signals(self) -> None:
        bar, pane, replies, panel = self.search_bar, self.results_pane, self.replies, self.reply_panel
        bar.text_changed.connect(self.search.set_text)
        bar.filters_changed.connect(self.search.set_filters)
        bar.submitted.connect(lambda: self.open_row(max(0, pane.view.currentIndex().row())))
        bar.move_requested.connect(pane.view.move_selection)
        pane.as_typed_requested.connect(self.search.search_as_typed)
        self.search.results_changed.connect(self.results_pane.show_results)
        self.usage.follow(self.search, self.preview)
        self.search.cleared.connect(self.show_home)
        pane.current_row_changed.connect(self._preview_row)
        pane.view.activated.connect(lambda index: self.open_row(index.row()))
        self.preview.opened.connect(self._article_opened)
        self.preview.rendered.connect(lambda article, html: self.article.show_article(article, html, self.search.marked_words))
        self.preview.closed.connect(lambda: (self.article.show_article(None, ""), replies.set_article(None)))
        self.article.link_clicked.connect(self.follow_link)
        self.problems.open_requested.connect(self._open_problem)
        self.changes_notice.show_requested.connect(self.show_what_changed)
        panel.bind(replies)
        self.customer_strip.bind(replies)
        panel.copy_requested.connect(self.copy_reply)
        self.tray.show_requested.connect(lambda: bring_to_front(self))
        self.tray.quick_search_requested.connect(lambda: self.show_query(""))
        self.tray.compact_toggled.connect(self.set_compact)
        self.tray.quit_requested.connect(self.quit_requested)
        self.workbench.message.connect(self.show_error)
        self.learning.controller.error.connect(self.show_error)
        self.learning.changes_found.connect(
            lambda count: self.statusBar().showMessage(self.changes_notice.tell(count), 10000))

    # -- the KB and search -------------------------------------------------
    # Slots the search thread's signals reach are declared with @Slot: PySide delivers
    # cross-thread signals safely only to declared slots (PYSIDE-3124).
    @Slot(object, object, object)
    def on_kb_ready(self, kb: KnowledgeBase, report, problems) -> None:
        """A (re)loaded KB is ready: say so, list its problems, search again."""
        self.kb = kb
        self.replies.set_kb(kb)
        self.preview.set_kb(kb)
        self.problems.set_problems(problems)
        self.search_bar.set_kb(kb)
        self.insights.set_kb(kb)
        errors = sum(1 for p in problems if p.severity == "error")
        summary = self.tr("{0} articles ready").format(len(kb.articles))
        if errors:
            summary += self.tr("; {0} errors in the knowledge base (View → Problems)").format(errors)
        self.statusBar().showMessage(summary, 8000)
        if self.search.text.strip():
            self.search.search_now()
        else:
            self.show_home()

    @Slot(int, int)
    def show_progress(self, done: int, total: int) -> None:
        """Index update progress in the status bar."""
        self.statusBar().showMessage(self.tr("Updating the index: {0} of {1} files; you can search meanwhile").format(done, total))

    @Slot(object)
    def show_error(self, problem: str | BaseException) -> None:
        """A problem the agent should know about, in the status bar (an error in the interface language)."""
        self.statusBar().showMessage(problem if isinstance(problem, str) else error_text(problem), 15000)

    def show_home(self) -> None:
        """Empty search box: pinned articles first, then the recently opened ones."""
        self.results_pane.show_hits(self.home.hits(self.kb))

    def _preview_row(self, row: int) -> None:
        """Selection moved while typing: show that article (rendered off the GUI thread)."""
        hit = self.results_pane.model.hit(row)
        if hit is None:
            return
        if self.preview.is_current(hit.id):
            self.article.highlight(self.search.marked_words)
        else:
            self.preview.show(hit.id)

    def _article_opened(self, article: Article) -> None:
        self.replies.set_article(article.id)
        self.home.note_opened(article.id)

    def open_row(self, row: int) -> None:
        """Enter or a double click: open the article of result ``row`` and move focus into it."""
        hit = self.results_pane.model.hit(row)
        if hit is not None:
            self.preview.show(hit.id)
            self.usage.chosen(hit.id)
            self.article.setFocus()

    def current_hit_id(self) -> str | None:
        """The id of the selected result (for tests and the tray)."""
        hit = self.results_pane.current_hit()
        return hit.id if hit else None

    def follow_link(self, href: str) -> None:
        """Open a link the way ``core.kb.links`` says: inside, outside, or not at all."""
        if self.kb is not None:
            reason = self.article.follow_link(href, self.kb, self.preview.show)
            if reason:
                self.statusBar().showMessage(self.tr("Link not opened: {0}").format(reason), 8000)

    def _open_problem(self, path: str, line: int) -> None:
        article = self.kb.by_path(path) if self.kb else None
        if article is not None:
            self.preview.show(article.id)

    # -- the agent's commands ----------------------------------------------
    def copy_reply(self, index: int) -> None:
        """Copy reply ``index`` of the open article (the selected result's when none is open)."""
        if not self.weak_guard.allows(self.search.latest, self):
            self.statusBar().showMessage(self.tr("Not copied: no article matches the question well."), 8000)
            return
        if self.preview.current is None:
            hit = self.results_pane.current_hit() or self.results_pane.model.hit(0)
            if hit is None or not self.preview.show(hit.id):
                return
        if 0 <= index < self.reply_panel.replies.count():
            # select it first: the preview shows what is being copied (Alt+2 shows reply 2)
            self.reply_panel.replies.setCurrentRow(index)
        self.statusBar().showMessage(copy_reply(self.replies, index, self), 8000)

    def request_edit(self) -> None:
        """Ctrl+E: edit the open article (or the selected result)."""
        self.workbench.edit_article(self.preview.current.id if self.preview.current else self.current_hit_id() or "")

    def request_new_article(self) -> None:
        """Ctrl+N: a new article, in the open article's language and folder by default."""
        self.workbench.new_article_beside(self.preview.current, self.search_bar.filters().lang)

    def show_what_changed(self) -> None:
        """View → What changed: the learning window on its "what changed" tab."""
        self.changes_notice.hide()
        self.learning.show(3)

    def hand_over(self, query: str | None) -> None:
        """A second launch: ``--show [QUERY]`` (the hotkey) starts a new conversation, a plain one just raises.

        A new conversation puts the last customer's values aside: shown, never reused silently.
        """
        if query is not None:
            self.usage.end_question()
            self.replies.start_conversation()
        self.show_query(query)

    def show_query(self, query: str | None) -> None:
        """The tray or a hand-over: raise the window; put ``query`` in the box unless None."""
        bring_to_front(self)
        if query is not None:
            self.search_box.setText(query)
            self.search_bar.focus()

    def set_compact(self, on: bool) -> None:
        """Ctrl+Shift+M: compact always-on-top mode for calls (search, results, the reply's preview, Copy)."""
        self.window_layout.set_compact(on)

    def report_to_developers(self) -> None:
        """Tools → Report to developers: a form copied as Markdown and plain text."""
        ReportDialog.run(self, self.preview.current, self.settings.agent_name,
                         lambda text: self.statusBar().showMessage(text, 8000))

    def open_settings(self) -> None:
        """Ctrl+,: the settings dialog; saved settings apply at once (a new language rebuilds the window)."""
        edited = SettingsDialog.edit(self.settings, self.kb, self, usage_folder=str(self.usage.keeper.log.folder),
                                     delete_usage=self.usage.delete_data)
        if edited is not None:
            self.settings, _language_changed = edited  # switched by the app once this returns (ui.session)
            self.replies.set_settings(self.settings)
            self.settings_changed.emit(self.settings)

    def zoom(self, step: int) -> None:
        """Ctrl++ / Ctrl+-: larger or smaller text everywhere, kept in the settings; the window keeps its size."""
        keep_size_through_font_change(self)
        self.settings.font_size = zoomed(QApplication.instance(), step)
        self.settings_changed.emit(self.settings)
        self.statusBar().showMessage(self.tr("Text size {0} pt").format(self.settings.font_size), 3000)

    def escape(self) -> None:
        """Esc: in the find bar, closes it (the focus goes back); else it clears the search,
        and a second Esc (empty box) puts the window away (tray, else task bar)."""
        if self.find_bar.has_focus():
            self.find_bar.close_bar()
        elif self.search_box.text():
            self.search_box.clear()
            self.search_bar.focus()
        else:
            self.usage.end_question()
            self.tray.put_away(self, self.state)

    # -- state -----------------------------------------------------------
    def _restore_state(self) -> None:
        self.window_layout = WindowLayout(self, {"splitter": self.splitter, "rightSplitter": self.right_splitter})
        self.window_layout.restore(self.state)
        channel = self.state.value("channel", "") if self.state is not None else ""
        if channel in CHANNELS:
            self.replies.set_channel(channel)

    def save_state(self) -> None:
        """Remember the window layout (the full one and the compact one, apart) and the channel (QSettings)."""
        self.window_layout.save(self.state)
        if self.state is not None:
            self.state.setValue("channel", self.replies.channel)
            self.state.sync()

    def closeEvent(self, event) -> None:
        """The agent closed the window: to the tray when there is one, else quit (unsaved edits ask first)."""
        self.save_state()
        if not self._quitting and not self.tray.available:
            event.ignore()  # a hidden window without a tray icon would be an invisible process
            self.quit_requested.emit()
            return
        if not self._quitting:
            self.tray.tell_where_once(self.state)
        super().closeEvent(event)

    def prepare_to_quit(self) -> None:
        """The app is quitting (editors closed): closing the window now just closes it."""
        self._quitting = True
