"""The app icon: the SVG shipped with the package, or the same picture painted in code."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap, QPolygonF

ICON_FILE = Path("icons") / "kb-assistant.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def icon_path() -> Path | None:
    """The SVG app icon shipped inside the package (``kb_assistant/resources/icons``), or None."""
    candidate = Path(__file__).resolve().parents[2] / "resources" / ICON_FILE
    return candidate if candidate.is_file() else None


def app_icon(svg_path: Path | None = None) -> QIcon:
    """The app icon: the SVG when Qt can draw it, else the same picture painted in code.

    Needs a QGuiApplication. ``svg_path`` defaults to :func:`icon_path`.
    """
    path = svg_path if svg_path is not None else icon_path()
    if path is not None and Path(path).is_file():
        icon = QIcon(str(path))
        if not icon.isNull() and not icon.pixmap(32, 32).isNull():
            return icon
    return painted_icon()


def painted_icon() -> QIcon:
    """A speech bubble with lines of text, painted at the usual icon sizes."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(_paint_icon(size))
    return icon


def _paint_icon(size: int) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.scale(size / 64, size / 64)  # draw on the SVG's 64x64 grid
    bubble = QPainterPath()
    bubble.addRoundedRect(QRectF(4, 6, 56, 42), 8, 8)
    tail = QPainterPath()
    tail.addPolygon(QPolygonF([QPointF(16, 46), QPointF(28, 46), QPointF(16, 58)]))
    painter.setPen(QPen(QColor("#1d4e85"), 2))
    painter.setBrush(QColor("#2f6fb3"))
    painter.drawPath(bubble.united(tail))
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ffffff"))
    painter.drawRoundedRect(QRectF(14, 15, 17, 24), 2, 2)
    painter.drawRoundedRect(QRectF(33, 15, 17, 24), 2, 2)
    pen = QPen(QColor("#2f6fb3"), 2.5 if size < 32 else 2)
    pen.setCapStyle(Qt.PenCapStyle.RoundCap)
    painter.setPen(pen)
    for y in (21, 27, 33):
        painter.drawLine(QPointF(18, y), QPointF(28 if y < 33 else 25, y))
        painter.drawLine(QPointF(36, y), QPointF(46 if y < 33 else 43, y))
    painter.end()
    return pixmap
