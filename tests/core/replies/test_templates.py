"""Placeholders, filling and the clipboard shapes of replies (core.templates)."""

from __future__ import annotations

import re
from datetime import date
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb_assistant.core.errors import UnfilledPlaceholderError
from kb_assistant.core.render.markdown import EMAIL_TAGS
from kb_assistant.core.models import CHANNELS, Placeholder
from kb_assistant.core.replies.templates import (
    BUILTIN_PLACEHOLDERS,
    AgentProfile,
    ClipboardPayload,
    builtin_values,
    find_malformed_placeholders,
    find_placeholders,
    format_date,
    line_of,
    placeholder_names,
    render_reply,
    unfilled,
)

REPLY = """Hello {{customer_name}}!

The refund for order **{{order_id}}** is on its way. It usually takes *3-5 business days*.
See [our refund policy](https://shopwave.example/refunds) for details.

1. Open **My orders**.
2. Choose order {{order_id}}.

- Keep the receipt
- Check your *bank* statement"""

VALUES = {"customer_name": "Anna", "order_id": "A-1001"}


# --- placeholders -------------------------------------------------------------------------


def test_find_placeholders_names_fallbacks_and_offsets() -> None:
    text = "Hi {{name}}, {{ order_id }} {{city|your city}} {{note|}}"
    assert find_placeholders(text) == [
        Placeholder("name", None, 3, 11),
        Placeholder("order_id", None, 13, 27),
        Placeholder("city", "your city", 28, 46),
        Placeholder("note", "", 47, 56),
    ]
    assert text[3:11] == "{{name}}"


def test_fallback_is_stripped_and_may_contain_pipes_and_markdown() -> None:
    [p] = find_placeholders("{{ name | dear **customer** | friend }}")
    assert p.name == "name"
    assert p.fallback == "dear **customer** | friend"


def test_placeholders_do_not_span_lines_or_contain_braces() -> None:
    assert find_placeholders("{{name\n}}") == []
    assert find_placeholders("{{name|a{b}}") == []
    assert find_placeholders("{{{name}}}") == []


def test_placeholder_names_unique_in_order_of_first_use() -> None:
    assert placeholder_names(REPLY + " {{agent_name}} {{customer_name|x}}") == [
        "customer_name", "order_id", "agent_name",
    ]


@pytest.mark.parametrize(
    ("text", "code", "snippet"),
    [
        ("Hi {{Customer Name}}!", "invalid-name", "{{Customer Name}}"),
        ("Hi {{имя}}!", "invalid-name", "{{имя}}"),
        ("Hi {{1st}}!", "invalid-name", "{{1st}}"),
        ("Hi {{}}!", "empty-name", "{{}}"),
        ("Hi {{ |sir}}!", "empty-name", "{{ |sir}}"),
        ("Hi {{name!", "unclosed", "{{name!"),
        ("Hi {{{name}}}!", "nested", "{{{name}}}"),
        ("Hi {{a{b}c}}!", "nested", "{{a{b}c}}"),
        ("Hi name}}!", "stray-close", "}}"),
    ],
)
def test_malformed_placeholders_are_reported(text: str, code: str, snippet: str) -> None:
    [issue] = find_malformed_placeholders(text)
    assert (issue.code, issue.text, issue.line) == (code, snippet, 1)
    assert issue.offset == text.index(snippet)
    assert issue.message
    assert find_placeholders(text) == []


def test_malformed_issue_is_located_by_line_and_suggests_a_name() -> None:
    text = "Hello {{name}}!\n\nYour {{Order Number}} ships {{when"
    issues = find_malformed_placeholders(text)
    assert [(i.code, i.line) for i in issues] == [("invalid-name", 3), ("unclosed", 3)]
    assert "{{order_number}}" in issues[0].message
    assert issues[1].text == "{{when"
    assert line_of(text, text.index("{{when")) == 3


def test_unclosed_opening_before_a_valid_placeholder() -> None:
    text = "{{x {{name}}"
    assert [p.name for p in find_placeholders(text)] == ["name"]
    assert [(i.code, i.offset) for i in find_malformed_placeholders(text)] == [("unclosed", 0)]


