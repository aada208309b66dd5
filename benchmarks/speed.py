"""Speed of the project's search next to a plain SQLite FTS5 baseline, on generated KBs.

    python benchmarks/speed.py --sizes 1000,10000,50000 [--out FILE.md] [--queries N] [--seed S] [--learned N]
                               [--semantic | --no-semantic]

For each corpus size (see :mod:`corpus`; corpora are cached between runs) both
engines are measured in the same run, and with ``--semantic`` (the default when
:func:`~kb_assistant.core.search.semantic.load_model` finds the model) a third,
"project + meaning": the same project code with the semantic matcher's model
passed to every ``SearchService`` it creates, on an index folder of its own:

* full build: the project's ``SearchService(...).update()`` on a fresh index
  folder (several processes above 1,000 files); FTS5 reads and parses every file
  (as ``load_kb`` does, streamed) and builds its table; with meaning the build
  includes embedding the article vectors (``update()`` does it), and the model,
  loaded once per process, is loaded before the clock starts;
* index size on disk: every file of the project's index folder (with meaning:
  its ``semantic/*.npz`` vectors too), the FTS5 database file;
* incremental "save to searchable": one article gets a sentence with a new word
  appended, then the project runs ``update()`` (it finds the change itself) and
  FTS5 parses that one file and upserts it; both then search the new word and
  must find the article. Median of 5;
* per-keystroke live latency: generated customer questions are typed one
  character at a time (``text[:k]``, live, limit 10) on one warm searcher, and
  the first search right after opening a fresh service / connection;
* start-up to first answer: a new ``python -c`` process imports, opens and
  answers one search (with meaning: it loads the model first); measured from
  process start, median of 3;
* peak memory (``ru_maxrss``) of a process that opens the index and types ~50
  questions;
* learned questions (``--learned N``, 10,000 unless 0): the project on a warm
  searcher gets N questions agents answered, made from the corpus as its customer
  questions are (a seed of their own, spread over the articles they answer),
  through ``SearchService.set_learned``; timed: ``set_learned`` (the first time,
  then again with the same questions, as after a copy in the window), the first
  search after it (a question searched before it), and the same questions typed
  again, next to the run without (words only);
* the semantic matcher (``--semantic``, on unless ``--no-semantic`` or the model
  is missing): every measurement above of "project + meaning" (typing the
  questions the project typed), in a table of its own next to the project.

Progress goes to stderr; the Markdown report to stdout or ``--out``.
Timing never decides pass/fail here: this only measures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import gc
import json
import os
import platform
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ENGINES = ("project", "FTS5")
LIMIT = 10
INCREMENTAL_REPEATS = 5
FRESH_OPENS = 20
STARTUP_RUNS = 3
MEMORY_QUESTIONS = 50
DEFAULT_LEARNED = 10_000
"""Learned questions of the run with learned questions (``--learned``; 0: no such run)."""
LEARNED_REPEATS = 5
"""``set_learned`` and the first search after it, timed this many times."""
LEARNED_ENGINE = "project + learned"
SEMANTIC_ENGINE = "project + meaning"
"""The project with the semantic matcher's model (``--semantic``)."""
DEFAULT_KEYSTROKE_BUDGET = 150.0
"""Seconds of typing per engine and size; fewer questions are typed when it runs out."""
LENGTH_BUCKETS = ("space", "1", "2", "3", "4-5", "6+")


def log(message: str) -> None:
    """Progress to stderr, with the wall-clock time."""
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------
# the two engines behind one small interface
# ---------------------------------------------------------------------------


class ProjectEngine:
    """The project's :class:`SearchService` on an existing index folder, searching words alone."""

    name = "project"

    def __init__(self, kb_root: Path, index_path: Path) -> None:
        from kb_assistant.core.search import SearchService

        self._service = SearchService(kb_root, index_path, semantic=self.model())

    @staticmethod
    def model():
        """The semantic matcher's model passed to every ``SearchService`` (None: words alone)."""
        return None

    @classmethod
    def build(cls, kb_root: Path, index_path: Path) -> None:
        """Full build on a fresh index folder (with a model: the article vectors too)."""
        from kb_assistant.core.search import SearchService

        with SearchService(kb_root, index_path, semantic=cls.model()) as service:
            report = service.update()
        errors = [p for p in report.problems if p.severity == "error"]
        if errors:
            log(f"  {cls.name} build: {len(errors)} errors, e.g. {errors[0].format()}")

    @property
    def semantic_articles(self) -> int:
        """How many articles the semantic matcher knows (0 without a model)."""
        return self._service.semantic_articles

    def search(self, text: str, *, live: bool = True) -> list[str]:
        """Ids of the best results."""
        return [hit.id for hit in self._service.search(text, live=live, limit=LIMIT).hits]

    def after_edit(self, rel_path: str) -> None:
        """Make an edited file searchable: the project finds the change itself."""
        del rel_path
        self._service.update()

    def set_learned(self, questions: dict[str, list[tuple[str, float]]]) -> None:
        """Agents' answered questions per article id, searched from now on."""
        self._service.set_learned(questions)

    def close(self) -> None:
        """Release the index."""
        self._service.close()


