"""Search quality of KB Assistant against a plain SQLite FTS5 baseline.

Usage::

    python benchmarks/quality.py --set ../shared/datasets/vkcloud_faq_ru \\
        [--set DIR ...] [--out FILE.md] [--max-typing N] [--max-queries N] [--seed S] \\
        [--baseline REV]

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
* the project's confidence, from the whole-question answers: the AUROC of
  ``SearchResults.confidence`` for right first answers (gold at rank 1) against
  wrong first answers and out-of-scope queries; at the engine's own ``confident``
  flag, the share of right first answers, of wrong first answers and of OOS
  queries that are confident; and a sweep of those shares over thresholds
  0.05 .. 0.95 (the current ``CONFIDENCE_THRESHOLD`` marked);
* with ``--baseline REV``, the project as it was at git revision REV, in the same
  run: ``git archive REV`` is unpacked into a temporary folder and this file is
  run there in a child process (``--emit-json``, the old ``kb_assistant`` first
  on ``PYTHONPATH``), which builds its own index and measures only the project
  engine (no typing simulation); the report gets a ``project @REV`` row per set,
  a delta row against it and its confidence numbers.

Progress goes to stderr; the Markdown report to stdout (and to ``--out``).
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
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
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent

try:  # a fresh clone whose project is not installed: import it from the checkout
    import kb_assistant  # noqa: F401
except ModuleNotFoundError as exc:  # pragma: no cover - depends on the environment
    if exc.name != "kb_assistant":  # a broken kb_assistant (say an old one on PYTHONPATH) is not replaced
        raise
    sys.path.insert(0, str(REPO_ROOT))

# only SearchService at the top: a --baseline child runs this file against an older kb_assistant
from kb_assistant.core.search.service import SearchService  # noqa: E402

try:  # run as a script (benchmarks/ is on sys.path) or as ``python -m benchmarks.quality``
    from fts5_baseline import Fts5Baseline, Fts5UnavailableError
except ImportError:  # pragma: no cover
    from benchmarks.fts5_baseline import Fts5Baseline, Fts5UnavailableError

PREFIX_SHARES = (0.25, 0.50, 0.75)
SWEEP_THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(1, 20))  # 0.05 .. 0.95
WHOLE_LIMIT = 10
TOP_K = 3
PROJECT, BASELINE = "project", "FTS5"
WORDS_ONLY = "project, words only"
"""The project with its semantic matcher off, measured in the same run on the same index."""


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
    confidence: ConfidenceReport | None = None
    latencies: list[float] = field(default_factory=list)


@dataclass(frozen=True)
class ConfidenceReport:
    """How well an engine's confidence separates right first answers from the rest.

    Right: queries with gold whose first hit is gold. Wrong: queries with gold whose
    first hit is not gold (or that get no hit). OOS: out-of-scope queries. The
    shares are those ``confident`` at the engine's own threshold; an answer without
    hits is never confident and has confidence 0. None when a class is empty.
    """

    n_right: int
    n_wrong: int
    n_oos: int
    auroc: float | None
    right_confident: float | None
    wrong_confident: float | None
    oos_confident: float | None


@dataclass(frozen=True)
class SweepRow:
    """One confidence threshold and the shares of right, wrong and OOS answers at or above it."""

    threshold: float
    right_confident: float | None
    wrong_confident: float | None
    oos_confident: float | None


@dataclass
class SetReport:
    """Results for one dataset: a report per engine, the project's confidence sweep, the baseline revision."""

    name: str
    n_oos: int
    engines: list[EngineReport]
    sweep: list[SweepRow]
    revision: EngineReport | None = None


@dataclass(frozen=True)
class Revision:
    """The ``--baseline`` revision: as given, resolved, and what its child process reported."""

    given: str
    sha: str
    subject: str
    version: str = "?"
    threshold: float | None = None

    @property
    def label(self) -> str:
        """The engine name of its rows, ``project @REV``."""
        return f"{PROJECT} @{self.given}"


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
        return Answer(
            tuple(hit.id for hit in results.hits),
            seconds,
            getattr(results, "confident", None),  # older revisions may lack either
            getattr(results, "confidence", None),
        )

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


