"""The language the learning window starts on, and the learner's choice kept with their progress."""

from __future__ import annotations

import json

from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.learning.languages import ALL, kb_languages, starting_language
from kb_assistant.core.learning.store import LearningStore


def test_the_interface_language_comes_first_and_a_choice_wins():
    assert starting_language(None, "ru") == "ru"  # the KB is not loaded yet
    assert starting_language(None, "ru", {"ru", "en"}) == "ru"
    assert starting_language(None, "en", {"ru", "en"}) == "en"
    assert starting_language(ALL, "ru", {"ru", "en"}) == ALL  # "all languages" chosen once stays
    assert starting_language("en", "ru", {"ru", "en"}) == "en"


def test_no_article_in_the_interface_language_means_all():
    assert starting_language(None, "ru", {"en"}) == ALL
    assert starting_language(None, "ru", set()) == ALL


def test_the_kb_languages_are_those_of_its_articles(write_kb):
    root = write_kb({
        "a.md": "---\nlang: en\n---\n# A\n\ntext\n",
        "b.ru.md": "---\nlang: ru\n---\n# Б\n\nтекст\n",
        "_snippets/s.md": "---\nlang: de\ntype: snippet\n---\n# S\n\nText\n",
    })
    assert kb_languages(load_kb(root)) == {"en", "ru"}


def test_the_chosen_language_survives_a_restart_beside_the_progress(write_kb, tmp_path):
    root = write_kb({"a.md": "# A\n"})
    store = LearningStore(tmp_path / "data", root)
    assert store.language is None
    store.record_reading("a", 3)
    store.set_language(ALL)
    again = LearningStore(tmp_path / "data", root)
    assert again.language == ALL and again.readings["a"].seconds == 3
    again.set_language("ru")
    again.record_reading("a", 1)  # later writes keep it
    assert LearningStore(tmp_path / "data", root).language == "ru"


def test_a_language_of_the_wrong_type_is_no_choice(write_kb, tmp_path):
    root = write_kb({"a.md": "# A\n"})
    store = LearningStore(tmp_path / "data", root)
    store.record_reading("a", 3)
    record = json.loads(store.progress_path.read_text(encoding="utf-8"))
    store.progress_path.write_text(json.dumps({**record, "language": 7}), encoding="utf-8")
    again = LearningStore(tmp_path / "data", root)
    assert again.language is None and again.problems == [] and again.readings["a"].seconds == 3
