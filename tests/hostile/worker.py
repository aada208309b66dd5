"""Runs hostile cases one after another: ``python -m tests.hostile.worker`` (started by ``harness.py``).

Reads one JSON line per case on standard input (``{"dir": ..., "case": {...}}``,
the case already written to disk by the harness) and answers one JSON line per
case on standard output: what every step returned. It judges nothing; the
harness does. Everything a step raises is caught and reported as a crash with
its traceback, so one case never stops the next.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
import time
import traceback
from pathlib import Path

from kb_assistant.cli import main as cli_main
from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.articles.frontmatter_form import form_values
from kb_assistant.core.errors import FileReadError, FrontMatterBroken, KbError
from kb_assistant.core.files.autosave import AutosaveStore
from kb_assistant.core.files.storage import read_text, save_text
from kb_assistant.core.kb.load import load_kb, scan_kb
from kb_assistant.core.kb.stamp import kb_stamp
from kb_assistant.core.learning.changes import changes_since, take_snapshot
from kb_assistant.core.learning.quiz import parse_article_quiz
from kb_assistant.core.learning.store import LearningStore
from kb_assistant.core.models import CHANNELS
from kb_assistant.core.render.markdown import render_article_html
from kb_assistant.core.replies.templates import render_reply
from kb_assistant.core.search.snippets import article_hit
from kb_assistant.core.settings import SETTINGS_FILE, load_settings
from kb_assistant.core.upkeep.check import check_text
from kb_assistant.core.upkeep.rename import apply_rename, plan_rename
from kb_assistant.core.upkeep.review import mark_reviewed, mark_reviewed_file, review_queue, translation_lag

TODAY = dt.date(2026, 6, 1)
EXPECTED = (FileReadError, FrontMatterBroken)
"""What the window's paths may raise on hostile files, by design: it says so and keeps the text."""


def run_cli(argv: list[str], stdin: str = "") -> dict:
    """One command of ``kb-assistant``, as its ``main`` runs it."""
    out, err = io.StringIO(), io.StringIO()
    started = time.perf_counter()
    try:
        code = cli_main(argv, stdin=io.StringIO(stdin), stdout=out, stderr=err)
    except SystemExit as exc:  # argparse
        code = exc.code
    return {"argv": argv[:1], "rc": code, "out": out.getvalue(), "err": err.getvalue()[-4000:],
            "seconds": round(time.perf_counter() - started, 3)}


def guarded(errors: list[str], what: str, call, *args, **kwargs):
    """``call(*args)``; an exception other than :data:`EXPECTED` is written down as a crash."""
    try:
        return call(*args, **kwargs)
    except EXPECTED:
        return None
    except BaseException:  # noqa: BLE001 - the harness judges; the next case must run
        errors.append(f"{what}: {traceback.format_exc(limit=6)[-2000:]}")
        return None


def window_paths(kb_root: Path, data_dir: Path, config_dir: Path, errors: list[str], wanted: list[str]) -> dict:
    """What the window does with a KB: previews, editor, snippets, quizzes, what changed, drafts, learning."""
    kb = load_kb(kb_root)
    for article in kb.articles.values():
        guarded(errors, f"preview {article.path}", render_article_html, article.body, title_for=kb.title_of)
        guarded(errors, f"hit {article.path}", article_hit, article, TODAY)
        guarded(errors, f"quiz {article.path}", parse_article_quiz, article)
        for reply in article.replies:
            guarded(errors, f"reply preview {article.path}", render_reply, reply.template, {}, channel="email",
                    strict=False)
    for file in scan_kb(kb_root).files:
        loaded = guarded(errors, f"open {file.rel_path}", read_text, Path(file.abs_path), root=kb_root)
        if loaded is None:
            continue
        text = loaded[0]
        doc = guarded(errors, f"front matter {file.rel_path}", FrontMatterDocument.parse, text)
        if doc is not None:
            guarded(errors, f"form {file.rel_path}", form_values, doc)
        guarded(errors, f"live check {file.rel_path}", check_text, text, file.rel_path, kb, TODAY)
        guarded(errors, f"review text {file.rel_path}", mark_reviewed, text, TODAY)
    snapshot = guarded(errors, "snapshot", take_snapshot, kb)
    if snapshot is not None:
        guarded(errors, "changes", changes_since, snapshot, kb)
    guarded(errors, "review queue", review_queue, kb, TODAY)
    guarded(errors, "translation lag", translation_lag, kb, kb_root)
    guarded(errors, "stamp", kb_stamp, kb_root)
    problems: list = []
    drafts = guarded(errors, "drafts", AutosaveStore(data_dir / "autosave").drafts, kb_root, problems) or []
    store = guarded(errors, "learning", LearningStore, data_dir, kb_root)
    if store is not None:
        problems += store.problems
        guarded(errors, "learning changes", store.changes, kb)
    settings, settings_error = guarded(errors, "settings", load_settings, config_dir / SETTINGS_FILE) or (None, None)
    return {
        "codes": [p.code for p in problems] + ([settings_error.code] if settings_error else []),
        "drafts": [draft.rel_path for draft in drafts],
        "settings": {name: getattr(settings, name, None) for name in wanted} if settings is not None else {},
    }


