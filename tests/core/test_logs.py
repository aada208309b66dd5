"""The log file: rotating, scrubbed of personal data, its tail for reports."""

from __future__ import annotations

import io
import logging
from pathlib import Path

from kb_assistant.core.logs import LOG_FILE, diagnostics_report, start_logging, tail
from kb_assistant.core.paths import AppPaths


def test_lines_are_scrubbed_and_the_home_folder_is_written_as_a_tilde(tmp_path):
    console = io.StringIO()
    setup = start_logging(tmp_path / "logs", stderr=console)
    try:
        logger = logging.getLogger("kb_assistant.test_logs")
        logger.info("mail from jane.doe@example.com about %s", Path.home() / "secret.md")
        logger.warning("a warning line")
    finally:
        setup.close()
    text = (tmp_path / "logs" / LOG_FILE).read_text(encoding="utf-8")
    assert "jane.doe@example.com" not in text and "a warning line" in text
    assert str(Path.home()) not in text.split("started", 1)[1]
    assert "a warning line" in console.getvalue() and "mail from" not in console.getvalue()


def test_a_folder_that_cannot_be_made_leaves_the_console_only(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    setup = start_logging(blocker / "logs", stderr=io.StringIO())
    try:
        assert setup.log_file is None and setup.problem and len(setup.handlers) == 1
    finally:
        setup.close()


def test_tail_and_report(tmp_path):
    path = tmp_path / "a.log"
    path.write_text("".join(f"line {n}\n" for n in range(500)), encoding="utf-8")
    assert tail(path, 3) == "line 497\nline 498\nline 499"
    assert tail(tmp_path / "missing.log") == ""
    report = diagnostics_report([("Version", "1.0"), ("KB", "")], "line 499", "Traceback\nValueError: x\n")
    assert report.startswith("KB Assistant diagnostics\nVersion: 1.0\n") and "KB:" not in report
    assert "Error:\nTraceback\nValueError: x\n\nLast log lines:\nline 499\n" in report


def test_the_log_folder_is_overridable_and_defaults_beside_a_given_data_folder(tmp_path):
    env = {"KB_ASSISTANT_DATA_DIR": str(tmp_path / "d")}
    assert AppPaths.from_environment(env).log_dir == tmp_path / "d" / "logs"
    env["KB_ASSISTANT_LOG_DIR"] = str(tmp_path / "l")
    assert AppPaths.from_environment(env).log_dir == tmp_path / "l"
    assert isinstance(AppPaths.from_environment({}).log_dir, Path)
    assert AppPaths(tmp_path / "c", tmp_path / "k", tmp_path / "x").log_dir == tmp_path / "x" / "logs"
