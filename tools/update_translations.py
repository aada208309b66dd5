"""Extract, merge and compile the Qt Linguist translations of KB Assistant.

Usage::

    python tools/update_translations.py          # lupdate the .ts files, lrelease the .qm files
    python tools/update_translations.py --check  # exit 1 when anything is out of date

``pyside6-lupdate`` reads every ``.py`` file under ``kb_assistant/ui``,
``kb_assistant/app.py``, ``kb_assistant/core/messages.py``, ``messages_input.py``, ``messages_sync.py`` and ``labels.py``
(the templates of the core's error and problem codes, marked with ``QT_TRANSLATE_NOOP``) and merges the strings into ``resources/translations``:

* ``kb_assistant_ru.ts``: every string, translated into Russian;
* ``kb_assistant_en.ts``: plural (``%n``) strings only, since the source
  strings already are English and only their singular forms need writing.

``pyside6-lrelease`` then compiles them into ``kb_assistant/translations/*.qm``,
which ship in the package. Unfinished translations are left out of the ``.qm``
files (the English source shows instead of a stale guess).

After adding strings: run the tool, translate the new messages in Qt Linguist
(``pyside6-linguist resources/translations/kb_assistant_ru.ts``) or in an
editor, and run the tool again. ``--check`` changes nothing; it fails when
the sources hold strings the ``.ts`` files lack (or vice versa), when a
message is unfinished, or when a ``.qm`` file does not match its ``.ts``.
"""

from __future__ import annotations

import argparse
import ast
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS_DIR = ROOT / "resources" / "translations"
QM_DIR = ROOT / "kb_assistant" / "translations"
SOURCE_LANGUAGE = "en"
# language -> extra lupdate options
LANGUAGES: dict[str, list[str]] = {"ru": [], "en": ["-pluralonly"]}


class ToolMissing(RuntimeError):
    """pyside6-lupdate or pyside6-lrelease cannot be found."""


@dataclass(frozen=True)
class Message:
    """One message of a .ts file, without its source locations."""

    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    status: str  # "" when finished, else "unfinished", "obsolete" or "vanished"

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)

    @property
    def finished(self) -> bool:
        return self.status == "" and bool(self.translations) and all(t.strip() for t in self.translations)


def ts_path(language: str) -> Path:
    return TS_DIR / f"kb_assistant_{language}.ts"


def qm_path(language: str) -> Path:
    return QM_DIR / f"kb_assistant_{language}.qm"


def source_files(root: Path = ROOT) -> list[Path]:
    """Every file lupdate reads, relative to ``root``, in a stable order."""
    ui = sorted((root / "kb_assistant" / "ui").rglob("*.py"))
    core = root / "kb_assistant" / "core"
    extra = [root / "kb_assistant" / "app.py", core / "messages.py", core / "messages_input.py", core / "messages_sync.py",
             core / "labels.py"]
    return [path.relative_to(root) for path in [*ui, *extra]]


def find_tool(name: str) -> str:
    """The path of a PySide6 tool: next to this Python first (a venv), then on PATH."""
    bin_dir = Path(sys.executable).parent
    for candidate in (bin_dir / name, bin_dir / f"{name}.exe"):
        if candidate.is_file():
            return str(candidate)
    found = shutil.which(name)
    if found is None:
        raise ToolMissing(f"{name} not found; install PySide6 (it ships {name})")
    return found


def run_lupdate(lupdate: str, language: str, target: Path) -> None:
    """Merge the strings of the sources into ``target`` (created when missing)."""
    command = [
        lupdate,
        "-silent",
        "-no-obsolete",
        # relative line numbers: editing one function does not move every message below it
        "-locations", "relative",
        "-source-language", SOURCE_LANGUAGE,
        "-target-language", language,
        *LANGUAGES[language],
        *(str(path) for path in source_files()),
        "-ts", str(target),
    ]
    subprocess.run(command, cwd=ROOT, check=True)


def run_lrelease(lrelease: str, source: Path, target: Path) -> None:
    """Compile ``source`` (.ts) into ``target`` (.qm), leaving unfinished messages out."""
    target.parent.mkdir(parents=True, exist_ok=True)
    command = [lrelease, "-silent", "-nounfinished", str(source), "-qm", str(target)]
    subprocess.run(command, cwd=ROOT, check=True)


def read_messages(path: Path) -> list[Message]:
    """Parse a .ts file; an absent file holds no messages."""
    if not path.exists():
        return []
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                texts: tuple[str, ...] = ()
                status = "unfinished"
            else:
                forms = translation.findall("numerusform")
                texts = tuple(f.text or "" for f in forms) if forms else (translation.text or "",)
                status = translation.get("type", "")
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=message.get("numerus") == "yes",
                    translations=texts,
                    status=status,
                )
            )
    return messages


@dataclass(frozen=True)
class Call:
    """A ``tr()`` / ``translate()`` call found by reading the source with ``ast``."""

    where: str  # "path:line"
    context: str | None  # None when the context cannot be known statically
    source: str | None  # None when the text is not a literal
    plural: bool  # a count is passed
    code: str


