"""The editor's front matter form over a :class:`~kb_assistant.core.articles.frontmatter_edit.FrontMatterDocument`.

The form shows a fixed set of keys (:data:`FORM_FIELDS`) as plain values (texts,
lists, a date, a number of days, a mapping of translations); :func:`normalise_value`
is the canonical form of each key's value, which the document stores and compares.
Only the fields the user changed are written back (:func:`apply_form`), so a value
the form cannot show survives an edit of the others.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from kb_assistant.core.articles import frontmatter as fm
from kb_assistant.core.errors import FrontMatterValueError
from kb_assistant.core.messages import short_value

if TYPE_CHECKING:  # the document imports normalise_value from here
    from kb_assistant.core.articles.frontmatter_edit import FrontMatterDocument

FORM_FIELDS = (
    "title", "tags", "product", "lang", "owner", "questions", "reviewed", "review_every",
    "translations",
)
"""The keys the editor's front matter form shows, in form order."""

_TEXT_KEYS = frozenset({"id", "title", "lang", "product", "owner", "category", "type"})
_LIST_KEYS = frozenset({"tags", "questions"})


def normalise_value(key: str, value: Any) -> Any:
    """Return ``value`` in the canonical form :meth:`FrontMatterDocument.set` stores.

    None means "remove the key".

    Raises:
        FrontMatterValueError: (a TypeError and a ValueError) for a value of the wrong
            type for a known key, an impossible date or a review interval below 1.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if key in _TEXT_KEYS:
        if not isinstance(value, str):
            raise FrontMatterValueError("value-not-text", key=key, type=type(value).__name__)
        return value.strip()
    if key in _LIST_KEYS:
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
            raise FrontMatterValueError("value-not-list", key=key)
        items = [str(item).strip() for item in value if item is not None and str(item).strip()]
        return items or None
    if key == "translations":
        if not isinstance(value, Mapping):
            raise FrontMatterValueError("value-not-translations", key=key)
        pairs = {str(k).strip(): str(v).strip() for k, v in value.items() if v and str(v).strip()}
        return pairs or None
    if key == "reviewed":
        try:
            return fm.as_date(value)
        except ValueError:
            raise FrontMatterValueError("value-not-date", key=key, value=short_value(value)) from None
    if key == "review_every":
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int):
            raise FrontMatterValueError("value-not-days", key=key)
        if value < 1:
            raise FrontMatterValueError("value-days-below-one", key=key)
        return value
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, (list, tuple, Mapping)) and not value:
        return None
    return value


def form_values(doc: FrontMatterDocument) -> dict[str, Any]:
    """The values of :data:`FORM_FIELDS` as the form shows them.

    Texts are "" when missing, lists ``[]``, ``reviewed`` a date or None,
    ``review_every`` an int or None, ``translations`` a dict. A value of the wrong
    type shows as empty (``kb-assistant check`` reports it).
    """
    values: dict[str, Any] = {}
    for key in FORM_FIELDS:
        raw = doc.get(key)
        if key in _LIST_KEYS:
            values[key] = fm.as_text_list(raw) or []
        elif key == "translations":
            ok = isinstance(raw, dict)
            values[key] = {str(k): str(v) for k, v in raw.items() if v is not None} if ok else {}
        elif key == "reviewed":
            try:
                values[key] = None if raw is None else fm.as_date(raw)
            except ValueError:
                values[key] = None
        elif key == "review_every":
            values[key] = raw if isinstance(raw, int) and not isinstance(raw, bool) else None
        else:
            values[key] = fm.as_text(raw) or ""
    return values


def apply_form(doc: FrontMatterDocument, values: Mapping[str, Any]) -> str:
    """Set the form's ``values`` on ``doc`` and return the whole article text.

    Only fields that differ from what the form showed (:func:`form_values`) are
    set, so a value the form cannot show (a wrong type) is kept unless edited.

    Raises:
        FrontMatterBroken: when a field changed and the block is not valid YAML.
    """
    shown = form_values(doc)
    for key in FORM_FIELDS:
        if key in values:
            new = normalise_value(key, values[key])
            if not same_value(new, normalise_value(key, shown[key])):
                doc.set(key, values[key])
    return doc.to_text()


def same_value(a: Any, b: Any) -> bool:
    """Equality that tells 1 from True and a date from a datetime."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b
