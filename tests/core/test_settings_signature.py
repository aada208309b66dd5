"""The signature's channels in the settings: defaults, validation on load, the save round trip."""

from __future__ import annotations

import json

import pytest

from kb_assistant.core.settings import SIGNATURE_CHANNELS, Settings, load_settings, save_settings


def test_by_default_only_e_mail_gets_the_signature():
    assert Settings().signature_channels == ["email"] == list(SIGNATURE_CHANNELS)
    first, second = Settings(), Settings()
    first.signature_channels.append("chat")
    assert second.signature_channels == ["email"]  # no list shared between instances


def test_round_trip_through_the_file(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(path, Settings(agent_signature="Anna\nShopwave", signature_channels=["email", "messenger"]))
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["signature_channels"] == ["email", "messenger"]
    settings, error = load_settings(path)
    assert error is None
    assert settings.signature_channels == ["email", "messenger"] and settings.agent_signature == "Anna\nShopwave"


def test_an_empty_list_means_no_channel(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"signature_channels": []}), encoding="utf-8")
    assert load_settings(path) == (Settings(signature_channels=[]), None)


def test_a_file_without_the_setting_gets_e_mail(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"agent_name": "Anna"}), encoding="utf-8")
    settings, error = load_settings(path)
    assert error is None and settings.signature_channels == ["email"]


def test_duplicates_are_dropped_and_channels_kept_in_their_order(tmp_path):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"signature_channels": ["phone", "email", "phone"]}), encoding="utf-8")
    settings, error = load_settings(path)
    assert error is None and settings.signature_channels == ["email", "phone"]


@pytest.mark.parametrize("value", ["email", ["fax"], ["email", "fax"], ["email", 1], [True], {"email": True}, None, 1])
def test_invalid_channels_are_reported_and_defaulted(tmp_path, value):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"signature_channels": value, "agent_name": "Anna"}), encoding="utf-8")
    settings, error = load_settings(path)
    assert settings.signature_channels == ["email"]
    assert settings.agent_name == "Anna"  # the other settings are kept
    assert error.code == "settings-values-ignored" and "signature_channels" in str(error)
