"""The index codec: short posting lists live in the term dictionary, and segments still merge."""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from whoosh.fields import ID, TEXT, Schema
from whoosh import index as whoosh_index

from kb_assistant.core.search.analysis import bilingual_analyzer
from kb_assistant.core.search.codec import INLINE_LIMIT, KbCodec
from tests.core.search.helpers import top_ids


def new_index(folder):
    """A small index on disk (a RamStorage index would spill its writer's pool to a shared /tmp/MAIN.tmp)."""
    schema = Schema(path=ID(stored=True, unique=True), body=TEXT(analyzer=bilingual_analyzer(), phrase=False))
    folder.mkdir(parents=True, exist_ok=True)
    return whoosh_index.create_in(str(folder), schema)


def writer(index):
    # as the indexer opens its writers
    return index.writer(codec=KbCodec(), compound=False)


def postings(reader, field, term):
    """(stored path, weight) of every posting of ``term``, read through the reader's matchers."""
    if (field, term) not in reader:
        return {}
    found = {}
    matcher = reader.postings(field, term)
    while matcher.is_active():
        found[reader.stored_fields(matcher.id())["path"]] = matcher.weight()
        matcher.next()
    return found


def inlined(index, field, term) -> list[bool]:
    with index.reader() as reader:
        return [leaf.term_info(field, term).is_inlined() for leaf, _ in reader.leaf_readers()
                if (field, term) in leaf]


def test_short_posting_lists_are_inlined_and_read_back(tmp_path):
    index = new_index(tmp_path)
    with writer(index) as w:
        for number in range(20):
            rare = "zebra zebra" if number == 3 else "zebra" if number == 7 else ""
            below = "kiwi" if number < INLINE_LIMIT - 1 else ""
            at = "lime" if number < INLINE_LIMIT else ""
            w.add_document(path=f"d{number}", body=f"common {rare} {below} {at} word{number}")
    assert inlined(index, "body", "zebra") == [True]
    assert inlined(index, "body", "kiwi") == [True]
    assert inlined(index, "body", "lime") == [False]  # INLINE_LIMIT postings: written as a block
    assert inlined(index, "body", "common") == [False]
    with index.reader() as reader:
        assert postings(reader, "body", "zebra") == {"d3": 2.0, "d7": 1.0}
        assert postings(reader, "body", "kiwi") == {f"d{n}": 1.0 for n in range(INLINE_LIMIT - 1)}
        assert postings(reader, "body", "lime") == {f"d{n}": 1.0 for n in range(INLINE_LIMIT)}
        assert len(postings(reader, "body", "common")) == 20


def test_inlined_postings_without_a_value_answer_bytes(tmp_path):
    # an ID field stores no value per posting; the segment merger insists on bytes
    index = new_index(tmp_path)
    with writer(index) as w:
        w.add_document(path="only", body="text")
    with index.reader() as reader:
        matcher = reader.postings("path", "only")
        assert matcher.value() == b""


def test_segments_merge_after_many_small_updates(tmp_path):
    index = new_index(tmp_path)
    segment_counts = []
    for number in range(16):
        with writer(index) as w:
            w.update_document(path=f"d{number % 5}", body=f"save number{number} wombat")
        with index.reader() as reader:
            segment_counts.append(len(reader.leaf_readers()))
            assert postings(reader, "body", f"number{number}") == {f"d{number % 5}": 1.0}
    assert max(segment_counts) > 1 and min(segment_counts[4:]) < max(segment_counts)  # merged on the way
    writer(index).commit(optimize=True)
    with index.reader() as reader:
        assert len(reader.leaf_readers()) == 1
        assert postings(reader, "body", "wombat") == {f"d{n}": 1.0 for n in range(5)}
        assert postings(reader, "body", "number3") == {}  # replaced by later saves of d3
    assert inlined(index, "body", "wombat") == [True]


WORDS = ["apple", "berry", "cherry", "дыня", "ёж"]
OPERATIONS = st.lists(
    st.tuples(st.integers(0, 5), st.lists(st.sampled_from(WORDS), max_size=4) | st.none()),
    min_size=6,  # Whoosh merges small segments from about the sixth commit on
    max_size=25,
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPERATIONS)
def test_any_sequence_of_saves_and_deletes_reads_back_as_written(tmp_path_factory, operations):
    """Each operation is its own commit (a save in the editor); merges happen when Whoosh decides."""
    index = new_index(tmp_path_factory.mktemp("codec"))
    model: dict[str, Counter] = {}
    for number, words in operations:
        path = f"d{number}"
        with writer(index) as w:
            if words is None:
                w.delete_by_term("path", path)
                model.pop(path, None)
            else:
                w.update_document(path=path, body=" ".join(words))
                model[path] = Counter(bilingual_analyzer_terms(" ".join(words)))
    with index.reader() as reader:
        assert reader.doc_count() == len(model)
        for term in {t for counts in model.values() for t in counts} | {"apple"}:
            expected = {path: float(counts[term]) for path, counts in model.items() if counts[term]}
            assert postings(reader, "body", term) == expected


def bilingual_analyzer_terms(text: str) -> list[str]:
    return [token.text for token in bilingual_analyzer()(text)]


def test_many_saves_in_a_row_merge_segments_and_stay_searchable(service, kb_root):
    # every save adds a small segment; Whoosh merges them after a few, reading inlined postings back
    path = kb_root / "promo" / "promo.en.md"
    for number in range(14):
        path.write_text(f"---\nid: promo\n---\n# Coupons\n\nSave number{number} wombat.", encoding="utf-8")
        service.update_files(["promo/promo.en.md"])
        assert top_ids(service.search(f"number{number}"))[0] == "promo"
    assert top_ids(service.search("wombat"))[0] == "promo"
    assert top_ids(service.search("refund"))[0] == "refund"
