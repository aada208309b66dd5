"""Linux desktop integration: the entry, the metainfo and the icons, written for the user."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET

from PySide6.QtGui import QImage

from kb_assistant.app import main as app_main
from kb_assistant.ui.system.desktop import APPSTREAM_ID, DESKTOP_ID, data_home, desktop_entry, install_desktop_files
from kb_assistant.ui.system.icon import ICON_SIZES


def test_the_entry_starts_the_window_and_offers_quick_search():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read_string(desktop_entry("/opt/kb/bin/kb-assistant-gui"))
    main = entry["Desktop Entry"]
    assert (main["Type"], main["Exec"], main["Icon"], main["Terminal"]) == (
        "Application", "/opt/kb/bin/kb-assistant-gui", DESKTOP_ID, "false")
    assert main["StartupWMClass"] == DESKTOP_ID and "Office;" in main["Categories"]
    assert entry["Desktop Action quick-search"]["Exec"] == "/opt/kb/bin/kb-assistant-gui --show"


def test_install_writes_the_entry_metainfo_and_every_icon_size(qapp, tmp_path):
    written = install_desktop_files(tmp_path, "kb-assistant-gui")
    assert (tmp_path / "applications" / f"{DESKTOP_ID}.desktop") in written
    metainfo = tmp_path / "metainfo" / f"{APPSTREAM_ID}.metainfo.xml"
    root = ET.parse(metainfo).getroot()
    assert root.findtext("id") == APPSTREAM_ID and root.findtext("launchable") == f"{DESKTOP_ID}.desktop"
    assert (tmp_path / "icons" / "hicolor" / "scalable" / "apps" / f"{DESKTOP_ID}.svg").is_file()
    for size in ICON_SIZES:
        image = QImage(str(tmp_path / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{DESKTOP_ID}.png"))
        assert not image.isNull() and image.width() == size
    if shutil.which("appstreamcli"):
        done = subprocess.run(["appstreamcli", "validate", "--no-net", str(metainfo)], capture_output=True, text=True)
        assert done.returncode == 0, done.stdout + done.stderr


def test_the_command_installs_under_xdg_data_home(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    assert data_home() == tmp_path / "share"
    assert app_main(["--install-desktop"]) == 0
    assert (tmp_path / "share" / "applications" / f"{DESKTOP_ID}.desktop").is_file()
    assert "application menu" in capsys.readouterr().out
