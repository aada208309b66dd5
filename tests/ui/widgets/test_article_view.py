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
