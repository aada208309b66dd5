"""Settings files and user folders."""

from __future__ import annotations

import json
from pathlib import Path

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
