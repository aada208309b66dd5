"""The Browse tree shows the categories as ``_kb.yml`` labels them in the interface language (issue 12)."""

from __future__ import annotations

import pytest

from kb_assistant.core.kb.load import load_kb
from kb_assistant.ui.system.i18n import install_translators, remove_translators
from tests.ui.learning.helpers import make_window, tree_labels

LABELS = "categories:\n  delivery: {ru: Доставка, en: Delivery}\n  returns: {ru: Возвраты, en: Returns}\n"


def article(article_id: str, lang: str, title: str) -> str:
    return f"---\nid: {article_id}\nlang: {lang}\n---\n# {title}\n\nText.\n"


KB = {
    "_kb.yml": LABELS,
    "delivery/courier.en.md": article("courier", "en", "Courier delivery"),
    "delivery/courier.ru.md": article("courier-ru", "ru", "Доставка курьером"),
    "returns/refund.en.md": article("refund", "en", "Refund to a card"),
    "returns/refund.ru.md": article("refund-ru", "ru", "Возврат на карту"),
    "misc/notes.en.md": article("notes", "en", "Notes"),  # a folder _kb.yml gives no label
    "misc/notes.ru.md": article("notes-ru", "ru", "Заметки"),
}


@pytest.fixture
def kb_root(write_kb):
    return write_kb(KB)


def english_interface(app) -> None:
    """English, as before any translator: removing translators leaves the language they set behind."""
    install_translators(app, "en")
    remove_translators(app)


@pytest.fixture(autouse=True)
def interface_language(qapp):
    """Each test starts, and leaves the next one, in English, whatever ran before."""
    english_interface(qapp)
    yield
    english_interface(qapp)


@pytest.fixture
def russian(qapp):
    """The Russian interface (translators and the language labels follow)."""
    assert install_translators(qapp, "ru") == "ru"


def names(window) -> list[str]:
    """The category rows as the learner reads them, without their counts."""
    return [label.rsplit(" (", 1)[0] for label in tree_labels(window)]


def test_english_labels_in_their_order_and_the_folder_name_without_one(qtbot, kb_root, tmp_path):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="en")
    assert window.browse.language.currentData() == "en"
    assert tree_labels(window) == ["Delivery (1 articles, 0 read)", "misc (1 articles, 0 read)",
                                   "Returns (1 articles, 0 read)"]
    tree = window.browse.tree
    assert [tree.topLevelItem(i).toolTip(0) for i in range(3)] == ["delivery", "misc", "returns"]  # the folders


def test_russian_labels_in_the_russian_interface(qtbot, kb_root, tmp_path, russian):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="ru")
    assert window.browse.language.currentData() == "ru"
    assert names(window) == ["misc", "Возвраты", "Доставка"]
    assert tree_labels(window)[1] == "Возвраты (статей: 1, прочитано: 0)"


def test_all_languages_keep_the_labels_and_no_category_comes_last(qtbot, write_kb, tmp_path):
    root = write_kb({**KB, "welcome.en.md": article("welcome", "en", "Welcome")}, tmp_path / "kb2")
    window = make_window(qtbot, root, tmp_path, ui_language="en")
    window.browse.language.setCurrentIndex(window.browse.language.findData(""))
    assert names(window) == ["Delivery", "misc", "Returns", "(no category)"]


def test_a_kb_without_labels_shows_folder_names(qtbot, write_kb, tmp_path):
    root = write_kb({name: text for name, text in KB.items() if name != "_kb.yml"}, tmp_path / "plain")
    window = make_window(qtbot, root, tmp_path, ui_language="en")
    assert names(window) == ["delivery", "misc", "returns"]


def test_a_nested_folder_is_labelled_part_by_part(qtbot, write_kb, tmp_path):
    root = write_kb({"_kb.yml": LABELS, "delivery/express/fast.en.md": article("fast", "en", "Fast")}, tmp_path / "n")
    window = make_window(qtbot, root, tmp_path, ui_language="en")
    assert names(window) == ["Delivery / express"]  # as the search bar's category filter shows it


def test_a_reloaded_kb_with_new_labels_is_relabelled(qtbot, kb_root, tmp_path):
    window = make_window(qtbot, kb_root, tmp_path, ui_language="en")
    (kb_root / "_kb.yml").write_text(LABELS.replace("en: Delivery", "en: Shipping"), encoding="utf-8")
    window.browse.set_kb(load_kb(kb_root))
    assert names(window) == ["misc", "Returns", "Shipping"]
