"""Importing past conversations: JSON lines and CSV, gaps, unknown ids, bad records located, once per file."""

from __future__ import annotations

import json

import pytest

from kb_assistant.core.usage.history import HistoryError, import_history
from kb_assistant.core.usage.learned import learned_questions
from kb_assistant.core.usage.log import UsageLog

IDS = {"refund", "password", "delivery"}


@pytest.fixture
def log(tmp_path):
    return UsageLog(tmp_path / "usage")


def write_jsonl(tmp_path, records, name="history.jsonl"):
    path = tmp_path / name
    path.write_text("\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    return path


def test_json_lines_become_associations_and_gaps(tmp_path, log):
    path = write_jsonl(tmp_path, [
        {"text": "где мои деньги", "chosen": ["refund"]},
        {"text": "forgot my password", "chosen": ["password", "nope"]},
        {"text": "can I pay with crypto", "chosen": []},
        {"text": "only unknown", "chosen": ["gone"]},
    ])
    report = import_history(path, log, IDS)
    assert (report.questions, report.answered, report.gaps) == (3, 2, 1)
    assert report.unknown == {"nope": 1, "gone": 1}
    learned = learned_questions(log.read(), IDS)
    assert [q.text for q in learned["refund"]] == ["где мои деньги"]
    gaps = [e.text for e in log.read() if not e.article]
    assert gaps == ["can I pay with crypto"]


def test_the_same_file_imported_twice_counts_once(tmp_path, log):
    path = write_jsonl(tmp_path, [{"text": "где мои деньги", "chosen": ["refund"]}])
    assert not import_history(path, log, IDS).already
    again = import_history(path, log, IDS)
    assert again.already and again.questions == 0
    assert len(list(log.read())) == 1


def test_csv_with_text_and_article_columns_from_excel(tmp_path, log):
    path = tmp_path / "export.csv"
    rows = "Text,Article\nгде мои деньги,refund\nгде мои деньги,delivery\nкрипта,\n"
    path.write_bytes(b"\xef\xbb\xbf" + rows.encode("utf-8"))  # Excel writes a BOM
    report = import_history(path, log, IDS)
    assert (report.questions, report.answered, report.gaps) == (2, 1, 1)
    assert sorted(e.article for e in log.read() if e.article) == ["delivery", "refund"]


def test_cp1251_csv_is_read(tmp_path, log):
    path = tmp_path / "export.csv"
    path.write_bytes("text,article\nвозврат денег,refund\n".encode("cp1251"))
    assert import_history(path, log, IDS).answered == 1
    assert [e.text for e in log.read()] == ["возврат денег"]


def test_bad_records_are_located_and_skipped(tmp_path, log):
    path = write_jsonl(tmp_path, [
        {"text": "good", "chosen": ["refund"]}, "not json at all", {"chosen": ["refund"]},
        {"text": "x", "chosen": [1, 2]}, {"text": "  ", "chosen": ["refund"]}, {"text": "single", "chosen": "refund"},
    ])
    report = import_history(path, log, IDS)
    assert report.bad == [(2, "history-not-json"), (3, "history-record-invalid"), (4, "history-record-invalid"),
                          (5, "history-no-text")]
    assert report.answered == 2


def test_personal_data_of_the_export_is_scrubbed(tmp_path, log):
    path = write_jsonl(tmp_path, [{"text": "refund to card 4111 1111 1111 1111 please, mail me at a.b@c.com",
                                   "chosen": ["refund"]}])
    import_history(path, log, IDS)
    written = "".join(p.read_text(encoding="utf-8") for p in log.files())
    assert "4111" not in written and "a.b@c.com" not in written


@pytest.mark.parametrize("content, code", [
    (None, "history-unreadable"), (b"\x00\x01binary", "history-not-text"),
    (b"question,answer\nx,y\n", "history-no-text-column"),
])
def test_an_unusable_file_is_one_clear_error(tmp_path, log, content, code):
    path = tmp_path / "export.csv"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(HistoryError) as caught:
        import_history(path, log, IDS)
    assert caught.value.code == code
    assert list(log.read()) == []