def auroc(positives: Sequence[float], negatives: Sequence[float]) -> float | None:
    """The area under the ROC curve of scores of ``positives`` against ``negatives``.

    By the rank-sum (Mann-Whitney) formula: the scores are ranked together, tied
    scores share the mean of their ranks (so a tied pair counts half), and
    ``(R+ - n+ (n+ + 1) / 2) / (n+ n-)`` is the chance that a random positive
    scores above a random negative. None when either class is empty.
    """
    if not positives or not negatives:
        return None
    scored = sorted([(value, True) for value in positives] + [(value, False) for value in negatives])
    rank_sum = 0.0
    start = 0
    while start < len(scored):
        end = start
        while end < len(scored) and scored[end][0] == scored[start][0]:
            end += 1
        mean_rank = (start + 1 + end) / 2  # ranks start+1 .. end
        rank_sum += mean_rank * sum(1 for _, positive in scored[start:end] if positive)
        start = end
    n_pos, n_neg = len(positives), len(negatives)
    return (rank_sum - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def answer_confidence(answer: Answer) -> float:
    """The confidence of an answer's first hit; 0 for no hits or no confidence."""
    return (answer.confidence or 0.0) if answer.ids else 0.0


def answer_confident(answer: Answer) -> bool:
    """Whether an answer's first hit is ``confident``; an answer without hits never is."""
    return bool(answer.ids) and bool(answer.confident)


def split_first_answers(
    gold_queries: Sequence[Query], gold_answers: Sequence[Answer], oos_answers: Sequence[Answer]
) -> tuple[list[Answer], list[Answer], list[Answer]]:
    """The answers as (right first, wrong first, OOS): right when gold is at rank 1, else wrong."""
    right, wrong = [], []
    for query, answer in zip(gold_queries, gold_answers):
        (right if first_gold_rank(answer.ids[:1], query.gold) else wrong).append(answer)
    return right, wrong, list(oos_answers)


def measure_confidence(
    gold_queries: Sequence[Query], gold_answers: Sequence[Answer], oos_answers: Sequence[Answer]
) -> ConfidenceReport:
    """AUROC of the confidence (right first vs wrong first and OOS) and the confident shares."""
    right, wrong, oos = split_first_answers(gold_queries, gold_answers, oos_answers)
    return ConfidenceReport(
        n_right=len(right),
        n_wrong=len(wrong),
        n_oos=len(oos),
        auroc=auroc([answer_confidence(a) for a in right], [answer_confidence(a) for a in wrong + oos]),
        right_confident=share([answer_confident(a) for a in right]),
        wrong_confident=share([answer_confident(a) for a in wrong]),
        oos_confident=share([answer_confident(a) for a in oos]),
    )


def confidence_sweep(
    gold_queries: Sequence[Query],
    gold_answers: Sequence[Answer],
    oos_answers: Sequence[Answer],
    thresholds: Sequence[float] = SWEEP_THRESHOLDS,
) -> list[SweepRow]:
    """The shares of right first, wrong first and OOS answers whose confidence is at or above each threshold."""
    right, wrong, oos = split_first_answers(gold_queries, gold_answers, oos_answers)

    def above(answers: Sequence[Answer], threshold: float) -> float | None:
        return share([bool(a.ids) and answer_confidence(a) >= threshold for a in answers])

    return [SweepRow(t, above(right, t), above(wrong, t), above(oos, t)) for t in thresholds]


def confidence_threshold() -> float | None:
    """The project's ``CONFIDENCE_THRESHOLD``: from ``core.search.confidence``, else ``core.search.service``."""
    for name in ("kb_assistant.core.search.confidence", "kb_assistant.core.search.service"):
        try:
            module = importlib.import_module(name)
        except ImportError:  # older revisions have no confidence module
            continue
        value = getattr(module, "CONFIDENCE_THRESHOLD", None)
        if value is not None:
            return float(value)
    return None


# -- running one set ----------------------------------------------------------
def log(message: str) -> None:
    """Progress line on stderr."""
    print(message, file=sys.stderr, flush=True)


def semantic_model():
    """The semantic matcher's model, or None (not installed, or a ``--baseline`` revision before it)."""
    try:
        from kb_assistant.core.search.semantic import load_model
    except ImportError:
        return None
    return load_model()


def build_project(kb_dir: Path, workdir: Path) -> SearchService:
    """Build the project index of ``kb_dir`` inside ``workdir`` (with the semantic matcher when there is one)."""
    started = time.perf_counter()
    model = semantic_model()
    service = SearchService(kb_dir, workdir / "index", semantic=model) if model else SearchService(kb_dir, workdir / "index")
    service.update()
    log(f"  project index built in {time.perf_counter() - started:.1f} s")
    return service


def build_engines(kb_dir: Path, workdir: Path) -> tuple[SearchService, Fts5Baseline]:
    """Build the project index and the FTS5 baseline from ``kb_dir`` inside ``workdir``."""
    # imported here, not at the top: a --baseline child needs only SearchService
    from kb_assistant.core.kb.load import load_kb

    service = build_project(kb_dir, workdir)
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


def select_queries(set_dir: Path, args: argparse.Namespace) -> tuple[list[Query], list[Query], list[Query]]:
    """The sampled queries of a set: (with gold, out of scope, typing sample)."""
    queries = sample(load_queries(set_dir / "queries.jsonl"), args.max_queries, args.seed)
    gold_queries = [q for q in queries if q.gold and not q.oos]
    oos_queries = [q for q in queries if q.oos]
    typing_queries = sample(gold_queries, args.max_typing, args.seed)
    log(f"{set_dir.name}: {len(queries)} queries, {len(gold_queries)} with gold, {len(oos_queries)} out of scope")
    return gold_queries, oos_queries, typing_queries


def evaluate_project(
    service: SearchService,
    set_name: str,
    gold_queries: Sequence[Query],
    oos_queries: Sequence[Query],
    typing_queries: Sequence[Query],
) -> tuple[EngineReport, list[SweepRow]]:
    """Measure the project engine, its confidence included; return its report and confidence sweep."""
    project = project_engine(service)
    report, gold_answers = evaluate_engine(PROJECT, project, set_name, gold_queries, typing_queries)
    oos_answers = [project(q.text, False, WHOLE_LIMIT) for q in oos_queries]
    report.latencies.extend(a.seconds for a in oos_answers)
    report.confidence = measure_confidence(gold_queries, gold_answers, oos_answers)
    return report, confidence_sweep(gold_queries, gold_answers, oos_answers)


def evaluate_set(set_dir: Path, args: argparse.Namespace) -> SetReport:
    """Build both engines for one set and measure them on its queries."""
    name = set_dir.name
    gold_queries, oos_queries, typing_queries = select_queries(set_dir, args)
    with tempfile.TemporaryDirectory(prefix=f"kbq-{name}-") as tmp:
        service, baseline = build_engines(set_dir / "kb", Path(tmp))
        try:
            project_report, sweep = evaluate_project(service, name, gold_queries, oos_queries, typing_queries)
            reports = [project_report]
            if getattr(service, "semantic_enabled", False):
                # the same index, words alone, in a service of its own: neither engine inherits warm caches
                with SearchService(set_dir / "kb", Path(tmp) / "index") as words:
                    words_report, _ = evaluate_project(words, name, gold_queries, oos_queries, typing_queries)
                words_report.engine = WORDS_ONLY
                reports.append(words_report)
            baseline_report, _ = evaluate_engine(
                BASELINE, baseline_engine(baseline), name, gold_queries, typing_queries
            )
        finally:
            service.close()
            baseline.close()
    return SetReport(name, len(oos_queries), [*reports, baseline_report], sweep)


# -- a baseline revision ------------------------------------------------------
class RevisionError(RuntimeError):
    """The ``--baseline`` revision cannot be resolved, unpacked or measured."""


def emit_json(set_dirs: Sequence[Path], args: argparse.Namespace) -> dict:
    """The ``--emit-json`` measurements: the project engine only (no typing), as plain data.

    This is what a ``--baseline`` child process runs against an older ``kb_assistant``:
    hit@1, hit@3, MRR@10, live prefix hit@3, whole-question latencies and the
    confidence numbers of every set, plus which ``kb_assistant`` was imported.
    """
    package = sys.modules["kb_assistant"]
    sets = []
    for folder in set_dirs:
        gold_queries, oos_queries, _ = select_queries(folder, args)
        with tempfile.TemporaryDirectory(prefix=f"kbq-{folder.name}-") as tmp:
            service = build_project(folder / "kb", Path(tmp))
            try:
                report, _ = evaluate_project(service, folder.name, gold_queries, oos_queries, [])
            finally:
                service.close()
        data = asdict(report)
        data["prefix_hit3"] = {str(part): value for part, value in report.prefix_hit3.items()}
        sets.append({"name": folder.name, "n_oos": len(oos_queries), "report": data})
    return {
        "kb_assistant": str(Path(package.__file__).resolve()),
        "version": getattr(package, "__version__", "?"),
        "threshold": confidence_threshold(),
        "sets": sets,
    }


def report_from_json(data: dict, engine: str) -> EngineReport:
    """An :class:`EngineReport` from one set's ``report`` of :func:`emit_json`, renamed ``engine``."""
    fields = dict(data)
    fields["engine"] = engine
    fields["prefix_hit3"] = {float(part): value for part, value in data.get("prefix_hit3", {}).items()}
    if fields.get("confidence") is not None:
        fields["confidence"] = ConfidenceReport(**fields["confidence"])
    return EngineReport(**fields)


def git(*args: str) -> str:
    """Run git in the repository; its stdout, stripped. Raises :class:`RevisionError` when it fails."""
    try:
        done = subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True, timeout=60,
                              check=False)
    except (OSError, subprocess.SubprocessError) as exc:
        raise RevisionError(f"cannot run git: {exc}") from exc
    if done.returncode != 0:
        raise RevisionError(done.stderr.strip() or f"git {' '.join(args)} failed")
    return done.stdout.strip()


