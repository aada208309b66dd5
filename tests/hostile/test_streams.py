"""The command line as a real process: bytes in, UTF-8 out, a sentence and a documented code at the end.

Each run has the harness's bounds (:data:`~tests.hostile.harness.CASE_SECONDS`,
:data:`~tests.hostile.harness.MEMORY_BYTES`) and its own user folders.
"""

from __future__ import annotations

import codecs
import json
import os
import subprocess
import sys

import pytest

from tests.hostile.corpus import GOOD_ARTICLE, GOOD_WORD
from tests.hostile.harness import CASE_SECONDS, REPO, _limit_memory

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS and process groups")


@pytest.fixture
def home(tmp_path):
    """A KB with the good article, and user folders of its own."""
    (tmp_path / "kb").mkdir()
    (tmp_path / "kb" / "good.md").write_text(GOOD_ARTICLE, encoding="utf-8")
    (tmp_path / "kb" / "ru.md").write_text("# Возврат денег\n\nДеньги вернутся за три дня.\n", encoding="utf-8")
    return tmp_path


def kb_assistant(home, *args, stdin: bytes = b"", locale: str = "C") -> subprocess.CompletedProcess:
    """``kb-assistant ARGS`` in a process of its own, in the given locale, bounded."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("LC_", "PYTHONIO", "PYTHONUTF8"))}
    env.update(LANG=locale, LC_ALL=locale, PYTHONPATH=str(REPO),
               KB_ASSISTANT_CONFIG_DIR=str(home / "config"), KB_ASSISTANT_CACHE_DIR=str(home / "cache"),
               KB_ASSISTANT_DATA_DIR=str(home / "data"))
    argv = [os.fsencode(arg) if isinstance(arg, str) else arg for arg in args]
    return subprocess.run([sys.executable.encode(), b"-m", b"kb_assistant.cli", *argv], input=stdin, env=env,
                          capture_output=True, timeout=CASE_SECONDS, preexec_fn=_limit_memory, cwd=REPO)


def json_lines(data: bytes) -> list[dict]:
    """Each line of ``data`` as JSON; it must be valid UTF-8 to begin with."""
    return [json.loads(line) for line in data.decode("utf-8").splitlines()]


def test_bytes_that_are_not_utf8_on_stdin_are_searched_and_answered_in_valid_json(home):
    queries = b"refund \xff\xfe card\n" + GOOD_WORD.encode() + b"\n\xc3\x28\xa0\xa1\n" + "возврат".encode() + b"\n"
    done = kb_assistant(home, "search", "--kb", str(home / "kb"), "--index", str(home / "index"), "--json",
                        stdin=queries)
    assert done.returncode == 0, done.stderr
    answers = json_lines(done.stdout)  # invalid UTF-8 was echoed back before
    assert [answer["query"] for answer in answers] == ["refund \ufffd\ufffd card", GOOD_WORD, "\ufffd(\ufffd\ufffd",
                                                        "возврат"]
    assert answers[1]["hits"][0]["id"] == "good" and answers[3]["hits"][0]["id"] == "ru"


def test_output_is_utf8_whatever_the_locale_and_arguments_that_are_not_text_too(home):
    for locale in ("C", "POSIX"):
        done = kb_assistant(home, "search", "--kb", str(home / "kb"), "--index", str(home / "index"), "--json",
                            "возврат", b"\xff")
        assert done.returncode == 0, done.stderr
        [answer] = json_lines(done.stdout)
        assert answer["query"].startswith("возврат ") and answer["hits"][0]["title"] == "Возврат денег"
    done = kb_assistant(home, "check", "--kb", str(home / "kb"))
    assert done.returncode == 0 and "Traceback" not in done.stderr.decode("utf-8")


def test_a_broken_settings_file_never_stops_a_command(home):
    (home / "config").mkdir()
    settings = home / "config" / "settings.json"
    for data, fine in ((b"\xff\xfe{", False), (b"[" * 100_000, False), (b'{"n": ' + b"9" * 5000 + b"}", False),
                       (b'{"default_channel": "fax"}', False),
                       (codecs.BOM_UTF16_LE + '{"agent_name": "Зоя"}'.encode("utf-16-le"), True)):
        settings.write_bytes(data)
        for args in (("check", "--kb", str(home / "kb")), ("reply", "good", "--kb", str(home / "kb"))):
            done = kb_assistant(home, *args)
            err = done.stderr.decode("utf-8")
            assert done.returncode == 0 and "Traceback" not in err, (data[:20], args, err)
            assert ("kb-assistant: warning: " + str(settings) in err) == (not fine), err
        assert GOOD_WORD in done.stdout.decode("utf-8")  # the reply, in the default channel


def test_an_unexpected_error_still_ends_with_a_sentence_and_a_documented_code(home, monkeypatch):
    import io

    from kb_assistant import cli
    from kb_assistant.core.errors import StorageError

    for raised, said in ((RuntimeError("boom"), "unexpected error (RuntimeError: boom)"),
                         (StorageError("save-failed", path="x.md", reason="Disk full"), "x.md: cannot save: Disk full")):
        def fail(*args, raised=raised, **kwargs):
            raise raised

        monkeypatch.setattr(cli, "check_kb", fail)
        err = io.StringIO()
        code = cli.main(["check", "--kb", str(home / "kb")], stdout=io.StringIO(), stderr=err)
        assert code == cli.EXIT_PROBLEMS and said in err.getvalue() and "Traceback" not in err.getvalue()
