"""Dependency rules: core and cli never import Qt; only core/search imports whoosh."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "kb_assistant"


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def python_files(*parts: str) -> list[Path]:
    base = PACKAGE.joinpath(*parts)
    return [base] if base.is_file() else sorted(base.rglob("*.py"))


def test_core_and_cli_never_import_qt():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in python_files("core") + python_files("cli.py")
        if any(name.split(".")[0] in ("PySide6", "shiboken6") for name in imported_modules(path))
    ]
    assert offenders == []


def test_only_core_search_imports_whoosh():
    search = PACKAGE / "core" / "search"
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in python_files()
        if search not in path.parents
        and any(name.split(".")[0] == "whoosh" for name in imported_modules(path))
    ]
    assert offenders == []


def test_nobody_imports_whoosh_compat():
    assert not any("whoosh.compat" in imported_modules(p) for p in python_files())


def test_core_does_not_import_ui():
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in python_files("core") + python_files("cli.py")
        if any(name.startswith("kb_assistant.ui") or name == "kb_assistant.app" for name in imported_modules(path))
    ]
    assert offenders == []
