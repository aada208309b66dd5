"""Safe saving: atomic writes, kept encodings and line endings, external changes, diffs."""

from __future__ import annotations

import codecs
import os
import stat
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kb_assistant.core.files import storage
from kb_assistant.core.errors import (
    EncodingChangeNeeded,
    ExternalChangeError,
    FileAlreadyExistsError,
    FileReadError,
    KbError,
    StorageError,
)
from kb_assistant.core.files.storage import read_text, save_text, snapshot, unified_diff

ENCODED = {
    "utf-8": "Привет\nмир\n".encode(),
    "utf-8-sig": codecs.BOM_UTF8 + "Привет\nмир\n".encode(),
    "cp1251": "Привет\nмир\n".encode("cp1251"),
    "utf-16": "Привет\nмир\n".encode("utf-16"),
    "utf-16-be": codecs.BOM_UTF16_BE + "Привет\nмир\n".encode("utf-16-be"),
}


def leftovers(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.mark.parametrize("encoding", sorted(ENCODED))
def test_round_trip_keeps_the_encoding(tmp_path, encoding):
    path = tmp_path / "a.md"
    path.write_bytes(ENCODED[encoding])
    text, snap = read_text(path)
    assert text == "Привет\nмир\n"
    assert snap.encoding == encoding
    new = save_text(path, text + "ещё строка\n", snap)
    assert new.encoding == encoding
    again, _ = read_text(path)
    assert again == "Привет\nмир\nещё строка\n"
    if encoding == "utf-8-sig":
        assert path.read_bytes().startswith(codecs.BOM_UTF8)
    if encoding == "utf-16-be":
        assert path.read_bytes().startswith(codecs.BOM_UTF16_BE)
    if encoding == "utf-16":
        assert path.read_bytes().startswith(codecs.BOM_UTF16_LE)
    assert new == snapshot(path)


@pytest.mark.parametrize("newline", ["\r\n", "\r", "\n"])
def test_round_trip_keeps_line_endings(tmp_path, newline):
    path = tmp_path / "a.md"
    path.write_bytes(newline.join(["# T", "one", "two", ""]).encode())
    text, snap = read_text(path)
    assert text == "# T\none\ntwo\n" and snap.newline == newline
    save_text(path, text.replace("two", "three"), snap)
    assert path.read_bytes() == newline.join(["# T", "one", "three", ""]).encode()


def test_crlf_in_utf16_and_cp1251(tmp_path):
    for encoding in ("utf-16", "cp1251"):
        path = tmp_path / f"{encoding}.md"
        path.write_bytes("а\r\nб\r\n".encode(encoding))
        text, snap = read_text(path)
        save_text(path, text + "в\n", snap)
        assert path.read_bytes() == "а\r\nб\r\nв\r\n".encode(encoding)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permission bits")
def test_permissions_are_kept(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("x\n")
    os.chmod(path, 0o640)
    text, snap = read_text(path)
    save_text(path, "y\n", snap)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert path.read_text() == "y\n"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_symlinked_file_stays_a_link(tmp_path):
    real = tmp_path / "real.md"
    real.write_text("x\n")
    link = tmp_path / "link.md"
    link.symlink_to(real)
    text, snap = read_text(link)
    save_text(link, "y\n", snap)
    assert link.is_symlink() and real.read_text() == "y\n"


@pytest.mark.parametrize("failing", ["replace", "fsync", "write"])
def test_a_failure_mid_write_leaves_the_old_file_whole(tmp_path, monkeypatch, failing):
    path = tmp_path / "a.md"
    path.write_text("old text\n")
    text, snap = read_text(path)

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    if failing == "write":
        real_open = open

        class HalfWriter:
            """Writes half of the bytes, then the disk is full."""

            def __init__(self, *args):
                self.handle = real_open(*args)

            def write(self, data):
                self.handle.write(data[: len(data) // 2])
                self.handle.flush()
                boom()

            def __getattr__(self, name):
                return getattr(self.handle, name)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self.handle.close()

        monkeypatch.setattr(storage, "open", HalfWriter, raising=False)
    else:
        monkeypatch.setattr(os, failing, boom)
    with pytest.raises(StorageError) as caught:
        save_text(path, "new text\n", snap)
    monkeypatch.undo()
    assert "No space left on device" in str(caught.value) and str(path) in str(caught.value)
    assert path.read_text() == "old text\n"
    assert leftovers(tmp_path) == []


def test_an_unexpected_exception_mid_write_also_cleans_up(tmp_path, monkeypatch):
    path = tmp_path / "a.md"
    path.write_text("old\n")
    _, snap = read_text(path)

    def interrupted(*args):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    with pytest.raises(KeyboardInterrupt):
        save_text(path, "new\n", snap)
    monkeypatch.undo()
    assert path.read_text() == "old\n" and leftovers(tmp_path) == []


def test_external_change_is_detected_and_nothing_is_overwritten(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("mine\n")
    _, snap = read_text(path)
    path.write_text("theirs\n")
    with pytest.raises(ExternalChangeError) as caught:
        save_text(path, "my edit\n", snap)
    error = caught.value
    assert isinstance(error, KbError) and error.code == "external-change"
    assert not error.deleted
    assert error.disk_text == "theirs\n"
    assert error.disk_snapshot == snapshot(path)
    assert "changed on disk" in str(error) and str(path) in str(error)
    assert path.read_text() == "theirs\n"


def test_a_touch_without_a_change_is_no_conflict(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("same\n")
    _, snap = read_text(path)
    os.utime(path, ns=(1, 1))
    save_text(path, "edited\n", snap)
    assert path.read_text() == "edited\n"


def test_deleted_file_is_an_external_change(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("x\n")
    _, snap = read_text(path)
    path.unlink()
    with pytest.raises(ExternalChangeError) as caught:
        save_text(path, "y\n", snap)
    assert caught.value.deleted and caught.value.disk_text is None
    assert "deleted" in str(caught.value)
    assert not path.exists()


def test_force_overwrites(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("x\n")
    _, snap = read_text(path)
    path.write_text("theirs\n")
    new = save_text(path, "mine\n", snap, force=True)
    assert path.read_text() == "mine\n" and new.content_hash == snapshot(path).content_hash
    path.unlink()
    save_text(path, "back\n", snap, force=True)
    assert path.read_text() == "back\n"


def test_new_files(tmp_path):
    path = tmp_path / "sub" / "new.md"
    snap = save_text(path, "# New\n", None)
    assert path.read_text() == "# New\n" and snap.encoding == "utf-8" and snap.newline == "\n"
    with pytest.raises(FileAlreadyExistsError) as caught:
        save_text(path, "# Other\n", None)
    assert str(path) in str(caught.value) and "already exists" in str(caught.value)
    assert path.read_text() == "# New\n"
    save_text(path, "# Other\n", None, force=True)
    assert path.read_text() == "# Other\n"
    assert leftovers(path.parent) == []


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX umask")
def test_new_files_get_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = tmp_path / "new.md"
        save_text(path, "x\n", None)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


def test_cp1251_cannot_store_an_emoji(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("# Заголовок\r\nтекст\r\n".encode("cp1251"))
    text, snap = read_text(path)
    edited = text + "ура 🎉 готово\n"
    with pytest.raises(EncodingChangeNeeded) as caught:
        save_text(path, edited, snap)
    error = caught.value
    assert (error.char, error.line, error.column) == ("🎉", 3, 5)
    assert f"{path}:3:5" in str(error) and "cp1251" in str(error) and "UTF-8" in str(error)
    assert error.code == "encoding-change-needed"
    assert path.read_bytes() == "# Заголовок\r\nтекст\r\n".encode("cp1251")
    new = save_text(path, edited, snap, encoding="utf-8")
    assert new.encoding == "utf-8" and new.newline == "\r\n"
    assert path.read_bytes() == edited.replace("\n", "\r\n").encode("utf-8")


def test_unreadable_files_give_located_messages(tmp_path):
    binary = tmp_path / "b.md"
    binary.write_bytes(b"\x00\x01\x02")
    with pytest.raises(FileReadError, match="b.md: cannot read the text: binary"):
        read_text(binary)
    with pytest.raises(FileReadError, match="missing.md: cannot read"):
        snapshot(tmp_path / "missing.md")


def test_unknown_encoding_is_a_programming_error(tmp_path):
    with pytest.raises(ValueError, match="unsupported encoding"):
        save_text(tmp_path / "a.md", "x", None, encoding="latin-1")


def test_a_missing_folder_for_an_existing_snapshot(tmp_path):
    path = tmp_path / "gone" / "a.md"
    path.parent.mkdir()
    path.write_text("x\n")
    _, snap = read_text(path)
    path.unlink()
    path.parent.rmdir()
    with pytest.raises(StorageError, match="cannot"):
        save_text(path, "y\n", snap, force=True)


def test_unified_diff():
    assert unified_diff("a\nb\n", "a\nb\n") == ""
    diff = unified_diff("a\nb\nc\n", "a\nB\nc\n", "disk", "mine")
    assert diff.splitlines()[:2] == ["--- disk", "+++ mine"]
    assert "-b" in diff.splitlines() and "+B" in diff.splitlines()


# A leading U+FEFF is a byte-order mark by definition, NUL makes a file binary,
# "\r" is a line ending and lone surrogates are no text: none can round-trip.
texts = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00")).filter(
    lambda t: not t.startswith("\ufeff")
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_any_text_round_trips_in_utf8(tmp_path, text):
    path = tmp_path / "prop.md"
    save_text(path, text, None, force=True)
    again, snap = read_text(path)
    assert again == text
    assert snap.encoding == "utf-8"


def test_encode_text_is_public_for_checks_before_saving():
    assert storage.encode_text("a\nb", "utf-8", "\r\n") == b"a\r\nb"


# -- issue 16: read-only files, long names, links out of the KB ------------------------------------

def test_a_read_only_file_is_refused_never_replaced(tmp_path):
    path = tmp_path / "locked.md"
    path.write_text("old\n")
    _text, snap = read_text(path)
    path.chmod(0o444)  # the owner marked it read-only (root ignores the bits: they are looked at too)
    with pytest.raises(StorageError) as caught:
        save_text(path, "new\n", snap)
    assert caught.value.code == "file-read-only" and "read-only" in str(caught.value)
    assert path.read_text() == "old\n" and stat.S_IMODE(path.stat().st_mode) == 0o444
    assert leftovers(tmp_path) == []
    with pytest.raises(StorageError):
        save_text(path, "new\n", snap, force=True)  # "keep mine" does not override it either
    assert path.read_text() == "old\n"


@pytest.mark.parametrize("name", ["ы" * 122 + ".md", "a" * 251 + ".md"])
def test_a_name_near_the_system_limit_saves(tmp_path, name):
    # 247 and 254 bytes: ".NAME.XXXXXXXX.tmp" passed the 255-byte limit of a file name
    path = tmp_path / name
    save_text(path, "new\n", None)
    _text, snap = read_text(path)
    save_text(path, "newer\n", snap)
    assert path.read_text() == "newer\n" and leftovers(tmp_path) == []


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_link_out_of_the_kb_is_never_written_through(tmp_path):
    kb, outside = tmp_path / "kb", tmp_path / "home"
    kb.mkdir(), outside.mkdir()
    secret = outside / "credentials"
    secret.write_text("aws_secret_access_key = abc\n")
    (kb / "notes.md").symlink_to(secret)
    (kb / "etc").symlink_to(outside)
    _text, snap = read_text(kb / "notes.md")  # opened before it became a link, say
    for path, opened in ((kb / "notes.md", snap), (kb / "etc" / "new.md", None)):
        with pytest.raises(StorageError) as caught:
            save_text(path, "overwritten\n", opened, root=kb, force=True)
        assert caught.value.code == "write-outside-kb" and str(secret.parent) in str(caught.value)
    assert secret.read_text() == "aws_secret_access_key = abc\n" and sorted(os.listdir(outside)) == ["credentials"]
    with pytest.raises(FileReadError) as caught:
        read_text(kb / "notes.md", root=kb)
    assert caught.value.code == "read-outside-kb"


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links")
def test_a_link_inside_the_kb_keeps_working(tmp_path):
    kb = tmp_path / "kb"
    (kb / "v2").mkdir(parents=True)
    (kb / "v2" / "guide.md").write_text("old\n")
    (kb / "latest.md").symlink_to(kb / "v2" / "guide.md")
    _text, snap = read_text(kb / "latest.md", root=kb)
    save_text(kb / "latest.md", "new\n", snap, root=kb)
    assert (kb / "latest.md").is_symlink() and (kb / "v2" / "guide.md").read_text() == "new\n"


def test_a_file_too_large_for_an_article_is_not_read_whole(tmp_path):
    path = tmp_path / "dump.md"
    path.write_bytes(b"x" * (4 * 1024 * 1024 + 10))
    with pytest.raises(FileReadError) as caught:
        read_text(path)
    assert caught.value.code == "file-too-large"
