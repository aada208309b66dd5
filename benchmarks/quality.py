"""Search quality of KB Assistant against a plain SQLite FTS5 baseline.

Usage::

    python benchmarks/quality.py --set ../shared/datasets/vkcloud_faq_ru \\
        [--set DIR ...] [--out FILE.md] [--max-typing N] [--max-queries N] [--seed S]

A set is a folder with ``kb/`` (Markdown articles) and ``queries.jsonl`` (one
``{"qid", "text", "gold": [ids], "lang", "oos"}`` object per line). For every set
both engines - the project's :class:`SearchService` and the FTS5 baseline of
``benchmarks/fts5_baseline.py`` - are built from the same KB in a temporary folder
and measured in the same run on the queries that have gold articles:

* hit@1, hit@3 and MRR@10 for the whole question (``live=False``, ``limit=10``);
* hit@3 for live prefixes of 25 %, 50 % and 75 % of the characters;
* a typing simulation (one character at a time, ``live=True``, ``limit=3``): the
  share of characters typed when a gold article first shows in the top 3, over
  a random sample of at most ``--max-typing`` questions (same sample for both);
* for sets with out-of-scope queries, the project's confidence: how many OOS
  queries get a confident first answer (lower is better), how many right first
  answers are confident (higher is better), and a sweep over thresholds on
  ``SearchResults.confidence``.

Progress goes to stderr; the Markdown report to stdout (and to ``--out``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import random
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent

try:  # a fresh clone whose project is not installed: import it from the checkout
    import kb_assistant  # noqa: F401
except ImportError:  # pragma: no cover - depends on the environment
    sys.path.insert(0, str(REPO_ROOT))

from kb_assistant.core.kb.load import load_kb  # noqa: E402
from kb_assistant.core.search import service as search_service  # noqa: E402
from kb_assistant.core.search.service import SearchService  # noqa: E402

try:  # run as a script (benchmarks/ is on sys.path) or as ``python -m benchmarks.quality``
    from fts5_baseline import Fts5Baseline, Fts5UnavailableError
except ImportError:  # pragma: no cover
    from benchmarks.fts5_baseline import Fts5Baseline, Fts5UnavailableError

PREFIX_SHARES = (0.25, 0.50, 0.75)
SWEEP_THRESHOLDS = tuple(round(0.10 + 0.05 * i, 2) for i in range(17))  # 0.10 .. 0.90
WHOLE_LIMIT = 10
TOP_K = 3
PROJECT, BASELINE = "project", "FTS5"


# -- data ---------------------------------------------------------------------
@dataclass(frozen=True)
class Query:
    """One benchmark query: its text, the ids of the articles answering it, and whether it is OOS."""

    qid: str
    text: str
    gold: frozenset[str]
    oos: bool


@dataclass(frozen=True)
class Answer:
    """What an engine returned for one query, and how long it took."""

    ids: tuple[str, ...]
    seconds: float
    confident: bool | None = None
    confidence: float | None = None


@dataclass
class EngineReport:
    """Every measurement of one engine on one set; shares are in 0..1, None when not measured."""

    set_name: str
    engine: str
    n: int = 0
    hit1: float | None = None
    hit3: float | None = None
    mrr10: float | None = None
    prefix_hit3: dict[float, float] = field(default_factory=dict)
    median_typed: float | None = None
    never: float | None = None
    n_typing: int = 0
    oos_confident: float | None = None
    right_confident: float | None = None
    latencies: list[float] = field(default_factory=list)


@dataclass
class SweepRow:
    """One confidence threshold and the two shares it gives."""

    threshold: float
    oos_confident: float
    right_confident: float


@dataclass
class SetReport:
    """Results for one dataset: a report per engine and the project's confidence sweep."""

    name: str
    n_oos: int
    engines: list[EngineReport]
    sweep: list[SweepRow]


