"""Test set-up: headless Qt and private user folders for every test.

QT_QPA_PLATFORM must be set before anything imports Qt, so it is set here at
the top, before pytest-qt creates the QApplication.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def private_user_dirs(tmp_path_factory, monkeypatch):
    """Point every user folder at a temporary one: tests never touch real config."""
    base = tmp_path_factory.mktemp("user")
    for name, sub in (
        ("KB_ASSISTANT_CONFIG_DIR", "config"),
        ("KB_ASSISTANT_CACHE_DIR", "cache"),
        ("KB_ASSISTANT_DATA_DIR", "data"),
    ):
        monkeypatch.setenv(name, str(base / sub))
    monkeypatch.delenv("KB_ASSISTANT_INDEX", raising=False)
    monkeypatch.delenv("KB_ASSISTANT_KB", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(base / "xdg-config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(base / "xdg-cache"))
    monkeypatch.setenv("XDG_DATA_HOME", str(base / "xdg-data"))
    return base


@pytest.fixture
def write_kb(tmp_path):
    """Create a KB folder from ``{relative path: text or bytes}`` and return its root."""

    def make(files: dict[str, str | bytes], root: Path | None = None) -> Path:
        root = root or tmp_path / "kb"
        root.mkdir(parents=True, exist_ok=True)
        for rel, content in files.items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(content, encoding="utf-8")
        return root

    return make
