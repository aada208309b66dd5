"""The search thread on a KB with hostile files: it answers, and the window hears what is wrong with them."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kb_assistant.ui.search.worker import SearchThread, SearchWorker
from tests.hostile.corpus import GOOD_ARTICLE, GOOD_WORD, HIDDEN_WORD, alias_bomb
from tests.ui.search.test_worker import _Window


class _Asker(QObject):
    """Asks the search thread a question the way the window does: a queued signal."""

    ask = Signal(int, str, object)


def test_the_search_thread_survives_hostile_articles_and_reports_them(qtbot, write_kb, tmp_path):
    root = write_kb({
        "good.md": GOOD_ARTICLE,
        "calendar.md": "---\nreviewed: 9999-12-31\nreview_every: 1\n---\n# End of the calendar\n",  # OverflowError
        "exported.md": "No heading here.\n", "exported.meta.json": "[" * 100_000,  # RecursionError
        "bomb.md": "---\n" + alias_bomb("tags", 5) + "\n---\n# Bomb\n",
        "links.md": "[x](" * 4000 + "\n\n" + "![" * 2000,
    })
    outside = tmp_path / "home"
    outside.mkdir()
    (outside / "credentials").write_text(f"# Keys\n\n{HIDDEN_WORD}\n")
    (root / "notes.md").symlink_to(outside / "credentials")
    worker = SearchWorker(root, tmp_path / "index")
    thread = SearchThread(worker)
    window = _Window()
    window.refresh.connect(worker.refresh)
    worker.ready.connect(window.on_ready)
    worker.failed.connect(window.on_failed)
    found = []
    worker.results.connect(lambda request, results: found.append(results))
    asker = _Asker()
    asker.ask.connect(worker.search)
    thread.start()
    try:
        window.refresh.emit()
        qtbot.waitUntil(lambda: bool(window.answers or window.failures), timeout=20000)
        assert window.failures == []
        [(kb, _report, problems)] = window.answers
        assert {"good", "calendar", "exported", "bomb", "links"} <= set(kb.articles) and "notes" not in kb.articles
        codes = {(p.path, p.code) for p in problems}
        assert {("notes.md", "symlink-outside-kb"), ("exported.meta.json", "sidecar-unusable"),
                ("bomb.md", "front-matter-too-big")} <= codes
        for number, text in enumerate((GOOD_WORD, HIDDEN_WORD), 1):
            asker.ask.emit(number, text, None)
        qtbot.waitUntil(lambda: len(found) == 2, timeout=10000)
        assert [hit.id for hit in found[0].hits][:1] == ["good"] and found[1].hits == ()
    finally:
        thread.stop()
