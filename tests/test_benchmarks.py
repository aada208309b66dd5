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
