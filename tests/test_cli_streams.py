"""The command line speaks UTF-8 whatever the locale says (a Windows console, a cp1252 pipe), on the bundled sample."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


@pytest.mark.parametrize("locale", [{}, {"PYTHONUTF8": "0", "LC_ALL": "C"}], ids=["cp1252", "cp1252-and-C-locale"])
def test_a_cp1252_locale_still_gets_valid_utf8_json_from_the_bundled_sample(tmp_path, locale):
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", **locale,
           "KB_ASSISTANT_CONFIG_DIR": str(tmp_path / "config"), "KB_ASSISTANT_CACHE_DIR": str(tmp_path / "cache"),
           "KB_ASSISTANT_DATA_DIR": str(tmp_path / "data")}
    env.pop("KB_ASSISTANT_KB", None)
    env.pop("KB_ASSISTANT_INDEX", None)
    done = subprocess.run([sys.executable, "-m", "kb_assistant", "search", "--json", "возврат"], env=env,
                          capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    answer = json.loads(done.stdout.decode("utf-8"))
    assert answer["query"] == "возврат" and answer["hits"]
    assert any("возврат" in hit["snippet"].lower() or hit["id"].endswith("-ru") for hit in answer["hits"])
