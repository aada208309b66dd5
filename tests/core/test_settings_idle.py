"""The customer's idle time in the settings: default, validation on load, the save round trip."""

from __future__ import annotations

import json

import pytest

from kb_assistant.core.replies.customer import DEFAULT_IDLE_MINUTES
from kb_assistant.core.settings import Settings, load_settings, save_settings


def test_the_default_is_ten_minutes():
    assert Settings().customer_idle_minutes == DEFAULT_IDLE_MINUTES == 10


def test_round_trip_through_the_file(tmp_path):
    path = tmp_path / "settings.json"
    save_settings(path, Settings(customer_idle_minutes=25))
    assert json.loads(path.read_text(encoding="utf-8"))["customer_idle_minutes"] == 25
    assert load_settings(path) == (Settings(customer_idle_minutes=25), None)


@pytest.mark.parametrize("value", [0, 1, 1440])
def test_zero_to_a_day_is_accepted(tmp_path, value):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"customer_idle_minutes": value}), encoding="utf-8")
    assert load_settings(path) == (Settings(customer_idle_minutes=value), None)


@pytest.mark.parametrize("value", [-1, 1441, 10 ** 9, 2.5, "10", True, None, [10]])
def test_anything_else_is_reported_and_the_default_used(tmp_path, value):
    path = tmp_path / "s.json"
    path.write_text(json.dumps({"customer_idle_minutes": value, "agent_name": "Anna"}), encoding="utf-8")
    settings, error = load_settings(path)
    assert settings.customer_idle_minutes == 10 and settings.agent_name == "Anna"
    assert error is not None and error.code == "settings-values-ignored"
    assert "customer_idle_minutes" in error.values["names"]
