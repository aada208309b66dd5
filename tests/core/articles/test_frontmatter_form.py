"""The editor's form over the front matter document: only the fields a user changed are written."""

from __future__ import annotations


from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument
from kb_assistant.core.articles.frontmatter_form import FORM_FIELDS, apply_form, form_values
from tests.core.articles.test_frontmatter_edit import DESIGN_SAMPLE


def test_form_values_and_apply_form():
    doc = FrontMatterDocument.parse(DESIGN_SAMPLE)
    values = form_values(doc)
    assert list(values) == list(FORM_FIELDS)
    assert values["tags"] == ["refunds", "payments"]
    assert values["review_every"] == 90
    assert values["translations"] == {"ru": "refund-card-ru"}
    assert values["product"] == "Shopwave"
    values.update(owner="Payments team", tags=["refunds"], product="")
    text = apply_form(doc, values)
    assert "\nowner: Payments team\n" in text and "\ntags: [refunds]\n" in text
    assert "product" not in text
    assert "type: article                # or \"snippet\"\n" in text


def test_apply_form_keeps_a_value_the_form_cannot_show():
    text = "---\ntitle: T\ntags: 5\n---\nbody"
    doc = FrontMatterDocument.parse(text)
    values = form_values(doc)
    assert values["tags"] == []
    values["title"] = "New"
    assert apply_form(doc, values) == "---\ntitle: New\ntags: 5\n---\nbody"
