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
as ``yes``, ``1:20`` or ``2026-01-01`` is quoted (:mod:`~kb_assistant.core.articles.yaml_scalar`
decides how). The values of known keys take their canonical form from
:mod:`~kb_assistant.core.articles.frontmatter_form`, the editor's form over this document.
"""

from __future__ import annotations

import io
import re
from collections.abc import Mapping
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.reader import ReaderError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, SingleQuotedScalarString

from kb_assistant.core.articles.fence import damaged_opening
from kb_assistant.core.articles.frontmatter_form import normalise_value, same_value
from kb_assistant.core.articles.yaml_scalar import scalar_style
from kb_assistant.core.articles.frontmatter import MAX_NESTING, MAX_VALUES, not_a_mapping, oversized_key, yaml_error
from kb_assistant.core.errors import FrontMatterBroken
from kb_assistant.core.messages import Message, clip, short_value

_FLOW_BY_DEFAULT = frozenset({"tags", "translations"})
_CLOSERS = ("---", "...")
_ODD_BREAKS = re.compile("[\r\x85\u2028\u2029]")
_FLOW_BRACKET = re.compile(r"[\[\]{}]")


class FrontMatterDocument:
    """An article's text split into an editable front matter mapping and an untouched body.

    Build one with :meth:`parse`. Reading never raises: broken YAML is reported in
    :attr:`error` / :attr:`error_line`, and then every edit raises
    :class:`FrontMatterBroken` so the text is never destroyed.

    Attributes:
        error: why the block cannot be edited (a code and its values), else None.
        error_line: the 1-based line of the article where the problem is, when known.
        body: the text after the front matter block, exactly as in the article.
        present: whether the article has a front matter block.
        opening_damaged: the line of the closing ``---`` when the opening one is damaged
            (:func:`~kb_assistant.core.articles.fence.damaged_opening`; then :attr:`error` is set too), else None.
    """

    def __init__(self, text: str) -> None:
        """Split ``text``; prefer :meth:`parse`, which says what it does."""
        self.error: Message | None = None
        self.error_line: int | None = None
        self.opening_damaged: int | None = None
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
            self.opening_damaged = damaged_opening(text)
            if self.opening_damaged:  # an edit would add a second block above the damaged one
                self._broken(Message("front-matter-yaml-at", {"line": 1, "problem": "line 1 must be '---'"}), 1)
            return
        self.present = True
        closing = next((i for i in range(1, len(lines)) if lines[i].rstrip() in _CLOSERS), None)
        if closing is None:
            self._broken(Message("front-matter-unclosed"), 1)
            return
        self._newline = "\r\n" if lines[0].endswith("\r") else "\n"
        self._prefix = lines[0] + "\n"
        self._yaml_raw = "".join(line + "\n" for line in lines[1:closing])
        self._closer = lines[closing] + ("\n" if closing < len(lines) - 1 else "")
        self.body = "\n".join(lines[closing + 1:])
        self._load(self._yaml_raw.replace("\r\n", "\n"))

    def _broken(self, message: Message, line: int | None) -> None:
        self.error, self.error_line = message, line

    def _load(self, yaml_text: str) -> None:
        lines = _split_lines(yaml_text)
        self._indent = _guess_indent(lines)
        if _flow_depth(yaml_text) > MAX_NESTING:
            # ruamel.yaml recurses per level: 1,000 nested "[" take it seconds to refuse
            self._broken(Message("front-matter-too-deep", {"depth": MAX_NESTING}), 2)
            return
        try:
            data = _yaml(self._indent).load(yaml_text)
        except MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line = 2 + mark.line if mark is not None else 2
            self._broken(yaml_error(exc.problem or exc.context or "", line), line)
            return
        except ReaderError as exc:  # a control character: no mark, only a position
            line = 2 + yaml_text.count("\n", 0, exc.position)
            self._broken(Message("front-matter-character", {"line": line, "char": short_value(exc.character)}), line)
            return
        except (YAMLError, ValueError, TypeError, OverflowError, RecursionError) as exc:
            self._broken(yaml_error(str(exc) or type(exc).__name__), 2)  # e.g. 2026-13-45
            return
        if data is None:
            self._header = lines
            return
        if not isinstance(data, CommentedMap):
            self._broken(not_a_mapping(data), 2)
            return
        too_big = oversized_key(data, MAX_VALUES)
        if too_big is not None:  # an alias bomb: the form, _plain and every comparison would expand it
            self._broken(Message("front-matter-too-big", {"key": clip(str(too_big), 60), "limit": MAX_VALUES,
                                                          "depth": MAX_NESTING}), 2)
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
        return any(not same_value(_plain(v), self._original[k]) for k, v in self._data.items())

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
            FrontMatterValueError: (a TypeError and a ValueError) for a value of the wrong
                type for a known key, an impossible date or a review interval below 1.
        """
        if self.error:
            raise FrontMatterBroken("front-matter-broken", reason=self.error, line=self.error_line or 0)
        new = normalise_value(key, value)
        old = self._data.get(key)
        if new is None:
            self._data.pop(key, None)
        elif key not in self._data and first:
            self._data.insert(0, key, _to_node(new, None, key in _FLOW_BY_DEFAULT))
        elif key not in self._data or not same_value(_plain(old), new):
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
            raise FrontMatterBroken("front-matter-not-rewritable")
        return text.replace("\n", self._newline) if self._newline != "\n" else text

    def _spliced(self) -> str | None:
        """Original blocks of unchanged keys, freshly written blocks of changed ones."""
        changed = [
            key for key in self._data
            if key not in self._blocks or not same_value(_plain(self._data[key]), self._original[key])
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


def _flow_depth(text: str) -> int:
    """How deeply ``[``/``{`` nest in ``text`` (quotes not told apart: a guard, counted up to the limit)."""
    depth = deepest = 0
    for match in _FLOW_BRACKET.finditer(text):
        depth = depth + 1 if match.group() in "[{" else max(0, depth - 1)
        if depth > deepest:
            deepest = depth
            if deepest > MAX_NESTING:
                break
    return deepest


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
    return same_value(_plain(loaded if loaded is not None else {}), _plain(data))


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