class SemanticProjectEngine(ProjectEngine):
    """The same project code with the semantic matcher: English questions fuse words and meaning."""

    name = SEMANTIC_ENGINE

    @staticmethod
    def model():
        """The model of :func:`semantic_model` (loaded once per process)."""
        return semantic_model()


@functools.cache
def semantic_model():
    """The semantic matcher's model (:func:`~kb_assistant.core.search.semantic.load_model`), or None
    when it is missing; loaded once per process."""
    from kb_assistant.core.search.semantic import load_model

    return load_model()


class Fts5Engine:
    """The plain FTS5 baseline (``benchmarks/fts5_baseline.py``) on an existing database."""

    name = "FTS5"

    def __init__(self, kb_root: Path, index_path: Path) -> None:
        from fts5_baseline import Fts5Baseline

        self._kb_root = Path(kb_root)
        self._default_lang: str | None = None
        self._db = Fts5Baseline(index_path)

    @staticmethod
    def build(kb_root: Path, index_path: Path) -> None:
        """Read and parse every article (streamed, as ``load_kb`` does) and build the table."""
        from fts5_baseline import Fts5Baseline

        with Fts5Baseline(index_path) as db:
            db.build(_parsed_articles(Path(kb_root)))

    def search(self, text: str, *, live: bool = True) -> list[str]:
        """Ids of the best results."""
        return self._db.search(text, live=live, limit=LIMIT)

    def after_edit(self, rel_path: str) -> None:
        """Make an edited file searchable: parse that one file and upsert it."""
        from kb_assistant.core.kb.load import ArticleFile, read_article_file

        path = self._kb_root / rel_path
        info = path.stat()
        parsed = read_article_file(ArticleFile(rel_path, path, info.st_mtime_ns, info.st_size), self.default_lang())
        self._db.upsert(parsed.article)

    def default_lang(self) -> str:
        """The KB's default language (read once; not part of the timed edit)."""
        if self._default_lang is None:
            from kb_assistant.core.kb.config import load_kb_config

            self._default_lang = load_kb_config(self._kb_root)[0].default_lang
        return self._default_lang

    def close(self) -> None:
        """Close the connection."""
        self._db.close()


ENGINE_CLASSES = {"project": ProjectEngine, "FTS5": Fts5Engine, SEMANTIC_ENGINE: SemanticProjectEngine}


def _parsed_articles(kb_root: Path):
    """Every article of the KB, parsed one at a time (what ``load_kb`` does, without keeping them)."""
    from kb_assistant.core.kb.load import read_article_file, scan_kb
    from kb_assistant.core.kb.config import load_kb_config

    config, _ = load_kb_config(kb_root)
    for file in scan_kb(kb_root).files:
        article = read_article_file(file, config.default_lang).article
        if article is not None:
            yield article


def open_engine(name: str, kb_root: Path, index_path: Path):
    """A searcher of engine ``name`` on its existing index."""
    return ENGINE_CLASSES[name](kb_root, index_path)


# ---------------------------------------------------------------------------
# measurements
# ---------------------------------------------------------------------------


@dataclass
class Keystroke:
    """One timed live search: its latency and the length of the word being typed."""

    ms: float
    word_length: int
    text: str


