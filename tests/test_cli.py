"""The command line: index, search (incl. the stdin batch mode), reply, check."""

from __future__ import annotations

import io
import json
import re
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kb_assistant import __version__
from kb_assistant.cli import (
    EXIT_NO_CLIPBOARD,
    EXIT_NOT_FOUND,
    EXIT_OK,
    EXIT_PROBLEMS,
    EXIT_UNFILLED,
    EXIT_USAGE,
    main,
)

FILES = {
    "_kb.yml": "placeholders:\n  order_id: {en: Order number}\n  customer_name: {en: Customer name}\n",
    "returns/refund.md": (
        "---\nid: refund\nlang: en\n---\n# Refund to a bank card\n\nRefunds take 3-10 business days.\n\n"
        "## Reply: Refund started\nHello {{customer_name|there}}! The refund for order **{{order_id}}** "
        "is on its way. Track it [here](https://shop.example/refunds).\n\n"
        "## Reply: Refund delayed\nSorry, {{customer_name|there}}. It is delayed.\n"
    ),
    "account/password.md": "---\nid: password-ru\nlang: ru\n---\n# Сброс пароля\n\nНажмите «Забыли пароль».\n",
    "snippets/hi.md": "---\nid: hi\ntype: snippet\n---\n# Hi\n\nGood day, {{customer_name|there}}!\n",
    "snippets/bye.md": "---\nid: bye\ntype: snippet\n---\n# Bye\n\nRegards, {{agent_name|Support}}\n",
}


def run(*argv, stdin=""):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(stdin), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def kb(write_kb):
    return str(write_kb(FILES))


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert __version__ in capsys.readouterr().out


def test_cli_without_a_command_points_to_the_window_and_commands(kb):
    code, out, err = run("--kb", kb)
    assert code == EXIT_USAGE
    assert "window" in err and "search" in err


def test_app_entry_point_sends_commands_to_the_cli(kb, capsys):
    from kb_assistant.app import main as app_main

    assert app_main(["check", "--kb", kb]) == EXIT_OK
    assert "articles checked" in capsys.readouterr().err
    # every command of the CLI reaches it through the installed script (the window must not open)
    assert app_main(["insights", "--kb", kb]) == EXIT_OK
    assert "Content gaps" in capsys.readouterr().out


def test_index_reports_counts(kb, tmp_path):
    code, out, err = run("index", "--kb", kb, "--index", str(tmp_path / "idx"))
    assert code == EXIT_OK
    assert "4 articles" in out and "4 added" in out
    code, out, err = run("index", "--kb", kb, "--index", str(tmp_path / "idx"))
    assert "0 added" in out and "4 unchanged" in out
    code, out, err = run("index", "--kb", kb, "--index", str(tmp_path / "idx"), "--rebuild")
    assert "rebuilt" in out


def test_index_uses_environment_override(kb, tmp_path, monkeypatch):
    monkeypatch.setenv("KB_ASSISTANT_INDEX", str(tmp_path / "env-index"))
    run("index", "--kb", kb)
    assert (tmp_path / "env-index" / "CURRENT").is_file()


def test_missing_kb(tmp_path):
    code, out, err = run("check", "--kb", str(tmp_path / "nowhere"))
    assert code == EXIT_NOT_FOUND
    assert "not found" in err


def test_search_human_output(kb):
    code, out, err = run("search", "--kb", kb, "refund")
    assert code == EXIT_OK
    assert out.splitlines()[0].startswith("1. Refund to a bank card  [refund]")
    assert "2 replies" in out
    assert "[refund]" in out.splitlines()[1].lower()  # the matched word of the snippet, marked


def test_search_json_single(kb):
    code, out, err = run("search", "--kb", kb, "--json", "сброс", "пароля")
    data = json.loads(out)
    assert data["query"] == "сброс пароля"
    assert data["hits"][0]["id"] == "password-ru"
    assert set(data["hits"][0]) >= {"id", "title", "path", "score", "snippet"}


