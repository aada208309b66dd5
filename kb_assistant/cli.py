"""The ``kb-assistant`` command line (DESIGN.md section 6). Imports core only."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from pathlib import Path
from typing import TextIO

from kb_assistant import __version__
from kb_assistant.cli_team import HANDLERS as TEAM_HANDLERS, add_commands as add_team_commands
from kb_assistant.core.upkeep.check import check_kb, count_by_severity
from kb_assistant.core.errors import (
    ArticleNotFoundError,
    ClipboardUnavailableError,
    KbError,
    KbNotFoundError,
    ReplyNotFoundError,
    SearchIndexError,
    UnfilledPlaceholderError,
)
from kb_assistant.core.kb.load import load_kb
from kb_assistant.core.messages import clip
from kb_assistant.core.models import CHANNELS, SearchResults
from kb_assistant.core.paths import AppPaths, choose_kb_root, resolve_index_dir
from kb_assistant.core.replies.blocks import LEFT_OUT, snippet_in_language
from kb_assistant.core.replies.compose import ReplyRequest, builtins_for, compose, render
from kb_assistant.core.settings import SETTINGS_FILE, load_settings

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
EXIT_NOT_FOUND = 3
EXIT_UNFILLED = 4
EXIT_NO_CLIPBOARD = 5
EXIT_INDEX = 6


class Progress:
    """A one-line progress bar on standard error, drawn only when it is a terminal."""

    def __init__(self, label: str, stream: TextIO) -> None:
        self.label = label
        self.stream = stream
        self.enabled = stream.isatty()
        self._last = -1

    def __call__(self, done: int, total: int) -> None:
        if not self.enabled or total <= 0:
            return
        percent = done * 100 // total
        if percent == self._last and done != total:
            return
        self._last = percent
        filled = percent * 30 // 100
        self.stream.write(f"\r{self.label} [{'#' * filled}{'.' * (30 - filled)}] {done}/{total}")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every command."""
    parser = argparse.ArgumentParser(
        prog="kb-assistant",
        description="Knowledge base and ready replies for support agents.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--kb", metavar="DIR", help="knowledge-base folder")
    parser.add_argument("--show", nargs="?", const="", metavar="QUERY",
                        help="raise the running window (with QUERY in the search box)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def with_kb(sub: argparse.ArgumentParser, index: bool = True) -> None:
        sub.add_argument("--kb", metavar="DIR", default=argparse.SUPPRESS, help="knowledge-base folder")
        if index:
            sub.add_argument("--index", metavar="DIR", help="index folder (default: the user cache)")

    index = commands.add_parser("index", help="build or update the search index")
    with_kb(index)
    index.add_argument("--rebuild", action="store_true", help="rebuild the index from scratch")

    search = commands.add_parser("search", help="search the KB (queries from stdin when none given)")
    with_kb(search)
    search.add_argument("--limit", type=int, default=5, metavar="N", help="results per query (default 5)")
    search.add_argument("--json", action="store_true", help="answer in JSON")
    search.add_argument("--live", action="store_true", help="as-you-type: the last word is unfinished")
    search.add_argument("--lang", default="", help="only articles in this language (ru, en)")
    search.add_argument("--tag", default="", help="only articles with this tag")
    search.add_argument("--category", default="", help="only articles in this folder")
    search.add_argument("query", nargs="*", metavar="QUERY")

    reply = commands.add_parser("reply", help="print (or copy) a filled-in reply")
    with_kb(reply, index=False)
    reply.add_argument("article_id", metavar="ARTICLE_ID")
    reply.add_argument("reply", nargs="?", default="", metavar="REPLY", help="reply name or number (default: the first)")
    reply.add_argument("--var", action="append", default=[], metavar="NAME=VALUE", help="a placeholder value")
    reply.add_argument("--channel", choices=CHANNELS, default=None, help="shape for this channel (default: the settings' default channel, at first e-mail)")
    reply.add_argument("--greeting", default=None, metavar="SNIPPET_ID",
                       help="snippet to put before the reply (default: the settings' greeting, in the reply's "
                            "language when it has a translation); left out when the reply already greets")
    reply.add_argument("--closing", default=None, metavar="SNIPPET_ID",
                       help="snippet to put after the reply (default: the settings' closing, likewise); "
                            "left out when the reply already closes")
    reply.add_argument("--signature", action=argparse.BooleanOptionalAction, default=None,
                       help="put (or not) the settings' signature under the reply, after the closing "
                            "(default: for the settings' signature channels, at first e-mail only)")
    reply.add_argument("--html", action="store_true", help="print the e-mail HTML instead of plain text")
    reply.add_argument("--copy", action="store_true", help="copy to the clipboard instead of printing")

    check = commands.add_parser("check", help="report problems in the KB; exit 1 on errors")
    with_kb(check, index=False)
    check.add_argument("--json", action="store_true", help="one JSON object per problem")

    usage = commands.add_parser("usage", help="this machine's usage data of the KB: import past questions, clear")
    usage_commands = usage.add_subparsers(dest="usage_command", metavar="ACTION", required=True)
    history = usage_commands.add_parser("import", help="import past conversations (JSON lines or CSV)")
    history.add_argument("file", metavar="FILE", help='JSON lines {"text": ..., "chosen": [ids]} or CSV: text,article')
    with_kb(history, index=False)
    with_kb(usage_commands.add_parser("clear", help="delete this machine's usage data of the KB"), index=False)

    insights = commands.add_parser("insights", help="what agents could not find; the most and least used")
    with_kb(insights, index=False)
    insights.add_argument("--since", metavar="DAYS", type=int, default=30, help="the period looked at (default 30)")
    insights.add_argument("--json", action="store_true", help="one JSON object")
    add_team_commands(commands, with_kb)  # sync, publish: a KB kept in git (cli_team.py)
    return parser


def main(argv: list[str] | None = None, stdin: TextIO | None = None, stdout: TextIO | None = None,
         stderr: TextIO | None = None) -> int:
    """Run the command line; return the exit code."""
    utf8_standard_streams()
    stdin = stdin or sys.stdin
    stdout = stdout or sys.stdout
    stderr = stderr or sys.stderr
    parser = build_parser()
    args = parser.parse_args(argv)
    paths = AppPaths.from_environment()
    settings, settings_error = load_settings(paths.config_dir / SETTINGS_FILE)
    if settings_error:
        print(f"kb-assistant: warning: {settings_error}", file=stderr)
    try:
        kb_root = _kb_root(args, settings)
        if args.command is None:
            print("kb-assistant: no command given. The window opens with 'kb-assistant' alone;\n"
                  "the commands are index, search, reply, check, usage, insights, sync and publish (see --help).", file=stderr)
            return EXIT_USAGE
        handler = {"index": _cmd_index, "search": _cmd_search, "reply": _cmd_reply, "check": _cmd_check,
                   "usage": _cmd_usage, "insights": _cmd_insights, **TEAM_HANDLERS}[args.command]
        return handler(args, kb_root, paths, settings, stdin, stdout, stderr)
    except KbNotFoundError as exc:
        print(f"kb-assistant: {exc}", file=stderr)
        return EXIT_NOT_FOUND
    except SearchIndexError as exc:
        print(f"kb-assistant: index error: {exc}", file=stderr)
        return EXIT_INDEX
    except BrokenPipeError:
        # the reader went away (e.g. "| head"); not an error worth a traceback
        sys.stdout = None  # type: ignore[assignment]
        return EXIT_OK
    except KbError as exc:  # any other coded error (a file that cannot be written ...): its sentence
        print(f"kb-assistant: {exc}", file=stderr)
        return EXIT_PROBLEMS
    except Exception as exc:  # noqa: BLE001 - a bug still ends with a sentence and a documented code
        print(f"kb-assistant: {KbError('cli-unexpected', type=type(exc).__name__, reason=clip(str(exc)))}",
              file=stderr)
        return EXIT_PROBLEMS


def utf8_standard_streams() -> None:
    """Make the process's standard streams UTF-8 whatever the locale (DESIGN.md 9).

    Bytes on standard input that are not UTF-8 become U+FFFD (a query is still
    searched, and echoed as valid JSON); what is written is always valid UTF-8
    (a lone surrogate from an undecodable file name becomes "?"). Streams a
    caller replaced with its own (tests, an embedding program) are left alone
    when they cannot be reconfigured.
    """
    for stream, errors in ((sys.stdin, "replace"), (sys.stdout, "replace"), (sys.stderr, "backslashreplace")):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:
            continue
        try:
            reconfigure(encoding="utf-8", errors=errors)
        except (ValueError, OSError, io.UnsupportedOperation):  # already read from, or not a text stream
            pass


def _kb_root(args, settings) -> Path:
    return choose_kb_root(getattr(args, "kb", None), settings.kb_dir)


def _service(args, kb_root: Path, paths: AppPaths):
    # imported here so "reply" and "check" never pay for loading whoosh (nor the semantic model)
    from kb_assistant.core.search import SearchService
    from kb_assistant.core.search.semantic import load_model

    index_dir = resolve_index_dir(kb_root, paths, getattr(args, "index", None))
    return SearchService(kb_root, index_dir, semantic=load_model())


def _cmd_index(args, kb_root, paths, settings, stdin, stdout, stderr) -> int:
    service = _service(args, kb_root, paths)
    with service:
        report = service.update(rebuild=args.rebuild, progress=Progress("Indexing", stderr))
        count = service.doc_count()
    errors, warnings = count_by_severity(report.problems)
    how = f"rebuilt ({report.rebuild_reason})" if report.rebuilt else "updated"
    print(f"Index {how}: {count} articles; {report.added} added, {report.changed} changed, "
          f"{report.deleted} removed, {report.unchanged} unchanged in {report.seconds:.2f} s.", file=stdout)
    print(f"Index folder: {service.index_dir}", file=stdout)
    if errors or warnings:
        print(f"{errors} errors and {warnings} warnings in files read; run 'kb-assistant check' for details.",
              file=stderr)
    return EXIT_OK


def _cmd_search(args, kb_root, paths, settings, stdin, stdout, stderr) -> int:
    from kb_assistant.core.search import SearchFilters
    from kb_assistant.core.usage.team import learned_for_search, usage_events

    filters = SearchFilters(lang=args.lang, tag=args.tag, category=args.category)
    service = _service(args, kb_root, paths)
    with service:
        try:
            service.update(progress=Progress("Indexing", stderr))
        except SearchIndexError as exc:
            if not service.has_index():
                raise
            # another process is updating it, or the disk is full: the index as it was still answers
            print(f"kb-assistant: warning: {KbError('index-stale', reason=exc)}", file=stderr)
        service.set_learned(learned_for_search(usage_events(paths.usage_dir_for(kb_root), kb_root, paths.data_dir)))
        if args.query:
            results = service.search(" ".join(args.query), live=args.live, limit=args.limit, filters=filters)
            if args.json:
                print(json.dumps(_results_json(results), ensure_ascii=False), file=stdout)
            else:
                _print_results(results, stdout)
            return EXIT_OK
        for line in stdin:
            query = line.rstrip("\r\n")
            results = service.search(query, live=args.live, limit=args.limit, filters=filters)
            stdout.write(json.dumps(_results_json(results), ensure_ascii=False) + "\n")
            stdout.flush()
    return EXIT_OK


def _results_json(results: SearchResults) -> dict:
    data = {
        "query": results.query,
        "hits": [
            {"id": h.id, "title": h.title, "path": h.path, "score": h.score, "snippet": h.snippet,
             "lang": h.lang, "category": h.category, "replies": list(h.reply_names), "stale": h.stale}
            for h in results.hits
        ],
        "confident": results.confident,
        "confidence": results.confidence,
    }
    if results.interpreted:
        data["interpreted"] = results.interpreted
    return data


def _print_results(results: SearchResults, out: TextIO) -> None:
    from kb_assistant.core.search.snippets import mark_spans  # core.search loads whoosh: search only

    if results.interpreted:
        print(f"Searching for: {results.interpreted}", file=out)
    if not results.hits:
        print("Nothing found.", file=out)
        return
    if not results.confident:
        print("No good match; the closest articles:", file=out)
    for number, hit in enumerate(results.hits, 1):
        badges = [hit.lang] + (["stale"] if hit.stale else []) + (
            [f"{len(hit.reply_names)} replies"] if hit.reply_names else [])
        print(f"{number}. {hit.title}  [{hit.id}]  ({', '.join(badges)}; score {hit.score:.2f})", file=out)
        if hit.snippet:
            print(f"   {mark_spans(hit.snippet, hit.highlights, lambda word: f'[{word}]')}", file=out)


def _cmd_reply(args, kb_root, paths, settings, stdin, stdout, stderr) -> int:
    values: dict[str, str] = {}
    for item in args.var:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            print(f"kb-assistant: --var needs NAME=VALUE, got '{item}'", file=stderr)
            return EXIT_USAGE
        values[name.strip()] = value
    kb = load_kb(kb_root)
    article = kb.articles.get(args.article_id)
    lang = article.lang if article is not None else ""
    request = ReplyRequest(
        article_id=args.article_id,
        reply=args.reply,
        values=values,
        channel=args.channel or settings.default_channel or "email",
        greeting_id=args.greeting if args.greeting is not None else snippet_in_language(
            kb, settings.greeting_snippet, lang),
        closing_id=args.closing if args.closing is not None else snippet_in_language(
            kb, settings.closing_snippet, lang),
        signature=args.signature,
    )
    try:
        composition = compose(kb, request, settings)
        payload = render(composition, request.values, request.channel,
                         builtins_for(composition, settings, dt.date.today()))
    except (ArticleNotFoundError, ReplyNotFoundError) as exc:
        print(f"kb-assistant: {exc}", file=stderr)
        return EXIT_NOT_FOUND
    except UnfilledPlaceholderError as exc:
        flags = " ".join(f"--var {name}=..." for name in exc.names)
        print(f"kb-assistant: the reply needs values for: {', '.join(exc.names)}\n"
              f"Give them with: {flags}", file=stderr)
        return EXIT_UNFILLED
    reply = composition.reply
    for code in composition.left_out:
        print(f"kb-assistant: note: {LEFT_OUT[code]}", file=stderr)
    text = payload.html if args.html and payload.html else payload.plain
    if args.copy:
        try:
            copy_to_clipboard(text)
        except ClipboardUnavailableError as exc:
            print(f"kb-assistant: {exc}", file=stderr)
            return EXIT_NO_CLIPBOARD
        print(f"Copied '{reply.name}' ({request.channel}, {len(text)} characters) to the clipboard.", file=stderr)
        return EXIT_OK
    print(text, file=stdout)
    return EXIT_OK


def copy_to_clipboard(text: str) -> None:
    """Put plain ``text`` on the system clipboard through pyperclip.

    Raises:
        ClipboardUnavailableError: when no clipboard tool is available.
    """
    import pyperclip

    try:
        pyperclip.copy(text)
    except pyperclip.PyperclipException as exc:
        raise ClipboardUnavailableError(type=exc.__class__.__name__) from None


def _cmd_check(args, kb_root, paths, settings, stdin, stdout, stderr) -> int:
    kb = load_kb(kb_root)
    problems = check_kb(kb)
    for problem in problems:
        if args.json:
            print(json.dumps({"path": problem.path, "line": problem.line, "severity": problem.severity,
                              "code": problem.code, "message": problem.message}, ensure_ascii=False), file=stdout)
        else:
            print(problem.format(), file=stdout)
    errors, warnings = count_by_severity(problems)
    print(f"{len(kb.articles)} articles checked: {errors} errors, {warnings} warnings.", file=stderr)
    return EXIT_PROBLEMS if errors else EXIT_OK


def _cmd_usage(args, kb_root, paths, settings, stdin, stdout, stderr) -> int:
    from kb_assistant.core.usage.history import import_history
    from kb_assistant.core.usage.log import UsageLog

    log = UsageLog(paths.usage_dir_for(kb_root))
    if args.usage_command == "clear":
        log.clear()
        print(f"Usage data of {kb_root} deleted from {log.folder}.", file=stdout)
        return EXIT_OK
    kb = load_kb(kb_root)
    report = import_history(Path(args.file), log, kb.articles)
    if report.already:
        print(f"{args.file}: imported before; nothing added.", file=stdout)
        return EXIT_OK
    print(f"Imported {report.questions} past questions: {report.answered} answered by an article, "
          f"{report.gaps} that nothing answered.", file=stdout)
    for line, code in report.bad:
        print(f"{args.file}:{line}: skipped: {KbError(code)}", file=stderr)
    if report.bad_count > len(report.bad):
        print(f"{args.file}: {report.bad_count - len(report.bad)} more records skipped.", file=stderr)
    if report.unknown:
        unknown = ", ".join(f"{article} ({count})" for article, count in report.unknown.most_common(10))
        print(f"{len(report.unknown)} article ids are not in the KB and were skipped: {unknown}", file=stderr)
    return EXIT_OK


def _cmd_insights(args, kb_root, paths, settings, stdin, stdout, stderr) -> int:
    from kb_assistant.core.usage.insights import insights
    from kb_assistant.core.usage.team import usage_events

    if args.since < 1:
        print("kb-assistant: --since must be at least 1 day", file=stderr)
        return EXIT_USAGE
    # this machine's usage and the teammates' shared files: an editor sees the whole team
    found = insights(usage_events(paths.usage_dir_for(kb_root), kb_root, paths.data_dir), load_kb(kb_root), args.since)
    if args.json:
        print(json.dumps(found.as_json(), ensure_ascii=False), file=stdout)
        return EXIT_OK
    print(f"Usage of the last {found.since_days} days: {found.events} events.", file=stdout)
    print(f"\nContent gaps ({len(found.gaps)}): questions the KB did not answer", file=stdout)
    for gap in found.gaps[:20]:
        print(f"  {gap.count:>4}  {' | '.join(gap.examples)}", file=stdout)
    print("\nMost used articles (copies, opens)", file=stdout)
    for use in found.articles[:10]:
        print(f"  {use.copied:>4} {use.opened:>4}  {use.id}: {use.title}", file=stdout)
    print(f"\nReplies never copied ({len(found.unused_replies)})", file=stdout)
    for use in found.unused_replies[:20]:
        print(f"  {use.article}: {use.reply}", file=stdout)
    if found.read_without_reply:
        print("\nOpened often, no reply copied", file=stdout)
        for use in found.read_without_reply[:10]:
            print(f"  {use.opened:>4}  {use.id}: {use.title}", file=stdout)
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