def load_queries(path: Path) -> list[Query]:
    """Read ``queries.jsonl``; blank lines are skipped."""
    queries = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if not line.strip():
                continue
            row = json.loads(line)
            queries.append(
                Query(str(row["qid"]), row["text"], frozenset(row.get("gold") or ()), bool(row.get("oos")))
            )
    return queries


def sample(items: Sequence, limit: int | None, seed: int) -> list:
    """A seeded random sample of at most ``limit`` items, kept in their original order."""
    if limit is None or limit >= len(items):
        return list(items)
    chosen = sorted(random.Random(seed).sample(range(len(items)), limit))
    return [items[i] for i in chosen]


# -- engines ------------------------------------------------------------------
Engine = Callable[[str, bool, int], Answer]
"""``engine(text, live, limit)`` -> :class:`Answer`."""


def project_engine(service: SearchService) -> Engine:
    """Wrap the project's search service as an :data:`Engine`."""

    def search(text: str, live: bool, limit: int) -> Answer:
        started = time.perf_counter()
        results = service.search(text, live=live, limit=limit)
        seconds = time.perf_counter() - started
        return Answer(tuple(hit.id for hit in results.hits), seconds, results.confident, results.confidence)

    return search


def baseline_engine(baseline: Fts5Baseline) -> Engine:
    """Wrap the FTS5 baseline as an :data:`Engine` (it has no confidence)."""

    def search(text: str, live: bool, limit: int) -> Answer:
        started = time.perf_counter()
        ids = baseline.search(text, live=live, limit=limit)
        return Answer(tuple(ids), time.perf_counter() - started)

    return search


# -- metrics ------------------------------------------------------------------
def first_gold_rank(ids: Sequence[str], gold: frozenset[str]) -> int | None:
    """1-based rank of the first gold id in ``ids``, or None."""
    for rank, article_id in enumerate(ids, 1):
        if article_id in gold:
            return rank
    return None


def share(flags: Sequence[bool]) -> float | None:
    """The share of true values, or None for an empty sequence."""
    return sum(flags) / len(flags) if flags else None


def percentile(values: Sequence[float], p: float) -> float | None:
    """The nearest-rank ``p``-th percentile (0..100), or None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


def prefix(text: str, part: float) -> str:
    """The first ``ceil(len * part)`` characters of ``text``."""
    return text[: math.ceil(len(text) * part)]


def typed_share(engine: Engine, query: Query) -> float | None:
    """Type ``query`` one character at a time; the share typed when gold first shows in the top 3.

    Returns None when it never shows (the caller counts that as 100 %).
    """
    length = len(query.text)
    for typed in range(1, length + 1):
        answer = engine(query.text[:typed], True, TOP_K)
        if first_gold_rank(answer.ids, query.gold) is not None:
            return typed / length
    return None


def measure_whole(engine: Engine, queries: Sequence[Query], report: EngineReport) -> list[Answer]:
    """Whole-question search: fill hit@1, hit@3, MRR@10 and latencies; return the answers."""
    answers = [engine(q.text, False, WHOLE_LIMIT) for q in queries]
    ranks = [first_gold_rank(a.ids, q.gold) for q, a in zip(queries, answers)]
    report.n = len(queries)
    report.hit1 = share([r == 1 for r in ranks])
    report.hit3 = share([r is not None and r <= TOP_K for r in ranks])
    report.mrr10 = sum(1 / r for r in ranks if r is not None) / len(ranks) if ranks else None
    report.latencies.extend(a.seconds for a in answers)
    return answers


def measure_prefixes(engine: Engine, queries: Sequence[Query], report: EngineReport) -> None:
    """hit@3 for live prefixes of :data:`PREFIX_SHARES` of each question."""
    for part in PREFIX_SHARES:
        flags = []
        for q in queries:
            ids = engine(prefix(q.text, part), True, TOP_K).ids
            flags.append(first_gold_rank(ids, q.gold) is not None)
        report.prefix_hit3[part] = share(flags)


def measure_typing(engine: Engine, queries: Sequence[Query], report: EngineReport) -> None:
    """Median share of characters typed until gold shows in the top 3, and the share never reached."""
    shares = [typed_share(engine, q) for q in queries]
    report.n_typing = len(shares)
    if shares:
        report.median_typed = statistics.median(1.0 if s is None else s for s in shares)
        report.never = share([s is None for s in shares])


def measure_confidence(
    gold_answers: Sequence[Answer],
    gold_queries: Sequence[Query],
    oos_answers: Sequence[Answer],
    report: EngineReport,
) -> list[SweepRow]:
    """The project's confidence on OOS queries and on right first answers, plus a threshold sweep."""
    right = [a for q, a in zip(gold_queries, gold_answers) if first_gold_rank(a.ids, q.gold) == 1]
    report.oos_confident = share([bool(a.confident) for a in oos_answers])
    report.right_confident = share([bool(a.confident) for a in right])
    sweep = []
    for threshold in SWEEP_THRESHOLDS:
        sweep.append(
            SweepRow(
                threshold,
                share([bool(a.ids) and (a.confidence or 0.0) >= threshold for a in oos_answers]) or 0.0,
                share([(a.confidence or 0.0) >= threshold for a in right]) or 0.0,
            )
        )
    return sweep


