"""The app icon: the SVG, or the painted fallback."""

from __future__ import annotations

import pytest

from kb_assistant.ui.system.icon import app_icon, icon_path, painted_icon


def test_app_icon_is_not_null(qapp, tmp_path):
    assert icon_path() is not None and icon_path().suffix == ".svg"
    assert not app_icon().isNull()
    assert not app_icon().pixmap(32, 32).isNull()
    fallback = app_icon(tmp_path / "missing.svg")
    assert not fallback.isNull() and not fallback.pixmap(48, 48).isNull()
    image = painted_icon().pixmap(64, 64).toImage()
    assert image.pixelColor(32, 10).alpha() == 255  # inside the bubble
    assert image.pixelColor(1, 62).alpha() == 0  # outside it


@pytest.mark.qt_log_ignore("Cannot read file")
def test_unreadable_svg_falls_back_to_painted_icon(qapp, tmp_path):
    (tmp_path / "broken.svg").write_text("not an svg", encoding="utf-8")
    assert not app_icon(tmp_path / "broken.svg").pixmap(32, 32).isNull()
