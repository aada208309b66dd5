"""Article syntax highlighting."""

from PySide6.QtGui import QTextCharFormat, QTextDocument

from kb_assistant.ui.editor.highlighter import CODE, FRONT_MATTER, NORMAL, ArticleHighlighter

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
