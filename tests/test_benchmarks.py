"""Smoke tests of the benchmark tools on tiny inputs: they must keep running from a clone.

Timing is measured by the benchmarks themselves and never asserted here.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(autouse=True)
def benchmarks_on_path(monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    monkeypatch.setenv("KB_BENCH_CACHE", str(tmp_path / "bench-cache"))


@pytest.fixture
def tiny_set(write_kb, tmp_path):
    root = tmp_path / "set"
    write_kb({
        "refund.md": "---\nid: refund\nlang: en\n---\n# Refund to a card\n\nRefunds take ten days.\n",
        "password.md": "---\nid: password\nlang: en\n---\n# Reset a password\n\nUse the reset link.\n",
    }, root=root / "kb")
    queries = [
        {"qid": "1", "text": "where is my refund", "gold": ["refund"], "lang": "en", "oos": False},
        {"qid": "2", "text": "forgot my password", "gold": ["password"], "lang": "en", "oos": False},
        {"qid": "3", "text": 'AND OR ("*', "gold": [], "lang": "en", "oos": True},
    ]
    (root / "queries.jsonl").write_text("\n".join(json.dumps(q) for q in queries), encoding="utf-8")
    return root


def test_fts5_baseline_builds_and_searches_any_text(tiny_set):
    from fts5_baseline import Fts5Baseline

    from kb_assistant.core.kb.load import load_kb

    kb = load_kb(tiny_set / "kb")
    with Fts5Baseline(":memory:") as fts:
        fts.build(kb.articles.values())
        assert fts.search("refund")[0] == "refund"
        assert fts.search("pass", live=True)[0] == "password"
        for odd in ['"', "AND OR (", "*", "", "😀", "NEAR("]:
            assert isinstance(fts.search(odd, live=True), list)


def test_quality_report_on_a_tiny_set(tiny_set, tmp_path, capsys):
    import quality

    out = tmp_path / "report.md"
    assert quality.main(["--set", str(tiny_set), "--out", str(out), "--max-typing", "2"]) == 0
    report = out.read_text(encoding="utf-8")
    assert "| set |" in report and "FTS5" in report and "project" in report


def test_auroc_by_rank_sum():
    from quality import auroc

    assert auroc([0.9, 0.8], [0.1, 0.2, 0.3]) == 1.0  # perfect separation
    assert auroc([0.1, 0.2], [0.8, 0.9]) == 0.0  # reversed
    assert auroc([0.5, 0.5], [0.5, 0.5, 0.5]) == 0.5  # all ties
    # pairs: 0.9>0.5, 0.9>0.1, 0.5=0.5 (half), 0.5>0.1 -> 3.5 of 4
    assert auroc([0.9, 0.5], [0.5, 0.1]) == pytest.approx(0.875)
    assert auroc([], [0.1]) is None and auroc([0.1], []) is None


def test_auroc_equals_the_pair_count_with_ties_half():
    import random

    from quality import auroc

    rng = random.Random(7)
    pos = [rng.choice([0.0, 0.25, 0.5, 0.75, 1.0]) for _ in range(23)]
    neg = [rng.choice([0.0, 0.25, 0.5, 0.75]) for _ in range(17)]
    pairs = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in pos for n in neg)
    assert auroc(pos, neg) == pytest.approx(pairs / (len(pos) * len(neg)))


def test_confidence_shares_of_right_wrong_and_oos_answers():
    from quality import Answer, Query, confidence_sweep, measure_confidence

    gold = [Query(str(i), "q", frozenset({g}), False) for i, g in enumerate("abcd")]
    answers = [
        Answer(("a", "x"), 0.0, True, 0.9),  # right, confident
        Answer(("x", "b"), 0.0, True, 0.7),  # wrong (gold second), confident
        Answer(("y",), 0.0, False, 0.2),  # wrong, not confident
        Answer((), 0.0, False, 0.0),  # no hit: wrong, not confident
    ]
    oos = [
        Answer(("z",), 0.0, True, 0.9),  # confident OOS, ties the right answer
        Answer((), 0.0, True, 0.8),  # no hits: never confident, confidence 0
    ]
    report = measure_confidence(gold, answers, oos)
    assert (report.n_right, report.n_wrong, report.n_oos) == (1, 3, 2)
    assert report.right_confident == 1.0
    assert report.wrong_confident == pytest.approx(1 / 3)
    assert report.oos_confident == 0.5
    # 0.9 against 0.7, 0.2, 0.0, 0.9 (tie), 0.0 -> 4.5 of 5
    assert report.auroc == pytest.approx(0.9)

    (row,) = confidence_sweep(gold, answers, oos, thresholds=[0.75])
    assert (row.right_confident, row.wrong_confident, row.oos_confident) == (1.0, 0.0, 0.5)

    no_oos = measure_confidence(gold, answers, [])  # a set without OOS: wrong answers are the negatives
    assert no_oos.n_oos == 0 and no_oos.oos_confident is None
    assert no_oos.auroc == 1.0
    assert measure_confidence(gold[1:], answers[1:], []).auroc is None  # no right answer


def test_quality_report_has_a_confidence_table(tiny_set, tmp_path, capsys):
    import quality

    assert quality.main(["--set", str(tiny_set), "--max-typing", "1"]) == 0
    report = capsys.readouterr().out
    assert "## Confidence" in report
    assert "| set | engine | n right first | n wrong first | n OOS | AUROC |" in report
    row = next(line for line in report.splitlines() if line.startswith("| set | project | ")
               and line.count("|") == 10)
    assert row.split(" | ")[4] == "1"  # n OOS
    assert "### Confidence sweep: set" in report and "0.95" in report


def _git_work_tree(root: Path) -> bool:
    import shutil
    import subprocess

    if shutil.which("git") is None:
        return False
    done = subprocess.run(["git", "rev-parse", "--is-inside-work-tree"], cwd=root,
                          capture_output=True, text=True, check=False)
    return done.returncode == 0 and done.stdout.strip() == "true"


def test_quality_baseline_revision_in_a_child_process(tiny_set, tmp_path, monkeypatch, capsys):
    import tempfile

    import quality

    if not _git_work_tree(quality.REPO_ROOT):
        pytest.skip("needs git and a git work tree")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))  # the archive, the child's index: all under tmp_path
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    out = tmp_path / "report.md"
    args = ["--set", str(tiny_set), "--out", str(out), "--max-typing", "1", "--baseline", "HEAD"]
    assert quality.main(args) == 0
    report = out.read_text(encoding="utf-8")
    assert "- baseline `project @HEAD`: " in report
    rows = [line.split(" | ") for line in report.splitlines()]
    assert any(r[:2] == ["| set", "project @HEAD"] for r in rows)
    delta = next(r for r in rows if r[:2] == ["| set", "**Δ project − @HEAD (pp)**"])
    assert delta[4] == "+0.0"  # hit@3
    assert sum(1 for r in rows if r[:2] == ["| set", "project @HEAD"]) == 2  # main and Confidence tables
    assert "kb_assistant from the archive" in capsys.readouterr().err
    assert not list(scratch.iterdir())  # the archive is cleaned up


def test_quality_baseline_unknown_revision_is_an_error(tiny_set, capsys):
    import quality

    if not _git_work_tree(quality.REPO_ROOT):
        pytest.skip("needs git and a git work tree")
    assert quality.main(["--set", str(tiny_set), "--baseline", "no-such-revision-0123"]) == 2
    assert "not a known git revision" in capsys.readouterr().err


def test_generated_corpus_is_a_loadable_kb_with_answerable_questions(tmp_path):
    from corpus import generate_corpus, generate_questions

    from kb_assistant.core.kb.load import load_kb

    root = tmp_path / "corpus"
    generate_corpus(root, 40, seed=3)
    kb = load_kb(root)
    assert len(kb.articles) == 40
    assert not [p for p in kb.problems if p.severity == "error"]
    questions = generate_questions(root, 5, seed=1)
    assert len(questions) == 5 and all(q.article_id in kb.articles for q in questions)
    assert {a.lang for a in kb.articles.values()} == {"ru", "en"}
    assert sys.modules["corpus"].__file__.startswith(str(BENCHMARKS))


def test_save_latency_benchmark_runs_on_a_copy_of_the_kb(write_kb, capsys, qapp):
    import save_latency

    root = write_kb({
        "a.md": "---\nid: a\n---\n# Alpha\n\nFirst.\n",
        "b.md": "---\nid: b\n---\n# Beta\n\nSecond.\n",
    })
    before = {p.name: p.read_bytes() for p in root.iterdir()}
    assert save_latency.main(["--kb", str(root), "--rounds", "2"]) == 0
    assert "Ctrl+S to searchable over 2 saves" in capsys.readouterr().out
    assert {p.name: p.read_bytes() for p in root.iterdir()} == before  # the original KB is never edited


def test_learning_from_use_report_on_a_tiny_set(tiny_set, capsys):
    import learning_from_use

    (tiny_set / "history.jsonl").write_text(
        json.dumps({"text": "money back please", "chosen": ["refund"]}) + "\n"
        + json.dumps({"text": "cannot log in", "chosen": ["password"]}) + "\n", encoding="utf-8")
    assert learning_from_use.main(["--set", str(tiny_set)]) == 0
    out = capsys.readouterr().out
    for engine in ("| project |", "| project + history |", "| FTS5 |", "| FTS5 + history |"):
        assert engine in out
    assert "import " in out and "first search after it" in out
