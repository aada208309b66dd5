"""The one safe JSON reader: bounded work, a coded error for anything wrong, nothing else ever raised."""

from __future__ import annotations

import codecs
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kb_assistant.core.files.jsonfile import (
    MAX_DEPTH,
    JsonError,
    nesting_depth,
    parse_json,
    read_json,
)


@pytest.mark.parametrize(("data", "code"), [
    (b"[" * 100_000 + b"]" * 100_000, "json-too-deep"),  # Python's own reader: RecursionError
    (b'{"a":' * 100_000, "json-too-deep"),
    (b"9" * 5000, "json-number-too-long"),  # Python's own reader: ValueError (4300 digits)
    (b'{"counter": ' + b"1" * 5000 + b"}", "json-number-too-long"),
    (b"1." + b"5" * 5000, "json-number-too-long"),
    (b'{"a": NaN}', "json-invalid"),
    (b"[Infinity]", "json-invalid"),
    (b'{"a": "\xff"}', "json-not-text"),
    (b"\xff\xfe{", "json-not-text"),  # a UTF-16 mark, then half a character
    (b'{"a": 1', "json-invalid"),
    (b"", "json-invalid"),
])
def test_bad_documents_give_one_coded_error(data, code):
    with pytest.raises(JsonError) as caught:
        parse_json(data)
    assert caught.value.code == code and str(caught.value)


def test_what_notepad_saves_is_read():
    text = '{"agent_name": "Зоя", "n": [1, 2.5, true, null]}'
    expected = {"agent_name": "Зоя", "n": [1, 2.5, True, None]}
    assert parse_json(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == expected
    assert parse_json(codecs.BOM_UTF16_BE + text.encode("utf-16-be")) == expected
    assert parse_json(codecs.BOM_UTF8 + text.encode("utf-8")) == expected


def test_depth_is_counted_outside_strings_and_up_to_the_limit():
    assert nesting_depth('{"a": "[[[[[[", "b": [[1]]}') == 3
    assert nesting_depth('["\\"[[[", [2]]') == 2
    assert nesting_depth("[" * 10_000) == MAX_DEPTH + 1  # counting stops past the limit
    assert parse_json("[" * MAX_DEPTH + "]" * MAX_DEPTH) is not None


def test_files(tmp_path):
    with pytest.raises(JsonError) as caught:
        read_json(tmp_path / "none.json")
    assert caught.value.missing
    with pytest.raises(JsonError) as caught:
        read_json(tmp_path)  # a folder
    assert caught.value.code == "json-unreadable" and not caught.value.missing
    big = tmp_path / "big.json"
    big.write_bytes(b'"' + b"x" * 2000 + b'"')
    with pytest.raises(JsonError) as caught:
        read_json(big, max_bytes=1000)
    assert caught.value.code == "json-too-large"
    good = tmp_path / "good.json"
    good.write_text(json.dumps({"a": [1, {"b": "c"}]}), encoding="utf-8")
    assert read_json(good) == {"a": [1, {"b": "c"}]}


def test_a_syntax_error_keeps_its_line():
    with pytest.raises(JsonError) as caught:
        parse_json(b'{\n"a": 1,\n}')
    assert caught.value.line == 3 and caught.value.code == "json-invalid"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200) | st.text(alphabet='[]{}":,0123456789.eE-+ \\nNaIfty\x00\xff', max_size=200)
       .map(lambda text: text.encode("utf-8")))
def test_no_bytes_raise_anything_but_a_coded_error(data):
    try:
        parse_json(data)
    except JsonError as exc:
        assert exc.code.startswith("json-")


@settings(max_examples=200, deadline=None)
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4),
                    max_leaves=20))
def test_whatever_the_app_writes_reads_back(value):
    assert parse_json(json.dumps(value, ensure_ascii=True).encode("ascii")) == value
