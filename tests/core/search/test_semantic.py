"""The semantic matcher: the model read offline, article vectors kept with the index, meaning fused with words."""

from __future__ import annotations

import logging

import numpy as np
import pytest

from kb_assistant.core.search import SearchService
from kb_assistant.core.search import semantic as semantic_module
from kb_assistant.core.search.filters import SearchFilters
from kb_assistant.core.search.fusion import meaningful
from kb_assistant.core.search.semantic import load_model, model_files, semantic_text
from kb_assistant.core.search.vectors import VectorTable, vectors_file

MODEL = load_model()
pytestmark = pytest.mark.skipif(MODEL is None, reason="the wordllama package is not installed")

KB = {
    "lang/translate.en.md": "---\nid: translate\nlang: en\n---\n# Translating a phrase\n\n"
                            "The translator turns a sentence into another language: Italian, Spanish or French.\n",
    "pay/refund.en.md": "---\nid: refund\nlang: en\ntags: [payments]\n---\n# Refund to a bank card\n\n"
                        "Refunds reach the card in 3 to 10 business days.\n",
    "acc/password.en.md": "---\nid: password\nlang: en\n---\n# Reset a forgotten password\n\n"
                          "Click 'Forgot password?' on the sign-in page.\n",
    "del/track.en.md": "---\nid: tracking\nlang: en\n---\n# Tracking a parcel\n\n"
                       "The tracking number comes by e-mail once the order ships.\n",
    "del/track.ru.md": "---\nid: tracking-ru\nlang: ru\n---\n# Отслеживание посылки\n\n"
                       "Трек-номер приходит в письме после отправки заказа.\n",
    "pay/refund.ru.md": "---\nid: refund-ru\nlang: ru\nquestions: ['Когда придут деньги?']\n---\n"
                        "# Возврат денег на карту\n\nДеньги возвращаются на карту за 3–10 рабочих дней.\n",
}
ENGLISH = 4


@pytest.fixture
def kb(write_kb):
    return write_kb(KB)


@pytest.fixture
def meaning(kb, tmp_path):
    with SearchService(kb, tmp_path / "index", semantic=MODEL) as service:
        service.update()
        yield service


@pytest.fixture
def words(kb, tmp_path, meaning):
    with SearchService(kb, tmp_path / "index") as service:  # the same index, words alone
        yield service


def test_the_model_is_read_from_the_installed_package_and_gives_unit_vectors():
    weights, tokenizer = model_files()
    assert weights.name.endswith(".safetensors") and "wordllama" in weights.parts
    vectors = MODEL.embed(["where is my parcel", "", "   "])
    assert vectors.shape == (3, MODEL.dimensions) and vectors.dtype == np.float32
    assert np.linalg.norm(vectors[0]) == pytest.approx(1.0, abs=1e-5)
    assert not vectors[1].any() and not vectors[2].any()  # nothing to mean: resembles nothing