def percentile(values: list[float], share: float) -> float:
    """The ``share`` (0..1) percentile of ``values``, linearly interpolated."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    position = share * (len(ordered) - 1)
    low = int(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def word_length(prefix: str) -> int:
    """Length of the unfinished last word of ``prefix`` (0 right after a space)."""
    if not prefix or prefix[-1].isspace():
        return 0
    return len(prefix.split()[-1])


def length_bucket(length: int) -> str:
    """The report bucket of a word length."""
    if length == 0:
        return "space"
    if length <= 3:
        return str(length)
    return "4-5" if length <= 5 else "6+"


def type_questions(engine, texts: list[str], budget_s: float | None) -> tuple[list[Keystroke], int]:
    """Type each text one character at a time, timing every live search.

    Stops starting new questions once ``budget_s`` seconds have passed.

    Returns:
        the keystrokes and how many questions were typed.
    """
    keystrokes: list[Keystroke] = []
    started = time.perf_counter()
    typed = 0
    for text in texts:
        if budget_s is not None and time.perf_counter() - started > budget_s:
            break
        for end in range(1, len(text) + 1):
            prefix = text[:end]
            t0 = time.perf_counter()
            engine.search(prefix, live=True)
            keystrokes.append(Keystroke((time.perf_counter() - t0) * 1000, word_length(prefix), prefix))
        typed += 1
    return keystrokes, typed


def time_build(name: str, kb_root: Path, index_path: Path) -> float:
    """Seconds for a full build of engine ``name``."""
    gc.collect()
    t0 = time.perf_counter()
    ENGINE_CLASSES[name].build(kb_root, index_path)
    seconds = time.perf_counter() - t0
    gc.collect()
    return seconds


def index_size_mb(index_path: Path) -> float:
    """Megabytes on disk of an index: every file under a folder (the project's generations and,
    with meaning, its vectors), or a database file with its journal files beside it."""
    index_path = Path(index_path)
    if index_path.is_dir():
        files = [path for path in index_path.rglob("*") if path.is_file()]
    else:
        files = [path for path in (index_path, *(index_path.with_name(index_path.name + suffix)
                                                 for suffix in ("-wal", "-shm", "-journal"))) if path.is_file()]
    return sum(path.stat().st_size for path in files) / 1e6


def time_fresh_opens(name: str, kb_root: Path, index_path: Path, texts: list[str]) -> tuple[list[float], int]:
    """Milliseconds from opening a fresh searcher to its first answer, per text.

    Returns:
        the times and how many of the answers were empty.
    """
    times = []
    empty = 0
    for text in texts:
        t0 = time.perf_counter()
        engine = open_engine(name, kb_root, index_path)
        found = engine.search(text, live=True)
        times.append((time.perf_counter() - t0) * 1000)
        engine.close()
        empty += not found
    return times, empty


def unique_word(rng: random.Random) -> str:
    """A word no article contains (consonants only, so no stemmer changes it)."""
    return "zq" + "".join(rng.choice("bcdfghjklmnpqrstvwxz") for _ in range(10))


def time_incremental(name: str, kb_root: Path, index_path: Path, targets: list[tuple[str, str]],
                     seed: int) -> tuple[list[float], int]:
    """Milliseconds from an edited file on disk to its new word being found, per target.

    Each target ``(rel_path, article_id)`` gets a sentence with a new word appended;
    the files are restored afterwards.

    Returns:
        the times and how many edited articles the search did not find.
    """
    rng = random.Random(f"incremental-{seed}-{name}")
    originals: dict[Path, bytes] = {}
    engine = open_engine(name, kb_root, index_path)
    times = []
    missed = 0
    try:
        engine.search("warm up", live=False)
        for rel_path, article_id in targets:
            path = kb_root / rel_path
            originals.setdefault(path, path.read_bytes())
            word = unique_word(rng)
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(f"\nThis was updated: {word} now applies.\n")
            t0 = time.perf_counter()
            engine.after_edit(rel_path)
            found = engine.search(word, live=False)
            times.append((time.perf_counter() - t0) * 1000)
            if article_id not in found:
                missed += 1
                log(f"  {name}: edited article {article_id} NOT found by its new word {word}: {found}")
    finally:
        engine.close()
        for path, data in originals.items():
            path.write_bytes(data)
    return times, missed


STARTUP_CODE = {
    "project": (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from kb_assistant.core.search import SearchService\n"
        "service = SearchService(Path(sys.argv[1]), Path(sys.argv[2]))\n"
        "hits = service.search(sys.argv[3], live=True).hits\n"
        "print(repr(time.time()), len(hits))\n"
    ),
    SEMANTIC_ENGINE: (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from kb_assistant.core.search import SearchService\n"
        "from kb_assistant.core.search.semantic import load_model\n"
        "service = SearchService(Path(sys.argv[1]), Path(sys.argv[2]), semantic=load_model())\n"
        "hits = service.search(sys.argv[3], live=True).hits\n"
        "print(repr(time.time()), len(hits))\n"
    ),
    "FTS5": (
        "import sys, time\n"
        "sys.path.insert(0, sys.argv[4])\n"
        "from fts5_baseline import Fts5Baseline\n"
        "ids = Fts5Baseline(sys.argv[2]).search(sys.argv[3], live=True)\n"
        "print(repr(time.time()), len(ids))\n"
    ),
}


def time_startup(name: str, kb_root: Path, index_path: Path, word: str) -> tuple[float, int]:
    """Milliseconds from starting a new Python process to its first answer, and the hits it got."""
    command = [sys.executable, "-c", STARTUP_CODE[name], str(kb_root), str(index_path), word, str(BENCH_DIR)]
    started = time.time()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    answered, hits = done.stdout.split()
    return (float(answered) - started) * 1000, int(hits)


def measure_peak_memory(name: str, kb_root: Path, index_path: Path, texts: list[str],
                        budget_s: float) -> dict:
    """Peak RSS of a new process that opens engine ``name`` and types ``texts``."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as handle:
        json.dump(texts, handle, ensure_ascii=False)
    try:
        command = [
            sys.executable, str(Path(__file__).resolve()), "--worker", "memory", "--engine", name,
            "--kb", str(kb_root), "--index", str(index_path), "--texts", handle.name,
            "--keystroke-budget", str(budget_s),
        ]
        done = subprocess.run(command, capture_output=True, text=True, check=True)
        return json.loads(done.stdout)
    finally:
        os.unlink(handle.name)


