"""Writes a case to disk, runs it in the bounded worker process, and judges what came back.

The worker (``tests/hostile/worker.py``) lives in its own process under an
address-space limit of :data:`MEMORY_BYTES`; each case has :data:`CASE_SECONDS`
to answer. A case that overruns is a hang: the worker is killed (its whole
process group) and a fresh one takes the next case, so a regression fails its
test and never hangs the suite. Linux only (``resource`` and process groups).
"""

from __future__ import annotations

import dataclasses
import json
import os
import resource
import selectors
import signal
import subprocess
import sys
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from kb_assistant.core.files.autosave import draft_name
from kb_assistant.core.paths import index_key

from tests.hostile.corpus import GOOD_ARTICLE, GOOD_WORD, HIDDEN_WORD, Case, Folder, Link, ReadOnly

CASE_SECONDS = 10.0
"""Time one case may take (a hang guard: fixed code needs a fraction of it)."""
MEMORY_BYTES = 500 * 1024 * 1024
"""The worker's address-space limit."""
REPO = Path(__file__).resolve().parents[2]
GOOD_DRAFT = "good.md"


def _limit_memory() -> None:  # runs in the child, before exec
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_BYTES, MEMORY_BYTES))
    os.setsid()  # its own process group: a hang is killed with everything it started


@dataclass
class Outcome:
    """What happened to one case, judged."""

    case: Case
    result: dict = field(default_factory=dict)
    hang: bool = False
    crashes: list[str] = field(default_factory=list)
    lost: list[str] = field(default_factory=list)
    wrong: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """Nothing went wrong."""
        return not (self.hang or self.crashes or self.lost or self.wrong)

    def summary(self) -> str:
        """Everything that went wrong, one line each."""
        lines = ["hang: no answer within %.0f s" % CASE_SECONDS] if self.hang else []
        lines += [f"crash: {text}" for text in self.crashes]
        lines += [f"data lost: {text}" for text in self.lost]
        lines += [f"wrong: {text}" for text in self.wrong]
        return "\n".join(lines)