def test_well_formed_template_has_no_issues() -> None:
    assert find_malformed_placeholders(REPLY + " {{a|b}} {{ c }} {{d|}}") == []


# --- unfilled and built-ins ---------------------------------------------------------------


def test_unfilled_lists_names_without_value_or_fallback() -> None:
    text = "{{a}} {{b|B}} {{c}} {{d}} {{a}} {{today}}"
    assert unfilled(text, {"c": "x", "d": "   "}) == ["a", "d", "today"]
    assert unfilled(text, {"a": "1", "c": "x", "d": "y"}, {"today": "27.11.2026"}) == []


def test_one_occurrence_without_fallback_makes_the_name_unfilled() -> None:
    assert unfilled("{{name|friend}} ... {{name}}", {}) == ["name"]


def test_values_override_builtins_but_blank_values_do_not() -> None:
    builtins = {"agent_name": "Anna"}
    payload = render_reply("{{agent_name}}", {"agent_name": "Boris"}, channel="chat",
                           builtins=builtins)
    assert payload.plain == "Boris"
    payload = render_reply("{{agent_name}}", {"agent_name": " "}, channel="chat",
                           builtins=builtins)
    assert payload.plain == "Anna"


def test_builtin_values_per_language() -> None:
    profile = AgentProfile(agent_name="Anna", agent_signature="Anna, Shopwave", company="Shopwave")
    day = date(2026, 11, 27)
    en = builtin_values(profile, day, "en")
    assert en == {"agent_name": "Anna", "agent_signature": "Anna, Shopwave",
                  "company": "Shopwave", "today": "November 27, 2026"}
    assert set(en) == set(BUILTIN_PLACEHOLDERS)
    assert builtin_values(profile, day, "ru")["today"] == "27.11.2026"
    assert format_date(date(2026, 3, 5), "ru-RU") == "05.03.2026"
    assert format_date(date(2026, 3, 5), "de") == "March 5, 2026"


# --- channel shapes -----------------------------------------------------------------------


def test_email_shape() -> None:
    payload = render_reply(REPLY, VALUES, channel="email")
    assert isinstance(payload, ClipboardPayload)
    assert payload.channel == "email"
    assert payload.html == (
        "<p>Hello Anna!</p>\n"
        "<p>The refund for order <strong>A-1001</strong> is on its way. It usually takes "
        "<em>3-5 business days</em>.<br>\n"
        'See <a href="https://shopwave.example/refunds" rel="noopener noreferrer">'
        "our refund policy</a> for details.</p>\n"
        "<ol>\n<li>Open <strong>My orders</strong>.</li>\n<li>Choose order A-1001.</li>\n</ol>\n"
        "<ul>\n<li>Keep the receipt</li>\n<li>Check your <em>bank</em> statement</li>\n</ul>"
    )
    assert payload.plain == (
        "Hello Anna!\n"
        "\n"
        "The refund for order A-1001 is on its way. It usually takes 3-5 business days.\n"
        "See our refund policy (https://shopwave.example/refunds) for details.\n"
        "\n"
        "1. Open My orders.\n"
        "2. Choose order A-1001.\n"
        "\n"
        "- Keep the receipt\n"
        "- Check your bank statement"
    )


def test_chat_shape_has_no_markdown_marks() -> None:
    payload = render_reply(REPLY, VALUES, channel="chat")
    assert payload.html is None
    assert payload.plain == (
        "Hello Anna!\n"
        "\n"
        "The refund for order A-1001 is on its way. It usually takes 3-5 business days.\n"
        "See our refund policy (https://shopwave.example/refunds) for details.\n"
        "\n"
        "1. Open My orders.\n"
        "2. Choose order A-1001.\n"
        "\n"
        "- Keep the receipt\n"
        "- Check your bank statement"
    )
    assert not re.search(r"[*_#`\[\]]", payload.plain)