def resolve_revision(given: str) -> Revision:
    """The commit ``given`` names in the repository; :class:`RevisionError` when it is not a known revision."""
    try:
        sha = git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{given}^{{commit}}")
    except RevisionError as exc:
        raise RevisionError(f"--baseline {given!r} is not a known git revision of {REPO_ROOT}") from exc
    return Revision(given, sha, git("log", "-1", "--format=%s", sha))


def measure_revision(
    revision: Revision, set_dirs: Sequence[Path], args: argparse.Namespace
) -> tuple[Revision, list[EngineReport]]:
    """Measure the project at ``revision`` on every set, in a child process; one report per set.

    ``git archive`` of the revision is unpacked into a temporary folder, and this
    file runs there with ``--emit-json`` under the same Python, that folder first
    on ``PYTHONPATH`` (and as the working directory) so that ``import kb_assistant``
    finds the old code; the child's ``kb_assistant.__file__`` is checked.
    """
    with tempfile.TemporaryDirectory(prefix="kbq-rev-") as tmp:
        root = Path(tmp).resolve()
        log(f"baseline @{revision.given}: git archive {revision.sha[:12]} into {root}")
        try:
            archive = subprocess.Popen(["git", "archive", "--format=tar", revision.sha], cwd=REPO_ROOT,
                                       stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            untar = subprocess.run(["tar", "-x", "-C", str(root)], stdin=archive.stdout, capture_output=True,
                                   check=False)
            archive.stdout.close()
            archive_error = archive.stderr.read().decode(errors="replace").strip()
            archive.stderr.close()
            if archive.wait() != 0 or untar.returncode != 0:
                raise RevisionError(
                    f"cannot unpack {revision.given}: {archive_error or untar.stderr.decode(errors='replace')}"
                )
        except OSError as exc:
            raise RevisionError(f"cannot unpack {revision.given}: {exc}") from exc
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(root), *filter(None, [env.get("PYTHONPATH")])])
        command = [sys.executable, str(Path(__file__).resolve()), "--emit-json", "--seed", str(args.seed)]
        if args.max_queries is not None:
            command += ["--max-queries", str(args.max_queries)]
        for folder in set_dirs:
            command += ["--set", str(folder.resolve())]
        log(f"baseline @{revision.given}: {shlex.join(command)}")
        started = time.perf_counter()
        child = subprocess.run(command, cwd=root, env=env, stdout=subprocess.PIPE, text=True,  # stderr: ours
                               check=False)
        if child.returncode != 0:
            raise RevisionError(f"the measurement of @{revision.given} failed (exit code {child.returncode})")
        try:
            data = json.loads(child.stdout)
            imported = Path(data["kb_assistant"])
        except (ValueError, KeyError, TypeError) as exc:
            raise RevisionError(f"the measurement of @{revision.given} printed no usable JSON: {exc}") from exc
        if not imported.is_relative_to(root):
            raise RevisionError(f"the child imported {imported}, not the kb_assistant of @{revision.given}")
        log(f"baseline @{revision.given}: measured in {time.perf_counter() - started:.1f} s "
            f"(kb_assistant from the archive: {imported.relative_to(root)})")
    if [entry["name"] for entry in data["sets"]] != [folder.name for folder in set_dirs]:
        raise RevisionError(f"the measurement of @{revision.given} did not cover the same sets")
    revision = replace(revision, version=data["version"], threshold=data["threshold"])
    reports = [report_from_json(entry["report"], revision.label) for entry in data["sets"]]
    return revision, reports


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
        typed, pct(r.never), latency,
    ]


