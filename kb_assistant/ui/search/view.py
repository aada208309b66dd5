"""The results list: rich two-line items (title, badges, snippet with matches in bold)."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPalette, QTextDocument
from PySide6.QtWidgets import QListView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from kb_assistant.ui.search.model import ResultRole


MIN_CHARS = 30
"""The results column is never narrower than this many characters: a narrower one broke
words letter by letter (50 px in the old compact mode)."""

MIN_LINES = 5
"""Nor lower than this many lines: about one result and a half."""

DOCUMENT_CACHE = 256
"""Laid-out items kept: a keystroke's results are mostly the last keystroke's, and the
view asks for every item's size on each layout (a document each took most of a repaint)."""


def _item_text(index: QModelIndex) -> str:
    """The item's HTML, straight from a :class:`ResultsModel` when it is one."""
    model = index.model()
    rich_text = getattr(model, "rich_text", None)
    if rich_text is not None:
        return rich_text(index.row())
    return index.data(ResultRole.RichText) or ""


class ResultDelegate(QStyledItemDelegate):
    """Paints :data:`ResultRole.RichText` with the view's palette and font.

    Each item's text is laid out once per text, width, font and colour, then kept.
    """

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._documents: OrderedDict[tuple, QTextDocument] = OrderedDict()
        self._sizes: dict[tuple, QSize] = {}

    def _document(self, option: QStyleOptionViewItem, index: QModelIndex) -> QTextDocument:
        # secondary text follows the palette, so it stays readable when selected
        # and in the high-contrast theme
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        meta = option.palette.color(role).name()
        key = (_item_text(index), max(50, option.rect.width() - 8), meta, option.font.key())
        document = self._documents.get(key)
        if document is not None:
            self._documents.move_to_end(key)
            return document
        text, width = key[0], key[1]
        document = QTextDocument(self)
        document.setDefaultFont(option.font)
        document.setDefaultStyleSheet(f".meta {{ color: {meta}; }}")
        document.setHtml(text)
        document.setTextWidth(width)
        self._documents[key] = document
        while len(self._documents) > DOCUMENT_CACHE:
            self._documents.popitem(last=False)[1].deleteLater()
        return document

    def paint(self, painter, option, index) -> None:
        # not initStyleOption: it asks the model for seven roles per paint, and the text,
        # icon and check state it fills in are never drawn here (the document is)
        options = QStyleOptionViewItem(option)
        style = options.widget.style() if options.widget else None
        options.text = ""
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, options, painter, options.widget)
        document = self._document(options, index)
        context = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(options.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(role))
        if not getattr(index.model(), "confident", True) and not selected:
            # a weak match looks weak: dimmed, so nobody reads it as the answer
            context.palette.setColor(QPalette.ColorRole.Text, options.palette.color(QPalette.ColorRole.PlaceholderText))
        painter.save()
        painter.translate(options.rect.left() + 4, options.rect.top() + 2)
        document.documentLayout().draw(painter, context)
        painter.restore()

    def sizeHint(self, option, index) -> QSize:  # noqa: N802
        # the view's own font and width are all the layout needs (initStyleOption costs a
        # round trip per call, and the view asks for every item's size on each layout)
        # the width is the view's (items wrap, never scroll sideways): idealWidth() laid every
        # item out a second time, a sixth of the window's time per keystroke
        # the size depends on the text, width and font, not the colours: one per those three
        key = (_item_text(index), option.rect.width(), option.font.key())
        size = self._sizes.get(key)
        if size is None:
            document = self._document(option, index)
            size = self._sizes[key] = QSize(max(50, option.rect.width()), int(document.size().height()) + 4)
            while len(self._sizes) > DOCUMENT_CACHE:
                del self._sizes[next(iter(self._sizes))]
        return size


class ResultsView(QListView):
    """A keyboard-friendly list of results with rich items, at least :data:`MIN_CHARS` characters wide."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setItemDelegate(ResultDelegate(self))
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setVerticalScrollMode(QListView.ScrollMode.ScrollPerPixel)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        """:data:`MIN_CHARS` characters by :data:`MIN_LINES` lines of the view's font, with the frame and scroll bar.

        It follows the font: after Zoom in, the column still holds as many characters.
        """
        metrics = self.fontMetrics()
        frame = 2 * self.frameWidth()
        scroll_bar = self.style().pixelMetric(QStyle.PixelMetric.PM_ScrollBarExtent, None, self)
        width = MIN_CHARS * metrics.averageCharWidth() + scroll_bar + frame + 8  # 8: the delegate's padding
        return QSize(width, MIN_LINES * metrics.lineSpacing() + frame)

    def move_selection(self, step: int) -> None:
        """Move the current row by ``step`` (used by the search box's Up/Down)."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        row = self.currentIndex().row()
        row = 0 if row < 0 and step > 0 else max(0, min(model.rowCount() - 1, row + step))
        self.setCurrentIndex(model.index(row, 0))
