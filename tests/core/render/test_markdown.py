"""The configured Markdown renderer, its sanitizer, our extensions and the plain-text walker."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
from hypothesis import given, settings
from hypothesis import strategies as st

from kb_assistant.core.render.markdown import (
    markdown_to_html,
    render_article_html,
    render_markdown,
    sanitize_html,
)
from kb_assistant.core.render.mdext.wikilinks import wikilink_href, wikilink_target
from kb_assistant.core.render.html_text import PlainStyle, html_to_text, parse_html, to_html, url_host
from kb_assistant.core.replies.templates import find_placeholders

class _AttrCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, attrs))


TITLES = {"refund-card": "Refund to a bank card", "платежи/возврат": "Возврат"}


# --- rendering ----------------------------------------------------------------------------


def test_render_markdown_standard_extensions() -> None:
    text = (
        "# Refunds\n\nSome **bold** and *italic*.\n\n"
        "| Plan | Days |\n|:-----|-----:|\n| Card | 5 |\n\n"
        "```python\nx = 1\n```\n\n"
        "1. one\n2. two\n"
    )
    assert render_markdown(text) == (
        "<h1>Refunds</h1>\n<p>Some <strong>bold</strong> and <em>italic</em>.</p>\n"
        "<table>\n<thead>\n<tr>\n<th align=\"left\">Plan</th>\n<th align=\"right\">Days</th>\n"
        "</tr>\n</thead>\n<tbody>\n<tr>\n<td align=\"left\">Card</td>\n"
        "<td align=\"right\">5</td>\n</tr>\n</tbody>\n</table>\n"
        "<pre><code class=\"language-python\">x = 1\n</code></pre>\n"
        "<ol>\n<li>one</li>\n<li>two</li>\n</ol>"
    )


def test_articles_keep_markdown_line_breaks_replies_use_hard_breaks() -> None:
    assert render_markdown("a\nb") == "<p>a\nb</p>"
    assert markdown_to_html("a\nb", hard_breaks=True) == "<p>a<br>\nb</p>"


def test_pathological_markdown_falls_back_to_escaped_text() -> None:
    html = markdown_to_html("- " * 3000 + "<b>x</b>")
    assert html.startswith("<p>- - ")
    assert html.endswith("&lt;b&gt;x&lt;/b&gt;</p>")
    assert render_markdown("lone \ud800 surrogate") == "<p>lone \ufffd surrogate</p>"


# --- sanitizer ----------------------------------------------------------------------------


def test_sanitizer_drops_scripts_handlers_and_dangerous_links() -> None:
    text = (
        "<script>alert(1)</script><style>p{}</style>\n\n"
        '<p onclick="x()" style="color:red">p</p>\n\n'
        '<img src=x onerror="alert(1)">\n\n'
        "[js](javascript:alert(1)) [data](data:text/html,hi) [pr](//evil.example/x) "
        "[web](https://shop.example) [mail](mailto:a@shop.example) [rel](../other.md) "
        "[wiki](kb:refund-card)\n\n<iframe src=\"https://evil.example\"></iframe>"
    )
    assert render_markdown(text) == (
        "<p>p</p>\n\n"
        '<p><img src="x"></p>\n'
        '<p><a rel="noopener noreferrer">js</a> <a rel="noopener noreferrer">data</a> '
        '<a rel="noopener noreferrer">pr</a> '
        '<a href="https://shop.example" rel="noopener noreferrer">web</a> '
        '<a href="mailto:a@shop.example" rel="noopener noreferrer">mail</a> '
        '<a href="../other.md" rel="noopener noreferrer">rel</a> '
        '<a href="kb:refund-card" rel="noopener noreferrer">wiki</a></p>'
    )


def test_sanitizer_keeps_only_relative_images() -> None:
    html = render_markdown(
        "![shot](img/shot.png) ![remote](https://evil.example/t.png) "
        "![root](/etc/x.png) ![data](data:image/png;base64,AAAA)"
    )
    assert html == (
        '<p><img alt="shot" src="img/shot.png"> <img alt="remote"> <img alt="root"> '
        '<img alt="data"></p>'
    )


def test_email_policy_is_stricter() -> None:
    html = (
        '<p><a href="kb:x">wiki</a> <a href="/help">rel</a> <a href="https://a.example">ok</a>'
        '<img src="a.png"><span class="placeholder">s</span><mark>m</mark> <del>d</del></p>'
    )
    assert sanitize_html(html, policy="email") == (
        '<p><a rel="noopener noreferrer">wiki</a> <a rel="noopener noreferrer">rel</a> '
        '<a href="https://a.example" rel="noopener noreferrer">ok</a>sm d</p>'
    )


def test_code_classes_are_filtered() -> None:
    html = '<pre><code class="language-py evil">x</code></pre><code class="x">y</code>'
    assert sanitize_html(html) == '<pre><code class="language-py">x</code></pre><code>y</code>'


@settings(max_examples=300, deadline=None)
@given(st.lists(st.one_of(st.sampled_from("<>\"'=/[]()!:*`{}|\n"),
                         st.sampled_from(["script", "img", "onerror", "javascript",
                                          "src", "href", "a ", "[[", "]]"]),
                         st.characters()),
                max_size=60).map("".join))
def test_any_text_renders_without_scripts(text: str) -> None:
    for html in (render_markdown(text), render_article_html(text, title_for=TITLES.get)):
        collector = _AttrCollector()
        collector.feed(html)
        for tag, attrs in collector.elements:
            assert tag not in ("script", "style", "iframe", "object")
            for name, value in attrs:
                assert not name.startswith("on") and name != "style"
                scheme = re.match(r"\s*([a-zA-Z][a-zA-Z0-9+.\-]*):", value or "")
                if name == "href" and scheme:
                    assert scheme.group(1).lower() in {"http", "https", "mailto", "kb"}
                if name == "src":
                    assert not scheme and not (value or "").startswith(("/", "\\"))


# --- wiki links ---------------------------------------------------------------------------


def test_wikilinks_with_and_without_labels() -> None:
    html = render_article_html(
        "See [[refund-card]], [[refund-card|this article]] and [[gone]].", title_for=TITLES.get
    )
    assert html == (
        '<p>See <a class="wikilink" href="kb:refund-card" rel="noopener noreferrer">'
        "Refund to a bank card</a>, "
        '<a class="wikilink" href="kb:refund-card" rel="noopener noreferrer">this article</a> '
        'and <a class="wikilink missing" href="kb:gone" rel="noopener noreferrer">gone</a>.</p>'
    )


def test_wikilinks_without_resolver_show_ids_and_are_not_missing() -> None:
    assert render_markdown("[[ refund-card ]] [[a|]] [[ ]]") == (
        '<p><a class="wikilink" href="kb:refund-card" rel="noopener noreferrer">refund-card</a> '
        '<a class="wikilink" href="kb:a" rel="noopener noreferrer">a</a> [[ ]]</p>'
    )


def test_wikilink_labels_are_text_and_code_spans_stay_literal() -> None:
    html = render_markdown("[[x|<b>**bold**</b>]] `[[x]]`")
    assert html == (
        '<p><a class="wikilink" href="kb:x" rel="noopener noreferrer">'
        "&lt;b&gt;**bold**&lt;/b&gt;</a> <code>[[x]]</code></p>"
    )


def test_wikilink_href_round_trips_non_ascii_ids() -> None:
    href = wikilink_href("платежи/возврат карты")
    assert href.startswith("kb:") and " " not in href and href.isascii()
    assert wikilink_target(href) == "платежи/возврат карты"
    assert wikilink_target("https://x.example") is None
    html = render_article_html("[[платежи/возврат]]", title_for=TITLES.get)
    assert f'href="{wikilink_href("платежи/возврат")}"' in html
    assert ">Возврат</a>" in html


def test_extensions_load_by_name() -> None:
    html = markdown.markdown(
        "[[a]] {{x}}",
        extensions=["kb_assistant.core.render.mdext.wikilinks", "kb_assistant.core.render.mdext.placeholders"],
    )
    assert html == (
        '<p><a class="wikilink" href="kb:a">a</a> <span class="placeholder">{{x}}</span></p>'
    )


# --- placeholders in articles -------------------------------------------------------------


def test_placeholders_are_highlighted_verbatim() -> None:
    html = render_article_html(
        "Hi {{ customer_name }}, {{name|*dear* customer}} `{{code}}` {{Bad Name}} {{{x}}}"
    )
    assert html == (
        '<p>Hi <span class="placeholder">{{ customer_name }}</span>, '
        '<span class="placeholder">{{name|*dear* customer}}</span> <code>{{code}}</code> '
        "{{Bad Name}} {{{x}}}</p>"
    )


# "_" is left out of the alphabet: runs such as "_{__{_{{a}}" make Python-Markdown's
# underscore emphasis split its own inline-stash marker, an upstream quirk that
# only garbles that nonsense input (the placeholder still fills correctly).
@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("{}|ab9\n") + ["{{", "}}", "{{a}}", "{{a_b}}"]), max_size=40)
       .map("".join))
def test_article_view_and_templates_agree_on_placeholders(text: str) -> None:
    html = render_article_html(text)
    assert html.count('<span class="placeholder">') == len(find_placeholders(text))


# --- plain text walker --------------------------------------------------------------------


def test_html_to_text_lists_quotes_tables_and_code() -> None:
    html = (
        '<ol start="3"><li>a<ul><li>b<br>c</li><li><p>d</p><p>e</p></li></ul></li><li>f</li></ol>'
        "<blockquote><p>q1</p><p>q2</p></blockquote>"
        "<table><tr><th>A</th><th>B</th></tr><tr><td>1</td><td><em>2</em></td></tr></table>"
        "<pre><code>  x = 1\n\n\n  y\n</code></pre><h2>Head <strong>b</strong></h2><hr>"
        '<p><a href="mailto:s@x.example">s@x.example</a> <a href="mailto:s@x.example">write</a></p>'
    )
    assert html_to_text(html, PlainStyle(quote_prefix="> ")) == (
        "3. a\n   - b\n     c\n   - d\n     e\n4. f\n\n> q1\n>\n> q2\n\n"
        "A | B\n1 | 2\n\n  x = 1\n\n  y\n\nHead b\n\ns@x.example write (s@x.example)"
    )
    assert html_to_text(html, PlainStyle(bold="*", italic="_", bold_headings=True)) == (
        "3. a\n   - b\n     c\n   - d\n     e\n4. f\n\nq1\n\nq2\n\n"
        "A | B\n1 | _2_\n\n  x = 1\n\n  y\n\n*Head b*\n\ns@x.example write (s@x.example)"
    )
    assert html_to_text(html, PlainStyle(number_bullets=True, show_urls=False,
                                         cell_separator=", ")) == (
        "3. a\n   1. b\n      c\n   2. d\n      e\n4. f\n\nq1\n\nq2\n\n"
        "A, B\n1, 2\n\n  x = 1\n\n  y\n\nHead b\n\ns@x.example write"
    )


def test_marks_hug_the_words_not_the_spaces() -> None:
    style = PlainStyle(bold="*", italic="_")
    assert html_to_text("<p>a<strong> b </strong>c <em><strong>d</strong></em></p>", style) == (
        "a *b* c _*d*_"
    )
    assert html_to_text("<p><strong>a <b>b</b></strong></p>", style) == "*a b*"


def test_tree_round_trip_and_deep_nesting() -> None:
    html = '<p>a &amp; <a href="x?a=1&amp;b=2">b</a><br>c</p>'
    assert to_html(parse_html(html)) == html
    deep = "<blockquote>" * 5000 + "x" + "</blockquote>" * 5000
    assert html_to_text(deep) == "x"


def test_url_host() -> None:
    assert url_host("https://www.shopwave.example:8443/a?b#c") == "shopwave.example"
    assert url_host("http://user@help.example") == "help.example"
    assert url_host("www.a.example/x") == "a.example"
