"""Publishing from the window: the editor's saved article goes to the team; a conflict is resolved, never lost."""

from __future__ import annotations

import pytest

from kb_assistant.app import build_window
from kb_assistant.core.settings import Settings
from kb_assistant.ui.sync.conflict_dialog import ConflictDialog
from tests.core.sync.helpers import ARTICLE
from tests.ui.helpers import loaded

CHANGED = ARTICLE.format(id="card", title="Refund to a card", body="Refunds take 5 business days.")
THEIRS = ARTICLE.format(id="card", title="Refund to a card", body="Refunds take 2 weeks at most.")


@pytest.fixture
def editor_window(qtbot, team, tmp_path):
    settings = Settings(sync_minutes=0, author_name="Erin Editor", author_email="erin@example.com")
    win, thread = build_window(team.editor, tmp_path / "index", settings, watch=False, data_dir=tmp_path / "data")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: loaded(win), timeout=10000)
    qtbot.waitUntil(lambda: win.sync.in_git and not win.sync.status.busy, timeout=10000)
    yield win
    for editor in list(win.workbench.editors.values()):
        editor.ask_unsaved = lambda: "discard"
        editor.close()
    win.sync.wait()
    thread.stop()


def save_in_editor(win, article_id, text):
    editor = win.workbench.edit_article(article_id)
    editor.editor.setPlainText(text)
    assert editor.save()
    return editor


def test_ctrl_shift_u_in_the_editor_publishes_the_saved_article(qtbot, editor_window, team):
    editor = save_in_editor(editor_window, "card", CHANGED)
    asked = []
    editor_window.publishing.ask_message = lambda paths, message: asked.append((paths, message)) or message
    with qtbot.waitSignal(editor_window.sync.published, timeout=20000) as blocker:
        editor.publish_requested.emit(editor.rel_path)
    assert asked == [(["refunds/card.md"], "Update “Refund to a card”")]
    assert blocker.args[0].code == "publish-done"
    assert "5 business days" in team.remote_text("refunds/card.md")
    assert "published" in editor_window.statusBar().currentMessage().lower()


def test_a_conflict_is_shown_and_the_chosen_text_is_published(qtbot, editor_window, team):
    team.publish_from(team.agent_repo, {"refunds/card.md": THEIRS}, "their edit")  # another editor, first
    save_in_editor(editor_window, "card", CHANGED)
    flow = editor_window.publishing
    flow.ask_message = lambda paths, message: message
    seen = []

    def resolve(dialog: ConflictDialog):
        seen.append([(c.path, c.theirs, c.mine) for c in dialog.conflicts])
        assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()  # nothing chosen yet
        dialog.result.setPlainText(CHANGED.replace("5 business days", "5 business days (2 weeks at most)"))
        dialog.use_text.click()
        assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
        return dialog.resolutions()

    flow.ask_resolutions = resolve
    with qtbot.waitSignal(editor_window.sync.published, timeout=20000,
                          check_params_cb=lambda result: result.code != "publish-conflict") as blocker:
        flow.publish(["refunds/card.md"])
    assert seen and seen[0][0][0] == "refunds/card.md" and "2 weeks" in seen[0][0][1] and "5 business" in seen[0][0][2]
    assert blocker.args[0].code == "publish-done"
    assert "5 business days (2 weeks at most)" in team.remote_text("refunds/card.md")


def test_cancelling_the_conflict_publishes_nothing_and_keeps_the_edit(qtbot, editor_window, team):
    team.publish_from(team.agent_repo, {"refunds/card.md": THEIRS}, "their edit")
    save_in_editor(editor_window, "card", CHANGED)
    flow = editor_window.publishing
    flow.ask_message = lambda paths, message: message
    flow.ask_resolutions = lambda dialog: None
    with qtbot.waitSignal(editor_window.sync.published, timeout=20000):
        flow.publish(["refunds/card.md"])
    qtbot.waitUntil(lambda: "Nothing published" in editor_window.statusBar().currentMessage(), timeout=5000)
    assert "2 weeks" in team.remote_text("refunds/card.md")
    assert (team.editor / "refunds/card.md").read_text(encoding="utf-8") == CHANGED
