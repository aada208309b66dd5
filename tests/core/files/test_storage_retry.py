"""One atomic-write helper everywhere: a rename another program blocks for a moment is tried again."""

from __future__ import annotations

import os

import pytest

from kb_assistant.core.errors import StorageError
from kb_assistant.core.files import storage
from kb_assistant.core.files.storage import replace_file, write_bytes_atomic
from kb_assistant.core.settings import Settings, load_settings, save_settings


def _sharing_violation():
    error = PermissionError(13, "The process cannot access the file because it is being used by another process")
    error.winerror = 32
    return error


@pytest.fixture
def flaky_replace(monkeypatch):
    """``os.replace`` that fails the first ``failures[0]`` calls with a sharing violation; no real pauses."""
    real = os.replace
    failures = [2]
    calls = []

    def replace(src, dst):
        calls.append((src, dst))
        if failures[0] > 0:
            failures[0] -= 1
            raise _sharing_violation()
        real(src, dst)

    monkeypatch.setattr(storage.os, "replace", replace)
    monkeypatch.setattr(storage.time, "sleep", lambda seconds: None)
    return failures, calls


def test_a_file_held_twice_by_another_program_is_still_written(tmp_path, flaky_replace):
    _, calls = flaky_replace
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    write_bytes_atomic(path, b"new")
    assert path.read_bytes() == b"new" and len(calls) == 3
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]  # no temporary file left


def test_a_file_held_for_good_fails_after_a_bounded_number_of_tries(tmp_path, flaky_replace):
    failures, calls = flaky_replace
    failures[0] = 100
    path = tmp_path / "a.md"
    path.write_bytes(b"old")
    with pytest.raises(StorageError):
        write_bytes_atomic(path, b"new")
    assert path.read_bytes() == b"old" and len(calls) == len(storage.REPLACE_DELAYS) + 1
    assert [p.name for p in tmp_path.iterdir()] == ["a.md"]


def test_other_errors_are_not_tried_again(tmp_path, monkeypatch):
    calls = []

    def replace(src, dst):
        calls.append(src)
        error = PermissionError(13, "denied")
        error.winerror = 1920  # not a sharing violation
        raise error

    monkeypatch.setattr(storage.os, "replace", replace)
    with pytest.raises(PermissionError):
        replace_file(tmp_path / "a", tmp_path / "b")
    assert len(calls) == 1


def test_settings_are_saved_through_the_shared_helper(tmp_path, flaky_replace):
    _, calls = flaky_replace
    path = tmp_path / "cfg" / "settings.json"
    save_settings(path, Settings(agent_name="Ann"))
    settings, error = load_settings(path)
    assert error is None and settings.agent_name == "Ann" and len(calls) == 3
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.json"]
