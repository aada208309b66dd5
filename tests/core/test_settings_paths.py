"""Settings files and user folders."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest

from kb_assistant.core.paths import AppPaths, index_key, resolve_index_dir
from kb_assistant.core.settings import Settings, load_settings, save_settings


def test_settings_round_trip_keeps_unknown_keys(tmp_path):
    path = tmp_path / "conf" / "settings.json"
    path.parent.mkdir()
    path.write_text(json.dumps({"agent_name": "Anna", "future_option": [1, 2]}), encoding="utf-8")
    settings, error = load_settings(path)
    assert error is None and settings.agent_name == "Anna"
    settings.company = "Shopwave"
    save_settings(path, settings)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["future_option"] == [1, 2] and data["company"] == "Shopwave"
    assert not list(path.parent.glob(".settings-*"))


def test_missing_settings_are_defaults(tmp_path):
    assert load_settings(tmp_path / "none.json") == (Settings(), None)


def test_broken_settings_are_reported_not_fatal(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("{not json", encoding="utf-8")
    settings, error = load_settings(path)
    assert settings == Settings() and error.code == "settings-invalid" and "not valid JSON" in str(error)
    path.write_text("[1]", encoding="utf-8")
    assert load_settings(path)[1].code == "settings-not-object"
    path.write_bytes(b"\xff\xfe{")
    assert load_settings(path)[1].code == "settings-unreadable"  # not UTF-8: reported, not raised
    path.write_text("[" * 100_000, encoding="utf-8")
    assert load_settings(path)[1].code == "settings-invalid"  # nested too deeply for the JSON reader


def test_settings_as_notepad_saves_them_are_read(tmp_path):
    path = tmp_path / "s.json"
    text = json.dumps({"agent_name": "Зоя", "company": "Shopwave"}, ensure_ascii=False)
    for data in (codecs.BOM_UTF16_LE + text.encode("utf-16-le"), codecs.BOM_UTF8 + text.encode("utf-8")):
        path.write_bytes(data)
        settings, error = load_settings(path)
        assert error is None and (settings.agent_name, settings.company) == ("Зоя", "Shopwave")


@pytest.mark.parametrize(("data", "code", "reason"), [
    (b'{"agent_name": "\xff"}', "settings-unreadable", "json-not-text"),
    (b'{"a": ' * 100_000, "settings-invalid", "json-too-deep"),
    (b'{"font_size": ' + b"9" * 5000 + b"}", "settings-invalid", "json-number-too-long"),  # ValueError before
    (b"x" * (2 * 1024 * 1024), "settings-invalid", "json-too-large"),
])
def test_bad_settings_files_give_a_clear_message_and_defaults(tmp_path, data, code, reason):
    path = tmp_path / "s.json"
    path.write_bytes(data)
    settings, error = load_settings(path)
    assert settings == Settings() and (error.code, error.values["reason"].code) == (code, reason)
    assert str(path) in str(error) and "Traceback" not in str(error)


def test_values_no_part_of_the_app_can_use_are_reported_and_left_at_their_defaults(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"default_channel": "fax", "font_size": 10**8, "theme": "neon",
                                "agent_name": "Ann"}), encoding="utf-8")
    settings, error = load_settings(path)
    assert (settings.default_channel, settings.font_size, settings.theme) == ("email", 0, "system")
    assert settings.agent_name == "Ann"  # the good values are kept
    assert error.code == "settings-values-ignored" and "default_channel, font_size, theme" in str(error)


def test_wrong_types_fall_back_to_defaults(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"font_size": "big", "agent_name": 5}), encoding="utf-8")
    settings, _ = load_settings(path)
    assert settings.font_size == 0 and settings.agent_name == ""


def test_paths_from_environment(tmp_path):
    env = {"KB_ASSISTANT_CONFIG_DIR": str(tmp_path / "c"), "KB_ASSISTANT_CACHE_DIR": str(tmp_path / "k"),
           "KB_ASSISTANT_DATA_DIR": str(tmp_path / "d")}
    paths = AppPaths.from_environment(env)
    assert paths.config_dir == tmp_path / "c"
    assert paths.index_dir_for(tmp_path / "kb").parent == tmp_path / "k" / "indexes"


def test_index_dir_precedence(tmp_path):
    paths = AppPaths(tmp_path / "c", tmp_path / "k", tmp_path / "d")
    kb = tmp_path / "kb"
    assert resolve_index_dir(kb, paths, "/x", {"KB_ASSISTANT_INDEX": "/y"}) == Path("/x")
    assert resolve_index_dir(kb, paths, None, {"KB_ASSISTANT_INDEX": "/y"}) == Path("/y")
    assert resolve_index_dir(kb, paths, None, {}) == paths.index_dir_for(kb)


def test_index_key_is_stable_and_distinct(tmp_path):
    assert index_key(tmp_path / "a") == index_key(tmp_path / "a" / ".." / "a")
    assert index_key(tmp_path / "a") != index_key(tmp_path / "b")
    # a name with no ASCII letters left reads "kb", then the digest of the whole path
    cyrillic = index_key(tmp_path / "База знаний")
    assert cyrillic.startswith("kb-") and len(cyrillic) == len("kb-") + 16
    assert index_key(tmp_path / "Refunds (old)").startswith("Refunds-old-")


@pytest.mark.parametrize("value", [1, 0, "true", None, [True]])
def test_usage_switches_take_true_or_false_only(tmp_path, value):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"keep_usage": value, "share_usage": value}), encoding="utf-8")
    settings, error = load_settings(path)
    assert (settings.keep_usage, settings.share_usage) == (True, False)
    assert error is not None and "keep_usage" in error.values["names"] and "share_usage" in error.values["names"]


def test_usage_switches_round_trip(tmp_path):
    save_settings(tmp_path / "s.json", Settings(keep_usage=False, share_usage=True))
    assert load_settings(tmp_path / "s.json") == (Settings(keep_usage=False, share_usage=True), None)
