"""Reviews: marking reviewed, the review queue by owner, translations that lag behind."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from kb_assistant.core.articles.parse import parse_article_bytes
from kb_assistant.core.errors import FrontMatterBroken
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.upkeep.review import (
    mark_reviewed_file,
    NO_OWNER,
    ReviewItem,
    TranslationLag,
    by_owner,
    file_modified,
    mark_reviewed,
    review_queue,
    translation_lag,
)

TODAY = dt.date(2026, 6, 1)


def article(title, *, owner=None, reviewed=None, every=None, extra="", type_=None):
    meta = [f"title: {title}"]
    if owner is not None:
        meta.append(f"owner: {owner}")
    if reviewed is not None:
        meta.append(f"reviewed: {reviewed}")
    if every is not None:
        meta.append(f"review_every: {every}")
    if type_:
        meta.append(f"type: {type_}")
    return "---\n" + "\n".join(meta) + "\n" + extra + "---\n# " + title + "\n\nText.\n"


@pytest.fixture
def review_kb(write_kb):
    return load_kb(write_kb({
        # Logistics: one 10 days overdue, one 100 days overdue, one fresh, one never reviewed
        "delivery/late.md": article("Late", owner="Logistics", reviewed="2026-02-21", every=90),
        "delivery/very-late.md": article("Very late", owner="Logistics", reviewed="2025-11-13", every=100),
        "delivery/fresh.md": article("Fresh", owner="Logistics", reviewed="2026-05-01", every=90),
        "delivery/new.md": article("New", owner="Logistics"),
        # Billing: due exactly today is not stale yet
        "billing/due-today.md": article("Due today", owner="Billing", reviewed="2026-03-03", every=90),
        "billing/stale.md": article("Stale", owner="Billing", reviewed="2026-01-01", every=30),
        # reviewed without a schedule: nothing to queue
        "billing/no-schedule.md": article("No schedule", owner="Billing", reviewed="2020-01-01"),
        # no owner at all, and a snippet, which goes stale too
        "misc/orphan.md": "# Orphan\n\nA plain Markdown file.\n",
        "snippets/hello.md": article("Hello", owner="Billing", reviewed="2025-01-01", every=30,
                                     type_="snippet"),
    }))


def test_review_queue_lists_stale_and_never_reviewed_by_owner_most_overdue_first(review_kb):
    queue = review_queue(review_kb, TODAY)
    assert [(i.owner, i.article_id, i.days_overdue, i.never_reviewed) for i in queue] == [
        ("Billing", "snippets/hello", 486, False),
        ("Billing", "billing/stale", 121, False),
        ("Logistics", "delivery/very-late", 100, False),
        ("Logistics", "delivery/late", 10, False),
        ("Logistics", "delivery/new", 0, True),
        (NO_OWNER, "misc/orphan", 0, True),
    ]
    late = next(i for i in queue if i.article_id == "delivery/late")
    assert late == ReviewItem(
        article_id="delivery/late", title="Late", path="delivery/late.md", owner="Logistics",
        due=dt.date(2026, 5, 22), days_overdue=10, never_reviewed=False, lang="en",
    )
    never = next(i for i in queue if i.article_id == "delivery/new")
    assert never.due is None


def test_by_owner_groups_in_queue_order(review_kb):
    groups = by_owner(review_queue(review_kb, TODAY))
    assert list(groups) == ["Billing", "Logistics", NO_OWNER]
    assert [i.article_id for i in groups["Logistics"]] == [
        "delivery/very-late", "delivery/late", "delivery/new",
    ]


def test_review_queue_is_empty_when_everything_is_fresh(write_kb):
    kb = load_kb(write_kb({"a.md": article("A", owner="X", reviewed="2026-05-30", every=7)}))
    assert review_queue(kb, TODAY) == []


def test_mark_reviewed_sets_the_date_and_keeps_comments_and_unknown_keys():
    text = (
        "---\n"
        "# owned by the payments squad\n"
        "title: Refunds   # shown to agents\n"
        "x-ticket: SUP-42\n"
        "reviewed: 2025-01-01  # last full check\n"
        "review_every: 90\n"
        "zz-last: {keep: me}\n"
        "---\n\n# Refunds\n"
    )
    out = mark_reviewed(text, dt.date(2026, 6, 1))
    assert out == text.replace("reviewed: 2025-01-01", "reviewed: 2026-06-01")
    assert parse_article_bytes(out.encode(), "r.md").article.reviewed == dt.date(2026, 6, 1)


def test_mark_reviewed_adds_the_key_when_missing():
    assert mark_reviewed("---\ntitle: T\n---\nbody", TODAY) == "---\ntitle: T\nreviewed: 2026-06-01\n---\nbody"
    assert mark_reviewed("# Plain\n", TODAY) == "---\nreviewed: 2026-06-01\n---\n# Plain\n"


def test_mark_reviewed_refuses_broken_front_matter():
    with pytest.raises(FrontMatterBroken):
        mark_reviewed("---\ntitle: [\n---\n# T\n", TODAY)


@pytest.fixture
def translated_kb(write_kb):
    return write_kb({
        "refund.en.md": article("Refund", extra="id: refund\nlang: en\ntranslations: {ru: refund-ru}\n"),
        "refund.ru.md": article("Возврат", extra="id: refund-ru\nlang: ru\ntranslations: {en: refund}\n"),
        "track.en.md": article("Track", extra="id: track\nlang: en\ntranslations: {ru: track-ru}\n"),
        "track.ru.md": article("Отслеживание", extra="id: track-ru\nlang: ru\n"),
        "lonely.md": article("Lonely", extra="translations: {ru: missing-ru}\n"),
    })


def clock(**days):
    base = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.timezone.utc)
    return lambda rel_path: base + dt.timedelta(days=days.get(rel_path.replace(".", "_"), 0))


def test_translation_lag_when_the_english_side_changed_later(translated_kb):
    kb = load_kb(translated_kb)
    lags = translation_lag(kb, translated_kb, modified=clock(refund_en_md=5))
    assert lags == [TranslationLag("refund", "refund-ru", ("en", "ru"), "refund", 5)]
    assert lags[0].outdated_id == "refund-ru"


def test_translation_lag_when_the_russian_side_changed_later(translated_kb):
    kb = load_kb(translated_kb)
    lags = translation_lag(kb, translated_kb, modified=clock(refund_ru_md=3, track_ru_md=2.5))
    assert [(lag.article_id, lag.translation_id, lag.newer_id, lag.outdated_id, lag.days_apart)
            for lag in lags] == [
        ("refund", "refund-ru", "refund-ru", "refund", 3),
        ("track", "track-ru", "track-ru", "track", 2),
    ]


def test_no_translation_lag_when_changed_close_in_time(translated_kb):
    kb = load_kb(translated_kb)
    assert translation_lag(kb, translated_kb, modified=clock(refund_en_md=0.9, track_ru_md=-1)) == []
    assert translation_lag(kb, translated_kb, threshold_days=7, modified=clock(refund_en_md=5)) == []


def test_translation_lag_uses_file_times_by_default(translated_kb):
    old = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc).timestamp()
    os.utime(translated_kb / "track.ru.md", (old, old))
    kb = load_kb(translated_kb)
    lags = translation_lag(kb, translated_kb)
    assert [(lag.article_id, lag.newer_id) for lag in lags] == [("track", "track")]
    assert file_modified(translated_kb)("track.ru.md").date() == dt.date(2026, 1, 1)


def test_translation_lag_skips_files_it_cannot_date(translated_kb):
    kb = load_kb(translated_kb)

    def modified(rel_path):
        raise FileNotFoundError(rel_path)

    assert translation_lag(kb, translated_kb, modified=modified) == []


def test_mark_reviewed_file_keeps_encoding_line_endings_and_comments(tmp_path):
    path = tmp_path / "a.md"
    path.write_bytes("---\r\nid: a\r\n# owner asked\r\nreviewed: 2020-01-01\r\n---\r\n# Возврат\r\n".encode("cp1251"))
    mark_reviewed_file(path, dt.date(2026, 11, 27))
    text = path.read_bytes().decode("cp1251")
    assert "reviewed: 2026-11-27\r\n" in text and "# owner asked\r\n" in text and "# Возврат" in text


def test_mark_reviewed_file_leaves_broken_front_matter_alone(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\nid: [a\n---\nbody\n", encoding="utf-8")
    with pytest.raises(FrontMatterBroken):
        mark_reviewed_file(path, dt.date(2026, 11, 27))
    assert path.read_text(encoding="utf-8") == "---\nid: [a\n---\nbody\n"
