"""The built wheel carries the sample KB (the first run of an install needs it), the translations and both entry points."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from kb_assistant.core.paths import bundled_kb_dir

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory):
    # built from a copy: setuptools builds in the source tree, where a build/ left over (or a
    # build by another run at the same time) could put stale files in the wheel
    source, out = tmp_path_factory.mktemp("source"), tmp_path_factory.mktemp("dist")
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(REPO / "kb_assistant", source / "kb_assistant",
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    done = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(out), str(source)],
                          capture_output=True, text=True, timeout=300)
    if done.returncode != 0 and ("Could not find a version" in done.stderr or "Network" in done.stderr):
        pytest.skip(f"no package index for the build requirements: {done.stderr[-300:]}")
    assert done.returncode == 0, done.stderr
    (built,) = out.glob("kb_assistant-*.whl")
    with zipfile.ZipFile(built) as archive:
        yield archive


def test_every_file_of_the_sample_kb_is_in_the_wheel(wheel):
    names = set(wheel.namelist())
    sample = bundled_kb_dir()
    expected = {f"kb_assistant/sample_kb/{path.relative_to(sample).as_posix()}"
                for path in sample.rglob("*") if path.is_file()}
    assert len(expected) > 50 and "kb_assistant/sample_kb/_kb.yml" in expected
    assert expected <= names, sorted(expected - names)[:5]
    assert {"kb_assistant/translations/kb_assistant_ru.qm", "kb_assistant/translations/__init__.py"} <= names


def test_the_wheel_has_a_console_and_a_gui_entry_point(wheel):
    (entry_points,) = [name for name in wheel.namelist() if name.endswith(".dist-info/entry_points.txt")]
    text = wheel.read(entry_points).decode()
    assert "[console_scripts]\nkb-assistant = kb_assistant.app:main" in text
    assert "[gui_scripts]\nkb-assistant-gui = kb_assistant.app:main" in text


def test_the_sample_is_found_through_the_package_and_articles_links_to_it():
    sample = bundled_kb_dir()
    assert sample == REPO / "kb_assistant" / "sample_kb" and (sample / "_kb.yml").is_file()
    if (REPO / "articles").exists():  # a checkout where symbolic links work
        assert (REPO / "articles").resolve() == sample.resolve()
