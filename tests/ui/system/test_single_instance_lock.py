"""Single instance, Windows basics: the lock file beside the socket, and the foreground hand-over."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

import pytest

from kb_assistant.core.paths import AppPaths
from kb_assistant.ui.system import single_instance
from kb_assistant.ui.system.single_instance import (
    ASFW_ANY,
    InstanceServer,
    allow_foreground_handover,
    lock_held,
    lock_path,
    new_lock,
    server_name,
    try_hand_over,
)


@pytest.fixture
def name(tmp_path):
    name = server_name(AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data"))
    yield name
    if os.path.exists(lock_path(name)):
        os.unlink(lock_path(name))


def test_the_running_instance_holds_the_lock_and_a_second_server_does_not_start(qtbot, name):
    first = InstanceServer(name)
    assert first.listen() and lock_held(name)
    second = InstanceServer(name)
    assert not second.listen()
    first.close()
    assert not lock_held(name)
    assert second.listen()
    second.close()


def test_a_launch_that_finds_the_lock_held_waits_for_the_server_instead_of_starting(qtbot, name, monkeypatch):
    starting = new_lock(name)
    assert starting.tryLock(0)  # the other instance has its lock but no socket yet
    servers, asked = [], []

    def pause(seconds):  # the other instance's socket appears while this launch waits
        if not servers:
            starting.unlock()
            servers.append(InstanceServer(name))
            assert servers[0].listen()
            servers[0].show_requested.connect(asked.append)

    monkeypatch.setattr(single_instance, "_pause", pause)
    try:
        assert try_hand_over(name, "refund", timeout_ms=200)
        qtbot.waitUntil(lambda: asked == ["refund"], timeout=2000)
    finally:
        for server in servers:
            server.close()


def test_a_lock_nobody_answers_for_is_given_up_after_a_bounded_wait(name, monkeypatch):
    held = new_lock(name)
    assert held.tryLock(0)
    pauses = []
    monkeypatch.setattr(single_instance, "_pause", pauses.append)
    try:
        assert not try_hand_over(name, None, timeout_ms=20, starting_wait_ms=150)
    finally:
        held.unlock()
    assert pauses  # it did try again
    assert not try_hand_over(name, None, timeout_ms=20)  # no lock, no server: no wait at all


def test_a_stale_lock_of_a_crashed_instance_is_taken_over(qtbot, name, tmp_path):
    script = textwrap.dedent(f"""
        import os
        from PySide6.QtCore import QLockFile
        lock = QLockFile({lock_path(name)!r})
        assert lock.tryLock(0)
        os._exit(0)  # crashed: the lock file stays
    """)
    subprocess.run([sys.executable, "-c", script], check=True, timeout=60)
    assert os.path.exists(lock_path(name))
    assert not lock_held(name)
    server = InstanceServer(name)
    assert server.listen() and lock_held(name)
    server.close()


def test_allow_set_foreground_window_is_a_no_op_off_windows(monkeypatch):
    monkeypatch.setattr(single_instance, "_user32", lambda: pytest.fail("user32 reached off Windows"))
    monkeypatch.setattr(single_instance.sys, "platform", "linux")
    assert allow_foreground_handover() is False


def test_allow_set_foreground_window_is_called_on_windows_before_connecting(monkeypatch, name):
    calls = []

    class User32:
        def AllowSetForegroundWindow(self, who):  # noqa: N802 - the Windows name
            calls.append(who)
            return 1

    monkeypatch.setattr(single_instance, "_user32", User32)
    monkeypatch.setattr(single_instance.sys, "platform", "win32")
    assert allow_foreground_handover() is True and calls == [ASFW_ANY]
    assert not try_hand_over(name, None, timeout_ms=20)
    assert calls == [ASFW_ANY, ASFW_ANY]
    monkeypatch.setattr(single_instance, "_user32", lambda: (_ for _ in ()).throw(OSError("no user32")))
    assert allow_foreground_handover() is False
