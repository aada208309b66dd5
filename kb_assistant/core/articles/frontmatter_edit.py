"""Editing an article's YAML front matter without losing what the form does not show.

The editor's front matter form and the Markdown text are two views of one file.
:class:`FrontMatterDocument` reads the block with ruamel.yaml in round-trip mode,
so keys the form does not know, their order, comments and quoting all survive an
edit. Rendering is conservative on top of that: the YAML text of every top-level
key whose value did not change is copied from the original byte for byte, and the
body after the block is never touched. Only the keys that changed are written by
ruamel.yaml.

Values are written so that the project's own reader (PyYAML, YAML 1.1, see
:mod:`kb_assistant.core.articles.frontmatter`) reads back exactly what was set: a text such
as ``yes``, ``1:20`` or ``2026-01-01`` is quoted.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any

import yaml as pyyaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from kb_assistant.core.articles import frontmatter as fm
from kb_assistant.core.errors import KbError

FORM_FIELDS = (
    "title", "tags", "product", "lang", "owner", "questions", "reviewed", "review_every",
    "translations",
)
"""The keys the editor's front matter form shows, in form order."""

_TEXT_KEYS = frozenset({"id", "title", "lang", "product", "owner", "category", "type"})
_LIST_KEYS = frozenset({"tags", "questions"})
_FLOW_BY_DEFAULT = frozenset({"tags", "translations"})
_CLOSERS = ("---", "...")
_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")
_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")
# what a YAML stream may not hold raw (PyYAML's reader refuses it): written as an escape
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PYYAML_LOADER = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


class FrontMatterBroken(KbError):
    """The front matter is not valid YAML, so the form must not rewrite it."""

    code = "front-matter-broken"


