"""Pinned and recent articles: order, limits, and what the settings file gives back."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from kb_assistant.ui.search.home import HomeList


def test_pinned_first_then_recent_each_once_and_only_known_ones():
    home = HomeList()
    for article_id in ("a", "b", "c"):
        home.note_opened(article_id)
    assert home.recent == ["c", "b", "a"]
    assert home.toggle_pin("b") is True
    assert home.ids({"a", "b", "c"}) == ["b", "c", "a"]
    assert home.ids({"a", "c"}) == ["c", "a"]  # b left the KB
    assert home.toggle_pin("b") is False
    assert home.ids({"a", "b", "c"}) == ["c", "b", "a"]


def test_recent_is_bounded_and_reopening_moves_to_the_top():
    home = HomeList(limit=3)
    for article_id in ("a", "b", "c", "d", "b"):
        home.note_opened(article_id)
    assert home.recent == ["b", "d", "c"]


def test_lists_survive_a_restart_and_bad_values_are_dropped(tmp_path):
    state = QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)
    home = HomeList(state)
    home.note_opened("a")
    home.toggle_pin("only")
    state.sync()
    again = HomeList(QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat))
    assert again.recent == ["a"] and again.pinned == ["only"]  # QSettings gives a lone string back for both
    broken = QSettings(str(tmp_path / "broken.ini"), QSettings.Format.IniFormat)
    broken.setValue("recent", 42)
    broken.setValue("pinned", ["x", "", "x", 7])
    assert HomeList(broken).recent == [] and HomeList(broken).pinned == ["x"]


def test_hits_need_a_loaded_kb(write_kb):
    from kb_assistant.core.kb.load import load_kb

    home = HomeList()
    assert home.hits(None) == ()
    kb = load_kb(write_kb({"a.md": "# Alpha\n\nFirst words of alpha.\n"}))
    home.note_opened("a")
    [hit] = home.hits(kb)
    assert hit.id == "a" and hit.snippet == "First words of alpha."  # the title is shown beside it, not repeated
