"""Single instance: a second launch hands its query to the running window."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QDir
from PySide6.QtNetwork import QLocalSocket

from kb_assistant.core.paths import AppPaths
from kb_assistant.ui.system.single_instance import (
    MAX_MESSAGE_BYTES,
    InstanceServer,
    decode_message,
    encode_message,
    server_name,
    try_hand_over,
)


@pytest.fixture
def name(tmp_path):
    return server_name(AppPaths(tmp_path / "config", tmp_path / "cache", tmp_path / "data"))


@pytest.fixture
def server(qtbot, name):
    srv = InstanceServer(name)
    assert srv.listen()
    yield srv
    srv.close()


def send_raw(name: str, chunks: list[bytes], qtbot) -> None:
    """Write raw bytes to the server in several writes, then disconnect."""
    client = QLocalSocket()
    client.connectToServer(name)
    assert client.waitForConnected(1000)
    for chunk in chunks:
        client.write(chunk)
        client.flush()
        qtbot.wait(5)  # let the server see a partial message
    while client.bytesToWrite():
        assert client.waitForBytesWritten(1000)
    client.disconnectFromServer()


def test_server_name_depends_on_config_dir_only(tmp_path):
    one = AppPaths(tmp_path / "a", tmp_path / "c1", tmp_path / "d1")
    same = AppPaths(tmp_path / "a", tmp_path / "c2", tmp_path / "d2")
    other = AppPaths(tmp_path / "b", tmp_path / "c1", tmp_path / "d1")
    assert server_name(one) == server_name(same)
    assert server_name(one) != server_name(other)
    assert server_name(one).startswith("kb-assistant-")


def test_message_round_trip():
    for query in (None, "", "возврат денег", 'quotes " and \n newline'):
        line = encode_message(query)
        assert line.endswith(b"\n") and line.count(b"\n") == 1
        assert decode_message(line[:-1]) == (True, query)
    for bad in (b"", b"\xff\xfe", b"[1, 2]", b'{"action": "quit"}', b'{"action": "show", "query": 5}', b"{"):
        assert decode_message(bad) == (False, None)


def test_no_server_means_no_hand_over(name):
    assert try_hand_over(name, "anything", timeout_ms=200) is False


def test_hand_over_cyrillic_query(qtbot, server, name):
    with qtbot.waitSignal(server.show_requested, timeout=3000) as blocker:
        assert try_hand_over(name, "возврат денег") is True
    assert blocker.args == ["возврат денег"]


@pytest.mark.parametrize("query", [None, ""])
def test_hand_over_without_query(qtbot, server, name, query):
    with qtbot.waitSignal(server.show_requested, timeout=3000) as blocker:
        assert try_hand_over(name, query)
    assert blocker.args == [query]


def test_partial_reads_and_several_messages_in_one_connection(qtbot, server, name):
    received = []
    server.show_requested.connect(received.append)
    first, second = encode_message("первый"), encode_message("second")
    send_raw(name, [first[:5], first[5:9], first[9:] + second[:3], second[3:] + encode_message(None)], qtbot)
    qtbot.waitUntil(lambda: len(received) == 3, timeout=3000)
    assert received == ["первый", "second", None]


def test_garbage_and_oversize_are_ignored(qtbot, server, name):
    received = []
    server.show_requested.connect(received.append)
    oversize = encode_message("x" * (MAX_MESSAGE_BYTES + 10))
    send_raw(
        name,
        [b"\x00\xff garbage\n", b"not json\n", b'{"action": "rm -rf"}\n', oversize[:40000], oversize[40000:],
         encode_message("after")],
        qtbot,
    )
    qtbot.waitUntil(lambda: received == ["after"], timeout=3000)
    # a message without its final newline still counts when the client closes
    send_raw(name, [encode_message("last").rstrip(b"\n")], qtbot)
    qtbot.waitUntil(lambda: received == ["after", "last"], timeout=3000)


def test_oversize_stream_without_newline_is_dropped(qtbot, server, name):
    received = []
    server.show_requested.connect(received.append)
    send_raw(name, [b"y" * 50000, b"y" * 50000, b"\n", encode_message("ok")], qtbot)
    qtbot.waitUntil(lambda: received == ["ok"], timeout=3000)


@pytest.mark.skipif(sys.platform == "win32", reason="Unix domain socket files only")
def test_stale_socket_file_is_replaced(qtbot, name):
    # a crashed instance leaves its socket file behind: bound, but nobody listening
    path = Path(QDir.tempPath()) / name
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()
    assert path.exists()
    assert try_hand_over(name, "q", timeout_ms=200) is False
    srv = InstanceServer(name)
    try:
        assert srv.listen()
        with qtbot.waitSignal(srv.show_requested, timeout=3000):
            assert try_hand_over(name, "after crash")
    finally:
        srv.close()


def test_second_server_does_not_steal_a_live_name(qtbot, server, name):
    second = InstanceServer(name)
    assert second.listen() is False
    with qtbot.waitSignal(server.show_requested, timeout=3000):
        assert try_hand_over(name, "still the first")
    second.close()


def test_close_stops_hand_over(qtbot, name):
    srv = InstanceServer(name)
    assert srv.listen() and srv.is_listening
    srv.close()
    assert not srv.is_listening
    assert try_hand_over(name, "q", timeout_ms=200) is False


@pytest.mark.skipif(sys.platform == "win32", reason="Unix domain socket files only")
def test_socket_file_is_private_to_the_user(server, name):
    mode = (Path(QDir.tempPath()) / name).stat().st_mode & 0o777
    assert mode == 0o600