def test_search_batch_from_stdin_answers_each_line_in_order(kb):
    code, out, err = run("search", "--kb", kb, "--live", stdin="refund\nпарол\n\ndjpdhfn\n")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["query"] for line in lines] == ["refund", "парол", "", "djpdhfn"]
    assert lines[0]["hits"][0]["id"] == "refund"
    assert lines[1]["hits"][0]["id"] == "password-ru"
    assert lines[2]["hits"] == []


def test_search_batch_is_flushed_line_by_line(kb, tmp_path):
    """A caller can write a query and read its answer before sending the next one."""
    env = dict(os.environ, KB_ASSISTANT_INDEX=str(tmp_path / "idx"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "kb_assistant", "search", "--kb", kb, "--live"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        for query, expected in (("refund", "refund"), ("пароль", "password-ru")):
            proc.stdin.write(query + "\n")
            proc.stdin.flush()
            answer = json.loads(proc.stdout.readline())
            assert answer["query"] == query
            assert answer["hits"][0]["id"] == expected
    finally:
        proc.stdin.close()
        proc.wait(timeout=30)
    assert proc.returncode == 0


def test_search_filters(kb):
    code, out, err = run("search", "--kb", kb, "--json", "--lang", "ru", "refund пароль")
    assert {h["id"] for h in json.loads(out)["hits"]} == {"password-ru"}


def test_reply_default_channel_is_email_plain(kb):
    code, out, err = run("reply", "--kb", kb, "refund", "--var", "order_id=A-17", "--var", "customer_name=Anna")
    assert code == EXIT_OK
    assert "Hello Anna! The refund for order A-17 is on its way." in out
    assert "here (https://shop.example/refunds)" in out


def test_reply_by_number_and_name(kb):
    assert "delayed" in run("reply", "--kb", kb, "refund", "2")[1]
    assert "delayed" in run("reply", "--kb", kb, "refund", "refund DELAYED")[1]


def test_reply_unknown_reply_lists_the_existing_ones(kb):
    code, out, err = run("reply", "--kb", kb, "refund", "nope")
    assert code == EXIT_NOT_FOUND
    assert "1. Refund started" in err


def test_reply_unknown_article(kb):
    code, out, err = run("reply", "--kb", kb, "nope")
    assert code == EXIT_NOT_FOUND and "nope" in err


def test_reply_unfilled_placeholder_is_refused_and_named(kb):
    code, out, err = run("reply", "--kb", kb, "refund")
    assert code == EXIT_UNFILLED
    assert "order_id" in err and out == ""


def test_reply_channels(kb):
    base = ("reply", "--kb", kb, "refund", "--var", "order_id=A-17")
    chat = run(*base, "--channel", "chat")[1]
    assert "**" not in chat and "here (https://shop.example/refunds)" in chat
    messenger = run(*base, "--channel", "messenger")[1]
    assert "*A-17*" in messenger
    phone = run(*base, "--channel", "phone")[1]
    assert "https://" not in phone
    html = run(*base, "--html")[1]
    assert "<strong>A-17</strong>" in html


def test_reply_values_are_escaped_in_html(kb):
    out = run("reply", "--kb", kb, "refund", "--var", "order_id=<script>x</script>", "--html")[1]
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_reply_with_greeting_and_closing(kb):
    code, out, err = run("reply", "--kb", kb, "refund", "2", "--var", "customer_name=Bo",
                         "--greeting", "hi", "--closing", "bye", "--channel", "chat")
    lines = [line for line in out.splitlines() if line]
    assert lines[0] == "Good day, Bo!" and lines[-1] == "Regards, Support"
    assert err == ""


def test_reply_that_already_greets_gets_no_second_greeting_and_says_so(kb):
    code, out, err = run("reply", "--kb", kb, "refund", "--var", "order_id=1", "--var", "customer_name=Bo",
                         "--greeting", "hi", "--closing", "bye", "--channel", "chat")
    assert code == EXIT_OK
    assert out.startswith("Hello Bo! The refund for order 1") and "Good day" not in out
    assert "greeting was left out: the reply already opens with one" in err


def write_settings(tmp_path, monkeypatch, **values):
    config = tmp_path / "config-for-cli"
    config.mkdir()
    (config / "settings.json").write_text(json.dumps(values), encoding="utf-8")
    monkeypatch.setenv("KB_ASSISTANT_CONFIG_DIR", str(config))


def test_reply_signature_per_channel_from_the_settings(kb, tmp_path, monkeypatch):
    write_settings(tmp_path, monkeypatch, agent_signature="Anna <Shopwave>")
    base = ("reply", "--kb", kb, "refund", "2")
    assert run(*base)[1] == "Sorry, there. It is delayed.\n\nAnna <Shopwave>\n"
    assert "<p>Anna &lt;Shopwave&gt;</p>" in run(*base, "--html")[1]
    assert run(*base, "--channel", "chat")[1] == "Sorry, there. It is delayed.\n"
    assert run(*base, "--channel", "chat", "--signature")[1].endswith("\n\nAnna <Shopwave>\n")
    assert "Anna" not in run(*base, "--no-signature")[1]
    code, out, err = run(*base, "--closing", "bye", "--var", "agent_name=Anna")
    assert out == "Sorry, there. It is delayed.\n\nRegards, Anna\n"  # the closing signs: no second signature
    assert "signature was left out" in err


def test_reply_signature_channels_from_the_settings(kb, tmp_path, monkeypatch):
    write_settings(tmp_path, monkeypatch, agent_signature="Anna", signature_channels=["messenger"])
    base = ("reply", "--kb", kb, "refund", "2")
    assert run(*base, "--channel", "messenger")[1].endswith("\n\nAnna\n")
    assert "Anna" not in run(*base)[1]


def test_reply_default_greeting_follows_the_article_language(write_kb, tmp_path, monkeypatch):
    files = dict(FILES)
    files["snippets/hi.md"] = "---\nid: hi\ntype: snippet\nlang: en\ntranslations: {ru: privet}\n---\n# Hi\n\nGood day!\n"
    files["snippets/privet.md"] = "---\nid: privet\ntype: snippet\nlang: ru\n---\n# Привет\n\nДобрый день!\n"
    files["account/password.md"] += "\n## Ответ: Сброс\nНажмите «Забыли пароль».\n"
    root = str(write_kb(files))
    write_settings(tmp_path, monkeypatch, greeting_snippet="hi")
    assert run("reply", "--kb", root, "password-ru")[1].startswith("Добрый день!\n\nНажмите")
    assert run("reply", "--kb", root, "password-ru", "--greeting", "hi")[1].startswith("Good day!")  # as asked
    assert run("reply", "--kb", root, "refund", "2")[1].startswith("Good day!")


def test_reply_bad_var(kb):
    assert run("reply", "--kb", kb, "refund", "--var", "novalue")[0] == EXIT_USAGE


def test_reply_copy_without_clipboard_explains(kb, monkeypatch):
    import pyperclip

    def no_clipboard(text):
        raise pyperclip.PyperclipException("no copy/paste mechanism")

    monkeypatch.setattr(pyperclip, "copy", no_clipboard)
    code, out, err = run("reply", "--kb", kb, "refund", "--var", "order_id=1", "--copy")
    assert code == EXIT_NO_CLIPBOARD
    assert "xclip" in err


def test_reply_copy_puts_text_on_clipboard(kb, monkeypatch):
    import pyperclip

    copied = []
    monkeypatch.setattr(pyperclip, "copy", copied.append)
    code, out, err = run("reply", "--kb", kb, "refund", "--var", "order_id=9", "--channel", "chat", "--copy")
    assert code == EXIT_OK and "Copied" in err
    assert copied and "order 9" in copied[0]


def test_check_clean_kb(kb):
    code, out, err = run("check", "--kb", kb)
    assert code == EXIT_OK, out
    assert "0 errors" in err


def test_check_reports_errors_with_locations(write_kb, tmp_path):
    root = write_kb({
        "a.md": "---\nid: a\nreviewed: 2000-01-01\nreview_every: 10\n---\n# A\n\nSee [[missing]] and [x](nope.md).\n\n"
                "## Reply: R\nHi {{Bad Name}} {{agent_nmae}}\n",
        "b.md": "---\nid: a\n---\n# B\n",
        "c.md": "no title here",
        "d.md": "---\ntitle: [\n---\n# D\n",
    }, root=tmp_path / "broken")
    code, out, err = run("check", "--kb", str(root))
    assert code == EXIT_PROBLEMS
    assert "a.md:8: error: [[missing]] points to no article" in out
    assert "a.md:8: error: link 'nope.md' points to a file that does not exist" in out
    assert "agent_name" in out  # did-you-mean for the misspelt built-in
    assert "b.md:1: error: id 'a' is already used by a.md" in out
    assert "c.md: error: article has no title" in out
    assert re.search(r"d.md:[23]: error: front matter is not valid YAML", out)
    assert "warning: review was due" in out


def test_check_json(write_kb, tmp_path):
    root = write_kb({"a.md": "# A\n\n[[x]]"}, root=tmp_path / "j")
    code, out, err = run("check", "--kb", str(root), "--json")
    problem = json.loads(out.splitlines()[0])
    assert problem == {"path": "a.md", "line": 3, "severity": "error", "code": "broken-link",
                       "message": "[[x]] points to no article"}


def test_bundled_sample_kb_has_no_errors():
    code, out, err = run("check")
    assert code == EXIT_OK, out


class _Terminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_bar_only_on_a_terminal():
    from kb_assistant.cli import Progress

    terminal = _Terminal()
    bar = Progress("Indexing", terminal)
    for done in range(1, 5):
        bar(done, 4)
    assert "\rIndexing [" in terminal.getvalue() and "4/4\n" in terminal.getvalue()
    pipe = io.StringIO()
    Progress("Indexing", pipe)(1, 1)
    assert pipe.getvalue() == ""


def test_layout_repair_on_the_sample_kb_only_on_evidence(tmp_path):
    """Issue 11: a lone letter or a half-typed word keeps its script; whole wrong-layout words are retyped."""
    from pathlib import Path

    sample = str(Path(__file__).resolve().parents[1] / "kb_assistant" / "sample_kb")
    queries = ["п", "курьер не п", "how to c", "djpdhfn", "ghjvjrjl", "руддщ", "hjpsuhsi ghbp"]
    code, out, err = run("search", "--kb", sample, "--index", str(tmp_path / "idx"), "--live", "--json",
                         stdin="".join(q + "\n" for q in queries))
    assert code == EXIT_OK, err
    answers = {line["query"]: line for line in map(json.loads, out.splitlines())}
    for as_typed in ("п", "курьер не п", "how to c"):
        assert "interpreted" not in answers[as_typed]
    assert {q: answers[q].get("interpreted") for q in queries[3:]} == {
        "djpdhfn": "возврат", "ghjvjrjl": "промокод", "руддщ": "hello", "hjpsuhsi ghbp": "розыгрыш приз"}
    assert answers["курьер не п"]["hits"][0]["id"] == "courier-pickup-points-ru"
    assert answers["ghjvjrjl"]["hits"][0]["id"] == "promo-code-ru"


def test_usage_import_reports_answers_gaps_unknown_ids_and_bad_lines_then_clear(kb, tmp_path):
    export = tmp_path / "history.jsonl"
    export.write_text('{"text": "where is my money, card 4111 1111 1111 1111", "chosen": ["refund"]}\n'
                      '{"text": "can I pay in crypto", "chosen": []}\n'
                      'not json\n'
                      '{"text": "old one", "chosen": ["retired-article"]}\n', encoding="utf-8")
    code, out, err = run("usage", "import", str(export), "--kb", kb)
    assert code == EXIT_OK
    assert "Imported 2 past questions: 1 answered by an article, 1 that nothing answered." in out
    assert f"{export}:3: skipped: the line is not JSON" in err
    assert "retired-article (1)" in err
    data = os.environ["KB_ASSISTANT_DATA_DIR"]
    written = "".join(p.read_text(encoding="utf-8") for p in Path(data).rglob("*.jsonl"))
    assert "where is my money" in written and "4111" not in written
    code, out, _ = run("usage", "import", str(export), "--kb", kb)
    assert code == EXIT_OK and "imported before; nothing added" in out
    code, out, _ = run("usage", "clear", "--kb", kb)
    assert code == EXIT_OK and "deleted" in out
    assert not list(Path(data).rglob("*.jsonl"))


def test_usage_import_of_a_missing_or_unusable_file_is_one_sentence(kb, tmp_path):
    code, _, err = run("usage", "import", str(tmp_path / "nope.csv"), "--kb", kb)
    assert code == EXIT_PROBLEMS and "cannot read the history file" in err and "Traceback" not in err
    bad = tmp_path / "export.csv"
    bad.write_text("question,answer\nx,y\n", encoding="utf-8")
    code, _, err = run("usage", "import", str(bad), "--kb", kb)
    assert code == EXIT_PROBLEMS and "no 'text' column" in err


def test_insights_after_importing_a_file_with_gaps(kb, tmp_path):
    export = tmp_path / "history.jsonl"
    export.write_text('{"text": "can I pay with bitcoin, mail me a@b.com", "chosen": []}\n'
                      '{"text": "pay with bitcoin", "chosen": []}\n'
                      '{"text": "refund to my card", "chosen": ["refund"]}\n', encoding="utf-8")
    assert run("usage", "import", str(export), "--kb", kb)[0] == EXIT_OK
    code, out, _ = run("insights", "--kb", kb, "--json")
    assert code == EXIT_OK
    data = json.loads(out)
    assert [gap["count"] for gap in data["gaps"]] == [2]
    assert "a@b.com" not in out and "<email>" in data["gaps"][0]["examples"][1] + data["gaps"][0]["examples"][0]
    assert {"article": "refund", "reply": "Refund delayed"} in data["unused_replies"]
    code, out, _ = run("insights", "--kb", kb)
    assert code == EXIT_OK and "Content gaps (1)" in out and "Replies never copied" in out
    assert run("insights", "--kb", kb, "--since", "0")[0] == EXIT_USAGE


def test_insights_read_the_teammates_shared_files_too(kb, tmp_path):
    import datetime as dt

    team = Path(kb) / "_usage"
    team.mkdir()
    day = dt.date.today().isoformat()
    (team / ("a" * 32 + ".jsonl")).write_text(
        json.dumps({"v": 1, "kind": "gap", "count": 3, "day": day, "text": "pay with bitcoin"}) + "\n", encoding="utf-8")
    (team / ("b" * 32 + ".jsonl")).write_text(
        json.dumps({"v": 1, "kind": "gap", "count": 2, "day": day, "text": "paying with bitcoin"}) + "\n", encoding="utf-8")
    code, out, _ = run("insights", "--kb", kb, "--json")
    assert code == EXIT_OK
    assert [gap["count"] for gap in json.loads(out)["gaps"]] == [5]


def test_search_learns_from_imported_past_questions(kb, tmp_path):
    question = "money back to my plastic"
    before = json.loads(run("search", "--kb", kb, "--index", str(tmp_path / "idx"), "--json", question)[1])
    export = tmp_path / "history.jsonl"
    export.write_text(json.dumps({"text": question, "chosen": ["refund"]}) + "\n", encoding="utf-8")
    assert run("usage", "import", str(export), "--kb", kb)[0] == EXIT_OK
    after = json.loads(run("search", "--kb", kb, "--index", str(tmp_path / "idx"), "--json", question)[1])
    assert after["hits"][0]["id"] == "refund"
    assert after["hits"][0]["score"] > (before["hits"][0]["score"] if before["hits"] else 0)
    run("usage", "clear", "--kb", kb)
    cleared = json.loads(run("search", "--kb", kb, "--index", str(tmp_path / "idx"), "--json", question)[1])
    assert cleared == before
