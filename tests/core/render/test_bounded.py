"""Bounded Markdown (``render.mdext.bounded``): what authors write renders as Python-Markdown renders it.

How long hostile text takes is the hostile harness's business (``tests/hostile``,
a hang guard per case); here: the bounds change nothing that is not hostile,
and hostile runs come out as the text they are.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.render.markdown import markdown_to_html
from kb_assistant.core.render.mdext.bounded import LT, BoundedExtension, cut_long_blocks, neutralise_unclosable

SAMPLE_KB = Path(__file__).resolve().parents[3] / "kb_assistant" / "sample_kb"
BASE = ["tables", "fenced_code", "sane_lists"]


def both(text: str) -> tuple[str, str]:
    """Python-Markdown's HTML for ``text``, without and with the bounds."""
    return (markdown.markdown(text, extensions=BASE),
            markdown.markdown(text, extensions=[*BASE, BoundedExtension()]))


def test_every_body_and_reply_of_the_sample_kb_renders_as_before():
    kb = load_kb(SAMPLE_KB)
    texts = [text for article in kb.articles.values() for text in (article.body, *(r.template for r in article.replies))]
    assert len(texts) > 50
    assert [text for text in texts if both(text)[0] != both(text)[1]] == []


@pytest.mark.parametrize("text", [
    "[a](http://x.y)", '[a](http://x.y "T")', "[a](http://x.y 'T')", "[a](<my file.md>)", "[a](my file.md)",
    "[a](https://w/Foo_(bar))", "[a [b] c](x)", "[a](o'brien.md)", '[a](url "ti"tle")', '[a](url "unclosed)',
    "![img](pic.png)", "[ref][r]\n\n[r]: http://r", "[r]\n\n[r]: http://r", "<b>bold</b> <i>x</i>",
    "a < b and c > d", "x<y<z>", "<!-- a <b> comment -->", "<div>\n<a href='x'>y</a>\n</div>",
    "| a | b |\n|---|---|\n| 1 | 2 |", "|a|\n|-|\n|b|", "Title\n===\n\ntext", "# H\ntext\n# H2", "- a\n- b\n\n1. c",
    "`<a <a`", "```\n<a <a [x](\n```",
])
def test_what_authors_write_renders_as_before(text):
    plain, bounded = both(text)
    assert bounded == plain


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.text(alphabet="[]()!<>\"' ab\n|-#=*_`\\:/.", max_size=80))
def test_short_text_of_markdown_marks_renders_as_before(text):
    # short enough for Python-Markdown's own unbounded scans; a difference is a bound that changed meaning
    plain, bounded = both(text)
    assert bounded == plain


@pytest.mark.parametrize("run", ["![" * 4000, "[x](" * 4000, "](" * 8000, "<a " * 4000, "<![CDATA[ " * 2000])
def test_a_hostile_run_comes_out_as_its_text(run):
    html = markdown_to_html(run)
    assert LT not in html and "<a" not in html.replace("&lt;a", "")  # no link, no tag, nothing lost
    assert html.count("[") == run.count("[") and html.count("&lt;") == run.count("<")


def test_unclosable_angle_brackets_are_the_only_ones_set_aside():
    assert neutralise_unclosable("<a <b> <!-- <c> --> x < y <d") == f"{LT}a <b> <!-- <c> --> x < y {LT}d"
    assert neutralise_unclosable(f"a{LT}b") == "a\ufffdb"  # the stand-in is never taken from the text


def test_long_blocks_are_cut_and_short_ones_left_alone():
    lines = ["x"] * 4500
    cut = cut_long_blocks(lines)
    assert cut.count("") == 2 and len(cut) == 4502
    assert cut_long_blocks(["a", "", "b"]) == ["a", "", "b"]


def test_odd_marks_near_the_end_read_as_python_markdown_reads_them():
    """Found by the property test above in CI: an unclosed destination with a quote."""
    for text in ("[]('(", "[a](b 'c", "x [y](z \"w (v", "[](('"):
        plain, bounded = both(text)
        assert bounded == plain
