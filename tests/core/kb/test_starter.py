"""A KB of one's own from the sample's banner: an empty one, or a clone from git (a local bare repository)."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from kb_assistant.core.errors import StorageError
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.kb.starter import KB_FILE, WELCOME_FILE, clone_kb, create_empty_kb
from kb_assistant.core.sync.git import GitError


def test_an_empty_kb_has_a_kb_yml_and_one_welcome_article_with_a_reply(tmp_path):
    root = create_empty_kb(tmp_path / "new" / "team-kb")
    kb = load_kb(root)
    assert (root / KB_FILE).is_file() and list(kb.articles) == ["welcome"]
    assert kb.config.name == "team-kb" and not [p for p in kb.problems if p.severity == "error"]
    assert [reply.name for reply in kb.get("welcome").replies] == ["Greeting"]


def test_a_folder_that_is_already_a_kb_is_left_alone(tmp_path):
    (tmp_path / KB_FILE).write_text("name: mine\n")
    with pytest.raises(StorageError) as caught:
        create_empty_kb(tmp_path)
    assert caught.value.code == "file-exists" and (tmp_path / KB_FILE).read_text() == "name: mine\n"
    assert not (tmp_path / WELCOME_FILE).exists()


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_clone_brings_the_team_kb_and_a_bad_url_says_why(tmp_path):
    source = create_empty_kb(tmp_path / "source")
    env = {"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.com",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.com", "PATH": shutil.os.environ["PATH"]}
    for args in (["init", "-q"], ["add", "."], ["commit", "-q", "-m", "kb"]):
        subprocess.run(["git", *args], cwd=source, check=True, env=env)
    cloned = clone_kb(str(source), tmp_path / "mine")
    assert list(load_kb(cloned).articles) == ["welcome"]
    with pytest.raises(GitError) as caught:
        clone_kb("https://user:secret@127.0.0.1:9/nothing.git", tmp_path / "other")
    assert caught.value.code in ("git-offline", "git-failed") and "secret" not in str(caught.value)


def test_the_window_opens_the_sample_when_the_folder_asked_for_is_gone(tmp_path, monkeypatch):
    from kb_assistant.core.errors import KbNotFoundError
    from kb_assistant.core.kb import starter
    from kb_assistant.core.paths import bundled_kb_dir

    assert starter.kb_for_window(None, "", {}) == (bundled_kb_dir(), None)
    assert starter.kb_for_window(str(tmp_path), "", {}) == (tmp_path, None)
    root, missing = starter.kb_for_window(None, str(tmp_path / "gone"), {})
    assert root == bundled_kb_dir() and missing.code == "kb-not-found" and "gone" in str(missing)
    monkeypatch.setattr(starter, "bundled_kb_dir", lambda: None)
    with pytest.raises(KbNotFoundError):
        starter.kb_for_window(str(tmp_path / "gone"), "", {})
