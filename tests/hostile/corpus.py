"""The hostile cases, generated (never committed as files): what each is, and what must hold after it.

Every case is a small KB: ``good.md`` (searchable as :data:`GOOD_WORD`, with a
reply) beside the hostile files. Sizes are the smallest that showed each
problem on the code before issue 16 (a few thousand repetitions), so the whole
corpus stays quick on fixed code and a regression still overruns its time.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

GOOD_WORD = "zanzibar"
"""A word only the good article holds: searching it must find ``good``."""
HIDDEN_WORD = "quetzalcoatl"
"""A word only files outside the KB hold: no search may ever find it."""

GOOD_ARTICLE = (
    "---\nid: good\ntitle: Good article\ntags: [refund]\nreviewed: 2026-01-01\nreview_every: 90\n---\n"
    f"# Good article\n\nThe {GOOD_WORD} refund arrives in three days.\n\n"
    f"## Reply: Refund\nHello {{{{customer_name|there}}}}, your {GOOD_WORD} refund is on its way.\n"
)


@dataclass(frozen=True)
class Link:
    """A symbolic link; ``target`` starts with ``@outside/`` (beside the KB), ``@kb/`` or is absolute."""

    target: str


@dataclass(frozen=True)
class Folder:
    """An empty folder (where a file is expected, for example)."""


@dataclass(frozen=True)
class ReadOnly:
    """A file with mode 0444."""

    content: str


@dataclass(frozen=True)
class Save:
    """A write the editor (or "Mark reviewed", or a rename) tries; ``expect`` is "saved" or an error code."""

    rel_path: str
    expect: str
    how: str = "save"  # "save" (the editor), "new" (a new article), "review" (Mark reviewed), "rename"
    text: str = f"# Saved\n\nNew text, {GOOD_WORD}.\n"
    new_path: str = ""  # for "rename"


Content = bytes | str | Link | Folder | ReadOnly


@dataclass(frozen=True)
class Case:
    """One hostile input and what must hold after it.

    Attributes:
        name: unique, readable (the test id).
        category: one of :data:`CATEGORIES`.
        files: the KB's files besides ``good.md`` (KB-relative paths).
        outside: files beside the KB (link targets); they must never be found or changed.
        settings: the bytes of ``settings.json``.
        drafts: bytes of extra autosave drafts (a valid one for ``good.md`` is always there).
        learning: the bytes of the learning progress file.
        queries: more searches (one line each).
        reply: an article whose first reply is rendered on every channel.
        saves: writes to try, with their expected outcome.
        codes: problem codes someone must report (check, or the settings, drafts, learning readers).
        settings_expect: settings values that must be read from ``settings``.
    """

    name: str
    category: str
    files: Mapping[str, Content] = field(default_factory=dict)
    outside: Mapping[str, bytes | str] = field(default_factory=dict)
    settings: bytes | None = None
    drafts: tuple[bytes, ...] = ()
    learning: bytes | None = None
    queries: tuple[str, ...] = ()
    reply: str = ""
    saves: tuple[Save, ...] = ()
    codes: tuple[str, ...] = ()
    settings_expect: Mapping[str, object] = field(default_factory=dict)


CATEGORIES = ("front-matter", "patterns", "kb-yml", "json", "links", "encodings", "queries", "saves")


def article(front: str, body: str = "Body text.") -> str:
    """An article with front matter lines ``front`` (without fences)."""
    return f"---\n{front}\n---\n# Hostile\n\n{body}\n"


def alias_bomb(key: str, levels: int = 9) -> str:
    """Front matter where ``key`` stands for 9**levels items in well under a kilobyte."""
    lines = ["l0: &l0 [x, x, x, x, x, x, x, x, x]"]
    for number in range(1, levels):
        lines.append(f"l{number}: &l{number} [" + ", ".join([f"*l{number - 1}"] * 9) + "]")
    lines.append(f"{key}: *l{levels - 1}")
    return "\n".join(lines)


def nested(depth: int) -> str:
    """A YAML flow list nested ``depth`` deep."""
    return "[" * depth + "x" + "]" * depth


KNOWN_KEYS = ("id", "title", "lang", "product", "tags", "questions", "translations", "owner",
              "reviewed", "review_every", "type", "category", "placeholders")


def front_matter_cases() -> Iterator[Case]:
    """Finding 2 and 4 and their neighbours: values that overflow, bombs and nesting in every key."""
    for name, front in {
        "review-end-of-calendar": "reviewed: 9999-12-31\nreview_every: 1",
        "review-every-3000000": "reviewed: 2026-01-01\nreview_every: 3000000",
        "review-every-10e30": "reviewed: 2026-01-01\nreview_every: 1000000000000000000000000000000",
        "review-start-of-calendar": "reviewed: 0001-01-01\nreview_every: 1",
        "review-every-negative": "reviewed: 2026-01-01\nreview_every: -5",
        "review-every-float": "reviewed: 2026-01-01\nreview_every: 1.5e308",
        "reviewed-impossible-date": "reviewed: 2026-13-45",
        "reviewed-year-99999": "reviewed: '99999-01-01'\nreview_every: 1",
        "reviewed-datetime-end": "reviewed: 9999-12-31 23:59:59\nreview_every: 1",
    }.items():
        yield Case(name, "front-matter", {"bad.md": article(front)}, reply="good")
    for key in (*KNOWN_KEYS, "unknown_key"):
        yield Case(f"bomb-{key}", "front-matter", {"bad.md": article(alias_bomb(key))},
                   codes=("front-matter-too-big",))
    yield Case("bomb-recursive", "front-matter", {"bad.md": article("tags: &a [*a]")},
               codes=("front-matter-too-big",))
    yield Case("nested-40", "front-matter", {"bad.md": article(f"extra: {nested(40)}")},
               codes=("front-matter-too-big",))
    yield Case("nested-100000", "front-matter", {"bad.md": article(f"tags: {nested(100_000)}")},
               codes=("front-matter-yaml",))
    wrong = {"list": "[a, [b]]", "mapping": "{a: {b: c}}", "number": "12345678901234567890", "bool": "yes"}
    for kind, value in wrong.items():
        front = "\n".join(f"{key}: {value}" for key in KNOWN_KEYS)
        yield Case(f"wrong-types-{kind}", "front-matter", {"bad.md": article(front)})
    yield Case("front-matter-300kb-value", "front-matter", {"bad.md": article("title: " + "t" * 300_000)})
    yield Case("front-matter-2000-keys", "front-matter",
               {"bad.md": article("\n".join(f"k{number}: v" for number in range(2000)))})
    yield Case("front-matter-6000-keys", "front-matter",
               {"bad.md": article("\n".join(f"k{number}: v" for number in range(6000)))},
               codes=("front-matter-too-big",))


PATTERNS = {
    "close-open": "](" * 8000,
    "image-open": "![" * 4000,
    "link-open": "[x](" * 4000,
    "brackets": "[" * 4000,
    "nested-brackets": "[" * 2000 + "]" * 2000,
    "link-unclosed-title": '[x]("' * 3000 + ")",
    "braces-closed": "{{" * 4000 + "}}",
    "brace-names": "{{a" * 3000,
    "wiki-open": "[[a" * 3000,
    "backticks": "`" * 8000,
    "stars": "*a" * 4000,
    "underscores": "_a" * 4000,
    "tags-unclosed": "<a " * 4000,
    "comments-unclosed": "<!--" * 2000,
    "cdata-unclosed": "<![CDATA[ " * 1500,
    "entities": "&#" * 4000,
    "pipes": "|" * 8000,
    "parens": "(" * 8000,
    "backslashes": "\\" * 8000,
    "setext-lines": "=\n" * 6000,
    "heading-lines": "#\n" * 6000,
    "dash-lines": "-\n" * 6000,
    "list-nesting": "1. " * 3000,
    "quote-nesting": "> " * 3000,
    "table-rows": "|a|b|\n" * 3000,
}


def pattern_cases() -> Iterator[Case]:
    """Finding 3 and its neighbours: each run in a body, a reply, a snippet, a quiz and a title."""
    for name, run in PATTERNS.items():
        line = run.replace("\n", " ")
        files = {
            "bad.md": f"# Hostile {name}\n\n{run}\n\n## Reply: Hostile\n{run}\n\n## Quiz\n\n1. {line}\n   - [x] {line}\n",
            "snippets/bad.md": f"---\ntype: snippet\n---\n# Snippet\n\n{run}\n",
            "title.md": f"# {line}\n\nText.\n",
        }
        yield Case(f"run-{name}", "patterns", files, reply="bad", queries=(line[:2000],))


def kb_yml_cases() -> Iterator[Case]:
    """``_kb.yml``: bombs in each key, a folder, a link out of the KB, too large, deep, not text."""
    for key in ("synonyms", "paths", "placeholders", "name", "default_lang"):
        yield Case(f"kb-yml-bomb-{key}", "kb-yml", {"_kb.yml": alias_bomb(key)}, codes=("kb-config-too-big",))
    yield Case("kb-yml-bomb-synonym-group", "kb-yml",
               {"_kb.yml": alias_bomb("x") + "\nsynonyms: [*l8, [refund, money back]]"}, codes=("kb-config-too-big",))
    yield Case("kb-yml-folder", "kb-yml", {"_kb.yml": Folder()}, codes=("kb-config-not-file",))
    yield Case("kb-yml-link-out", "kb-yml", {"_kb.yml": Link("@outside/kb.yml")},
               outside={"kb.yml": f"name: {HIDDEN_WORD}\nsynonyms: [[zanzibar, {HIDDEN_WORD}]]\n"},
               codes=("symlink-outside-kb",))
    yield Case("kb-yml-too-large", "kb-yml", {"_kb.yml": "name: x\n" + "# c\n" * 1_100_000}, codes=("too-large",))
    yield Case("kb-yml-nested", "kb-yml", {"_kb.yml": f"synonyms: {nested(100_000)}"}, codes=("kb-config-yaml",))
    yield Case("kb-yml-binary", "kb-yml", {"_kb.yml": b"name: x\n\x00\x01"}, codes=("kb-config-unreadable",))


def _utf16(text: str) -> bytes:
    return codecs.BOM_UTF16_LE + text.encode("utf-16-le")


DEEP_JSON = b"[" * 100_000 + b"]" * 100_000
LONG_NUMBER = b'{"version": 1, "counter": ' + b"9" * 5000 + b"}"
BAD_JSON = {
    "not-utf8": b'{"agent_name": "\xff\xfe\xfa"}',
    "deep": DEEP_JSON,
    "long-number": LONG_NUMBER,
    "nan": b'{"version": 1, "counter": NaN}',
    "not-object": b'"just text"',
    "huge": b'{"agent_name": "' + b"x" * (2 * 1024 * 1024) + b'"}',
    "truncated": b'{"agent_name": "Ann',
}


def json_cases() -> Iterator[Case]:
    """Findings 6 and 7: settings, drafts, learning state and title sidecars, each broken every way."""
    for name, data in BAD_JSON.items():
        yield Case(f"settings-{name}", "json", settings=data, reply="good",
                   codes=() if name == "not-object" else ("settings-",))
        yield Case(f"draft-{name}", "json", drafts=(data,), codes=("autosave-corrupt",))
        yield Case(f"learning-{name}", "json", learning=data, codes=("learning-moved-aside",))
        yield Case(f"sidecar-{name}", "json", {"exported.md": "Plain text without a heading.\n",
                                               "exported.meta.json": data})
    yield Case("settings-utf16-bom", "json", settings=_utf16('{"agent_name": "Zoe"}'), reply="good",
               settings_expect={"agent_name": "Zoe"})
    yield Case("settings-utf8-bom", "json", settings=codecs.BOM_UTF8 + b'{"company": "Shopwave"}',
               settings_expect={"company": "Shopwave"})
    yield Case("settings-channel-fax", "json", settings=b'{"default_channel": "fax", "agent_name": "Ann"}',
               reply="good", codes=("settings-values-ignored",),
               settings_expect={"default_channel": "email", "agent_name": "Ann"})
    yield Case("settings-font-huge", "json", settings=b'{"font_size": 100000000}', codes=("settings-values-ignored",),
               settings_expect={"font_size": 0})
    yield Case("settings-folder", "json", settings=None, files={}, codes=("settings-unreadable",))
    yield Case("sidecar-title-used", "json", {"exported.md": f"The {GOOD_WORD} export.\n",
                                              "exported.meta.json": '{"title": "Exported title"}'})


def link_cases() -> Iterator[Case]:
    """Finding 8: links out of the KB are skipped everywhere, links inside keep working."""
    secret = f"# Secret\n\n{HIDDEN_WORD} aws_secret_access_key = abc\n"
    yield Case("link-file-out", "links", {"notes.md": Link("@outside/credentials")},
               outside={"credentials": secret}, codes=("symlink-outside-kb",), queries=(HIDDEN_WORD,))
    yield Case("link-folder-out", "links", {"etc": Link("@outside/etc")}, outside={"etc/passwd.md": secret},
               codes=("symlink-outside-kb",), queries=(HIDDEN_WORD,))
    yield Case("link-folder-root", "links", {"root": Link("/")}, codes=("symlink-outside-kb",))
    yield Case("link-sidecar-out", "links", {"exported.md": "No heading here.\n",
                                             "exported.meta.json": Link("@outside/meta.json")},
               outside={"meta.json": f'{{"title": "{HIDDEN_WORD}"}}'}, codes=("symlink-outside-kb",),
               queries=(HIDDEN_WORD,))
    yield Case("link-inside", "links", {"v2/guide.md": f"# Guide\n\nThe {GOOD_WORD} guide.\n",
                                        "latest.md": Link("@kb/v2/guide.md")})
    yield Case("link-folder-inside", "links", {"v2/guide.md": "# Guide\n\nText.\n", "current": Link("@kb/v2")})
    yield Case("link-loop", "links", {"sub/loop": Link("@kb/sub"), "sub/a.md": "# A\n\nText.\n"},
               codes=("symlink-loop",))
    yield Case("link-chain-out", "links", {"a.md": Link("@kb/b.md"), "b.md": Link("@outside/credentials")},
               outside={"credentials": secret}, codes=("symlink-outside-kb",), queries=(HIDDEN_WORD,))
    yield Case("link-broken", "links", {"gone.md": Link("@kb/missing.md")}, codes=("broken-symlink",))
    yield Case("link-save-through", "saves", {"notes.md": Link("@outside/credentials")},
               outside={"credentials": secret}, saves=(Save("notes.md", "write-outside-kb"),
                                                       Save("notes.md", "read-outside-kb", how="review")))
    yield Case("link-new-file-in-folder-out", "saves", {"etc": Link("@outside/etc")},
               outside={"etc/passwd.md": secret}, saves=(Save("etc/new.md", "write-outside-kb", how="new"),))
    yield Case("link-rename-into-folder-out", "saves", {"etc": Link("@outside/etc"), "a.md": "# A\n\nText.\n"},
               outside={"etc/passwd.md": secret},
               saves=(Save("a.md", "rename-path-outside", how="rename", new_path="etc/a.md"),))
    yield Case("link-save-inside", "saves", {"v2/guide.md": "# Guide\n\nText.\n", "latest.md": Link("@kb/v2/guide.md")},
               saves=(Save("latest.md", "saved"),))


def encoding_cases() -> Iterator[Case]:
    """Finding 11 and its neighbours: binary late in a file, a BOM with bad bytes, other encodings, sizes."""
    yield Case("nul-after-8k", "encodings", {"bad.md": b"# Looks like text\n\n" + b"a" * 9000 + b"\x00\x01\x02"},
               codes=("undecodable",))
    yield Case("bom-then-invalid", "encodings", {"bad.md": codecs.BOM_UTF8 + "# Заголовок\n\n".encode("cp1251")},
               codes=("cp1251",))
    yield Case("cp1251", "encodings", {"bad.md": "# Возврат\n\nДеньги вернутся.\n".encode("cp1251")}, codes=("cp1251",))
    yield Case("utf16-odd-length", "encodings", {"bad.md": codecs.BOM_UTF16_LE + b"#\x00 \x00T"},
               codes=("undecodable",))
    yield Case("utf16-ok", "encodings", {"bad.md": _utf16("# Wide\n\nText.\n")})
    yield Case("empty", "encodings", {"bad.md": b""}, codes=("empty",))
    yield Case("too-large", "encodings", {"bad.md": b"# Big\n\n" + b"word " * 900_000}, codes=("too-large",))
    yield Case("png", "encodings", {"bad.md": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4}, codes=("undecodable",))
    yield Case("undecodable-name", "encodings", {b"\xff\xfe.md".decode("utf-8", "surrogateescape"): "# Name\n\nText.\n"},
               codes=("undecodable-name",))
    yield Case("control-characters", "encodings", {"bad.md": "# C\n\n" + "".join(map(chr, range(1, 32))) * 200})
    yield Case("cr-only", "encodings", {"bad.md": b"# Old Mac\r\rText\r" * 2000})


def query_cases() -> Iterator[Case]:
    """Finding 11: user text never raises and never hangs."""
    yield Case("query-100kb-word", "queries", queries=("a" * 100_000, "z" * 100_000 + " " + GOOD_WORD))
    yield Case("query-many-words", "queries", queries=(" ".join(["refund"] * 20_000), "x," * 50_000))
    yield Case("query-operators", "queries", queries=('"AND" OR NOT * ? ( ) [ ] { } ~ ^ : \\ /', "--" * 1000))
    yield Case("query-control", "queries", queries=("\x00\x01\x1b[2J" * 100, "\ufeff\u200b\u202e" * 500))
    yield Case("query-surrogates", "queries", queries=("\udcff\udcfe refund",))


def save_cases() -> Iterator[Case]:
    """Finding 10: read-only files are refused, never replaced; long names save."""
    yield Case("save-read-only", "saves", {"locked.md": ReadOnly("# Locked\n\nText.\n")},
               saves=(Save("locked.md", "file-read-only"), Save("locked.md", "file-read-only", how="review")))
    long_name = "ы" * 122 + ".md"  # 244 + 3 bytes: the old temporary name passed 255
    yield Case("save-long-name", "saves", {long_name: "# Long\n\nText.\n"}, saves=(Save(long_name, "saved"),))
    yield Case("save-new-long-name", "saves", saves=(Save("a" * 250 + ".md", "saved", how="new"),))


def all_cases() -> list[Case]:
    """Every case, in a stable order (names are unique)."""
    cases = [*front_matter_cases(), *pattern_cases(), *kb_yml_cases(), *json_cases(), *link_cases(),
             *encoding_cases(), *query_cases(), *save_cases()]
    names = [case.name for case in cases]
    assert len(names) == len(set(names)), "case names must be unique"
    return cases
