"""Hypothesis where it finds more than the corpus's examples: mixes of hostile pieces, and the bounds' own rules."""

from __future__ import annotations

import sys

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb_assistant.core.articles.frontmatter import value_size
from kb_assistant.core.render.mdext.bounded import LT, neutralise_unclosable
from kb_assistant.core.replies.templates import find_malformed_placeholders, line_of
from tests.hostile.corpus import PATTERNS, Case, article
from tests.hostile.harness import Worker, run

PIECES = ["](", "![", "[x](", "[", "]", "{{", "}}", "{{a", "[[", "]]", "`", "*", "_", "<a ", "<!--", "-->", ">",
          "|", "(", ")", '"', "\\", "#", "=", "-", "1. ", "> ", "\n", "\n\n", " ", "word", "---\n", "```\n"]


def expanded(value) -> int:
    """How many values ``value`` holds, written out the slow way (small values only)."""
    if isinstance(value, dict):
        return 1 + sum(expanded(key) + expanded(item) for key, item in value.items())
    if isinstance(value, list):
        return 1 + sum(expanded(item) for item in value)
    return 1


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 4), min_size=1, max_size=6), st.integers(1, 5))
def test_value_size_counts_what_aliases_write_out(fanouts, copies):
    lines, previous = ["a0: &a0 x"], "a0"
    for number, fanout in enumerate(fanouts, 1):
        lines.append(f"a{number}: &a{number} [" + ", ".join([f"*{previous}"] * fanout) + "]")
        previous = f"a{number}"
    lines.append(f"top: [{', '.join([f'*{previous}'] * copies)}]")
    data = yaml.safe_load("\n".join(lines))
    assert value_size(data, limit=10**9) == expanded(data)
    assert value_size(data, limit=expanded(data) - 1) is None


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>!-ab /?\n", max_size=60))
def test_only_unclosable_angle_brackets_are_set_aside(text):
    done = neutralise_unclosable(text)
    assert done.replace(LT, "<") == text  # nothing else changes
    for position in (i for i, char in enumerate(done) if char == LT):
        after = text[position + 1:]
        closes = after.find(">")
        opens = min((i for i in (after.find("<" + c) for c in "ab/!?") if i >= 0), default=-1)
        assert closes < 0 or 0 <= opens < closes  # set aside only when another "<" comes first, or no ">"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="{}| ab\nA_", max_size=80))
def test_malformed_placeholders_are_located_like_line_of_says(template):
    for issue in find_malformed_placeholders(template):
        assert issue.line == line_of(template, issue.offset)
        assert issue.offset < issue.end <= len(template)


@pytest.fixture(scope="module")
def worker():
    """One bounded worker for the generated cases."""
    running = Worker()
    yield running
    running.close()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and process groups")
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck))
@given(body=st.lists(st.sampled_from(PIECES), min_size=1, max_size=12).map("".join),
       repeat=st.sampled_from([1, 50, 1500]), pattern=st.sampled_from(sorted(PATTERNS)),
       place=st.sampled_from(["body", "reply", "snippet", "title", "front"]))
def test_mixed_hostile_articles_stay_bounded(worker, tmp_path_factory, body, repeat, pattern, place):
    # pieces the corpus keeps apart, mixed: a run of one pattern inside a repeated mix of others
    text = body * repeat + PATTERNS[pattern][:3000]
    files = {
        "body": {"bad.md": f"# Mixed\n\n{text}\n"},
        "reply": {"bad.md": f"# Mixed\n\n## Reply: Mixed\n{text}\n"},
        "snippet": {"snippets/bad.md": f"---\ntype: snippet\n---\n# S\n\n{text}\n"},
        "title": {"bad.md": f"# {text.splitlines()[0] if text.strip() else 'x'}\n\nBody.\n"},
        "front": {"bad.md": article("title: " + repr(text[:2000]).replace("\\n", " "))},
    }[place]
    case = Case(f"mixed-{place}", "patterns", files, reply="bad" if place == "reply" else "")
    outcome = run(worker, case, tmp_path_factory.mktemp("mixed"))
    assert outcome.ok, outcome.summary()
