"""Before Qt starts: the missing xcb libraries are named with the commands that install them (simulated)."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

from kb_assistant.platform_check import XCB_LIBRARIES, missing_qt_libraries, tell_without_qt, uses_xcb


def test_all_libraries_there_or_no_xcb_means_nothing_to_say():
    assert missing_qt_libraries(lambda soname: True, "linux", {}) is None
    assert missing_qt_libraries(lambda soname: False, "linux", {"QT_QPA_PLATFORM": "offscreen"}) is None
    assert missing_qt_libraries(lambda soname: False, "win32", {}) is None
    assert missing_qt_libraries(lambda soname: False, "darwin", {}) is None
    assert uses_xcb("linux", {"QT_QPA_PLATFORM": "xcb"}) and not uses_xcb("linux", {"QT_QPA_PLATFORM": "wayland"})


def test_the_missing_ones_are_named_with_one_apt_and_one_dnf_command():
    absent = {"libxcb-cursor.so.0", "libxcb-xkb.so.1", "libxcb-shape.so.0"}
    missing = missing_qt_libraries(lambda soname: soname not in absent, "linux", {"DISPLAY": ":0"})
    assert set(missing.sonames) == absent
    apt, dnf = missing.commands()
    assert apt == "sudo apt install libxcb-cursor0 libxcb-xkb1 libxcb-shape0"
    assert dnf == "sudo dnf install xcb-util-cursor libxcb"  # one package holds both xkb and shape
    text = missing.message()
    assert "libxcb-cursor.so.0" in text and apt in text and dnf in text


def test_every_library_of_ci_is_checked():
    with open(Path(__file__).resolve().parents[1] / ".ci" / "run", encoding="utf-8") as ci:
        ci_packages = ci.read()
    for _soname, debian, _fedora in XCB_LIBRARIES:
        assert debian in ci_packages


def test_told_on_stderr_and_in_zenity_when_there_is_one():
    calls, err = [], io.StringIO()
    shown = tell_without_qt("no libs", which=lambda tool: "/usr/bin/zenity" if tool == "zenity" else None,
                            run=lambda args, **kw: calls.append(args), stderr=err)
    assert shown == "zenity" and calls[0][0] == "/usr/bin/zenity" and "--text=no libs" in calls[0]
    assert "no libs" in err.getvalue()
    assert tell_without_qt("no libs", which=lambda tool: None, stderr=io.StringIO()) == "stderr"


def test_the_window_start_stops_with_the_message_and_exit_code_when_libraries_are_missing(tmp_path):
    code = ("import sys, kb_assistant.platform_check as pc\n"
            "pc._loadable = lambda soname: soname != 'libxcb-cursor.so.0'\n"
            "from kb_assistant.app import main\n"
            "sys.exit(main([]))\n")
    env = {"PATH": "/nonexistent", "QT_QPA_PLATFORM": "xcb", "DISPLAY": ":99", "KB_ASSISTANT_CONFIG_DIR": str(tmp_path / "c"),
           "KB_ASSISTANT_CACHE_DIR": str(tmp_path / "k"), "KB_ASSISTANT_DATA_DIR": str(tmp_path / "d")}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 7, done.stderr
    assert "libxcb-cursor.so.0" in done.stderr and "sudo apt install libxcb-cursor0" in done.stderr
    assert "sudo dnf install xcb-util-cursor" in done.stderr


def test_no_display_is_said_instead_of_qts_misleading_message(tmp_path, capsys):
    from kb_assistant.platform_check import check_qt_can_start, no_display

    assert no_display("linux", {}) and not no_display("linux", {"WAYLAND_DISPLAY": "wayland-0"})
    assert not no_display("linux", {"QT_QPA_PLATFORM": "offscreen"}) and not no_display("win32", {})
    import kb_assistant.platform_check as pc

    real, pc._loadable = pc._loadable, lambda soname: True
    try:
        assert not check_qt_can_start({}) and "there is no display" in capsys.readouterr().err
        assert check_qt_can_start({"DISPLAY": ":0"})
    finally:
        pc._loadable = real