def test_a_missing_or_broken_model_means_words_alone_said_once_in_the_log(tmp_path, caplog, monkeypatch):
    monkeypatch.setattr(semantic_module, "_failure_logged", type(semantic_module._failure_logged)())
    broken = tmp_path / "weights.safetensors"
    broken.write_bytes(b"not a tensor file")
    (tmp_path / "tokenizer.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(semantic_module, "model_files", lambda: None)
    with caplog.at_level(logging.WARNING, logger="kb_assistant.search.semantic"):
        assert load_model((broken, tmp_path / "tokenizer.json")) is None
        assert load_model() is None  # not installed
    warnings = [r for r in caplog.records if r.name == "kb_assistant.search.semantic"]
    assert len(warnings) == 1 and "words alone" in warnings[0].getMessage()


def test_a_question_that_shares_no_word_with_the_article_finds_it_by_meaning(meaning, words):
    assert [hit.id for hit in words.search("where is my package").hits] == []
    assert meaning.search("where is my package").hits[0].id == "tracking"
    assert meaning.search("my money never came back").hits[0].id == "refund"


def test_a_paraphrase_ranks_the_right_article_first(meaning, words):
    question = "what is the word for cat in portuguese"
    assert words.search(question).hits[0].id != "translate"
    assert meaning.search(question).hits[0].id == "translate"


def test_russian_questions_keep_the_ranking_of_words_alone(meaning, words):
    for question in ("где моя посылка", "когда вернут деньги на карту", "ltymub yf rfhne"):
        with_meaning, alone = meaning.search(question), words.search(question)
        assert [(h.id, h.score) for h in with_meaning.hits] == [(h.id, h.score) for h in alone.hits]
        assert with_meaning.confidence == alone.confidence


def test_a_single_unfinished_word_is_left_to_the_words():
    assert not meaningful("pac", live=True)
    assert meaningful("pac ", live=True) and meaningful("where is my pac", live=True)
    assert meaningful("package", live=False) and not meaningful("123 !!", live=False)


def test_one_unfinished_word_searches_as_words_alone(meaning, words):
    assert [(h.id, h.score) for h in meaning.search("trac", live=True).hits] == \
        [(h.id, h.score) for h in words.search("trac", live=True).hits]


def test_filters_hold_for_what_meaning_brings(meaning):
    hits = meaning.search("my money never came back", filters=SearchFilters(tag="payments")).hits
    assert [hit.id for hit in hits] == ["refund"]
    assert meaning.search("where is my package", filters=SearchFilters(lang="ru")).hits == ()


def test_vectors_are_saved_beside_the_index_and_updated_article_by_article(kb, tmp_path, meaning):
    table = VectorTable.read(vectors_file(tmp_path / "index"), MODEL.dimensions)
    assert sorted(table.paths) == sorted(KB) and meaning.semantic_articles == ENGLISH
    russian = table.vectors[table.paths.index("del/track.ru.md")]
    assert not russian.any()  # another language is never embedded
    assert meaning.update_vectors() is False  # nothing new

    (kb / "del/track.en.md").write_text("---\nid: tracking\nlang: en\n---\n# Where is my parcel\n\n"
                                        "Follow the parcel with its tracking number.\n", encoding="utf-8")
    (kb / "acc/password.en.md").unlink()
    before = dict(zip(table.paths, table.vectors))
    meaning.update()
    after = VectorTable.read(vectors_file(tmp_path / "index"), MODEL.dimensions)
    assert "acc/password.en.md" not in after.paths and len(after.paths) == len(KB) - 1
    rows = dict(zip(after.paths, after.vectors))
    assert not np.array_equal(rows["del/track.en.md"], before["del/track.en.md"])
    assert np.array_equal(rows["pay/refund.en.md"], before["pay/refund.en.md"])  # kept, not embedded again
    assert meaning.semantic_articles == ENGLISH - 1


def test_saved_vectors_survive_a_rebuild_of_the_index(tmp_path, meaning):
    path = vectors_file(tmp_path / "index")
    stamp = path.stat().st_mtime_ns
    meaning.update(rebuild=True)
    assert path.stat().st_mtime_ns == stamp  # same articles, same texts: nothing embedded again
    assert meaning.search("where is my package").hits[0].id == "tracking"


@pytest.mark.parametrize("damage", [b"", b"garbage", b"PK\x03\x04 not really a zip"])
def test_a_damaged_vectors_file_is_made_again_and_search_goes_on(kb, tmp_path, meaning, damage):
    path = vectors_file(tmp_path / "index")
    path.write_bytes(damage)
    with SearchService(kb, tmp_path / "index", semantic=MODEL) as again:
        assert again.search("refund").hits[0].id == "refund"  # the words answer at once
        assert again.update_vectors() is True
        assert again.search("where is my package").hits[0].id == "tracking"
    assert len(VectorTable.read(path, MODEL.dimensions).paths) == len(KB)


def test_vectors_of_another_shape_are_not_used(kb, tmp_path, meaning):
    path = vectors_file(tmp_path / "index")
    VectorTable(["pay/refund.en.md"], ["x"], np.ones((1, 8), dtype=np.float16)).write(path)
    assert VectorTable.read(path, MODEL.dimensions).paths == []


def test_what_is_embedded_is_the_title_the_questions_and_the_start_of_the_text():
    text = semantic_text("Refund", "How do I get my money back?", "word " * 1000)
    assert text.startswith("Refund\nHow do I get my money back?\nword") and len(text) == 1500


def test_meaning_joins_a_service_that_answered_with_words_first(kb, tmp_path, meaning):
    with SearchService(kb, tmp_path / "index") as later:
        assert later.search("where is my package").hits == ()
        later.use_semantic(MODEL)
        assert later.semantic_enabled and later.semantic_articles == ENGLISH
        assert later.search("where is my package").hits[0].id == "tracking"
        later.use_semantic(None)
        assert not later.semantic_enabled and later.search("where is my package").hits == ()


def test_broken_text_and_a_failing_matcher_never_fail_a_search(meaning, monkeypatch):
    assert meaning.search("where is my \udcff package").hits[0].id == "tracking"  # a lone surrogate pasted
    monkeypatch.setattr(type(MODEL), "embed_one", lambda self, text: 1 / 0)
    found = meaning.search("where is my parcel now")
    assert found.hits and found.hits[0].id == "tracking" and not meaning.needs_rebuild  # the words answer


def test_a_half_typed_last_word_is_completed_from_the_kbs_own_words(kb, tmp_path, meaning):
    from kb_assistant.core.search.fusion import SemanticMatcher, Vocabulary

    vocabulary = Vocabulary({"parcel": 5, "password": 9, "page": 1, "pay": 3, "refund": 4})
    assert vocabulary.complete("pa") == [("password", 9), ("parcel", 5), ("pay", 3)]
    assert vocabulary.complete("par") == [("parcel", 5)] and vocabulary.complete("zz") == []
    table = VectorTable.read(vectors_file(tmp_path / "index"), MODEL.dimensions)
    assert table.words["tracking"] >= 2 and "посылки" not in table.words  # English words of what was embedded
    matcher = SemanticMatcher(MODEL)
    matcher.align(tmp_path / "index", meaning._current_searcher())
    typed = MODEL.embed_one("where is my trac")
    assert np.allclose(matcher.query_vector("where is my trac", live=False), typed)
    completed = matcher.query_vector("where is my trac", live=True)
    assert not np.allclose(completed, typed) and np.linalg.norm(completed) == pytest.approx(1.0, abs=1e-5)
    assert np.allclose(matcher.query_vector("where is my trac ", live=True), MODEL.embed_one("where is my trac "))
    assert meaning.search("my money never ca", live=True).hits[0].id == "refund"


def test_a_word_found_in_one_article_keeps_it_first_whatever_its_language(kb, tmp_path, meaning):
    # a made-up word, an error code: the model splits it into noise, and an English question
    # answered by a Russian article is unsure (the language penalty); the words' find stays first
    (kb / "del/track.ru.md").write_text("---\nid: tracking-ru\nlang: ru\n---\n# Отслеживание посылки\n\n"
                                        "Код ошибки zqjbnbxkkjdz означает, что трек-номер ещё не активен.\n",
                                        encoding="utf-8")
    meaning.update()
    found = meaning.search("zqjbnbxkkjdz")
    assert found.hits[0].id == "tracking-ru" and not found.confident
    assert meaning.search("what does zqjbnbxkkjdz mean").hits[0].id == "tracking-ru"