def memory_worker(args: argparse.Namespace) -> int:
    """The child of :func:`measure_peak_memory`: type the texts, print peak RSS as JSON."""
    texts = json.loads(Path(args.texts).read_text(encoding="utf-8"))
    engine = open_engine(args.engine, Path(args.kb), Path(args.index))
    _, typed = type_questions(engine, texts, args.keystroke_budget)
    engine.close()
    print(json.dumps({"peak_mb": peak_rss_mb(), "typed": typed}))
    return 0


def peak_rss_mb() -> float:
    """This process's peak resident set size in MB.

    Linux's ``ru_maxrss`` carries over the parent's peak into a child started with
    fork/vfork + exec (a 300 MB parent makes every child report 300 MB), so the
    peak of the process's own memory map, ``VmHWM``, is read when available.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


# ---------------------------------------------------------------------------
# one corpus size
# ---------------------------------------------------------------------------


@dataclass
class SizeResult:
    """Everything measured on one corpus size."""

    size: int
    values: dict[tuple[str, str], float] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    by_length: dict[str, dict[str, list[float]]] = field(default_factory=dict)
    slowest: list[Keystroke] = field(default_factory=list)

    def set(self, measure: str, engine: str, value: float) -> None:
        """Record ``value`` of ``measure`` for ``engine``."""
        self.values[(measure, engine)] = value


def corpus_probe(kb_root: Path, seed: int, count: int) -> tuple[str, list[tuple[str, str]]]:
    """A word that both engines find verbatim, and ``count`` (path, id) articles to edit."""
    from corpus import META_FILE

    meta = json.loads((kb_root / META_FILE).read_text(encoding="utf-8"))
    articles = meta["articles"]
    rng = random.Random(f"probe-{seed}")
    question = articles[0]["questions"][0]
    word = max(question.rstrip("?").split(), key=len)
    targets = [(a["path"], a["id"]) for a in rng.sample(articles, count)]
    return word, targets


def corpus_stats(kb_root: Path) -> str:
    """Files and megabytes of a generated corpus, for the notes."""
    files = 0
    size = 0
    for path in kb_root.rglob("*.md"):
        files += 1
        size += path.stat().st_size
    return f"{files:,} files, {size / 1e6:.0f} MB"


def summarize_keystrokes(result: SizeResult, name: str, keystrokes: list[Keystroke]) -> None:
    """Record the percentiles of the keystroke latencies of engine ``name``."""
    times = [k.ms for k in keystrokes]
    result.set("key_p50", name, percentile(times, 0.50))
    result.set("key_p95", name, percentile(times, 0.95))
    result.set("key_p99", name, percentile(times, 0.99))
    result.set("key_max", name, max(times))
    buckets: dict[str, list[float]] = {bucket: [] for bucket in LENGTH_BUCKETS}
    for keystroke in keystrokes:
        buckets[length_bucket(keystroke.word_length)].append(keystroke.ms)
    result.by_length[name] = buckets


@dataclass
class Setup:
    """What the measurements of one size share: the corpus, the indexes and the workload."""

    kb_root: Path
    engines: tuple[str, ...]
    index_paths: dict[str, Path]
    typed_texts: list[str]
    fresh_texts: list[str]
    probe_word: str
    edit_targets: list[tuple[str, str]]
    budget: float
    seed: int
    learned: int = 0


def bench_size(size: int, args: argparse.Namespace) -> SizeResult:
    """Measure the engines (both, or with ``args.semantic`` all three) on the generated corpus of ``size`` articles."""
    from corpus import cached_corpus, generate_questions

    result = SizeResult(size)
    kb_root, generated_s = cached_corpus(size, args.seed)
    log(f"size {size:,}: corpus {kb_root} ({'cached' if not generated_s else f'generated in {generated_s:.1f} s'})")
    result.notes.append(f"corpus: {corpus_stats(kb_root)}" + (f", generated in {generated_s:.0f} s" if generated_s else ""))
    texts = [q.text for q in generate_questions(kb_root, args.queries + FRESH_OPENS, seed=args.seed)]
    word, targets = corpus_probe(kb_root, args.seed, INCREMENTAL_REPEATS)
    with index_folder(args.index_dir, size) as folder:
        setup = Setup(
            kb_root=kb_root,
            engines=ENGINES + ((SEMANTIC_ENGINE,) if args.semantic else ()),
            index_paths={"project": folder / "whoosh-index", "FTS5": folder / "fts5.sqlite3",
                         SEMANTIC_ENGINE: folder / "whoosh-index-meaning"},
            typed_texts=texts[: args.queries],
            fresh_texts=texts[args.queries:],
            probe_word=word,
            edit_targets=targets,
            budget=args.keystroke_budget,
            seed=args.seed,
            learned=args.learned,
        )
        for phase in (measure_builds, measure_startup, measure_fresh_opens, measure_typing, measure_learned,
                      measure_memory, measure_incremental):
            phase(result, setup)
    return result


@contextmanager
def index_folder(keep_under: Path | None, size: int) -> Iterator[Path]:
    """A folder for the indexes of one size: temporary, or ``keep_under/nSIZE`` when kept."""
    if keep_under is None:
        with tempfile.TemporaryDirectory(prefix="kb-speed-") as tmp:
            yield Path(tmp)
        return
    folder = Path(keep_under) / f"n{size}"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    yield folder


def measure_builds(result: SizeResult, setup: Setup) -> None:
    """Full build of each engine, and the size of its index on disk."""
    for name in setup.engines:
        log(f"  {name}: full build")
        result.set("build", name, time_build(name, setup.kb_root, setup.index_paths[name]))
        result.set("index_mb", name, index_size_mb(setup.index_paths[name]))
        log(f"    {result.values[('build', name)]:.1f} s, {result.values[('index_mb', name)]:.1f} MB on disk")


def measure_startup(result: SizeResult, setup: Setup) -> None:
    """Start-up to the first answer in a new process, median of a few runs."""
    for name in setup.engines:
        log(f"  {name}: start-up to first answer x{STARTUP_RUNS}")
        runs = [time_startup(name, setup.kb_root, setup.index_paths[name], setup.probe_word)
                for _ in range(STARTUP_RUNS)]
        result.set("startup", name, statistics.median(ms for ms, _ in runs))
        if not all(hits for _, hits in runs):
            result.notes.append(f"**{name}: the start-up search for `{setup.probe_word}` (a word of an article's "
                                "questions) found nothing**")


def measure_fresh_opens(result: SizeResult, setup: Setup) -> None:
    """A fresh searcher per question: open + first search."""
    for name in setup.engines:
        log(f"  {name}: first search after a fresh open x{len(setup.fresh_texts)}")
        times, empty = time_fresh_opens(name, setup.kb_root, setup.index_paths[name], setup.fresh_texts)
        result.set("fresh_p50", name, percentile(times, 0.5))
        result.set("fresh_max", name, max(times))
        if empty:
            result.notes.append(f"{name}: {empty} of {len(times)} whole questions found nothing")


def measure_memory(result: SizeResult, setup: Setup) -> None:
    """Peak RSS of a separate process typing questions."""
    texts = setup.typed_texts[:MEMORY_QUESTIONS]
    for name in setup.engines:
        log(f"  {name}: peak memory while typing {len(texts)} questions")
        memory = measure_peak_memory(name, setup.kb_root, setup.index_paths[name], texts, setup.budget / 2)
        result.set("peak_rss", name, memory["peak_mb"])
        if memory["typed"] < len(texts):
            result.notes.append(f"peak memory of {name}: {memory['typed']} of {len(texts)} questions typed (time budget)")


def measure_incremental(result: SizeResult, setup: Setup) -> None:
    """Edit → searchable, median of a few edits."""
    for name in setup.engines:
        log(f"  {name}: incremental update x{len(setup.edit_targets)}")
        times, missed = time_incremental(name, setup.kb_root, setup.index_paths[name], setup.edit_targets, setup.seed)
        result.set("incremental", name, statistics.median(times))
        if missed:
            result.notes.append(f"**{name}: {missed} of {len(times)} edited articles not found by their new word**")


def measure_typing(result: SizeResult, setup: Setup) -> None:
    """Warm per-keystroke latency: the project types first (within the budget), the others the same questions."""
    texts, budget = setup.typed_texts, setup.budget
    typed = len(texts)
    for name in setup.engines:
        engine = open_engine(name, setup.kb_root, setup.index_paths[name])
        engine.search(texts[0], live=True)  # open the index: "warm" starts here
        if name == SEMANTIC_ENGINE:
            result.set("semantic_articles", name, engine.semantic_articles)
            if not engine.semantic_articles:
                result.notes.append(f"**{name}: no article has a vector: the run searched words alone**")
        log(f"  {name}: typing {typed} questions one key at a time")
        keystrokes, typed = type_questions(engine, texts[:typed], budget if name == "project" else None)
        engine.close()
        summarize_keystrokes(result, name, keystrokes)
        if name == "project":
            result.slowest = sorted(keystrokes, key=lambda k: -k.ms)[:5]
            result.set("typed", name, typed)
            result.set("keystrokes", name, len(keystrokes))
            if typed < len(texts):
                result.notes.append(
                    f"typing: time budget of {budget:.0f} s ran out: {typed} of {len(texts)} questions typed "
                    "(every engine typed the same ones)")
        log(f"    {len(keystrokes):,} keystrokes, p50 {percentile([k.ms for k in keystrokes], 0.5):.2f} ms")


def learned_questions(kb_root: Path, count: int, seed: int) -> dict[str, list[tuple[str, float]]]:
    """``count`` learned questions, article id -> ``(text, weight)``: made as the corpus's customer questions
    are, with a seed of their own (so not the typed ones), each on the article it was made from."""
    from corpus import generate_questions

    found: dict[str, list[tuple[str, float]]] = {}
    for question in generate_questions(kb_root, count, seed=f"learned-{seed}"):
        found.setdefault(question.article_id, []).append((question.text, 1.0))
    return found


def measure_learned(result: SizeResult, setup: Setup) -> None:
    """The project with ``setup.learned`` learned questions: ``set_learned``, the search after it, typing."""
    if not setup.learned:
        return
    questions = learned_questions(setup.kb_root, setup.learned, setup.seed)
    result.notes.append(f"learned questions: {setup.learned:,} over {len(questions):,} articles, weight 1 each")
    typed = int(result.values.get(("typed", "project"), len(setup.typed_texts)))
    texts = setup.typed_texts[:typed]
    again = texts[:LEARNED_REPEATS]
    engine = open_engine("project", setup.kb_root, setup.index_paths["project"])
    try:
        for text in again:  # a warm searcher that has answered these before
            engine.search(text, live=True)
        log(f"  project: set_learned with {setup.learned:,} questions, then the first search, x{len(again)}")
        set_ms, first_ms = [], []
        for text in again:
            t0 = time.perf_counter()
            engine.set_learned(questions)
            set_ms.append((time.perf_counter() - t0) * 1000)
            t0 = time.perf_counter()
            engine.search(text, live=True)
            first_ms.append((time.perf_counter() - t0) * 1000)
        result.set("learned_set_first", LEARNED_ENGINE, set_ms[0])
        result.set("learned_set_again", LEARNED_ENGINE, statistics.median(set_ms[1:] or set_ms))
        result.set("learned_first_search", LEARNED_ENGINE, first_ms[0])
        result.set("learned_first_search_p50", LEARNED_ENGINE, statistics.median(first_ms))
        result.set("learned_first_search_max", LEARNED_ENGINE, max(first_ms))
        log(f"  {LEARNED_ENGINE}: typing {len(texts)} questions one key at a time")
        keystrokes, _ = type_questions(engine, texts, None)
    finally:
        engine.close()
    summarize_keystrokes(result, LEARNED_ENGINE, keystrokes)
    log(f"    {len(keystrokes):,} keystrokes, p50 {percentile([k.ms for k in keystrokes], 0.5):.2f} ms")


# ---------------------------------------------------------------------------
# the report
# ---------------------------------------------------------------------------

MEASURES = (
    ("build", "full build (s)"),
    ("index_mb", "index size on disk (MB)"),
    ("incremental", f"edit → searchable, median of {INCREMENTAL_REPEATS} (ms)"),
    ("key_p50", "keystroke, warm, p50 (ms)"),
    ("key_p95", "keystroke, warm, p95 (ms)"),
    ("key_p99", "keystroke, warm, p99 (ms)"),
    ("key_max", "keystroke, warm, max (ms)"),
    ("fresh_p50", f"fresh open + first search, p50 of {FRESH_OPENS} (ms)"),
    ("fresh_max", f"fresh open + first search, max of {FRESH_OPENS} (ms)"),
    ("startup", f"start-up to first answer, median of {STARTUP_RUNS} (ms)"),
    ("peak_rss", f"peak RSS of a process typing {MEMORY_QUESTIONS} questions (MB)"),
)


def fmt(value: float | None) -> str:
    """A measured value with a sensible number of digits."""
    if value is None:
        return "–"
    if value >= 100:
        return f"{value:,.0f}"
    if value >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


def fmt_ratio(project: float | None, baseline: float | None) -> str:
    """project / FTS5, as ``×N``."""
    if not project or not baseline:
        return "–"
    ratio = project / baseline
    return f"×{ratio:.0f}" if ratio >= 100 else f"×{ratio:.1f}" if ratio >= 10 else f"×{ratio:.2f}"


def render_main_table(results: list[SizeResult]) -> list[str]:
    """Rows: measures; columns: size × {project, FTS5, ratio}."""
    header = ["measure"]
    for result in results:
        header += [f"{result.size:,} project", f"{result.size:,} FTS5", f"{result.size:,} ratio"]
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key, label in MEASURES:
        row = [label]
        for result in results:
            project, baseline = result.values.get((key, "project")), result.values.get((key, "FTS5"))
            row += [fmt(project), fmt(baseline), fmt_ratio(project, baseline)]
        lines.append("| " + " | ".join(row) + " |")
    row = ["questions typed / keystrokes (every engine)"]
    for result in results:
        typed, keys = result.values.get(("typed", "project")), result.values.get(("keystrokes", "project"))
        row += [f"{typed:.0f} / {keys:,.0f}", "", ""]
    lines.append("| " + " | ".join(row) + " |")
    return lines


LEARNED_MEASURES = (
    ("key_p50", "keystroke, warm, p50 (ms)"),
    ("key_p95", "keystroke, warm, p95 (ms)"),
    ("key_p99", "keystroke, warm, p99 (ms)"),
    ("key_max", "keystroke, warm, max (ms)"),
    ("learned_set_first", "set_learned, the first time (ms)"),
    ("learned_set_again", f"set_learned again with the same questions, median of {LEARNED_REPEATS - 1} (ms)"),
    ("learned_first_search", "first search after the first set_learned (ms)"),
    ("learned_first_search_p50", f"first search after set_learned, p50 of {LEARNED_REPEATS} (ms)"),
    ("learned_first_search_max", f"first search after set_learned, max of {LEARNED_REPEATS} (ms)"),
)


def render_learned_table(results: list[SizeResult]) -> list[str]:
    """The project without and with learned questions, per size (nothing when no size had the run)."""
    results = [r for r in results if ("key_p50", LEARNED_ENGINE) in r.values]
    if not results:
        return []
    header = ["measure"]
    for result in results:
        header += [f"{result.size:,} project", f"{result.size:,} {LEARNED_ENGINE}"]
    lines = ["Learned questions: the project typing the same questions without and with them "
             "(`SearchService.set_learned` on a warm searcher; the first search after it is a question "
             "that searcher answered before):", "",
             "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key, label in LEARNED_MEASURES:
        row = [label]
        for result in results:
            row += [fmt(result.values.get((key, "project"))), fmt(result.values.get((key, LEARNED_ENGINE)))]
        lines.append("| " + " | ".join(row) + " |")
    return lines + [""]


def render_semantic_table(results: list[SizeResult], model_load_s: float | None) -> list[str]:
    """The project without and with the semantic matcher, per size (nothing when no size had the run)."""
    results = [r for r in results if ("key_p50", SEMANTIC_ENGINE) in r.values]
    if not results:
        return []
    header = ["measure"]
    for result in results:
        header += [f"{result.size:,} project", f"{result.size:,} {SEMANTIC_ENGINE}", f"{result.size:,} ratio"]
    loaded = f", loaded in {model_load_s:.2f} s once per process and not timed in the build" if model_load_s else ""
    lines = ["The semantic matcher: the project without and with `semantic=load_model()` passed to every "
             f"`SearchService`{loaded}. With it the build embeds the article vectors, the index size counts "
             "the `semantic/*.npz` vectors beside the index generations, the start-up process loads the model "
             "and English questions fuse their words and meaning. Ratio = with / without:", "",
             "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for key, label in MEASURES:
        row = [label]
        for result in results:
            words, meaning = result.values.get((key, "project")), result.values.get((key, SEMANTIC_ENGINE))
            row += [fmt(words), fmt(meaning), fmt_ratio(meaning, words)]
        lines.append("| " + " | ".join(row) + " |")
    row = ["articles with a vector"]
    for result in results:
        row += ["0", f"{result.values.get(('semantic_articles', SEMANTIC_ENGINE), 0):,.0f} of {result.size:,}", ""]
    lines.append("| " + " | ".join(row) + " |")
    return lines + [""]


def render_length_table(result: SizeResult) -> list[str]:
    """Warm keystroke latency by the length of the word being typed, every engine that typed."""
    names = [name for name in (*ENGINES, SEMANTIC_ENGINE) if name in result.by_length]
    lines = [
        f"Warm keystroke latency at {result.size:,} articles by length of the word being typed "
        "(\"space\": right after a space), p50 / p95 / max ms (count):",
        "",
        "| word length | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for bucket in LENGTH_BUCKETS:
        cells = []
        for name in names:
            times = result.by_length.get(name, {}).get(bucket, [])
            cells.append(
                f"{percentile(times, 0.5):.1f} / {percentile(times, 0.95):.1f} / {max(times):.1f} ({len(times):,})"
                if times else "–"
            )
        lines.append(f"| {bucket} | " + " | ".join(cells) + " |")
    slow = ", ".join(f"`{k.text}` {k.ms:.0f} ms" for k in result.slowest)
    lines += ["", f"Slowest project keystrokes: {slow}", ""]
    return lines


def load_average() -> str:
    """The 1-minute load average (other work on the machine skews timings), or "?"."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except OSError:
        return "?"