MAIN_HEADER = (
    "set", "engine", "n", "hit@1", "hit@3", "MRR@10",
    "hit@3 25%", "hit@3 50%", "hit@3 75%", "median typed", "never", "latency p50 / p95 ms",
)


def delta_row(set_name: str, label: str, a: EngineReport, b: EngineReport, hit1: bool = False) -> list[str]:
    """A row of ``a - b`` in percentage points: hit@3 and 50 % hit@3, and hit@1 when asked."""
    cells = [""] * len(MAIN_HEADER)
    cells[0], cells[1] = set_name, f"**{label}**"
    if hit1:
        cells[3] = signed_pp(diff(a.hit1, b.hit1))
    cells[4] = signed_pp(diff(a.hit3, b.hit3))
    cells[7] = signed_pp(diff(a.prefix_hit3.get(0.5), b.prefix_hit3.get(0.5)))
    return cells


def main_table(sets: Sequence[SetReport]) -> list[str]:
    """The table with a row per (set, engine) and delta rows per set (against FTS5 and the baseline revision)."""
    rows = []
    for s in sets:
        project, baseline = s.engines[0], s.engines[-1]
        rows.extend(engine_row(r) for r in s.engines)
        rows.append(delta_row(s.name, f"Δ {PROJECT} − {BASELINE} (pp)", project, baseline))
        if len(s.engines) > 2:
            rows.append(delta_row(s.name, f"Δ {PROJECT} − words only (pp)", project, s.engines[1], hit1=True))
        if s.revision is not None:
            rows.append(engine_row(s.revision))
            rows.append(delta_row(s.name, f"Δ {PROJECT} − @{s.revision.engine.split('@', 1)[1]} (pp)",
                                  project, s.revision, hit1=True))
    return table(MAIN_HEADER, rows)