class Worker:
    """The worker process, restarted after a hang or a death."""

    def __init__(self) -> None:
        self.process: subprocess.Popen | None = None

    def _start(self) -> subprocess.Popen:
        env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONDONTWRITEBYTECODE="1")
        return subprocess.Popen(
            [sys.executable, "-m", "tests.hostile.worker"], cwd=REPO, env=env, stdin=subprocess.PIPE,
            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=_limit_memory,
        )

    def ask(self, request: dict, timeout: float = CASE_SECONDS) -> dict | None:
        """Send one case; its result, or None when it did not answer in time (the worker is then killed)."""
        if self.process is None or self.process.poll() is not None:
            self.process = self._start()
        process = self.process
        process.stdin.write((json.dumps(request, ensure_ascii=True) + "\n").encode("ascii"))
        process.stdin.flush()
        with selectors.DefaultSelector() as selector:
            selector.register(process.stdout, selectors.EVENT_READ)
            if not selector.select(timeout):
                self.close()
                return None
        line = process.stdout.readline()
        if not line:  # it died (out of memory, a segfault): a crash, not a hang
            self.close()
            return {"died": process.wait()}
        return json.loads(line)

    def close(self) -> None:
        """Stop the worker and everything it started."""
        process, self.process = self.process, None
        if process is None:
            return
        if process.poll() is None:
            try:
                os.killpg(process.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        process.wait()
        for stream in (process.stdin, process.stdout):
            try:
                stream.close()
            except OSError:
                pass


def _write(path: Path, content, base: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, Folder):
        path.mkdir()
    elif isinstance(content, Link):
        target = content.target
        for prefix, folder in (("@outside/", base / "outside"), ("@kb/", base / "kb")):
            if target.startswith(prefix):
                target = str(folder / target[len(prefix):])
        path.symlink_to(target)
    elif isinstance(content, ReadOnly):
        path.write_text(content.content, encoding="utf-8")
        path.chmod(0o444)
    else:
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8", "surrogateescape"))


def materialize(case: Case, base: Path) -> dict:
    """Write ``case`` under ``base`` (kb/, outside/, config/, data/); the request for the worker."""
    kb = base / "kb"
    _write(kb / "good.md", GOOD_ARTICLE, base)
    for rel, content in case.outside.items():
        _write(base / "outside" / rel, content, base)
    for rel, content in case.files.items():
        _write(kb / rel, content, base)
    if case.settings is not None or case.name == "settings-folder":
        _write(base / "config" / "settings.json", Folder() if case.settings is None else case.settings, base)
    drafts = base / "data" / "autosave"
    drafts.mkdir(parents=True)
    good = {"version": 1, "kb_root": str(kb.resolve()), "rel_path": GOOD_DRAFT, "base_hash": None,
            "saved_at": "2026-01-01T00:00:00+00:00", "text": "unsaved edit"}
    (drafts / draft_name(kb, GOOD_DRAFT)).write_text(json.dumps(good), encoding="utf-8")
    for number, data in enumerate(case.drafts):
        (drafts / f"{number:032d}.json").write_bytes(data)
    if case.learning is not None:
        _write(base / "data" / "learning" / f"{index_key(kb.resolve())}.json", case.learning, base)
    queries = [GOOD_WORD, HIDDEN_WORD, *(" ".join(q.splitlines()) for q in case.queries)]
    saves = [dataclasses.asdict(save) for save in case.saves]
    return {"dir": str(base), "case": {"queries": queries, "reply": case.reply, "saves": saves,
                                       "settings_expect": dict(case.settings_expect)}}


def snapshot_files(folder: Path) -> dict[str, bytes]:
    """Every regular file under ``folder`` (links not followed), by relative path: to tell what changed."""
    found = {}
    for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
        if path.is_file() and not path.is_symlink() and not any(p.is_symlink() for p in path.parents):
            found[str(path.relative_to(folder))] = path.read_bytes()
    return found


def run(worker: Worker, case: Case, base: Path) -> Outcome:
    """Run ``case`` in ``worker`` and judge it (see :func:`judge`)."""
    request = materialize(case, base)
    before = {"kb": snapshot_files(base / "kb"), "outside": snapshot_files(base / "outside"),
              "learning": snapshot_files(base / "data" / "learning")}
    result = worker.ask(request)
    outcome = Outcome(case, result or {}, hang=result is None)
    if result is not None:
        judge(outcome, base, before)
    return outcome


_ALLOWED_RC = {"check": {0, 1}, "index": {0}, "search": {0}, "live": {0}}


def judge(outcome: Outcome, base: Path, before: dict) -> None:
    """Fill in the crashes, lost data and wrong results of a finished case."""
    case, result = outcome.case, outcome.result
    if "died" in result:
        outcome.crashes.append(f"the worker died (exit {result['died']}): out of memory or worse")
        return
    outcome.crashes += result["errors"]
    steps = result["steps"]
    for name, step in steps.items():
        allowed = _ALLOWED_RC.get(name, {0} if name.startswith("reply-") and "case" not in name else {0, 3, 4})
        if step["rc"] not in allowed:
            outcome.crashes.append(f"{name} exited {step['rc']}: {step['err'][-500:]}")
        if "Traceback" in step["err"] or "unexpected error" in step["err"]:
            outcome.crashes.append(f"{name} ended with a traceback: {step['err'][-800:]}")
    codes = _check_codes(steps.get("check", {}), outcome) | set(result["window"].get("codes", ()))
    for wanted in case.codes:
        if not any(code == wanted or (wanted.endswith("-") and code.startswith(wanted)) for code in codes):
            outcome.wrong.append(f"nobody reported '{wanted}' (reported: {sorted(codes)})")
    _judge_search(outcome, steps)
    for name, value in case.settings_expect.items():
        got = result["window"].get("settings", {}).get(name)
        if got != value:
            outcome.wrong.append(f"settings '{name}' read as {got!r}, not {value!r}")
    if GOOD_DRAFT not in result["window"].get("drafts", ()):
        outcome.lost.append("the good article's draft was not offered back")
    _judge_files(outcome, base, before)


def _check_codes(step: dict, outcome: Outcome) -> set[str]:
    codes = set()
    for line in step.get("out", "").splitlines():
        try:
            codes.add(json.loads(line)["code"])
        except (ValueError, KeyError, TypeError):
            outcome.wrong.append(f"check --json printed a line that is not a problem: {line[:200]!r}")
    return codes


def _judge_search(outcome: Outcome, steps: dict) -> None:
    for name in ("search", "live"):
        step = steps.get(name)
        if step is None or step["rc"] != 0:
            continue
        answers = []
        for line in step["out"].splitlines():
            try:
                answers.append(json.loads(line))
            except ValueError:
                outcome.wrong.append(f"{name} printed a line that is not JSON: {line[:200]!r}")
        if len(answers) != 2 + len(outcome.case.queries):
            outcome.wrong.append(f"{name} answered {len(answers)} of {2 + len(outcome.case.queries)} queries")
            continue
        if "good" not in [hit["id"] for hit in answers[0]["hits"]]:
            outcome.wrong.append(f"{name}: the good article is not found by '{GOOD_WORD}'")
        for answer in answers:
            for hit in answer["hits"]:
                if HIDDEN_WORD in json.dumps(hit, ensure_ascii=False):
                    outcome.wrong.append(f"{name}: a file outside the KB is found: {hit['path']}")


def _judge_files(outcome: Outcome, base: Path, before: dict) -> None:
    case = outcome.case
    kb = (base / "kb").resolve()
    # a save through a link inside the KB writes the file the link leads to
    saved = {os.path.relpath(os.path.realpath(kb / (save.new_path if save.how == "rename" else save.rel_path)), kb)
             for save, got in zip(case.saves, outcome.result["saves"]) if got == "saved"}
    moved = {save.rel_path for save, got in zip(case.saves, outcome.result["saves"])
             if got == "saved" and save.how == "rename"}
    for save, got in zip(case.saves, outcome.result["saves"]):
        if got != save.expect:
            outcome.wrong.append(f"{save.how} {save.rel_path[:60]}: {got}, expected {save.expect}")
    after = snapshot_files(base / "kb")
    for rel, data in before["kb"].items():
        if rel not in saved and rel not in moved and after.get(rel) != data:
            outcome.lost.append(f"{rel[:80]} changed or vanished in the KB")
    if snapshot_files(base / "outside") != before["outside"]:
        outcome.lost.append("a file outside the KB was changed")
    learning = snapshot_files(base / "data" / "learning")
    kept = set(learning.values())
    for rel, data in before["learning"].items():
        if data not in kept:
            outcome.lost.append(f"the learning file {rel} was not kept (moved aside or as it was)")


def run_all(cases: Iterable[Case], root: Path, workers: int = 2) -> list[Outcome]:
    """Run ``cases`` in ``workers`` worker processes side by side, each case in its own folder under ``root``.

    Each worker takes the next case when it is done with one (the bounds stay per
    case and per process); the outcomes come back in the order of ``cases``.
    """
    numbered = list(enumerate(cases))
    outcomes: dict[int, Outcome] = {}
    lock = threading.Lock()

    def drive() -> None:
        worker = Worker()
        try:
            while True:
                with lock:
                    if not numbered:
                        return
                    number, case = numbered.pop(0)
                outcomes[number] = run(worker, case, root / f"{number:03d}")
        finally:
            worker.close()

    threads = [threading.Thread(target=drive) for _ in range(max(1, workers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return [outcomes[number] for number in sorted(outcomes)]