def test_messenger_shape_uses_lite_markdown() -> None:
    payload = render_reply(REPLY, VALUES, channel="messenger")
    assert payload.html is None
    assert payload.plain == (
        "Hello Anna!\n"
        "\n"
        "The refund for order *A-1001* is on its way. It usually takes _3-5 business days_.\n"
        "See our refund policy (https://shopwave.example/refunds) for details.\n"
        "\n"
        "1. Open *My orders*.\n"
        "2. Choose order A-1001.\n"
        "\n"
        "- Keep the receipt\n"
        "- Check your _bank_ statement"
    )


def test_phone_shape_is_numbered_and_has_no_urls() -> None:
    payload = render_reply(REPLY, VALUES, channel="phone")
    assert payload.html is None
    assert payload.plain == (
        "Hello Anna!\n"
        "\n"
        "The refund for order A-1001 is on its way. It usually takes 3-5 business days.\n"
        "See our refund policy for details.\n"
        "\n"
        "1. Open My orders.\n"
        "2. Choose order A-1001.\n"
        "\n"
        "1. Keep the receipt\n"
        "2. Check your bank statement"
    )


def test_phone_replaces_bare_urls_with_their_host() -> None:
    text = ("Track it at https://www.shopwave.example/track/{{order_id}}.\n"
            "Or <https://help.shopwave.example/x>")
    payload = render_reply(text, VALUES, channel="phone")
    assert payload.plain == "Track it at shopwave.example.\nOr help.shopwave.example"
    assert "://" not in render_reply("{{u}}", {"u": "http://a.example/b"}, channel="phone").plain


def test_links_whose_text_is_the_url_are_written_once() -> None:
    text = "<https://shopwave.example/help> and [write to us](mailto:help@shopwave.example)"
    assert render_reply(text, {}, channel="chat").plain == (
        "https://shopwave.example/help and write to us (help@shopwave.example)"
    )


def test_blank_lines_are_normalised_and_trailing_space_stripped() -> None:
    text = "\n\nFirst   line  \n\n\n\n\nSecond\t\n\n\n"
    for channel in CHANNELS:
        assert render_reply(text, {}, channel=channel).plain == "First line\n\nSecond"


def test_email_plain_quotes_blockquotes() -> None:
    text = "> You wrote:\n> it broke\n\nSorry!"
    assert render_reply(text, {}, channel="email").plain == "> You wrote:\n> it broke\n\nSorry!"
    assert render_reply(text, {}, channel="chat").plain == "You wrote:\nit broke\n\nSorry!"


def test_unknown_channel_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="fax"):
        render_reply("Hi", {}, channel="fax")


# --- composition, strictness, fallbacks ---------------------------------------------------


def test_greeting_reply_and_closing_are_composed_as_blocks() -> None:
    payload = render_reply(
        "Your order {{order_id}} has shipped.",
        VALUES,
        channel="email",
        greeting="Hello {{customer_name}},",
        closing="Best regards,\n{{agent_signature}}",
        builtins={"agent_signature": "Boris, Shopwave support"},
    )
    assert payload.plain == (
        "Hello Anna,\n\nYour order A-1001 has shipped.\n\nBest regards,\nBoris, Shopwave support"
    )
    assert payload.html == (
        "<p>Hello Anna,</p>\n<p>Your order A-1001 has shipped.</p>\n"
        "<p>Best regards,<br>\nBoris, Shopwave support</p>"
    )


def test_blank_greeting_and_closing_are_skipped() -> None:
    payload = render_reply("Body", {}, channel="chat", greeting="  \n", closing="")
    assert payload.plain == "Body"


def test_strict_rendering_names_every_unfilled_placeholder_in_every_block() -> None:
    with pytest.raises(UnfilledPlaceholderError) as info:
        render_reply("{{order_id}} {{city}} {{note|}}", {}, channel="chat",
                     greeting="Hi {{customer_name}}", closing="{{agent_signature}} {{city}}")
    assert info.value.names == ("customer_name", "order_id", "city", "agent_signature")
    assert info.value.code == "unfilled-placeholder"