# -- running one set ----------------------------------------------------------
def log(message: str) -> None:
    """Progress line on stderr."""
    print(message, file=sys.stderr, flush=True)


def build_engines(kb_dir: Path, workdir: Path) -> tuple[SearchService, Fts5Baseline]:
    """Build the project index and the FTS5 baseline from ``kb_dir`` inside ``workdir``."""
    started = time.perf_counter()
    service = SearchService(kb_dir, workdir / "index")
    service.update()
    log(f"  project index built in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    baseline = Fts5Baseline(workdir / "fts5.sqlite3")
    articles = load_kb(kb_dir).articles.values()
    baseline.build(articles)
    log(f"  FTS5 baseline built in {time.perf_counter() - started:.1f} s ({baseline.count()} articles)")
    return service, baseline


def evaluate_engine(
    name: str,
    engine: Engine,
    set_name: str,
    gold_queries: Sequence[Query],
    typing_queries: Sequence[Query],
) -> tuple[EngineReport, list[Answer]]:
    """Run the whole-question, prefix and typing measurements of one engine."""
    report = EngineReport(set_name, name)
    started = time.perf_counter()
    answers = measure_whole(engine, gold_queries, report)
    log(f"  {name}: whole questions ({len(gold_queries)}) in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    measure_prefixes(engine, gold_queries, report)
    log(f"  {name}: prefixes in {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    measure_typing(engine, typing_queries, report)
    log(f"  {name}: typing ({len(typing_queries)} questions) in {time.perf_counter() - started:.1f} s")
    return report, answers


def evaluate_set(set_dir: Path, args: argparse.Namespace) -> SetReport:
    """Build both engines for one set and measure them on its queries."""
    name = set_dir.name
    queries = sample(load_queries(set_dir / "queries.jsonl"), args.max_queries, args.seed)
    gold_queries = [q for q in queries if q.gold and not q.oos]
    oos_queries = [q for q in queries if q.oos]
    typing_queries = sample(gold_queries, args.max_typing, args.seed)
    log(f"{name}: {len(queries)} queries, {len(gold_queries)} with gold, {len(oos_queries)} out of scope")
    with tempfile.TemporaryDirectory(prefix=f"kbq-{name}-") as tmp:
        service, baseline = build_engines(set_dir / "kb", Path(tmp))
        try:
            project = project_engine(service)
            project_report, gold_answers = evaluate_engine(PROJECT, project, name, gold_queries, typing_queries)
            sweep: list[SweepRow] = []
            if oos_queries:
                oos_answers = [project(q.text, False, WHOLE_LIMIT) for q in oos_queries]
                project_report.latencies.extend(a.seconds for a in oos_answers)
                sweep = measure_confidence(gold_answers, gold_queries, oos_answers, project_report)
            baseline_report, _ = evaluate_engine(
                BASELINE, baseline_engine(baseline), name, gold_queries, typing_queries
            )
        finally:
            service.close()
            baseline.close()
    return SetReport(name, len(oos_queries), [project_report, baseline_report], sweep)


# -- report -------------------------------------------------------------------
def pct(value: float | None) -> str:
    """A share as a percentage with one decimal, or an en dash when not measured."""
    return "–" if value is None else f"{100 * value:.1f}"


def signed_pp(value: float | None) -> str:
    """A difference of shares in percentage points, with its sign."""
    return "–" if value is None else f"{100 * value:+.1f}"


def ms(value: float | None) -> str:
    """Seconds as milliseconds."""
    return "–" if value is None else f"{1000 * value:.1f}"


def diff(a: float | None, b: float | None) -> float | None:
    """``a - b``, or None when either is missing."""
    return None if a is None or b is None else a - b


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    """A Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines.extend("| " + " | ".join(row) + " |" for row in rows)
    return lines


def engine_row(r: EngineReport) -> list[str]:
    """One row of the main table."""
    typed = f"{pct(r.median_typed)} (n={r.n_typing})" if r.n_typing else "–"
    latency = f"{ms(statistics.median(r.latencies))} / {ms(percentile(r.latencies, 95))}" if r.latencies else "–"
    return [
        r.set_name, r.engine, str(r.n), pct(r.hit1), pct(r.hit3),
        "–" if r.mrr10 is None else f"{r.mrr10:.3f}",
        *(pct(r.prefix_hit3.get(p)) for p in PREFIX_SHARES),
        typed, pct(r.never), pct(r.oos_confident), pct(r.right_confident), latency,
    ]


def delta_row(s: SetReport) -> list[str]:
    """The project-minus-FTS5 row of one set (hit@3 and 50 % hit@3), in percentage points."""
    project, baseline = s.engines
    cells = [""] * 14
    cells[0], cells[1] = s.name, "**Δ project − FTS5 (pp)**"
    cells[4] = signed_pp(diff(project.hit3, baseline.hit3))
    cells[7] = signed_pp(diff(project.prefix_hit3.get(0.5), baseline.prefix_hit3.get(0.5)))
    return cells


def main_table(sets: Sequence[SetReport]) -> list[str]:
    """The table with a row per (set, engine) and a delta row per set."""
    header = [
        "set", "engine", "n", "hit@1", "hit@3", "MRR@10",
        "hit@3 25%", "hit@3 50%", "hit@3 75%", "median typed", "never",
        "OOS confident", "right&confident", "latency p50 / p95 ms",
    ]
    rows = []
    for s in sets:
        rows.extend(engine_row(r) for r in s.engines)
        rows.append(delta_row(s))
    return table(header, rows)


def sweep_table(s: SetReport, current: float | None) -> list[str]:
    """The confidence sweep of one set; the row of the current threshold is marked."""
    rows = []
    for row in s.sweep:
        mark = " ← current" if current is not None and abs(row.threshold - current) < 1e-9 else ""
        rows.append([f"{row.threshold:.2f}{mark}", pct(row.oos_confident), pct(row.right_confident)])
    project = s.engines[0]
    title = (
        f"### Confidence sweep: {s.name} (project; {s.n_oos} OOS queries, "
        f"{round((project.hit1 or 0) * project.n)} right first answers)"
    )
    return [title, "", *table(["confidence ≥", "OOS confident % (lower is better)",
                                "right&confident % (higher is better)"], rows)]


def project_revision() -> str:
    """The project's version and git commit (with "+dirty" for local changes), when known."""
    version = getattr(sys.modules.get("kb_assistant"), "__version__", "?")
    try:
        sha = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=REPO_ROOT,
                             capture_output=True, text=True, timeout=10, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--", "kb_assistant"], cwd=REPO_ROOT,
                               capture_output=True, text=True, timeout=10, check=True).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return f"kb_assistant {version}"
    return f"kb_assistant {version}, git {sha}{'+dirty' if dirty else ''}"


def header_lines(argv: Sequence[str]) -> list[str]:
    """Title, date, machine, project revision and the command line."""
    machine = platform.processor() or platform.machine()
    return [
        "# KB Assistant search quality",
        "",
        f"- date: {dt.datetime.now().isoformat(timespec='seconds')}",
        f"- machine: {machine}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        f"- project: {project_revision()}",
        f"- command: `python benchmarks/quality.py {shlex.join(argv)}`",
    ]


def render(sets: Sequence[SetReport], argv: Sequence[str], seconds: float) -> str:
    """The whole Markdown report."""
    current = getattr(search_service, "CONFIDENCE_THRESHOLD", None)
    lines = header_lines(argv) + [f"- total runtime: {seconds:.0f} s", "", "## Results", ""]
    lines += main_table(sets)
    lines += [
        "",
        "hit@k, MRR@10: whole question (not live, top 10), over queries with gold articles. "
        "hit@3 p%: live search on the first p % of the characters. median typed: median share of "
        "characters typed (live, one at a time) until a gold article first shows in the top 3 "
        "(never = 100 %); never: share of sampled questions where it never shows. OOS confident: "
        "share of out-of-scope queries whose first result is `confident` (lower is better); "
        "right&confident: share of right first answers (hit@1) that are `confident` (higher is "
        "better). Shares in %. Latency: whole-question searches (incl. OOS ones for the project). "
        "FTS5 is the plain baseline of `benchmarks/fts5_baseline.py` (no stemming, no typo or "
        "layout handling).",
    ]
    for s in sets:
        if s.sweep:
            lines += ["", *sweep_table(s, current)]
    return "\n".join(lines) + "\n"


# -- command line -------------------------------------------------------------
def parse_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse the command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", dest="sets", action="append", required=True, type=Path, metavar="DIR",
                        help="a dataset folder with kb/ and queries.jsonl (repeatable)")
    parser.add_argument("--out", type=Path, metavar="FILE.md", help="also write the Markdown report to this file")
    parser.add_argument("--max-typing", type=int, default=300, metavar="N",
                        help="questions per set for the typing simulation (default: 300)")
    parser.add_argument("--max-queries", type=int, default=None, metavar="N",
                        help="at most N queries per set, a random sample (default: all)")
    parser.add_argument("--seed", type=int, default=1, help="seed of the random samples (default: 1)")
    args = parser.parse_args(argv)
    for name in ("max_typing", "max_queries"):
        value = getattr(args, name)
        if value is not None and value < 0:
            parser.error(f"--{name.replace('_', '-')} must not be negative")
    return args


def usable_sets(dirs: Sequence[Path]) -> list[Path]:
    """The given folders that have both ``kb/`` and ``queries.jsonl``; the others are reported and skipped."""
    usable = []
    for folder in dirs:
        if (folder / "kb").is_dir() and (folder / "queries.jsonl").is_file():
            usable.append(folder)
        else:
            log(f"skipping {folder}: it needs kb/ and queries.jsonl")
    return usable


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; returns the process exit code."""
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_args(argv)
    set_dirs = usable_sets(args.sets)
    if not set_dirs:
        log("no usable dataset given")
        return 2
    try:
        Fts5Baseline(":memory:").close()  # fail early and clearly when SQLite lacks FTS5
    except Fts5UnavailableError as exc:
        log(f"error: {exc}")
        return 3
    started = time.perf_counter()
    reports = [evaluate_set(folder, args) for folder in set_dirs]
    markdown = render(reports, argv, time.perf_counter() - started)
    sys.stdout.write(markdown)
    if args.out:
        args.out.write_text(markdown, encoding="utf-8")
        log(f"report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
