"""Article syntax highlighting: the same syntax the scanner and the renderer read."""

import pytest
from PySide6.QtGui import QTextCharFormat, QTextDocument

from kb_assistant.ui.editor.highlighter import CODE, FRONT_MATTER, NORMAL, ArticleHighlighter
from tests.core.articles.test_syntax import WIKILINK_EXAMPLES

TEXT = """---
title: T # comment
---
# Title

Text with {{customer_name|there}} and [[link-id]] and {{broken

## Reply: Refund
Hello {{order_id}}

```
## Reply: not one
```
"""


def formats_at(document, line, column):
    """(bold, background, foreground) of the character, copied out of Qt's temporaries."""
    block = document.findBlockByNumber(line)
    for fmt_range in block.layout().formats():
        if fmt_range.start <= column < fmt_range.start + fmt_range.length:
            fmt = QTextCharFormat(fmt_range.format)
            return (fmt.fontWeight() > 400, fmt.background().color().name(), fmt.foreground().color().name())
    return None


def test_states_and_formats(qapp):
    document = QTextDocument()
    document.setPlainText(TEXT)
    highlighter = ArticleHighlighter(document)
    highlighter.rehighlight()
    states = [document.findBlockByNumber(i).userState() for i in range(document.blockCount())]
    assert states[0] == FRONT_MATTER and states[1] == FRONT_MATTER and states[2] == NORMAL
    assert states[10] == CODE and states[11] == CODE and states[12] == NORMAL
    placeholder = formats_at(document, 5, TEXT.split("\n")[5].index("{{customer"))
    assert placeholder is not None and placeholder[0]
    broken = formats_at(document, 5, TEXT.split("\n")[5].index("{{broken"))
    assert broken is not None and broken[1] == "#c62828"
    reply = formats_at(document, 7, 0)
    assert reply is not None and reply[1] == "#e8f6ee"
    inside_code = formats_at(document, 11, 0)
    assert inside_code is not None and inside_code[2] == "#555555"


LINK_COLOR = "#00838f"


def link_spans(document, line):
    """(start, end) of the runs the highlighter shows as links on one line."""
    block = document.findBlockByNumber(line)
    spans = []
    for fmt_range in block.layout().formats():
        if QTextCharFormat(fmt_range.format).foreground().color().name() == LINK_COLOR:
            spans.append((fmt_range.start, fmt_range.start + fmt_range.length))
    return sorted(spans)


@pytest.mark.parametrize(("text", "links"), WIKILINK_EXAMPLES)
def test_the_highlighter_marks_the_links_the_scanner_finds(qapp, text, links):
    document = QTextDocument()
    document.setPlainText("# Title\n\n" + text)
    highlighter = ArticleHighlighter(document)
    highlighter.rehighlight()
    marked = [text[a:b] for a, b in link_spans(document, 2)]
    assert len(marked) == len(links)
    assert all(piece.startswith("[[") and piece.endswith("]]") for piece in marked)
    assert [piece[2:-2].split("|", 1)[0].strip() for piece in marked] == [i for i, _ in links]


def test_reply_headings_are_the_scanners(qapp):
    document = QTextDocument()
    document.setPlainText("## Ответ : Возврат\n### Reply: deeper\n##Reply: no space")
    highlighter = ArticleHighlighter(document)
    highlighter.rehighlight()
    backgrounds = [formats_at(document, line, 0) for line in range(3)]
    assert backgrounds[0] is not None and backgrounds[0][1] == "#e8f6ee"
    assert backgrounds[1] is not None and backgrounds[1][1] != "#e8f6ee"  # a heading, not a reply
    assert backgrounds[2] is None


def test_placeholders_are_broken_exactly_where_check_says(qapp):
    from kb_assistant.core.replies.templates import find_malformed_placeholders

    line = "Dear {{Order Id}}, {{order_id}} and }} then {{open"
    document = QTextDocument()
    document.setPlainText(line)
    ArticleHighlighter(document).rehighlight()
    broken = {column for column in range(len(line)) if (formats_at(document, 0, column) or (0, ""))[1] == "#c62828"}
    expected = {column for issue in find_malformed_placeholders(line) for column in range(issue.offset, issue.end)}
    assert broken == expected and line.index("{{Order Id}}") in broken  # its own regex missed this one
    assert line.index("{{order_id}}") not in broken