def auroc_cell(value: float | None) -> str:
    """An AUROC with three decimals, or an en dash."""
    return "–" if value is None else f"{value:.3f}"


def confidence_table(sets: Sequence[SetReport]) -> list[str]:
    """A row per set (and per baseline revision) of :class:`ConfidenceReport` numbers."""
    rows = []
    for s in sets:
        for r in (*s.engines[:-1], s.revision):
            if r is None or r.confidence is None:
                continue
            c = r.confidence
            rows.append([
                s.name, r.engine, str(c.n_right), str(c.n_wrong), str(c.n_oos), auroc_cell(c.auroc),
                pct(c.right_confident), pct(c.wrong_confident), pct(c.oos_confident),
            ])
    return table(["set", "engine", "n right first", "n wrong first", "n OOS", "AUROC",
                  "right confident %", "wrong confident %", "OOS confident %"], rows)


def sweep_table(s: SetReport, current: float | None) -> list[str]:
    """The confidence sweep of one set; the row of the current threshold is marked."""
    rows = []
    for row in s.sweep:
        mark = " ← current" if current is not None and abs(row.threshold - current) < 1e-9 else ""
        rows.append([f"{row.threshold:.2f}{mark}", pct(row.right_confident), pct(row.wrong_confident),
                     pct(row.oos_confident)])
    c = s.engines[0].confidence
    counts = f"{c.n_right} right first answers, {c.n_wrong} wrong first, {c.n_oos} OOS queries" if c else ""
    title = f"### Confidence sweep: {s.name} (project; {counts})"
    return [title, "", *table(["confidence ≥", "right confident % (higher is better)",
                                "wrong first confident % (lower is better)",
                                "OOS confident % (lower is better)"], rows)]


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


def threshold_text(value: float | None) -> str:
    """A confidence threshold, or "unknown"."""
    return "unknown" if value is None else f"{value:.2f}"


