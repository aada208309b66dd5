"""One YAML scalar that the project's reader takes back as the same text."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from kb_assistant.core.articles.yaml_scalar import scalar_style, yaml_text


@settings(max_examples=300, deadline=None)
@given(text=st.text(max_size=30))
def test_yaml_text_reads_back_as_the_same_text_wherever_it_is_written(text):
    scalar = yaml_text(text)
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the reader core.articles.frontmatter uses
    assert "\n" not in scalar
    assert yaml.load(f"k: {scalar}", Loader=loader) == {"k": text}  # noqa: S506 - a safe loader
    assert yaml.load(f"[{scalar}]", Loader=loader) == [text]  # noqa: S506
    assert yaml.load(f"{{{scalar}: 1}}", Loader=loader) == {text: 1}  # noqa: S506


@pytest.mark.parametrize(("text", "scalar"), [
    ("refund-card", "refund-card"),
    ("yes", "'yes'"),
    ("it's: odd", "'it''s: odd'"),
    ("", "''"),
    ("two\nlines", '"two\\nlines"'),
    ("nel\x85", '"nel\\x85"'),
])
def test_yaml_text_is_plain_when_it_can_be(text, scalar):
    assert yaml_text(text) == scalar


def test_scalar_style_names_the_quoting():
    assert [scalar_style(t) for t in ("a", "on", "a\tb", "a\u2028b")] == ["plain", "single", "single", "double"]
