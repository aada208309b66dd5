"""The bar chart: values for a screen reader, size from its rows, focus by keyboard, painted in any theme."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette

from kb_assistant.ui.insights.chart import BarChart


def test_the_description_lists_the_values_and_the_name_is_the_callers(qtbot):
    chart = BarChart("Copies by channel")
    qtbot.addWidget(chart)
    chart.set_empty_text("No reply was copied in this period.")
    assert chart.accessibleName() == "Copies by channel"
    assert chart.accessibleDescription() == "No reply was copied in this period."
    chart.set_rows([("chat", 12), ("email", 3)])
    assert chart.accessibleDescription() == "chat: 12\nemail: 3"
    assert chart.rows() == [("chat", 12), ("email", 3)]
    assert chart.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_the_height_follows_the_rows(qtbot):
    chart = BarChart("c")
    qtbot.addWidget(chart)
    empty = chart.sizeHint().height()
    chart.set_rows([(f"row {i}", i) for i in range(1, 6)])
    assert chart.sizeHint().height() > 4 * empty // 2
    chart.set_rows([("one", 1)])
    assert chart.sizeHint().height() == empty


def render(chart: BarChart, ratio: float = 1.0) -> QImage:
    chart.resize(320, chart.sizeHint().height())
    image = QImage(int(320 * ratio), int(chart.height() * ratio), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(ratio)
    image.fill(chart.palette().color(QPalette.ColorRole.Window))
    chart.render(image)
    return image


def colours(image: QImage) -> set[int]:
    return {image.pixel(x, y) for x in range(0, image.width(), 3) for y in range(0, image.height(), 3)}


def test_bars_are_painted_in_the_palettes_colours_light_dark_and_high_dpi(qtbot):
    chart = BarChart("c")
    qtbot.addWidget(chart)
    chart.set_rows([("long label that will be elided somewhere", 10), ("b", 0), ("c", 5)])
    for window, highlight in (("#ffffff", "#2a62c9"), ("#202020", "#ffcc00")):
        palette = chart.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(window))
        palette.setColor(QPalette.ColorRole.Highlight, QColor(highlight))
        chart.setPalette(palette)
        for ratio in (1.0, 2.0):
            assert QColor(highlight).rgb() in colours(render(chart, ratio))
    chart.set_rows([])
    chart.set_empty_text("Nothing yet.")
    assert QColor("#ffcc00").rgb() not in colours(render(chart))  # no bar when there is nothing to draw
