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


UI = PACKAGE / "ui"
SHARED_UI = {"system", "widgets"}
"""Packages every feature may use: desktop integration, translations, tasks, and widgets shared by several features."""


def ui_features() -> list[str]:
    return sorted(p.name for p in UI.iterdir() if p.is_dir() and (p / "__init__.py").exists() and p.name not in SHARED_UI)


def test_ui_features_reach_each_other_only_through_the_main_window_or_app():
    """A feature package imports core, ui.system and ui.widgets; what it needs of another feature is handed to it."""
    offenders = []
    for feature in ui_features():
        for path in python_files("ui", feature):
            for name in imported_modules(path):
                parts = name.split(".")
                if parts[:2] == ["kb_assistant", "ui"] and len(parts) > 2 and parts[2] not in (feature, *SHARED_UI):
                    offenders.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offenders == []


def test_shared_ui_packages_import_no_feature():
    offenders = [
        f"{path.relative_to(PACKAGE)} imports {name}"
        for shared in sorted(SHARED_UI)
        for path in python_files("ui", shared)
        for name in imported_modules(path)
        if name.startswith("kb_assistant.ui.") and name.split(".")[2] not in SHARED_UI
        or name in ("kb_assistant.ui.mainwindow", "kb_assistant.app")
    ]
    assert offenders == []


def test_the_feature_list_is_what_the_tree_shows():
    """Guards the rule above against a renamed or missing package (it would pass vacuously)."""
    assert {"search", "article", "replies", "editor", "learning"} <= set(ui_features())


def test_no_module_is_over_450_lines():
    """Modules of 150-300 lines are the aim (STYLE.md); past 450 a module is asking to be split."""
    long = {str(p.relative_to(PACKAGE)): n for p in python_files() if (n := len(p.read_text(encoding="utf-8").splitlines())) > 450}
    assert long == {}
    assert len((UI / "mainwindow.py").read_text(encoding="utf-8").splitlines()) <= 350


def test_app_assigns_no_attribute_on_the_window():
    """The composition root hands the window what it needs through its constructor; nothing is bolted on later."""
    tree = ast.parse((PACKAGE / "app.py").read_text(encoding="utf-8"))
    bolted = [
        ast.unparse(target)
        for node in ast.walk(tree) if isinstance(node, (ast.Assign, ast.AugAssign, ast.AnnAssign))
        for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
        if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name) and target.value.id == "window"
    ]
    assert bolted == []