def test_preview_shows_unfilled_placeholders_as_brackets() -> None:
    payload = render_reply("Hi **{{customer_name}}**, order {{order_id}}", {"order_id": "7"},
                           channel="email", strict=False)
    assert payload.plain == "Hi [customer_name], order 7"
    assert payload.html == "<p>Hi <strong>[customer_name]</strong>, order 7</p>"
    assert render_reply("{{x}}", {}, channel="chat", strict=False).plain == "[x]"


def test_fallback_text_is_template_markdown() -> None:
    payload = render_reply("Hello {{name|**dear** customer}}!", {}, channel="email")
    assert payload.html == "<p>Hello <strong>dear</strong> customer!</p>"
    assert payload.plain == "Hello dear customer!"
    assert render_reply("Hi{{name|}}!", {}, channel="chat").plain == "Hi!"


# --- values are data ----------------------------------------------------------------------


def test_values_are_escaped_in_html_and_literal_in_plain() -> None:
    value = "*Bob* <script>alert('x')</script> & \"Co\" [a](http://evil.example) `c`"
    for channel in ("email", "chat", "messenger"):
        payload = render_reply("Hello {{name}}!", {"name": value}, channel=channel)
        assert payload.plain == f"Hello {value}!"
    # A phone script has no URLs at all, not even inside a value.
    assert render_reply("Hello {{name}}!", {"name": value}, channel="phone").plain == (
        f"Hello {value.replace('http://evil.example', 'evil.example')}!"
    )
    html = render_reply("Hello {{name}}!", {"name": value}, channel="email").html
    assert html is not None
    assert "<script" not in html and "<a" not in html and "<em" not in html
    assert html == (
        "<p>Hello *Bob* &lt;script&gt;alert('x')&lt;/script&gt; &amp; \"Co\" "
        "[a](http://evil.example) `c`!</p>"
    )


def test_value_with_markdown_line_syntax_stays_literal() -> None:
    value = "# not a heading\n- not a list\n1. nor this"
    payload = render_reply("Note:\n{{note}}", {"note": value}, channel="email")
    assert payload.html == (
        "<p>Note:<br>\n# not a heading<br>\n- not a list<br>\n1. nor this</p>"
    )
    assert payload.plain == "Note:\n" + value


def test_value_with_newlines_in_a_list_item_is_indented() -> None:
    payload = render_reply("1. Address: {{address}}", {"address": "Main st. 1\r\nSpringfield"},
                           channel="chat")
    assert payload.plain == "1. Address: Main st. 1\n   Springfield"


def test_value_used_as_link_target_is_checked_by_the_sanitizer() -> None:
    template = "[Track your parcel]({{url}})"
    good = render_reply(template, {"url": "https://t.example/?a=1&b=2"}, channel="email")
    assert good.html == (
        '<p><a href="https://t.example/?a=1&amp;b=2" rel="noopener noreferrer">'
        "Track your parcel</a></p>"
    )
    assert good.plain == "Track your parcel (https://t.example/?a=1&b=2)"
    bad = render_reply(template, {"url": "javascript:alert(1)"}, channel="email")
    assert bad.html is not None and "javascript" not in bad.html
    assert bad.plain == "Track your parcel"


def test_private_use_characters_in_template_and_values_survive() -> None:
    odd = "\ue000\ue001\ue011x\ue005"
    payload = render_reply(odd + " {{v}}", {"v": odd}, channel="email")
    assert payload.plain == f"{odd} {odd}"
    assert payload.html == f"<p>{odd} {odd}</p>"


def test_hostile_template_html_is_sanitized() -> None:
    template = ('<script>alert(1)</script><img src="https://evil.example/x.png" onerror="alert(1)">'
                'Hi <a href="javascript:alert(1)">there</a> <a href="/relative">rel</a>')
    payload = render_reply(template, {}, channel="email")
    assert payload.html == (
        '<p>Hi <a rel="noopener noreferrer">there</a> <a rel="noopener noreferrer">rel</a></p>'
    )
    assert payload.plain == "Hi there rel"


