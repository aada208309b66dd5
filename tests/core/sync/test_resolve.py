"""After a conflict: the editor's choice is published, and nothing before every file has one."""

from __future__ import annotations

import subprocess

from kb_assistant.core.sync import publish, resolve_conflicts, sync
from tests.core.sync.helpers import ARTICLE, git, write
from tests.core.sync.test_publish import MINE, THEIRS, editor_text_kept

BOTH = ARTICLE.format(id="card", title="Refund to a card", body="Refunds take 2-5 days (both editors agreed).")
PASSWORD_MINE = "# Password\n\nMine.\n"
PASSWORD_THEIRS = "# Password\n\nTheirs.\n"


def conflict_on(team, files_theirs, files_mine):
    team.publish_from(team.agent_repo, files_theirs, "other editor")
    write(team.editor, files_mine)
    result = publish(team.editor, "Editor's change", list(files_mine))
    assert result.code == "publish-conflict", result
    return result


def test_the_chosen_text_is_published_on_top_of_theirs(team):
    conflict = conflict_on(team, {"refunds/card.md": THEIRS}, {"refunds/card.md": MINE})
    mine_commit = conflict.commit
    result = resolve_conflicts(team.editor, {"refunds/card.md": BOTH}, against=conflict.against)
    assert result.code == "publish-done" and result.published, result
    assert team.remote_text("refunds/card.md") == BOTH.strip()
    assert (team.editor / "refunds" / "card.md").read_text(encoding="utf-8") == BOTH
    assert git(team.editor, "rev-parse", "HEAD") == git(team.remote, "rev-parse", "main")
    # the editor's own commit is part of what was published: its text is in the history for good
    git(team.remote, "merge-base", "--is-ancestor", mine_commit, "main")
    assert git(team.remote, "show", f"{mine_commit}:refunds/card.md") == MINE.strip()
    assert sync(team.agent).code == "sync-updated"
    assert (team.agent / "refunds" / "card.md").read_text(encoding="utf-8") == BOTH


def test_nothing_is_published_until_every_file_has_a_resolution(team):
    conflict = conflict_on(team, {"refunds/card.md": THEIRS, "account/password.md": PASSWORD_THEIRS},
                           {"refunds/card.md": MINE, "account/password.md": PASSWORD_MINE})
    assert sorted(c.path for c in conflict.conflicts) == ["account/password.md", "refunds/card.md"]
    remote_before = git(team.remote, "rev-parse", "main")
    head_before = git(team.editor, "rev-parse", "HEAD")
    partial = resolve_conflicts(team.editor, {"refunds/card.md": BOTH})
    assert partial.code == "publish-unresolved" and not partial.published
    assert str(partial.message()) == "not published: choose the text to keep for account/password.md first"
    assert len(partial.conflicts) == 2  # every conflict again, for the view
    assert git(team.remote, "rev-parse", "main") == remote_before
    assert git(team.editor, "rev-parse", "HEAD") == head_before
    assert editor_text_kept(team, MINE) and editor_text_kept(team, PASSWORD_MINE, "account/password.md")
    done = resolve_conflicts(team.editor, {"refunds/card.md": BOTH, "account/password.md": PASSWORD_MINE})
    assert done.published
    assert team.remote_text("account/password.md") == PASSWORD_MINE.strip()


def test_keeping_theirs_or_deleting_is_a_resolution_too(team):
    conflict = conflict_on(team, {"refunds/card.md": THEIRS, "account/password.md": PASSWORD_THEIRS},
                           {"refunds/card.md": MINE, "account/password.md": PASSWORD_MINE})
    theirs = {c.path: c.theirs for c in conflict.conflicts}
    result = resolve_conflicts(team.editor, {"refunds/card.md": theirs["refunds/card.md"],
                                             "account/password.md": None, "never/existed.md": None})
    assert result.published
    assert team.remote_text("refunds/card.md") == THEIRS.strip()
    assert "account/password.md" not in git(team.remote, "ls-tree", "-r", "--name-only", "main")
    assert editor_text_kept(team, MINE)  # still in the editor's commit, in the history


