"""The clipboard seam: formats per channel, the real (offscreen) clipboard, escaping."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from kb_assistant.core.replies.templates import ClipboardPayload, render_reply
from kb_assistant.ui.replies.clipboard import copy_payload, describe_copy, mime_data_for

TEMPLATE = "Hello {{customer_name|there}}!\n\nYour order **{{order_id}}** is on its way: [track it](https://shop.example/t)."
VALUES = {"customer_name": "Anna", "order_id": "123456789"}


def render(channel: str, values=VALUES) -> ClipboardPayload:
    return render_reply(TEMPLATE, values, channel=channel)


def test_email_mime_has_html_and_plain(qapp):
    payload = render("email")
    mime = mime_data_for(payload)
    assert sorted(mime.formats()) == ["text/html", "text/plain"]
    assert mime.text() == payload.plain
    assert mime.html() == payload.html
    assert "<strong>123456789</strong>" in mime.html()
    assert "Hello Anna!" in mime.text()
    mime.deleteLater()


@pytest.mark.parametrize("channel", ["chat", "messenger", "phone"])
def test_other_channels_are_plain_text_only(qapp, channel):
    payload = render(channel)
    mime = mime_data_for(payload)
    assert mime.formats() == ["text/plain"]
    assert not mime.hasHtml()
    assert mime.text() == payload.plain
    assert "123456789" in mime.text()
    mime.deleteLater()


def test_channel_shapes_reach_the_mime_data(qapp):
    chat = mime_data_for(render("chat")).text()
    messenger = mime_data_for(render("messenger")).text()
    phone = mime_data_for(render("phone")).text()
    assert "track it (https://shop.example/t)" in chat
    assert "*123456789*" in messenger
    assert "https://" not in phone


def test_email_without_html_still_gets_an_html_part(qapp):
    mime = mime_data_for(ClipboardPayload("email", "a < b\nsecond line"))
    assert mime.hasHtml()
    assert mime.html() == "a &lt; b<br>\nsecond line"


@pytest.mark.parametrize("channel", ["email", "chat"])
def test_copy_payload_puts_formats_on_the_clipboard(qapp, channel):
    payload = render(channel)
    copy_payload(payload)
    mime = QGuiApplication.clipboard().mimeData()
    expected = ["text/html", "text/plain"] if channel == "email" else ["text/plain"]
    assert sorted(mime.formats()) == expected
    assert mime.text() == payload.plain
    if channel == "email":
        assert mime.html() == payload.html


def test_copy_payload_uses_the_given_clipboard(qapp):
    clipboard = QGuiApplication.clipboard()
    copy_payload(ClipboardPayload("phone", "Step one"), clipboard)
    assert clipboard.text() == "Step one"
    assert clipboard.mimeData().formats() == ["text/plain"]


def test_values_are_escaped_in_html_and_verbatim_in_plain(qapp):
    values = {"customer_name": "<script>alert(1)</script> Tom & Jerry", "order_id": "A&B<1>"}
    payload = render("email", values)
    copy_payload(payload)
    mime = QGuiApplication.clipboard().mimeData()
    html = mime.html()
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; Tom &amp; Jerry" in html
    assert "A&amp;B&lt;1&gt;" in html
    assert "<script>alert(1)</script> Tom & Jerry" in mime.text()
    assert "A&B<1>" in mime.text()


def test_describe_copy_says_what_how_and_how_much(qapp):
    email = ClipboardPayload("email", "x" * 312, "<p>x</p>")
    assert describe_copy(email, "Refund started") == (
        "Copied “Refund started” for e-mail (HTML and plain text, characters: 312)"
    )
    chat = ClipboardPayload("chat", "hello")
    text = describe_copy(chat, "Доставка {задержана}")
    assert text == "Copied “Доставка {задержана}” for chat (plain text, characters: 5)"
