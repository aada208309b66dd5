"""New article and rename refuse names Windows cannot hold, in words."""

from __future__ import annotations

from kb_assistant.core.kb.load import load_kb
from kb_assistant.ui.editor.new_article_dialog import NewArticleDialog
from kb_assistant.ui.editor.rename_dialog import RenameDialog


def test_the_new_article_dialog_refuses_a_folder_windows_cannot_hold(qtbot, write_kb):
    root = write_kb({"refund.md": "# Refund\n"})
    dialog = NewArticleDialog(root, [""])
    qtbot.addWidget(dialog)
    dialog.title.setText("Refund rules")
    dialog.folder.setEditText("tips?")
    assert "Windows cannot hold this name" in dialog.problem()
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.folder.setEditText("tips")
    assert dialog.problem() == ""


def test_the_rename_dialog_refuses_a_reserved_name(qtbot, write_kb):
    kb = load_kb(write_kb({"refund.md": "# Refund\n"}))
    dialog = RenameDialog(kb, "refund")
    qtbot.addWidget(dialog)
    dialog.new_path.setText("con.md")
    dialog.update_plan()
    assert dialog.plan() is None and "Windows cannot hold this name" in dialog.summary.toPlainText()