def test_pathological_input_does_not_raise() -> None:
    for channel in CHANNELS:
        assert render_reply("- " * 3000 + "x", {}, channel=channel).plain.endswith("x")
        assert render_reply(">" * 3000 + " x {{a}}", {"a": "y"}, channel=channel).plain
    payload = render_reply("bad \ud800 {{a}}", {"a": "\udcff"}, channel="email")
    assert payload.plain == "bad \ufffd \ufffd"


# --- properties ---------------------------------------------------------------------------

_NAMES = st.from_regex(r"[a-z][a-z0-9_]{0,8}", fullmatch=True)
_VALUES = st.dictionaries(_NAMES, st.text(max_size=40), max_size=5)
_TEMPLATE_TEXT = st.text(
    alphabet=st.one_of(st.sampled_from("{}|*_#`[]()<>&!-.1 \n\\"), st.characters()), max_size=200
)


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)


@settings(max_examples=300, deadline=None)
@given(template=_TEMPLATE_TEXT, values=_VALUES, channel=st.sampled_from(CHANNELS),
       strict=st.booleans())
def test_any_template_and_values_render_or_name_unfilled(
    template: str, values: dict[str, str], channel: str, strict: bool
) -> None:
    try:
        payload = render_reply(template, values, channel=channel, strict=strict,
                               greeting="Hi {{name|there}}", closing=template[:20])
    except UnfilledPlaceholderError as exc:
        assert strict
        assert exc.names
        assert set(exc.names) <= set(unfilled(template, values) + unfilled(template[:20], values))
        return
    assert payload.plain == payload.plain.strip("\n")
    assert "\n\n\n" not in payload.plain
    assert all(line == line.rstrip() for line in payload.plain.split("\n"))
    assert (payload.html is not None) == (channel == "email")
    if payload.html is not None:
        collector = _TagCollector()
        collector.feed(payload.html)
        assert collector.tags <= EMAIL_TAGS


@settings(max_examples=300, deadline=None)
@given(value=st.text(min_size=1, max_size=60), template=_TEMPLATE_TEXT)
def test_html_never_contains_a_raw_less_than_from_a_value(value: str, template: str) -> None:
    payload = render_reply(template + "\n\nDear {{name}}, [track]({{name}})", {"name": value},
                           channel="email", strict=False)
    assert payload.html is not None
    # Every "<" left in the HTML opens or closes an allowed tag.
    for m in re.finditer("<", payload.html):
        tag = re.match(r"</?([a-z0-9]+)[\s>]", payload.html[m.start():])
        assert tag is not None and tag.group(1) in EMAIL_TAGS, payload.html


@settings(max_examples=200, deadline=None)
@given(value=st.text(alphabet=st.characters(exclude_categories=("Cs",),
                                           exclude_characters="\r\n"),
                     min_size=1, max_size=60))
def test_plain_shapes_carry_the_value_verbatim(value: str) -> None:
    expected = value.strip() or "[name]"
    for channel in ("email", "chat", "messenger"):
        payload = render_reply("Dear **{{name}}**!", {"name": value}, channel=channel,
                               strict=False)
        mark = "*" if channel == "messenger" else ""
        assert payload.plain == f"Dear {mark}{expected}{mark}!"


# -- issue 16: malformed placeholders are found in one pass, and described briefly ----------------------

def test_malformed_placeholders_have_their_lines_and_ends_on_many_lines():
    template = "\n".join(["{{a b}} {{open", "ok {{name}}", "}} {{x{y}}"] * 300)
    issues = find_malformed_placeholders(template)
    assert len(issues) == 4 * 300
    assert [issue.line for issue in issues] == [line_of(template, issue.offset) for issue in issues]
    for issue in issues[:4]:
        end = template.find("\n", issue.offset) if issue.code == "unclosed" else issue.offset + len(issue.text)
        assert issue.end == end


def test_a_huge_malformed_placeholder_is_quoted_by_its_start():
    [issue] = find_malformed_placeholders("{{" + "Order Id " * 100_000 + "}}")
    assert issue.code == "invalid-name" and issue.end == len("Order Id ") * 100_000 + 4
    assert len(issue.text) <= 60 and len(issue.values["name"]) <= 60 and len(issue.message) < 300
