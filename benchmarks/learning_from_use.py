"""Learning from use: the search with and without a set's past questions, against FTS5 given the same.

Usage::

    python benchmarks/learning_from_use.py --set ../shared/datasets/clinc150 [--set DIR ...] \\
        [--max-typing N] [--max-queries N] [--seed S]

The history is the set's ``history.jsonl`` (``{"text", "chosen": [ids]}`` per line,
past conversations with the article an agent chose), imported with
``kb-assistant usage import``'s own code into a temporary usage folder; a set
without one gives its even-numbered questions (with their gold articles) as
history and is tested on the odd-numbered ones. Four engines answer the same test
questions: the project without and with the learned questions, and the FTS5
baseline of ``benchmarks/fts5_baseline.py`` without and with the history added
to each chosen article's text. Reported: hit@1 and hit@3 (whole questions),
live hit@3 at 50 % of the characters, the median share typed until a gold
article shows in the top 3, the time the import takes, the time from the usage
log to ``set_learned`` done, and the first search after it (a question the warm
searcher answered just before).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import (  # noqa: E402 - the sibling benchmark, found by the path above
    EngineReport, Query, baseline_engine, evaluate_engine, load_queries, project_engine, sample,
)
from fts5_baseline import Fts5Baseline  # noqa: E402

from kb_assistant.core.kb.load import load_kb  # noqa: E402
from kb_assistant.core.search import SearchService  # noqa: E402
from kb_assistant.core.usage.history import import_history  # noqa: E402
from kb_assistant.core.usage.log import UsageLog  # noqa: E402
from kb_assistant.core.usage.team import learned_for_search  # noqa: E402


def split(set_dir: Path, queries: list[Query]) -> tuple[list[dict], list[Query]]:
    """(history records, test questions) of one set."""
    history_file = set_dir / "history.jsonl"
    gold = [q for q in queries if q.gold and not q.oos]
    if history_file.is_file():
        lines = history_file.read_text(encoding="utf-8").splitlines()
        return [json.loads(line) for line in lines if line.strip()], gold
    return ([{"text": q.text, "chosen": sorted(q.gold)} for q in gold[0::2]], gold[1::2])


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def measure_set(set_dir: Path, args: argparse.Namespace) -> list[tuple[EngineReport, str]]:
    """The four engines' reports on one set (with a note on the timings)."""
    queries = load_queries(set_dir / "queries.jsonl")
    history, test = split(set_dir, queries)
    test = sample(test, args.max_queries, args.seed)
    typing = sample(test, args.max_typing, args.seed)
    log(f"{set_dir.name}: {len(history)} past questions, {len(test)} test questions")
    kb = load_kb(set_dir / "kb")
    reports = []
    with tempfile.TemporaryDirectory(prefix=f"kbl-{set_dir.name}-") as tmp:
        work = Path(tmp)
        service = SearchService(set_dir / "kb", work / "index")
        service.update()
        reports.append(evaluate_engine("project", project_engine(service), set_dir.name, test, typing)[0])
        exported = work / "history.jsonl"
        exported.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in history), encoding="utf-8")
        started = time.perf_counter()
        usage = UsageLog(work / "usage")
        report = import_history(exported, usage, kb.articles)
        imported = time.perf_counter() - started
        service.search(test[0].text)  # the searcher is warm and has answered this question
        started = time.perf_counter()
        service.set_learned(learned_for_search(usage.read()))
        learning = time.perf_counter() - started
        started = time.perf_counter()
        service.search(test[0].text)
        first = time.perf_counter() - started
        note = (f"import {imported:.2f} s ({report.questions} questions, {report.gaps} gaps), "
                f"usage to set_learned {learning * 1000:.0f} ms, first search after it {first * 1000:.0f} ms")
        reports.append(evaluate_engine("project + history", project_engine(service), set_dir.name, test, typing)[0])
        service.close()
        extra: dict[str, list[str]] = defaultdict(list)
        for record in history:
            for article in record.get("chosen") or []:
                extra[article].append(record["text"])
        for name, articles in (("FTS5", kb.articles.values()), ("FTS5 + history", [
                dataclasses.replace(a, body=a.body + "\n\n" + "\n".join(extra.get(a.id, ()))) for a in kb.articles.values()])):
            baseline = Fts5Baseline(work / f"{name.replace(' ', '')}.sqlite3")
            baseline.build(articles)
            reports.append(evaluate_engine(name, baseline_engine(baseline), set_dir.name, test, typing)[0])
    return [(r, note) for r in reports]


def table(rows: list[tuple[EngineReport, str]]) -> str:
    """The Markdown report."""
    lines = ["| set | engine | n | hit@1 | hit@3 | live hit@3 50 % | median typed % | timing |",
             "|---|---|---|---|---|---|---|---|"]

    def pct(value):
        return "–" if value is None else f"{value * 100:.1f}"

    for report, note in rows:
        lines.append(f"| {report.set_name} | {report.engine} | {report.n} | {pct(report.hit1)} | {pct(report.hit3)} | "
                     f"{pct(report.prefix_hit3.get(0.5))} | {pct(report.median_typed)} | "
                     f"{note if report.engine == 'project + history' else ''} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", action="append", required=True, type=Path, metavar="DIR")
    parser.add_argument("--max-typing", type=int, default=300, metavar="N")
    parser.add_argument("--max-queries", type=int, default=None, metavar="N")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    rows = [row for set_dir in args.set for row in measure_set(set_dir, args)]
    print(table(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