def try_saves(kb_root: Path, saves: list[dict], errors: list[str]) -> list[str]:
    """Each write of the case, as the editor, "Mark reviewed" or a rename does it: "saved" or the error code."""
    results = []
    for save in saves:
        path = kb_root / save["rel_path"]
        try:
            if save["how"] == "review":
                mark_reviewed_file(path, TODAY, root=kb_root)
            elif save["how"] == "rename":
                kb = load_kb(kb_root)
                apply_rename(kb_root, plan_rename(kb, kb.by_path(save["rel_path"]).id, save["new_path"]))
            else:
                # read without the KB rule: the file may have become a link after the editor opened it
                snapshot = None if save["how"] == "new" else read_text(path)[1]
                save_text(path, save["text"], snapshot, root=kb_root)
            results.append("saved")
        except KbError as exc:
            results.append(exc.code)
        except BaseException:  # noqa: BLE001
            errors.append(f"save {save['rel_path']}: {traceback.format_exc(limit=6)[-2000:]}")
            results.append("crashed")
    return results


def run_case(base: Path, case: dict) -> dict:
    """Every step of one case; see the module notes."""
    kb, index = base / "kb", base / "index"
    for name, folder in (("CONFIG", "config"), ("CACHE", "cache"), ("DATA", "data")):
        os.environ[f"KB_ASSISTANT_{name}_DIR"] = str(base / folder)
    steps = {
        "check": run_cli(["check", "--kb", str(kb), "--json"]),
        "index": run_cli(["index", "--kb", str(kb), "--index", str(index)]),
        "search": run_cli(["search", "--kb", str(kb), "--index", str(index), "--json"], "\n".join(case["queries"])),
        "live": run_cli(["search", "--kb", str(kb), "--index", str(index), "--json", "--live"],
                        "\n".join(case["queries"])),
    }
    # the good reply in the settings' channel (it must not matter what they say), the case's in every channel
    steps["reply-default"] = run_cli(["reply", "good", "--kb", str(kb)])
    for channel in CHANNELS if case["reply"] else ():
        steps[f"reply-case-{channel}"] = run_cli(["reply", case["reply"], "--kb", str(kb), "--channel", channel])
    errors: list[str] = []
    started = time.perf_counter()
    window = guarded(errors, "window", window_paths, kb, base / "data", base / "config", errors,
                     list(case["settings_expect"])) or {}
    saves = try_saves(kb, case["saves"], errors)
    return {"steps": steps, "window": window, "window_seconds": round(time.perf_counter() - started, 3),
            "saves": saves, "errors": errors}


def main() -> int:
    """Answer each case line on standard input with one result line on standard output."""
    for line in sys.stdin:
        request = json.loads(line)
        try:
            result = run_case(Path(request["dir"]), request["case"])
        except BaseException:  # noqa: BLE001 - report, then take the next case
            result = {"steps": {}, "window": {}, "saves": [], "errors": [traceback.format_exc(limit=8)[-3000:]]}
        # ASCII JSON: undecodable file names (lone surrogates) still travel as valid JSON
        sys.stdout.write(json.dumps(result, ensure_ascii=True, default=str) + "\n")
        sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
