"""Must show: under Xvfb, the hotkey raises the app over another process's window, a copy pastes the reply there.

A real ``kb-assistant`` (on a tmp KB, with its own KB_ASSISTANT_* folders and
``paste_back`` on) and a small PySide6 window of another process that writes its
text to a file share an Xvfb display with no window manager. The other window
has focus; ``kb-assistant --show`` (the hotkey) raises the app with a query;
Enter opens the top article and Ctrl+Enter copies its reply; the reply's text
must arrive in the other window. Skipped only where ``Xvfb`` or ``xdotool`` is missing.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.skipif(not (shutil.which("Xvfb") and shutil.which("xdotool")),
                                reason="needs Xvfb and xdotool (CI installs both)")

REPLY = "Your parcel left our warehouse today and arrives within three days."
ARTICLE = f"---\nid: parcel\ntitle: Where is my parcel\n---\n# Where is my parcel\n\nTracking.\n\n## Reply: On its way\n{REPLY}\n"
TARGET = """
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication, QPlainTextEdit
app = QApplication([])
edit = QPlainTextEdit()
edit.setWindowTitle("paste target")
out = Path(sys.argv[1])
edit.textChanged.connect(lambda: out.write_text(edit.toPlainText(), encoding="utf-8"))
edit.resize(400, 200)
edit.show()
edit.activateWindow()
edit.setFocus()
Path(sys.argv[2]).write_text(str(int(edit.winId())), encoding="utf-8")
app.exec()
"""


def wait_for(condition, timeout=15.0, what=""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def free_display() -> int:
    for number in range(93, 140):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    pytest.skip("no free X display number")


def focus(env) -> str:
    result = subprocess.run(["xdotool", "getwindowfocus"], env=env, capture_output=True, text=True, timeout=5)
    return result.stdout.strip() if result.returncode == 0 else ""


@pytest.fixture
def display():
    number = free_display()
    server = subprocess.Popen(["Xvfb", f":{number}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for(lambda: Path(f"/tmp/.X11-unix/X{number}").exists() or server.poll() is not None, 10, "Xvfb")
        if server.poll() is not None:
            pytest.skip("Xvfb did not start")
        yield f":{number}"
    finally:
        server.terminate()
        server.wait(10)


def test_the_reply_is_pasted_into_the_window_the_hotkey_came_from(tmp_path, display):
    kb = tmp_path / "kb"
    kb.mkdir()
    (kb / "parcel.md").write_text(ARTICLE, encoding="utf-8")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("KB_ASSISTANT_", "WAYLAND"))}
    env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", KB_ASSISTANT_CONFIG_DIR=str(tmp_path / "config"),
               KB_ASSISTANT_CACHE_DIR=str(tmp_path / "cache"), KB_ASSISTANT_DATA_DIR=str(tmp_path / "data"),
               KB_ASSISTANT_LOG_DIR=str(tmp_path / "log"))
    (tmp_path / "config").mkdir()
    (tmp_path / "config" / "settings.json").write_text(
        json.dumps({"paste_back": True, "default_channel": "chat", "keep_usage": False}), encoding="utf-8")
    pasted, target_id = tmp_path / "pasted.txt", tmp_path / "target-id.txt"
    app_command = [sys.executable, "-m", "kb_assistant", "--kb", str(kb)]
    processes = []
    try:
        app_output = (tmp_path / "app-output.txt").open("wb")  # read it when the test fails
        processes.append(subprocess.Popen(app_command, env=env, stdout=app_output, stderr=subprocess.STDOUT))
        app_window = wait_for(lambda: subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "KB Assistant"],
                                                     env=env, capture_output=True, text=True).stdout.split(),
                              20, "the app's window")
        processes.append(subprocess.Popen([sys.executable, "-c", TARGET, str(pasted), str(target_id)], env=env,
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL))
        target = wait_for(lambda: target_id.exists() and target_id.read_text(encoding="utf-8"), 15, "the other window")
        wait_for(lambda: focus(env) == target, 10, "the other window's focus")
        # No window manager here: X takes Qt's focus request only with a time later than the last focus
        # change, and Qt knows the time from the events it gets. A pointer move over the app gives it one
        # (a window manager would activate the window itself); the focus stays in the other window.
        subprocess.run(["xdotool", "mousemove", "--window", app_window[0], "500", "400"], env=env, timeout=5)
        subprocess.run(["xdotool", "mousemove", "--window", app_window[0], "510", "410"], env=env, timeout=5)
        assert focus(env) == target

        subprocess.run(app_command + ["--show", "parcel"], env=env, timeout=20, check=True)  # the hotkey
        wait_for(lambda: focus(env) in app_window, 10, "the app to take focus")

        def pasted_text():
            if focus(env) in app_window:  # still in the app: the results may not be there yet
                subprocess.run(["xdotool", "key", "Return"], env=env, timeout=5)
                time.sleep(0.3)
                if focus(env) in app_window:
                    subprocess.run(["xdotool", "key", "ctrl+Return"], env=env, timeout=5)
            deadline = time.monotonic() + 1.5
            while time.monotonic() < deadline:
                if pasted.exists() and REPLY in pasted.read_text(encoding="utf-8"):
                    return True
                time.sleep(0.05)
            return False

        wait_for(pasted_text, 15, "the reply in the other window")
        assert focus(env) == target
        assert processes[0].poll() is None  # the app is hidden, not gone
    finally:
        for process in reversed(processes):
            process.terminate()
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()
