"""The built-in global hotkey: parsed, refused where no platform allows it, and pressed for real under Xvfb."""

from __future__ import annotations

import os
import shutil
import subprocess
import time

import pytest

from kb_assistant.ui.system import hotkey as hotkey_module
from kb_assistant.ui.system.hotkey import GlobalHotkey, hotkey_support, parse_hotkey


def test_keys_are_a_letter_digit_or_f_key_with_a_modifier():
    assert parse_hotkey("Ctrl+Alt+K") == (["ctrl", "alt"], "k")
    assert parse_hotkey("Super + F9") == (["super"], "f9")
    for bad in ("K", "Ctrl+", "Hyper+K", "Ctrl+Alt+Delete", "Ctrl+й", ""):
        assert parse_hotkey(bad) is None, bad


def test_wayland_and_macos_say_why_there_is_none(monkeypatch):
    monkeypatch.setattr(hotkey_module.sys, "platform", "linux")
    allowed, why = hotkey_support({"WAYLAND_DISPLAY": "wayland-0"})
    assert not allowed and "Wayland" in why and "--show" in why
    monkeypatch.setattr(hotkey_module.sys, "platform", "darwin")
    assert not hotkey_support({})[0]


@pytest.fixture
def xvfb(monkeypatch):
    if not (shutil.which("Xvfb") and shutil.which("xdotool")):
        pytest.skip("Xvfb and xdotool are needed (CI installs both)")
    display = ":" + str(90 + os.getpid() % 9)
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "640x480x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while subprocess.run(["xdotool", "getmouselocation"], env={**os.environ, "DISPLAY": display},
                         capture_output=True).returncode and time.monotonic() < deadline:
        time.sleep(0.1)
    monkeypatch.setenv("DISPLAY", display)
    monkeypatch.delenv("WAYLAND_DISPLAY", raising=False)
    yield display
    server.terminate()
    server.wait(10)


def test_the_key_pressed_anywhere_is_heard_and_let_go(qtbot, xvfb):
    key = GlobalHotkey()
    assert key.register("Ctrl+Alt+K")
    with qtbot.waitSignal(key.activated, timeout=5000):
        subprocess.run(["xdotool", "key", "ctrl+alt+k"], check=True)
    other = GlobalHotkey()
    assert not other.register("Ctrl+Alt+K")  # taken: refused, and the process lives on
    key.unregister()
    assert other.register("Ctrl+Alt+K")
    other.unregister()
