"""The preview controller: the open article is current at once, its HTML comes off the GUI thread, newest wins."""

from __future__ import annotations

import dataclasses
import threading

from PySide6.QtCore import QCoreApplication

from kb_assistant.core.kb.load import load_kb
from kb_assistant.ui.article import preview as preview_module
from kb_assistant.ui.article.preview import PreviewController

KB = {
    "a.md": "---\nid: a\nlang: en\n---\n# Alpha\n\nSee [[b]].\n",
    "b.md": "---\nid: b\nlang: en\n---\n# Beta\n\nBeta text.\n",
}


def _controller(qtbot, write_kb):
    controller = PreviewController()
    kb = load_kb(write_kb(KB))
    controller.set_kb(kb)
    rendered: list[tuple[str, str]] = []
    controller.rendered.connect(lambda article, html: rendered.append((article.id, html)))
    return controller, kb, rendered


def test_an_article_is_current_at_once_and_rendered_off_the_gui_thread(qtbot, write_kb, monkeypatch):
    controller, _kb, rendered = _controller(qtbot, write_kb)
    threads = []
    real = preview_module.article_html
    monkeypatch.setattr(preview_module, "article_html", lambda kb, a: threads.append(threading.current_thread()) or real(kb, a))
    opened = []
    controller.opened.connect(lambda article: opened.append(article.id))
    assert controller.show("a") is True
    assert opened == ["a"] and controller.is_current("a")  # before any HTML exists
    qtbot.waitUntil(lambda: bool(rendered), timeout=5000)
    assert rendered[0][0] == "a" and 'class="wikilink"' in rendered[0][1] and ">Beta<" in rendered[0][1]
    assert threads and threads[0] is not threading.main_thread()


def test_only_the_newest_request_is_shown(qtbot, write_kb, monkeypatch):
    controller, _kb, rendered = _controller(qtbot, write_kb)
    release = threading.Event()
    real = preview_module.article_html

    def slow_for_a(kb, article):
        if article.id == "a":
            release.wait(5)  # the first request finishes last
        return real(kb, article)

    monkeypatch.setattr(preview_module, "article_html", slow_for_a)
    controller.show("a")
    controller.show("b")
    qtbot.waitUntil(lambda: bool(rendered), timeout=5000)
    release.set()
    assert controller._runner.wait()  # every render has returned, so its answer is posted...
    QCoreApplication.sendPostedEvents()  # ...and delivered now: the old one must have been dropped
    assert [article_id for article_id, _ in rendered] == ["b"]


def test_an_unknown_article_is_refused(qtbot, write_kb):
    controller, _kb, _rendered = _controller(qtbot, write_kb)
    assert controller.show("nope") is False
    assert controller.current is None


def test_a_reloaded_kb_renders_the_changed_article_and_closes_a_deleted_one(qtbot, write_kb):
    controller, kb, rendered = _controller(qtbot, write_kb)
    controller.show("a")
    qtbot.waitUntil(lambda: len(rendered) == 1, timeout=5000)
    changed = dataclasses.replace(kb.articles["a"], body="# Alpha\n\nNew words.\n")
    controller.set_kb(dataclasses.replace(kb, articles={**kb.articles, "a": changed}))
    qtbot.waitUntil(lambda: len(rendered) == 2, timeout=5000)
    assert "New words." in rendered[1][1]
    controller.set_kb(dataclasses.replace(kb, articles={**kb.articles, "a": changed}))  # same content: no new render
    with qtbot.waitSignal(controller.closed, timeout=2000):
        controller.set_kb(dataclasses.replace(kb, articles={"b": kb.articles["b"]}))
    assert controller.current is None
    assert len(rendered) == 2


def test_an_article_shown_again_is_not_rendered_again_until_the_kb_reloads(qtbot, write_kb, monkeypatch):
    controller, kb, rendered = _controller(qtbot, write_kb)
    renders = []
    real = preview_module.article_html
    monkeypatch.setattr(preview_module, "article_html", lambda kb, a: renders.append(a.id) or real(kb, a))
    for article_id, shown in (("a", 1), ("b", 2), ("a", 3), ("b", 4)):
        controller.show(article_id)
        qtbot.waitUntil(lambda shown=shown: len(rendered) == shown, timeout=5000)
    assert [article_id for article_id, _ in rendered] == ["a", "b", "a", "b"]
    assert renders == ["a", "b"]  # typing brings the same first results back: rendered once each
    assert rendered[2][1] == rendered[0][1]
    controller.set_kb(dataclasses.replace(kb))  # a reload may retitle the links: render anew
    controller.show("b")
    qtbot.waitUntil(lambda: len(rendered) == 5, timeout=5000)
    assert renders == ["a", "b", "b"]
