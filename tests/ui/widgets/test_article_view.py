"""The article view never loads anything and reports links instead of following them."""

from kb_assistant.ui.widgets.article_view import ArticleView


def test_images_are_shown_as_their_description_never_loaded(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(None, '<p>See <img src="https://evil.example/x.png" alt="the order screen"> '
                            '<img src="local.png"></p>')
    text = view.toPlainText()
    assert "[the order screen]" in text and "[image]" in text
    assert view.loadResource(2, None).isEmpty()


def test_links_are_reported_not_followed(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(None, '<p><a href="kb:refund">refund</a></p>')
    from PySide6.QtCore import QUrl

    with qtbot.waitSignal(view.link_clicked) as blocker:
        view.anchorClicked.emit(QUrl("kb:refund"))
    assert blocker.args == ["kb:refund"]
    assert view.openLinks() is False and view.openExternalLinks() is False


def test_query_words_are_marked(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(None, "<p>Возврат денег. Возврата нет. Refunds take days.</p>", "возврат refund")
    marked = {s.cursor.selectedText().lower() for s in view.extraSelections()}
    assert {"возврат", "возврата", "refunds"} <= marked


def test_each_word_of_the_text_is_marked_once_in_text_order(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    # "под" and "подписку" both start "подписку": one mark for it, not two overlapping ones
    view.show_article(None, "<p>Подписку отключить под договором. Подписка и подписки.</p>", "под подписку отключить")
    marks = [(s.cursor.selectionStart(), s.cursor.selectedText().lower()) for s in view.extraSelections()]
    assert [text for _, text in marks] == ["подписку", "отключить", "под", "подписка", "подписки"]
    assert [start for start, _ in marks] == sorted(start for start, _ in marks)


def test_a_query_of_short_words_marks_nothing(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.show_article(None, "<p>A to do in at.</p>", "a to in")
    assert view.extraSelections() == []


def _long_article(last_words: str = "The answer is zanzibar.") -> str:
    sections = "".join(f"<h2>Section {n}</h2>" + "<p>Filler text line.</p>" * 12 for n in range(8))
    return f"<h1>Long article</h1><p>Intro.</p>{sections}<h2>The end</h2><p>{last_words}</p>"


def _shown_view(qtbot):
    view = ArticleView()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def _line_top(view, text):
    """Where the line holding ``text`` is drawn in the viewport (0: the top edge)."""
    cursor = view.document().find(text)
    assert not cursor.isNull()
    return view.cursorRect(cursor).top()


def test_an_article_opens_scrolled_to_the_first_match_of_the_question(qtbot):
    view = _shown_view(qtbot)
    view.show_article(None, _long_article(), "zanzibar")
    assert view.verticalScrollBar().value() > 0
    top = _line_top(view, "zanzibar")
    line = view.fontMetrics().lineSpacing()
    assert line <= top < view.viewport().height() - line  # visible, with context above it, not at the edge
    assert view.textCursor().block().text() == "The answer is zanzibar."  # find and Alt+Down go on from there


def test_a_match_near_the_top_or_no_match_leaves_the_article_at_the_top(qtbot):
    view = _shown_view(qtbot)
    view.show_article(None, _long_article(), "long")
    assert view.verticalScrollBar().value() == 0
    view.verticalScrollBar().setValue(200)
    view.show_article(None, _long_article(), "nothing-like-this")
    assert view.verticalScrollBar().value() == 0
    view.show_article(None, _long_article(), "")
    assert view.verticalScrollBar().value() == 0


def test_go_to_puts_a_heading_at_the_top(qtbot):
    view = _shown_view(qtbot)
    view.show_article(None, _long_article())
    heading = view.document().find("Section 5")
    view.go_to(heading.selectionStart())
    assert view.verticalScrollBar().value() > 0
    assert abs(_line_top(view, "Section 5")) <= view.fontMetrics().lineSpacing()
    assert view.textCursor().block().text() == "Section 5"


def test_matches_are_counted_in_any_case_with_the_selected_one(qtbot):
    view = _shown_view(qtbot)
    view.show_article(None, "<p>Refund, refund and REFUND.</p><p>No refunds on Sunday.</p>")
    assert view.count_matches("refund") == (0, 4, False)  # nothing selected yet
    assert view.find_text("refund")
    assert view.count_matches("Refund") == (1, 4, False)
    view.find_text("refund")
    view.find_text("refund")
    assert view.count_matches("refund") == (3, 4, False)
    assert view.count_matches("missing") == (0, 0, False) and view.count_matches("") == (0, 0, False)


def test_counting_stops_at_the_limit(qtbot, monkeypatch):
    from kb_assistant.ui.widgets import article_view

    monkeypatch.setattr(article_view, "COUNT_LIMIT", 5)
    view = _shown_view(qtbot)
    view.show_article(None, "<p>" + "a " * 20 + "</p>")
    assert view.find_text("a")
    assert view.count_matches("a") == (1, 5, True)