def header_lines(argv: Sequence[str], revision: Revision | None = None) -> list[str]:
    """Title, date, machine, project revision (and the baseline one) and the command line."""
    machine = platform.processor() or platform.machine()
    lines = [
        "# KB Assistant search quality",
        "",
        f"- date: {dt.datetime.now().isoformat(timespec='seconds')}",
        f"- machine: {machine}, {os.cpu_count()} CPUs, {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}",
        f"- project: {project_revision()}, confidence threshold {threshold_text(confidence_threshold())}",
    ]
    if revision is not None:
        lines.append(
            f"- baseline `{revision.label}`: kb_assistant {revision.version}, git {revision.sha[:12]} "
            f"({revision.subject[:80]}{'…' if len(revision.subject) > 80 else ''}), "
            f"confidence threshold {threshold_text(revision.threshold)}"
        )
    lines.append(f"- command: `python benchmarks/quality.py {shlex.join(argv)}`")
    return lines


def render(sets: Sequence[SetReport], argv: Sequence[str], seconds: float, revision: Revision | None = None) -> str:
    """The whole Markdown report."""
    current = confidence_threshold()
    lines = header_lines(argv, revision) + [f"- total runtime: {seconds:.0f} s", "", "## Results", ""]
    lines += main_table(sets)
    lines += [
        "",
        "hit@k, MRR@10: whole question (not live, top 10), over queries with gold articles. "
        "hit@3 p%: live search on the first p % of the characters. median typed: median share of "
        "characters typed (live, one at a time) until a gold article first shows in the top 3 "
        "(never = 100 %); never: share of sampled questions where it never shows. Shares in %. "
        "Latency: whole-question searches (incl. OOS ones for the project). "
        "FTS5 is the plain baseline of `benchmarks/fts5_baseline.py` (no stemming, no typo or "
        "layout handling). `project, words only`: the same index with the semantic matcher off "
        "(measured in the same run when the matcher is installed).",
    ]
    if revision is not None:
        lines += [
            "",
            (
                f"`{revision.label}`: the project at git {revision.sha[:12]}, unpacked with `git archive` and "
                "measured in a child process in the same run, on the same queries (no typing simulation); "
                f"its delta row is the current project minus @{revision.given}, in percentage points."
            ),
        ]
    thresholds = f"project: {threshold_text(current)}"
    if revision is not None:
        thresholds += f", @{revision.given}: {threshold_text(revision.threshold)}"
    lines += [
        "",
        "## Confidence",
        "",
        *confidence_table(sets),
        "",
        (
            "Over the whole-question answers. right first: queries with gold whose first result is gold; "
            "wrong first: queries with gold whose first result is not gold (or that get none); OOS: "
            "out-of-scope queries. AUROC: how well `confidence` ranks right first answers above wrong "
            "first answers and OOS queries (1 = perfect, 0.5 = chance; rank-sum, ties count half; an "
            "answer without results has confidence 0). right / wrong / OOS confident %: shares whose "
            f"first result is `confident` at the engine's own threshold ({thresholds}); higher is "
            "better for right, lower for wrong and OOS. The sweeps below put the threshold on "
            "`confidence` instead (current one marked)."
        ),
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
    parser.add_argument("--baseline", metavar="REV",
                        help="also measure the project as it was at git revision REV (e.g. a commit)")
    parser.add_argument("--emit-json", action="store_true",
                        help="internal, for --baseline: measure the project engine only and print JSON")
    args = parser.parse_args(argv)
    if args.emit_json and args.baseline:
        parser.error("--emit-json and --baseline exclude each other")
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
    if args.emit_json:
        sys.stdout.write(json.dumps(emit_json(set_dirs, args)) + "\n")
        return 0
    revision = None
    if args.baseline:
        try:
            revision = resolve_revision(args.baseline)
        except RevisionError as exc:
            log(f"error: {exc}")
            return 2
    try:
        Fts5Baseline(":memory:").close()  # fail early and clearly when SQLite lacks FTS5
    except Fts5UnavailableError as exc:
        log(f"error: {exc}")
        return 3
    started = time.perf_counter()
    revision_reports: list[EngineReport] = []
    if revision is not None:  # first: a revision that cannot be measured fails the run early
        try:
            revision, revision_reports = measure_revision(revision, set_dirs, args)
        except RevisionError as exc:
            log(f"error: {exc}")
            return 4
    reports = [evaluate_set(folder, args) for folder in set_dirs]
    for report, old in zip(reports, revision_reports):
        report.revision = old
    markdown = render(reports, argv, time.perf_counter() - started, revision)
    sys.stdout.write(markdown)
    if args.out:
        args.out.write_text(markdown, encoding="utf-8")
        log(f"report written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