def render_report(results: list[SizeResult], argv: list[str], seconds: float, load_before: str,
                  semantic: str, model_load_s: float | None = None) -> str:
    """The whole Markdown report; ``semantic`` says whether the run with the semantic matcher was made, or why not."""
    machine = f"{os.cpu_count()} CPUs, {platform.platform()}, load average {load_before} at start, {load_average()} at end"
    lines = [
        "# Search speed: project vs SQLite FTS5",
        "",
        f"{dt.datetime.now().isoformat(timespec='seconds')} · {machine} · Python {platform.python_version()} · "
        f"`python benchmarks/speed.py {' '.join(argv)}` · total {seconds / 60:.1f} min",
        "",
    ]
    lines += render_main_table(results)
    lines += [
        "",
        "Notes:",
        "",
        "- ratio = project / FTS5 (above 1: the project is slower or larger).",
        "- FTS5 is the plain baseline of `benchmarks/fts5_baseline.py`: no stemming, typo, layout or "
        "synonym handling, and it returns ids only, while the project also builds snippets and highlights.",
        "- FTS5 build = scan + parse every file (as `load_kb`, streamed) + one-transaction insert; "
        "project build = `SearchService.update()` on a fresh folder (several processes above 1,000 files).",
        "- edit → searchable: project = `update()` (scans the KB for changes) + search; "
        "FTS5 = parse the one edited file + upsert + search.",
        "- fresh open + first search: a new `SearchService` / connection, then the whole question searched live.",
        "- peak RSS: `VmHWM` of the child process (its `ru_maxrss` would include the benchmark parent's "
        "peak, which Linux carries over fork + exec).",
        "- index size: every file of the project's index folder; the FTS5 database file.",
        f"- the project here searches words alone; {semantic}.",
    ]
    for result in results:
        lines += [f"- {result.size:,}: " + "; ".join(result.notes)]
    lines.append("")
    lines += render_semantic_table(results, model_load_s)
    lines += render_learned_table(results)
    for result in results:
        lines += render_length_table(result)
    return "\n".join(lines)


