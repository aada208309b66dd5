"""``kb-assistant check`` on a damaged opening ``---`` and on the template's sample text (issue 12)."""

from __future__ import annotations

import io
import json

from kb_assistant.cli import EXIT_OK, EXIT_PROBLEMS, main
from kb_assistant.core.articles.template import article_template

GOOD = "---\nid: refund\nlang: en\n---\n# Refund\n\nRefunds take 3-10 business days.\n"
DAMAGED = "--\nid: hours\ntitle: Opening hours\nlang: en\n---\n# Opening hours\n\nWe answer day and night.\n"


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdin=io.StringIO(""), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def test_a_damaged_opening_fails_the_check_with_its_file_and_line(write_kb, tmp_path):
    root = write_kb({"refund.md": GOOD, "help/hours.md": DAMAGED}, root=tmp_path / "kb")
    code, out, err = run("check", "--kb", str(root))
    assert code == EXIT_PROBLEMS  # DESIGN.md, section 6: exit 1 when there are errors
    assert ("help/hours.md:1: error: the front matter cannot be read: line 1 must be exactly '---', so the lines "
            "up to line 5 are read as article text and the article loses its title, questions and language") in out
    assert "1 errors" in err


def test_template_leftovers_are_warnings_that_do_not_fail_the_check(write_kb, tmp_path):
    root = write_kb({"refund.md": GOOD, "new/test.en.md": article_template("Test", "en")}, root=tmp_path / "kb")
    code, out, err = run("check", "--kb", str(root))
    assert code == EXIT_OK, out
    assert "new/test.en.md:7: warning: the customer question is still the template's sample" in out
    assert "new/test.en.md:13: warning: this line is still the template's sample text" in out
    assert "new/test.en.md:15: warning: the reply is still the template's sample" in out
    assert "0 errors, 3 warnings" in err


def test_the_json_lines_carry_the_codes(write_kb, tmp_path):
    root = write_kb({"help/hours.md": DAMAGED}, root=tmp_path / "kb")
    code, out, err = run("check", "--kb", str(root), "--json")
    assert code == EXIT_PROBLEMS
    problem = json.loads(out.splitlines()[0])
    assert {k: problem[k] for k in ("path", "line", "severity", "code")} == {
        "path": "help/hours.md", "line": 1, "severity": "error", "code": "front-matter-opening-damaged"}


def test_the_bundled_sample_kb_still_checks_clean():
    code, out, err = run("check")
    assert code == EXIT_OK, out
    assert "front-matter-opening" not in out and "template's sample" not in out
