"""Writing a text as one YAML scalar that the project's reader takes back as the same text.

PyYAML (YAML 1.1, what :mod:`~kb_assistant.core.articles.frontmatter` reads with)
and ruamel.yaml (YAML 1.2, what the front matter editor writes with) disagree on
plain scalars such as ``yes``, ``1:20`` or ``0o7``. :func:`scalar_style` is the
one decision how a text must be written; the ruamel document builds its nodes
with it, and :func:`yaml_text` writes it out for what stays line-based (the
new-article template, the ``_kb.yml`` learning-path rewrite).
"""

from __future__ import annotations

import re

import yaml as pyyaml

_LINE_BREAKS = re.compile("[\n\r\x85\u2028\u2029]")
# what a YAML stream may not hold raw (PyYAML's reader refuses it): written as an escape
_NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_PYYAML_LOADER = getattr(pyyaml, "CSafeLoader", pyyaml.SafeLoader)
_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}


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
