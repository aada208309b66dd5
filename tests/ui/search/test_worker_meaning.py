"""Meaning joins the search thread after the first answer: loaded on the loader thread, never before words answer."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Signal

from kb_assistant.core.search.semantic import load_model
from kb_assistant.ui.search import worker as worker_module
from kb_assistant.ui.search.worker import SearchThread, SearchWorker

MODEL = load_model()
pytestmark = pytest.mark.skipif(MODEL is None, reason="the wordllama package is not installed")

KB = {
    "del/track.en.md": "---\nid: tracking\nlang: en\n---\n# Tracking a parcel\n\n"
                       "The tracking number comes by e-mail once the order ships.\n",
    "pay/refund.en.md": "---\nid: refund\nlang: en\n---\n# Refund to a bank card\n\n"
                        "Refunds reach the card in 3 to 10 business days.\n",
}


class _Window(QObject):
    refresh = Signal()
    saved = Signal(list)
    asked = Signal(int, str, object)

    def __init__(self) -> None:
        super().__init__()
        self.ready = 0
        self.found: dict[int, object] = {}


def _start(qtbot, root, tmp_path, meaning):
    worker = SearchWorker(root, tmp_path / "index", meaning=meaning)
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    window.saved.connect(worker.update_files)
    window.asked.connect(worker.search)
    worker.ready.connect(lambda *args: setattr(window, "ready", window.ready + 1))
    worker.results.connect(lambda request, results: window.found.__setitem__(request, results))
    thread.start()
    window.refresh.emit()
    qtbot.waitUntil(lambda: window.ready == 1, timeout=15000)
    return worker, thread, window


def _ask(qtbot, window, request: int, text: str):
    window.asked.emit(request, text, None)
    qtbot.waitUntil(lambda: request in window.found, timeout=10000)
    return [hit.id for hit in window.found[request].hits]


def test_the_words_answer_first_and_meaning_joins_after_the_first_answer(qtbot, write_kb, tmp_path, monkeypatch):
    monkeypatch.setattr(worker_module, "JOIN_MEANING_AFTER_MS", 50)
    loads = []

    def meaning():
        loads.append(1)
        return MODEL

    worker, thread, window = _start(qtbot, write_kb(KB), tmp_path, meaning)
    try:
        assert loads == []  # nothing loaded before the first answer
        assert _ask(qtbot, window, 1, "where is my package") == []  # words alone: no word in common
        qtbot.waitUntil(lambda: worker._service.semantic_articles == 2, timeout=15000)
        assert loads == [1]
        assert _ask(qtbot, window, 2, "where is my package")[0] == "tracking"
        assert list((tmp_path / "index" / "semantic").glob("*.npz"))
    finally:
        thread.stop()


def test_an_article_saved_later_is_embedded_with_its_index_update(qtbot, write_kb, tmp_path, monkeypatch):
    monkeypatch.setattr(worker_module, "JOIN_MEANING_AFTER_MS", 50)
    root = write_kb(KB)
    worker, thread, window = _start(qtbot, root, tmp_path, lambda: MODEL)
    try:
        _ask(qtbot, window, 1, "refund")
        qtbot.waitUntil(lambda: worker._service.semantic_articles == 2, timeout=15000)
        (root / "acc").mkdir()
        (root / "acc" / "password.en.md").write_text(
            "---\nid: password\nlang: en\n---\n# Reset a forgotten password\n\nClick 'Forgot password?'.\n",
            encoding="utf-8")
        window.saved.emit(["acc/password.en.md"])
        qtbot.waitUntil(lambda: window.ready == 2, timeout=15000)
        qtbot.waitUntil(lambda: worker._service.semantic_articles == 3, timeout=15000)
        assert _ask(qtbot, window, 2, "i am locked out of my profile")[0] == "password"
    finally:
        thread.stop()


def test_without_the_model_the_search_goes_on_with_words_alone(qtbot, write_kb, tmp_path, monkeypatch):
    monkeypatch.setattr(worker_module, "JOIN_MEANING_AFTER_MS", 50)
    loads = []

    def missing():
        loads.append(1)
        return None  # not installed, or unreadable: load_model logs it once

    worker, thread, window = _start(qtbot, write_kb(KB), tmp_path, missing)
    try:
        assert _ask(qtbot, window, 1, "refund") == ["refund"]
        qtbot.waitUntil(lambda: bool(loads), timeout=10000)
        window.refresh.emit()
        assert _ask(qtbot, window, 2, "refund to a card")[0] == "refund"
        assert loads == [1] and not worker._service.semantic_enabled  # tried once, never again
        assert not (tmp_path / "index" / "semantic").exists()
    finally:
        thread.stop()


def test_a_worker_without_meaning_never_loads_a_model(qtbot, write_kb, tmp_path, monkeypatch):
    monkeypatch.setattr(worker_module, "JOIN_MEANING_AFTER_MS", 10)
    worker, thread, window = _start(qtbot, write_kb(KB), tmp_path, None)
    try:
        assert _ask(qtbot, window, 1, "refund") == ["refund"]
        qtbot.wait(300)
        assert not worker._service.semantic_enabled and not worker.meaning.wanted and not worker.meaning.pending
    finally:
        thread.stop()
