"""What the agent sees in the main window, handed from one window to the next built on the same services.

A new interface language rebuilds the main window (``ui.session``). Everything
that matters lives in the services the two windows share: the search text and
filters in the search controller, the article, reply, channel, snippets and the
customer's values in the reply controller, the KB and its index in the search
thread. What lives only in the window's widgets is read here before the switch
(:func:`capture`) and put back into the new window (:func:`restore`): the box's
text and cursor, the filters shown, the selected result, the open article and
its scroll position, the selected reply, the find bar, the layout and the focus.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QModelIndex, QObject, QRect
from PySide6.QtWidgets import QComboBox, QSplitter

from kb_assistant.core.search import SearchFilters
from kb_assistant.ui.system.windowing import bring_to_front

FOCUSABLE = {
    "search": lambda w: w.search_box,
    "results": lambda w: w.results_pane.view,
    "article": lambda w: w.article,
    "find": lambda w: w.find_bar.field,
    "replies": lambda w: w.reply_panel.replies,
    "channel": lambda w: w.reply_panel.channel,
    "copy": lambda w: w.reply_panel.copy_button,
}
"""Where the keyboard may be when the window is rebuilt, found again by name in the new window."""


@dataclass
class ViewState:
    """The window-only state of a :class:`~kb_assistant.ui.mainwindow.MainWindow` (see the module's description)."""

    visible: bool = True
    compact: bool = False
    active: bool = False
    geometry: QByteArray | None = None
    rect: QRect | None = None
    placed: bool = True
    window_state: QByteArray | None = None
    splitters: dict[str, QByteArray] = field(default_factory=dict)
    text: str = ""
    cursor: int = 0
    filters: SearchFilters = field(default_factory=SearchFilters)
    hit_id: str | None = None
    article_id: str | None = None
    article_scroll: int = 0
    reply_row: int = -1
    channel: str = ""
    find_open: bool = False
    find_text: str = ""
    focus: str | None = None
    recent: list[str] = field(default_factory=list)
    pinned: list[str] = field(default_factory=list)
    changes_told: bool = False


def capture(window, visible: bool, compact: bool) -> ViewState:
    """Read ``window``'s view state; ``visible`` and ``compact`` as they were before the switch began.

    Call it with the window out of compact mode: the layout read is the full one.
    """
    focused = window.focusWidget()
    focus = next((name for name, widget in FOCUSABLE.items() if widget(window) is focused), None)
    article = window.preview.current
    return ViewState(
        visible=visible, compact=compact, active=window.isActiveWindow(),
        geometry=window.saveGeometry(), window_state=window.saveState(), rect=window.geometry(),
        placed=not (window.isMaximized() or window.isFullScreen()),
        splitters={name: splitter.saveState() for name, splitter in _splitters(window).items()},
        text=window.search_box.text(), cursor=window.search_box.cursorPosition(),
        filters=window.search_bar.filters(), hit_id=window.current_hit_id(),
        article_id=article.id if article is not None else None,
        article_scroll=window.article.verticalScrollBar().value(),
        reply_row=window.reply_panel.replies.currentRow(), channel=window.replies.channel,
        find_open=window.find_bar.isVisible(), find_text=window.find_bar.field.text(), focus=focus,
        recent=list(window.home.recent), pinned=list(window.home.pinned),
        changes_told=window.changes_notice.isVisible(),
    )


def restore(window, view: ViewState, ready: tuple | None) -> list:
    """Put ``view`` into the new ``window`` and show it; ``ready`` is the last ``(kb, report, problems)`` loaded.

    Returns:
        The connections made to follow answers still to come (the search asked
        again, the article's rendering); disconnect them when the window goes.
    """
    if view.geometry is not None:
        window.restoreGeometry(view.geometry)  # the screen, maximized or full screen
    if view.rect is not None and view.placed:
        # exactly where the old one was: restoreGeometry() on a window not yet shown guesses the
        # frame, and the window would land a title bar lower (and is kept inside the screen)
        window.setGeometry(view.rect)
    if view.window_state is not None:
        window.restoreState(view.window_state)  # the Problems panel's place and visibility
    for name, splitter in _splitters(window).items():
        if name in view.splitters:
            splitter.restoreState(view.splitters[name])
    window.home.recent[:] = view.recent  # kept in the window state too; this covers a window without one
    window.home.pinned[:] = view.pinned
    window.reply_panel.set_channel(view.channel)  # the controller has it; the new list must show it
    window.search_box.setText(view.text)  # the same text: the controller asks the worker again, no reindex
    window.search_box.setCursorPosition(view.cursor)
    links = []
    if ready is not None:
        window.on_kb_ready(*ready)  # the KB as loaded: the new window needs no load of its own
        _show_filters(window, view.filters)
        if view.text.strip() and window.search.latest is not None:
            window.results_pane.show_results(window.search.latest)  # at once, before the answer to the new search
        select(window, view)
        links += _follow_answers(window, view)
    window.find_bar.field.setText(view.find_text)
    window.find_bar.setVisible(view.find_open)
    if view.changes_told:
        window.changes_notice.tell(len(window.learning.controller.changes()))
    if view.compact:
        window.set_compact(True)
    if view.visible:
        if view.active:
            bring_to_front(window)
        else:
            window.show()
        target = FOCUSABLE.get(view.focus or "search", FOCUSABLE["search"])(window)
        target.setFocus()
    return links


def select(window, view: ViewState) -> None:
    """Select the result, open the article and select the reply that ``view`` had."""
    model, results = window.results_pane.model, window.results_pane.view
    row = next((r for r in range(model.rowCount()) if model.hit(r).id == view.hit_id), None)
    if row is not None:
        # through "no row" first: a selection that is already current would move nothing, and the
        # results pane would then open its first result a moment later, replacing the open article
        results.setCurrentIndex(QModelIndex())
        results.setCurrentIndex(model.index(row, 0))
    if view.article_id is not None and not window.preview.is_current(view.article_id):
        window.preview.show(view.article_id)  # the open article may differ from the selected result (a link)
    if 0 <= view.reply_row < window.reply_panel.replies.count():
        window.reply_panel.replies.setCurrentRow(view.reply_row)  # opening an article selects its first reply


def _follow_answers(window, view: ViewState) -> list:
    """After the answers still to come, put the selection and the scroll position back (once each)."""
    links = []

    def results_came(_results) -> None:
        QObject.disconnect(links[0])
        if window.search.text == view.text:  # the agent typed on meanwhile: their new search wins
            select(window, view)

    def article_rendered(article, _html) -> None:
        if article.id == view.article_id:
            QObject.disconnect(links[-1])
            window.article.verticalScrollBar().setValue(view.article_scroll)

    if view.text.strip():
        links.append(window.search.results_changed.connect(results_came))
    if view.article_id is not None and view.article_scroll:
        links.append(window.preview.rendered.connect(article_rendered))
    return links


def _show_filters(window, filters: SearchFilters) -> None:
    """Show the filters the search controller already has, without asking it anything."""
    bar = window.search_bar
    for combo, value in ((bar.category, filters.category), (bar.tag, filters.tag), (bar.language, filters.lang)):
        _select_quietly(combo, value)


def _select_quietly(combo: QComboBox, value: str) -> None:
    blocked = combo.blockSignals(True)
    combo.setCurrentIndex(max(0, combo.findData(value)))
    combo.blockSignals(blocked)


def _splitters(window) -> dict[str, QSplitter]:
    return {"splitter": window.splitter, "rightSplitter": window.right_splitter}
