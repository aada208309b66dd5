"""Searching as typed: the agent can turn layout repair off for one question."""

from __future__ import annotations

from kb_assistant.core.search.service import SearchService


def test_a_repaired_question_can_be_searched_as_typed(write_kb, tmp_path):
    root = write_kb({
        "refund.md": "---\nid: refund\nlang: ru\n---\n# Возврат денег\n\nВозврат на карту за 3 дня.\n",
        "other.md": "---\nid: other\nlang: en\n---\n# Delivery\n\nParcels arrive in a week.\n",
    })
    with SearchService(root, tmp_path / "index") as service:
        service.update()
        repaired = service.search("djpdhfn")
        typed = service.search("djpdhfn", as_typed=True)
    assert repaired.interpreted == "возврат" and repaired.hits[0].id == "refund"
    assert typed.interpreted == "" and typed.hits == ()