# ---------------------------------------------------------------------------
# command line
# ---------------------------------------------------------------------------


def parse_args(argv: list[str]) -> argparse.Namespace:
    """The command line."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--out", type=Path, help="write the Markdown report here (default: stdout)")
    parser.add_argument("--queries", type=int, default=200, help="questions typed per size")
    parser.add_argument("--seed", type=int, default=7, help="corpus and question seed")
    parser.add_argument("--keystroke-budget", type=float, default=DEFAULT_KEYSTROKE_BUDGET,
                        help="seconds of typing per engine and size before fewer questions are typed")
    parser.add_argument("--learned", type=int, default=DEFAULT_LEARNED, metavar="N",
                        help="learned questions given to the project in a run of their own (0: no such run)")
    parser.add_argument("--semantic", action=argparse.BooleanOptionalAction, default=None,
                        help=f"also measure \"{SEMANTIC_ENGINE}\": the project with the semantic matcher's model "
                             "(default: on when the model is installed)")
    parser.add_argument("--index-dir", type=Path,
                        help="keep the indexes under this folder (default: a temporary folder, removed)")
    parser.add_argument("--worker", choices=("memory",), help=argparse.SUPPRESS)
    parser.add_argument("--engine", choices=tuple(ENGINE_CLASSES), help=argparse.SUPPRESS)
    parser.add_argument("--kb", help=argparse.SUPPRESS)
    parser.add_argument("--index", help=argparse.SUPPRESS)
    parser.add_argument("--texts", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def choose_semantic(args: argparse.Namespace) -> tuple[str, float | None]:
    """Settle ``args.semantic`` (None: on when the model loads) and load the model for the run with it.

    Returns:
        the report's words on that run, and the seconds the model took to load (None: not loaded).

    Raises:
        SystemExit: ``--semantic`` was asked for and the model is missing.
    """
    if args.semantic is False:
        return f"the run \"{SEMANTIC_ENGINE}\" was left out (`--no-semantic`)", None
    t0 = time.perf_counter()
    model = semantic_model()
    model_load_s = time.perf_counter() - t0
    if model is None:
        if args.semantic:
            raise SystemExit("--semantic: the semantic matcher's model is missing (is the wordllama package installed?)")
        args.semantic = False
        return f"the run \"{SEMANTIC_ENGINE}\" was left out: the model is missing (the wordllama package)", None
    args.semantic = True
    log(f"semantic matcher: model loaded in {model_load_s:.2f} s; \"{SEMANTIC_ENGINE}\" is measured too")
    return f"\"{SEMANTIC_ENGINE}\" is the same code with the semantic matcher (see its table)", model_load_s


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or, with ``--worker``, one measuring child process)."""
    argv = sys.argv[1:] if argv is None else argv
    args = parse_args(argv)
    if str(BENCH_DIR) not in sys.path:  # corpus.py and fts5_baseline.py live beside this file
        sys.path.insert(0, str(BENCH_DIR))
    if args.worker == "memory":
        return memory_worker(args)
    sizes = [int(size.replace("_", "")) for size in args.sizes.split(",") if size.strip()]
    started = time.perf_counter()
    load_before = load_average()
    semantic, model_load_s = choose_semantic(args)
    results = []
    for size in sizes:
        size_started = time.perf_counter()
        results.append(bench_size(size, args))
        log(f"size {size:,} done in {(time.perf_counter() - size_started) / 60:.1f} min")
    report = render_report(results, argv, time.perf_counter() - started, load_before, semantic, model_load_s)
    if args.out:
        args.out.write_text(report + "\n", encoding="utf-8")
        log(f"report written to {args.out}")
    else:
        print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