class FrontMatterDocument:
    """An article's text split into an editable front matter mapping and an untouched body.

    Build one with :meth:`parse`. Reading never raises: broken YAML is reported in
    :attr:`error` / :attr:`error_line`, and then every edit raises
    :class:`FrontMatterBroken` so the text is never destroyed.

    Attributes:
        error: a readable message when the block cannot be edited, else "".
        error_line: the 1-based line of the article where the problem is, when known.
        body: the text after the front matter block, exactly as in the article.
        present: whether the article has a front matter block.
    """

    def __init__(self, text: str) -> None:
        """Split ``text``; prefer :meth:`parse`, which says what it does."""
        self.error = ""
        self.error_line: int | None = None
        self.present = False
        self._prefix = self._yaml_raw = self._closer = ""
        self.body = text
        self._newline = "\r\n" if "\r\n" in text else "\n"
        self._data = CommentedMap()
        self._header: list[str] = []
        self._blocks: dict[Any, list[str]] = {}
        self._original: dict[Any, Any] = {}
        self._spliceable = True
        self._indent = (2, 4, 2)
        self._split(text)

    @classmethod
    def parse(cls, text: str) -> FrontMatterDocument:
        """Read a whole article text (a block between a first ``---`` line and the next
        ``---`` or ``...`` line; no block means an empty one, created on the first set).
        """
        return cls(text)

    def _split(self, text: str) -> None:
        lines = text.split("\n")
        if lines[0].rstrip() != "---":
            return
        self.present = True
        closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS), None)
        if closing is None:
            self._broken("front matter starts with '---' but is never closed by a '---' line", 1)
            return
        self._newline = "\r\n" if lines[0].endswith("\r") else "\n"
        self._prefix = lines[0] + "\n"
        self._yaml_raw = "".join(line + "\n" for line in lines[1:closing])
        self._closer = lines[closing] + ("\n" if closing < len(lines) - 1 else "")
        self.body = "\n".join(lines[closing + 1:])
        self._load(self._yaml_raw.replace("\r\n", "\n"))

    def _broken(self, message: str, line: int | None) -> None:
        self.error, self.error_line = message, line

    def _load(self, yaml_text: str) -> None:
        lines = _split_lines(yaml_text)
        self._indent = _guess_indent(lines)
        try:
            data = _yaml(self._indent).load(yaml_text)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = 2 + mark.line if mark is not None else 2
            problem = exc.problem or exc.context or "invalid YAML"
            self._broken(f"front matter is not valid YAML at line {line}: {problem}", line)
            return
        except ReaderError as exc:  # a control character: no mark, only a position
            line = 2 + yaml_text.count("\n", 0, exc.position)
            self._broken(f"front matter is not valid YAML at line {line}: "
                         f"character {exc.character!r} is not allowed", line)
            return
        except (YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
            self._broken(f"front matter is not valid YAML: {exc}", 2)  # e.g. 2026-13-45
            return
        if data is None:
            self._header = lines
            return
        if not isinstance(data, CommentedMap):
            kind = "a list" if isinstance(data, list) else "text"
            self._broken(f"front matter must be a mapping of keys to values, not {kind}", 2)
            return
        self._data = data
        self._original = {key: _plain(value) for key, value in data.items()}
        starts = _key_lines(data, yaml_text)
        if starts is None:
            self._spliceable = False
            return
        self._header = lines[: starts[0][1]] if starts else lines
        for (key, start), (_, end) in zip(starts, starts[1:] + [(None, len(lines))]):
            self._blocks[key] = lines[start:end]

    # -- reading -------------------------------------------------------------------

    def keys(self) -> list[str]:
        """The top-level keys in file order."""
        return [str(key) for key in self._data]

    def __contains__(self, key: object) -> bool:
        return key in self._data

    def get(self, key: str, default: Any = None) -> Any:
        """Return the value of ``key`` as plain Python (str, int, date, list, dict ...)."""
        if key not in self._data:
            return default
        return _plain(self._data[key])

    @property
    def modified(self) -> bool:
        """Whether any key differs from the text the document was parsed from."""
        if list(self._data) != list(self._original):
            return True
        return any(not _same(_plain(v), self._original[k]) for k, v in self._data.items())

    # -- editing -------------------------------------------------------------------

    def set(self, key: str, value: Any, *, first: bool = False) -> None:
        """Set ``key`` to ``value``; None, "" or an empty list or mapping removes it.

        A key not in the block yet goes last, or first with ``first=True``
        (``id`` reads best at the top).

        Known keys take their documented types: text for ``title``, ``product``,
        ``lang``, ``owner`` ...; a list of texts for ``tags`` and ``questions``; a
        mapping of language to article id for ``translations``; a date (or an ISO
        ``YYYY-MM-DD`` text) for ``reviewed``; a whole number of days above 0 for
        ``review_every``. Texts are stripped. Other keys take any YAML value.

        Raises:
            FrontMatterBroken: when the block is not valid YAML.
            TypeError: for a value of the wrong type for a known key.
            ValueError: for an impossible date or a review interval below 1.
        """
        if self.error:
            raise FrontMatterBroken(self.error, line=self.error_line)
        new = normalise_value(key, value)
        old = self._data.get(key)
        if new is None:
            self._data.pop(key, None)
        elif key not in self._data and first:
            self._data.insert(0, key, _to_node(new, None, key in _FLOW_BY_DEFAULT))
        elif key not in self._data or not _same(_plain(old), new):
            self._data[key] = _to_node(new, old, key in _FLOW_BY_DEFAULT)

    # -- writing -------------------------------------------------------------------

    def render(self, body_text: str | None = None) -> str:
        """Return the whole article: the front matter as edited, then the body.

        Args:
            body_text: the body to put after the block; the parsed body when None.

        Raises:
            FrontMatterBroken: in the rare block (odd keys, raw line separators) that
                ruamel.yaml cannot rewrite so that it reads back as the edited values.
                The text is never written wrong; an unedited document never raises.
        """
        body = self.body if body_text is None else body_text
        if not self.present and not self._data:
            return body
        if not self.present:
            newline = self._newline
            return f"---{newline}{self._render_yaml()}---{newline}{body}"
        closer = self._closer
        if body and closer and not closer.endswith("\n"):
            closer += self._newline
        return self._prefix + self._render_yaml() + closer + body

    def to_text(self) -> str:
        """Return the whole article text with the parsed body (same as ``render()``).

        Raises:
            FrontMatterBroken: see :meth:`render`.
        """
        return self.render()

    def _render_yaml(self) -> str:
        """The YAML between the fences: the original where unchanged, else spliced or dumped.

        Raises:
            FrontMatterBroken: when the result would not read back as the edited values
                (a ruamel.yaml limit met in an unusual block); nothing is written then.
        """
        if not self.modified:
            return self._yaml_raw
        text = self._spliced() if self._spliceable else None
        if text is None or not _reads_back(text, self._data):
            text = _dump(self._data, self._indent)
        if not _reads_back(text, self._data):
            raise FrontMatterBroken(
                "the front matter cannot be rewritten without changing other keys; "
                "edit it in the text instead"
            )
        return text.replace("\n", self._newline) if self._newline != "\n" else text

    def _spliced(self) -> str | None:
        """Original blocks of unchanged keys, freshly written blocks of changed ones."""
        changed = [
            key for key in self._data
            if key not in self._blocks or not _same(_plain(self._data[key]), self._original[key])
        ]
        new_blocks: dict[Any, list[str]] | None = {}
        if changed:
            part = CommentedMap()
            for key in changed:  # only these are written: ruamel.yaml never sees the rest
                part[key] = self._data[key]
                if key in self._data.ca.items:
                    part.ca.items[key] = self._data.ca.items[key]
            new_blocks = _blocks_of(_dump(part, self._indent), self._indent)
        if new_blocks is None or set(new_blocks) != set(changed):
            return None
        order = {key: position for position, key in enumerate(self._data)}
        added = [key for key in self._data if key not in self._blocks]
        out = list(self._header)
        for key, block in self._blocks.items():
            while added and key in order and order[added[0]] < order[key]:
                out += new_blocks[added.pop(0)]  # a key inserted before this one
            if key not in self._data:
                out += _tail(block)  # comments after a removed key stay where they were
            elif key in new_blocks:
                out += _untailed(new_blocks[key]) + _tail(block)
            else:
                out += block
        for key in added:
            out += new_blocks[key]
        return "".join(out)


def normalise_value(key: str, value: Any) -> Any:
    """Return ``value`` in the canonical form :meth:`FrontMatterDocument.set` stores.

    None means "remove the key".

    Raises:
        TypeError: for a value of the wrong type for a known key.
        ValueError: for an impossible date or a review interval below 1.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if key in _TEXT_KEYS:
        if not isinstance(value, str):
            raise TypeError(f"'{key}' must be text, not {type(value).__name__}")
        return value.strip()
    if key in _LIST_KEYS:
        if isinstance(value, (str, bytes)) or not isinstance(value, (list, tuple)):
            raise TypeError(f"'{key}' must be a list of texts")
        items = [str(item).strip() for item in value if item is not None and str(item).strip()]
        return items or None
    if key == "translations":
        if not isinstance(value, Mapping):
            raise TypeError("'translations' must be a mapping of language to article id")
        pairs = {str(k).strip(): str(v).strip() for k, v in value.items() if v and str(v).strip()}
        return pairs or None
    if key == "reviewed":
        return fm.as_date(value)
    if key == "review_every":
        if isinstance(value, str) and value.strip().isdigit():
            value = int(value.strip())
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("'review_every' must be a whole number of days")
        if value < 1:
            raise ValueError("'review_every' must be at least 1 day")
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
            if not _same(new, normalise_value(key, shown[key])):
                doc.set(key, values[key])
    return doc.to_text()


# -- helpers -----------------------------------------------------------------------


def _yaml(indent: tuple[int, int, int]) -> YAML:
    handler = YAML()  # round-trip mode
    handler.preserve_quotes = True
    handler.width = 1_000_000  # never fold long titles or flow lists
    mapping, sequence, offset = indent
    handler.indent(mapping=mapping, sequence=sequence, offset=offset)
    return handler


def _dump(data: CommentedMap, indent: tuple[int, int, int]) -> str:
    stream = io.StringIO()
    _yaml(indent).dump(data, stream)
    return stream.getvalue()


def _guess_indent(lines: list[str]) -> tuple[int, int, int]:
    """(mapping, sequence, offset) indents as ruamel.yaml wants them, from the text."""
    offset = next((len(m.group(1)) for m in map(re.compile(r"( *)- ").match, lines) if m), 2)
    nested = re.compile(r"( +)[^\s#-]")
    mapping = next((len(m.group(1)) for m in map(nested.match, lines) if m), 2)
    return mapping, offset + 2, offset


def _split_lines(text: str) -> list[str]:
    """Lines with their ends, split at "\\n" only (``str.splitlines`` also splits at \\f ...)."""
    parts = text.split("\n")
    return [part + "\n" for part in parts[:-1]] + ([parts[-1]] if parts[-1] else [])


def _key_lines(data: CommentedMap, text: str) -> list[tuple[Any, int]] | None:
    """Top-level keys with their 0-based lines, or None when the text cannot be spliced.

    The YAML reader also counts a lone \\r, NEL and the Unicode line and paragraph
    separators as line ends; a text with any of them is rewritten whole instead.
    """
    if data.fa.flow_style() or getattr(data, "merge", None) or _ODD_BREAKS.search(text):
        return None
    starts = []
    for key in data:
        position = data.lc.data.get(key)
        if position is None or position[1] != 0:
            return None
        starts.append((key, position[0]))
    lines = [line for _, line in starts]
    return starts if lines == sorted(set(lines)) else None


def _blocks_of(text: str, indent: tuple[int, int, int]) -> dict[Any, list[str]] | None:
    try:
        data = _yaml(indent).load(text)
    except (YAMLError, ValueError):
        return None
    starts = _key_lines(data, text) if isinstance(data, CommentedMap) else None
    if starts is None:
        return None
    lines = _split_lines(text)
    ends = [line for _, line in starts[1:]] + [len(lines)]
    return {key: lines[start:end] for (key, start), end in zip(starts, ends)}


def _reads_back(text: str, data: CommentedMap) -> bool:
    try:
        loaded = _yaml((2, 4, 2)).load(text)
    except (YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return False
    return _same(_plain(loaded if loaded is not None else {}), _plain(data))


def _is_separator(line: str) -> bool:
    return not line.strip() or line.startswith("#")


def _tail(block: list[str]) -> list[str]:
    """The blank and comment lines ending a key's block (they separate it from the next)."""
    index = len(block)
    while index > 1 and _is_separator(block[index - 1]):
        index -= 1
    return block[index:]


def _untailed(block: list[str]) -> list[str]:
    return block[: len(block) - len(_tail(block))]


def _plain(value: Any) -> Any:
    """A ruamel.yaml node as plain Python values."""
    if isinstance(value, Mapping):
        return {(str(k) if isinstance(k, str) else k): _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    if isinstance(value, str):
        return str(value)
    if isinstance(value, bool):
        return bool(value)
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return value


def _same(a: Any, b: Any) -> bool:
    """Equality that tells 1 from True and a date from a datetime."""
    if isinstance(a, dict) and isinstance(b, dict):
        return list(a) == list(b) and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return type(a) is type(b) and a == b


def _to_node(value: Any, old: Any, flow: bool) -> Any:
    """Build the ruamel.yaml node for ``value``, keeping the old node's style."""
    if isinstance(value, str):
        return _text_node(value, old)
    if isinstance(value, Mapping):
        node = CommentedMap()
        for key, item in value.items():
            previous = old.get(key) if isinstance(old, Mapping) else None
            node[_text_node(key, None) if isinstance(key, str) else key] = _to_node(item, previous, flow)
            if isinstance(old, CommentedMap) and key in old.ca.items:
                node.ca.items[key] = old.ca.items[key]  # "en: refund   # English" keeps its comment
        _set_flow(node, old, flow)
        return node
    if isinstance(value, (list, tuple)):
        # an item keeps the quoting it had wherever it was in the old list; new items get none
        olds = {str(item): item for item in old if isinstance(item, str)} if isinstance(old, list) else {}
        node = CommentedSeq(_to_node(item, olds.get(item), flow) for item in value)
        _set_flow(node, old, flow)
        return node
    return value


def _set_flow(node: CommentedMap | CommentedSeq, old: Any, flow: bool) -> None:
    if isinstance(old, (CommentedMap, CommentedSeq)):
        flow = bool(old.fa.flow_style())
    if flow:
        node.fa.set_flow_style()
    else:
        node.fa.set_block_style()


def _text_node(text: str, old: Any) -> str:
    """A text as a scalar PyYAML reads back as the same text, in the old quoting if any."""
    style = scalar_style(text)
    if style == "double":
        return DoubleQuotedScalarString(text)
    if isinstance(old, (SingleQuotedScalarString, DoubleQuotedScalarString)):
        return type(old)(text)
    return text if style == "plain" else SingleQuotedScalarString(text)


def scalar_style(text: str) -> str:
    """How a text must be written so that PyYAML reads it back as the same text.

    ``"plain"`` when it reads back unquoted, ``"single"`` when it needs quotes
    (``yes``, ``1:20``, ``a: b``, a leading space), ``"double"`` when only escapes
    can write it (a line break or a character YAML does not allow raw).
    """
    if _LINE_BREAKS.search(text) or _NOT_PRINTABLE.search(text):
        return "double"
    # a tab: libyaml reads "0<tab>0" as text, PyYAML's pure-Python reader refuses it
    return "plain" if "\t" not in text and _reads_as_text(text) else "single"


def yaml_text(text: str) -> str:
    """``text`` as the YAML of one scalar, for what is written line by line.

    The ruamel document writes its own scalars (with :func:`scalar_style`); this is
    for the rest: the new-article template and the ``_kb.yml`` learning-path
    rewrite. The result is valid as a mapping value, a flow list item and a
    flow mapping key, and PyYAML reads it back as ``text``.
    """
    style = scalar_style(text)
    if style == "plain":
        return text
    if style == "single":
        return "'" + text.replace("'", "''") + "'"
    return '"' + "".join(_ESCAPES.get(char) or _escaped(char) for char in text) + '"'


def _escaped(char: str) -> str:
    if not _NOT_PRINTABLE.match(char) and not _LINE_BREAKS.match(char):
        return char
    code = ord(char)
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def _reads_as_text(text: str) -> bool:
    """Whether PyYAML reads ``text`` written unquoted back as the same text.

    PyYAML speaks YAML 1.1 (``yes``, ``on``, ``1:20``, ``0o7`` are not texts there)
    and ruamel.yaml writes YAML 1.2, so each text is tried as a value, a flow list
    item and a flow mapping key, the places the form writes texts to. The reader
    is the one :mod:`~kb_assistant.core.articles.frontmatter` uses (libyaml's).
    """
    try:
        return (
            pyyaml.load(f"k: {text}", Loader=_PYYAML_LOADER) == {"k": text}  # noqa: S506 - a safe loader
            and pyyaml.load(f"[{text}]", Loader=_PYYAML_LOADER) == [text]  # noqa: S506
            and pyyaml.load(f"{{{text}: 1}}", Loader=_PYYAML_LOADER) == {text: 1}  # noqa: S506
        )
    except (pyyaml.YAMLError, ValueError, TypeError, OverflowError, RecursionError):
        return False