def test_others_changing_the_file_again_show_the_conflict_afresh(team):
    conflict = conflict_on(team, {"refunds/card.md": THEIRS}, {"refunds/card.md": MINE})
    newer = THEIRS.replace("2 days", "1 day")
    team.publish_from(team.agent_repo, {"refunds/card.md": newer}, "third change")
    remote_before = git(team.remote, "rev-parse", "main")
    again = resolve_conflicts(team.editor, {"refunds/card.md": BOTH}, against=conflict.against)
    assert again.code == "publish-conflict" and not again.published
    assert [c.theirs for c in again.conflicts] == [newer]
    assert git(team.remote, "rev-parse", "main") == remote_before  # their newer text is not overwritten unseen
    done = resolve_conflicts(team.editor, {"refunds/card.md": BOTH}, against=again.against)
    assert done.published and team.remote_text("refunds/card.md") == BOTH.strip()


def test_others_publishing_other_files_meanwhile_is_fine(team):
    conflict = conflict_on(team, {"refunds/card.md": THEIRS}, {"refunds/card.md": MINE})
    team.publish_from(team.agent_repo, {"delivery/late.md": "# Late\n"}, "unrelated")
    result = resolve_conflicts(team.editor, {"refunds/card.md": BOTH}, against=conflict.against)
    assert result.published and "delivery/late.md" in result.changed
    assert team.remote_text("delivery/late.md") == "# Late"


def test_a_cp1251_article_is_resolved_in_cp1251_with_its_line_endings(team):
    theirs = "# Возврат\r\n\r\nДеньги вернутся за 2 дня.\r\n".encode("cp1251")
    mine = "# Возврат\r\n\r\nДеньги вернутся за 5 дней.\r\n".encode("cp1251")
    team.publish_from(team.agent_repo, {"refunds/ru.md": "# Возврат\r\n\r\nСтарый текст.\r\n".encode("cp1251")})
    git(team.editor, "pull", "-q", "--ff-only")
    conflict = conflict_on(team, {"refunds/ru.md": theirs}, {"refunds/ru.md": mine})
    [shown] = conflict.conflicts
    assert (shown.encoding, shown.newline) == ("cp1251", "\r\n")
    assert shown.mine == "# Возврат\n\nДеньги вернутся за 5 дней.\n"
    result = resolve_conflicts(team.editor, {"refunds/ru.md": "# Возврат\n\nДеньги вернутся за 2-5 дней.\n"})
    assert result.published
    expected = "# Возврат\r\n\r\nДеньги вернутся за 2-5 дней.\r\n".encode("cp1251")
    stored = subprocess.run(["git", "cat-file", "blob", "main:refunds/ru.md"], cwd=team.remote, capture_output=True)
    assert stored.stdout == expected == (team.editor / "refunds" / "ru.md").read_bytes()


def test_offline_after_resolving_the_resolution_is_kept_in_a_commit(team, tmp_path):
    conflict_on(team, {"refunds/card.md": THEIRS}, {"refunds/card.md": MINE})
    git(team.editor_repo, "fetch", "-q")
    git(team.editor_repo, "remote", "set-url", "origin", (tmp_path / "gone.git").as_uri())
    result = resolve_conflicts(team.editor, {"refunds/card.md": BOTH})
    assert result.code == "git-offline" and not result.published
    assert editor_text_kept(team, MINE)


def test_in_a_subfolder_kb_the_paths_are_kb_relative(sub_team):
    sub_team.publish_from(sub_team.agent_repo, {"refunds/card.md": THEIRS}, "other editor")
    write(sub_team.editor, {"refunds/card.md": MINE})
    conflict = publish(sub_team.editor, "mine")
    assert [c.path for c in conflict.conflicts] == ["refunds/card.md"]
    result = resolve_conflicts(sub_team.editor, {"refunds/card.md": BOTH})
    assert result.published and sub_team.remote_text("refunds/card.md") == BOTH.strip()
    assert resolve_conflicts(sub_team.editor, {"../../README.md": "x"}).code == "publish-path-outside"
