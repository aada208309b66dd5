"""A small horizontal bar chart drawn with QPainter: where a picture reads faster than a table.

No plotting library: a few labelled bars are all the insights need. Colours come
from the palette (light, dark and high contrast themes alike) and sizes from the
font, so high DPI screens and a larger text size need nothing of their own. A
screen reader reads the same numbers from the accessible description.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import QSizePolicy, QStyle, QStyleOptionFocusRect, QWidget

PADDING = 6
"""Pixels around the bars and between a label, its bar and its value."""
LABEL_SHARE = 0.45
"""At most this share of the width goes to the labels; longer ones are elided (the description has them whole)."""


class BarChart(QWidget):
    """Labelled horizontal bars, the largest value the full width.

    It takes the keyboard focus (Tab stops on it, so a screen reader user hears
    the values) and draws a focus frame then. Give it an accessible name; the
    description is kept as ``label: value`` lines.
    """

    def __init__(self, name: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, int]] = []
        self._empty = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        if name:
            self.setAccessibleName(name)
        self._describe()

    # -- data ------------------------------------------------------------------------
    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        """Show ``(label, value)`` rows in this order; an empty list shows the empty text."""
        self._rows = [(str(label), int(value)) for label, value in rows]
        self._describe()
        self.updateGeometry()
        self.update()

    def rows(self) -> list[tuple[str, int]]:
        """The rows shown."""
        return list(self._rows)

    def set_empty_text(self, text: str) -> None:
        """What the chart says when it has no rows (what to do to see some)."""
        self._empty = text
        self._describe()
        self.update()

    def _describe(self) -> None:
        lines = [f"{label}: {value}" for label, value in self._rows]
        self.setAccessibleDescription("\n".join(lines) if lines else self._empty)
        self.setToolTip("\n".join(lines))

    # -- size ------------------------------------------------------------------------
    def _row_height(self) -> int:
        return self.fontMetrics().height() + PADDING

    def sizeHint(self) -> QSize:  # noqa: N802
        """As tall as its rows (one line for the empty text)."""
        return QSize(40 * self.fontMetrics().averageCharWidth(),
                     2 * PADDING + max(1, len(self._rows)) * self._row_height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return QSize(12 * self.fontMetrics().averageCharWidth(), self.sizeHint().height())

    def changeEvent(self, event) -> None:  # noqa: N802
        # a new text size changes the rows' height: the layout asks again
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange):
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    # -- drawing ---------------------------------------------------------------------
    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        area = QRectF(self.rect()).adjusted(PADDING, PADDING, -PADDING, -PADDING)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        if not self._rows:
            painter.drawText(area, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextWordWrap, self._empty)
        else:
            self._paint_rows(painter, area, palette)
        if self.hasFocus():
            option = QStyleOptionFocusRect()
            option.initFrom(self)
            option.backgroundColor = palette.color(QPalette.ColorRole.Window)
            self.style().drawPrimitive(QStyle.PrimitiveElement.PE_FrameFocusRect, option, painter, self)
        painter.end()

    def _paint_rows(self, painter: QPainter, area: QRectF, palette: QPalette) -> None:
        metrics = self.fontMetrics()
        widest_value = max(metrics.horizontalAdvance(str(value)) for _, value in self._rows)
        # a pixel to spare: elidedText cuts a label its own advance only just fits (seen: "Russi…")
        label_width = min(max(metrics.horizontalAdvance(label) for label, _ in self._rows) + 2,
                          int(area.width() * LABEL_SHARE))
        bar_left = area.left() + label_width + PADDING
        room = max(1.0, area.right() - bar_left - widest_value - PADDING)
        top_value = max(1, max(value for _, value in self._rows))
        row_height = self._row_height()
        text = palette.color(QPalette.ColorRole.WindowText)
        bar = palette.color(QPalette.ColorRole.Highlight)
        align = Qt.AlignmentFlag.AlignVCenter
        for index, (label, value) in enumerate(self._rows):
            top = area.top() + index * row_height
            painter.setPen(text)
            painter.drawText(QRectF(area.left(), top, label_width, row_height), align | Qt.AlignmentFlag.AlignLeft,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, label_width))
            width = room * max(0, value) / top_value
            bar_rect = QRectF(bar_left, top + PADDING / 2, max(width, 1.0 if value else 0.0), row_height - PADDING)
            painter.fillRect(bar_rect, bar)
            painter.drawText(QRectF(bar_rect.right() + PADDING, top, widest_value + PADDING, row_height),
                             align | Qt.AlignmentFlag.AlignLeft, str(value))
