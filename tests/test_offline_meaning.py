"""An install from the README's commands matches by meaning with no network: every socket is refused."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys

import pytest

from kb_assistant.core.search.semantic import model_files

pytestmark = pytest.mark.skipif(model_files() is None, reason="the wordllama package is not installed")

# Run before anything is imported: a socket made, a name looked up, a connection tried is written
# to stderr and fails. Hugging Face's offline switches are left as a fresh machine has them (unset).
BLOCK_NETWORK = """
import socket, sys

def refuse(what):
    def refused(*args, **kwargs):
        sys.stderr.write("NETWORK ATTEMPT: " + what + "\\n")
        raise OSError("the network is blocked by the test")
    return refused

class NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        refuse("socket")()

socket.socket = NoSocket
socket.create_connection = refuse("create_connection")
socket.getaddrinfo = refuse("getaddrinfo")
socket.gethostbyname = refuse("gethostbyname")
sys.argv = ["kb-assistant", *sys.argv[1:]]
from kb_assistant.app import main
sys.exit(main(sys.argv[1:]))
"""

KB = {
    "del/track.en.md": "---\nid: tracking\nlang: en\n---\n# Tracking a parcel\n\n"
                       "The tracking number comes by e-mail once the order ships.\n",
    "pay/refund.en.md": "---\nid: refund\nlang: en\n---\n# Refund to a bank card\n\n"
                        "Refunds reach the card in 3 to 10 business days.\n",
}


@functools.cache
def _no_network_namespace() -> list[str]:
    """``unshare -rn`` where it works: no network at all, native code (the tokenizers' Rust) included."""
    unshare = shutil.which("unshare")
    if unshare and subprocess.run([unshare, "-rn", "true"], capture_output=True, timeout=30).returncode == 0:
        return [unshare, "-rn"]
    return []


def _offline(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("HF_", "TRANSFORMERS_", "KB_ASSISTANT_"))}
    env.update(HOME=str(tmp_path / "home"), KB_ASSISTANT_CONFIG_DIR=str(tmp_path / "config"),
               KB_ASSISTANT_CACHE_DIR=str(tmp_path / "cache"), KB_ASSISTANT_DATA_DIR=str(tmp_path / "data"))
    return subprocess.run([*_no_network_namespace(), sys.executable, "-c", BLOCK_NETWORK, *args], env=env,
                          capture_output=True,
                          text=True, encoding="utf-8", timeout=180)


def test_the_command_line_finds_an_article_by_meaning_with_every_socket_refused(tmp_path, write_kb):
    kb = write_kb(KB)
    index = tmp_path / "index"
    done = _offline(tmp_path, "search", "--kb", str(kb), "--index", str(index), "--json", "where is my package")
    assert "NETWORK ATTEMPT" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    answer = json.loads(done.stdout)
    assert answer["hits"][0]["id"] == "tracking"  # no word in common: only the meaning finds it
    assert list((index / "semantic").glob("*.npz")), "the article vectors are kept beside the index"


def test_building_the_index_embeds_the_articles_offline(tmp_path, write_kb):
    kb = write_kb(KB)
    done = _offline(tmp_path, "index", "--kb", str(kb), "--index", str(tmp_path / "index"))
    assert "NETWORK ATTEMPT" not in done.stderr, done.stderr
    assert done.returncode == 0, done.stderr
    assert list((tmp_path / "index" / "semantic").glob("*.npz"))