def translation_calls(root: Path = ROOT) -> list[Call]:
    """Every ``tr(...)`` and ``QCoreApplication.translate(context, ...)`` call of the sources."""
    calls = []
    for rel in source_files(root):
        tree = ast.parse((root / rel).read_text(encoding="utf-8"), filename=str(rel))
        for cls, node in _calls_with_class(tree, None):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            args, keywords = node.args, {k.arg for k in node.keywords}
            if name == "tr" and args:
                context, text, count_at = cls, args[0], 2
            elif name == "translate" and len(args) >= 2 and _is_literal(args[0]):
                context, text, count_at = args[0].value, args[1], 3
            else:
                continue  # e.g. QPainter.translate(x, y)
            calls.append(
                Call(
                    where=f"{rel}:{node.lineno}",
                    context=context,
                    source=text.value if _is_literal(text) else None,
                    plural=len(args) > count_at or "n" in keywords,
                    code=ast.unparse(node),
                )
            )
    return calls


def _calls_with_class(node: ast.AST, cls: str | None):
    for child in ast.iter_child_nodes(node):
        inner = child.name if isinstance(child, ast.ClassDef) else cls
        if isinstance(child, ast.Call):
            yield cls, child
        yield from _calls_with_class(child, inner)


def _is_literal(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def extraction_gaps(messages: list[Message], root: Path = ROOT) -> list[str]:
    """Strings of the sources that lupdate missed or got wrong.

    PySide6's lupdate cannot see a text that is not a literal, silently skips a
    call whose count is an expression (``n + 1``), and marks
    ``QCoreApplication.translate(context, text, None, count)`` as plural only
    when the count is a number literal (``self.tr(text, "", count)`` works).
    """
    found = {(m.context, m.source): m for m in messages}
    gaps = []
    for call in translation_calls(root):
        if call.source is None:
            gaps.append(f"{call.where}: text is not a literal, lupdate cannot see it: {call.code}")
        elif call.context is not None and (call.context, call.source) not in found:
            gaps.append(f"{call.where}: lupdate skipped this call: {call.code}")
        elif call.context is not None and call.plural and "%n" in call.source:
            if not found[(call.context, call.source)].numerus:
                gaps.append(f"{call.where}: lupdate did not see the count, no plural forms: {call.code}")
    return gaps


def describe_unfinished(language: str, messages: list[Message]) -> list[str]:
    return [
        f"{language}: untranslated [{m.context}] {m.source!r}"
        for m in messages
        if not m.finished and m.status not in ("obsolete", "vanished")
    ]


def update() -> int:
    """Update the .ts files from the sources and compile them; report what needs translating."""
    lupdate, lrelease = find_tool("pyside6-lupdate"), find_tool("pyside6-lrelease")
    TS_DIR.mkdir(parents=True, exist_ok=True)
    todo = []
    for language in LANGUAGES:
        run_lupdate(lupdate, language, ts_path(language))
        messages = read_messages(ts_path(language))
        unfinished = describe_unfinished(language, messages)
        todo += unfinished
        run_lrelease(lrelease, ts_path(language), qm_path(language))
        print(f"{ts_path(language).relative_to(ROOT)}: {len(messages)} messages, {len(unfinished)} to translate")
    _warn(extraction_gaps(read_messages(ts_path("ru"))))
    for line in todo:
        print(line)
    return 0


def check(strict: bool = False) -> int:
    """Return 1 (and say why) when the .ts or .qm files are out of date; change nothing.

    Args:
        strict: also fail on strings lupdate cannot extract (see ``extraction_gaps``).
    """
    lupdate, lrelease = find_tool("pyside6-lupdate"), find_tool("pyside6-lrelease")
    problems: list[str] = []
    gaps: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        for language in LANGUAGES:
            committed = ts_path(language)
            rel = committed.relative_to(ROOT)
            if not committed.exists():
                problems.append(f"{rel} is missing")
                continue
            # run lupdate on a copy: what the file would become, without touching it
            updated = Path(tmp) / committed.name
            shutil.copyfile(committed, updated)
            run_lupdate(lupdate, language, updated)
            before = {m.key: m for m in read_messages(committed)}
            after = {m.key: m for m in read_messages(updated)}
            for key in after.keys() - before.keys():
                problems.append(f"{rel}: new string [{key[0]}] {key[1]!r}")
            for key in before.keys() - after.keys():
                problems.append(f"{rel}: string no longer in the sources [{key[0]}] {key[1]!r}")
            for key in after.keys() & before.keys():
                if after[key].numerus != before[key].numerus:
                    problems.append(f"{rel}: plural forms changed [{key[0]}] {key[1]!r}")
            problems += [f"{rel}: {line}" for line in describe_unfinished(language, list(before.values()))]
            compiled = Path(tmp) / f"{committed.stem}.qm"
            run_lrelease(lrelease, committed, compiled)
            installed = qm_path(language)
            if not installed.exists() or installed.read_bytes() != compiled.read_bytes():
                problems.append(f"{installed.relative_to(ROOT)} does not match {rel}")
            if language == "ru":
                gaps = extraction_gaps(list(after.values()))
    if strict:
        problems += gaps
    else:
        _warn(gaps)
    if problems:
        print("translations out of date; run tools/update_translations.py and translate:", file=sys.stderr)
        for line in problems:
            print(f"  {line}", file=sys.stderr)
        return 1
    print("translations up to date")
    return 0


def _warn(gaps: list[str]) -> None:
    for line in gaps:
        print(f"warning: {line}", file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="change nothing; exit 1 when out of date")
    parser.add_argument("--strict", action="store_true", help="with --check: also fail on strings lupdate misses")
    options = parser.parse_args(argv)
    try:
        return check(options.strict) if options.check else update()
    except ToolMissing as exc:
        print(f"update_translations: {exc}", file=sys.stderr)
        return 2
    except subprocess.CalledProcessError as exc:
        print(f"update_translations: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
