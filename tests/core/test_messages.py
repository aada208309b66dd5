"""The catalogue of messages: every code the core creates has an English template, and errors carry codes."""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest

from kb_assistant.core import errors
from kb_assistant.core.errors import ExternalChangeError, FileReadError, KbError, RenameFailedError, StorageError
from kb_assistant.core.messages import MESSAGES, Message, clip, english, render, short_value, template
from kb_assistant.core.models import Problem

PACKAGE = Path(__file__).resolve().parents[2] / "kb_assistant"
CODE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")
# functions whose literal arguments are message codes (Problem and every *Error are found by name)
CODE_TAKERS = {"Problem", "Message", "report", "fail", "_broken", "_move_aside", "ReplyIssue", "_suggest"}
# arguments that look like codes and are not: severities, the key a "bad" value belongs to
NOT_CODES = {"error", "warning"}


def _name(func: ast.expr) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def _literals(node: ast.expr):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        yield node.value
    elif isinstance(node, ast.IfExp):
        yield from _literals(node.body)
        yield from _literals(node.orelse)


def codes_the_core_creates() -> dict[str, str]:
    """Every literal code passed to Problem, Message, an error class or a report helper; and each error's default."""
    found: dict[str, str] = {}
    for path in sorted((PACKAGE / "core").rglob("*.py")) + [PACKAGE / "cli.py"]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            values: list[ast.expr] = []
            if isinstance(node, ast.Call):
                name = _name(node.func)
                if name == "bad":  # parse.bad(key, code)
                    values = node.args[1:]
                elif name in CODE_TAKERS or name.endswith(("Error", "Broken", "Needed")):
                    values = list(node.args) + [k.value for k in node.keywords if k.arg == "code"]
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "code" for t in node.targets):
                values = [node.value]
            elif isinstance(node, ast.Return) and node.value is not None:
                values = [node.value]  # _options_problem, relative_link_problem return codes
                if not any(c.startswith(("quiz-", "link-")) for c in _literals(node.value)):
                    continue
            for value in values:
                for literal in _literals(value):
                    if CODE.match(literal) and literal not in NOT_CODES:
                        found.setdefault(literal, f"{path.relative_to(PACKAGE)}:{node.lineno}")
    return found


def test_the_scan_finds_codes_of_every_kind():
    found = codes_the_core_creates()
    # one of each way a code is written: a Problem, a report helper, an error class, a raise, a nested reason
    for code in ("duplicate-id", "front-matter-value-date", "kb-not-found", "rename-path-hidden", "json-not-text",
                 "quiz-single-option", "link-outside-kb", "learning-progress-file", "broken-link"):
        assert code in found


def test_every_code_the_core_creates_has_a_template():
    missing = {code: where for code, where in codes_the_core_creates().items() if code not in MESSAGES}
    assert missing == {}


@pytest.mark.parametrize("code", ["broken-link", "broken-translation", "broken-path"])
def test_codes_built_from_parts_have_templates_too(code):
    assert f"{code}-similar" in MESSAGES  # check._suggest adds "-similar" with a suggestion


def test_every_placeholder_issue_has_a_template():
    from kb_assistant.core.replies.templates import find_malformed_placeholders

    issues = find_malformed_placeholders("{{a b}} {{}} {{x{y}} }} {{open\n{{Order Id}} {{!!}}")
    assert {issue.code for issue in issues} == {"invalid-name", "empty-name", "nested", "stray-close", "unclosed"}
    assert all(issue.explanation().code in MESSAGES for issue in issues)
    assert {"placeholder-invalid-name", "placeholder-invalid-name-hint"} <= {i.explanation().code for i in issues}


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_templates_use_plain_named_fields_only(code):
    fields = [(name, spec, conversion) for _, name, spec, conversion in string.Formatter().parse(MESSAGES[code])
              if name is not None]
    assert all(name.isidentifier() and not spec and not conversion for name, spec, conversion in fields), fields


def test_an_error_is_its_code_and_values_and_reads_in_english():
    exc = FileReadError("file-unreadable", path="a.md", reason="Permission denied")
    assert (exc.code, exc.values) == ("file-unreadable", {"path": "a.md", "reason": "Permission denied"})
    assert str(exc) == "a.md: cannot read: Permission denied"
    assert KbError().code == "kb-error" and StorageError(path="x").code == "save-failed"  # the class's code
    assert isinstance(ExternalChangeError(Path("a.md"), None, None, deleted=True), StorageError)
    assert ExternalChangeError(Path("a.md"), None, None, deleted=True).code == "external-delete"


def test_a_reason_that_is_an_error_is_kept_as_its_message():
    inner = StorageError("save-failed", path="b.md", reason="Disk full")
    outer = RenameFailedError("rename-update-failed", ["a.md"], ["b.md"], path="x.md", new_path="a.md",
                              file="b.md", reason=inner)
    assert outer.values["reason"] == Message("save-failed", {"path": "b.md", "reason": "Disk full"})
    assert "could not be updated: b.md: cannot save: Disk full. Changed: a.md. Not updated: b.md" in str(outer)
    marked = render(outer.code, outer.values, lambda text: f"<{text}>")  # a translation applies inside too
    assert marked.startswith("<x.md was moved") and "updated: <b.md: cannot save: Disk full>. Changed" in marked


def test_every_error_class_has_a_template_for_its_own_code():
    classes = [c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, KbError)]
    assert len(classes) > 15
    assert [c.__name__ for c in classes if c.code not in MESSAGES] == []


def test_a_problem_reads_from_its_code():
    problem = Problem("a.md", 3, "error", "broken-link", {"target": "x"})
    assert problem.message == "[[x]] points to no article"
    assert problem.format() == "a.md:3: error: [[x]] points to no article"
    assert hash(problem) == hash(Problem("a.md", 3, "error", "broken-link", {"target": "y"}))  # values not hashed


def test_formatting_never_raises():
    assert english("broken-link", {}) == "[[{target}]] points to no article"  # a missing value stays visible
    assert english("no-such-code") == "unexpected problem (no-such-code)"
    assert render("broken-link", {"target": "x"}, lambda text: "{target:bad spec}") == "{target:bad spec}"
    assert template("broken-link") == MESSAGES["broken-link"]


def test_values_are_bounded():
    bomb: list = ["x"] * 9
    for _ in range(8):
        bomb = [bomb] * 9  # 9**9 items if written out whole
    assert len(short_value(bomb)) <= 80
    assert len(short_value("x" * 10_000)) <= 80
    assert short_value("yes") == "'yes'" and short_value(5) == "5"
    assert len(clip("word " * 1000)) <= 200 and clip("a\n b") == "a b"
