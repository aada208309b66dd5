"""``kb-assistant sync`` and ``kb-assistant publish``: a KB kept in git, from the command line.

``cli.py`` adds these commands to its parser (:func:`add_commands`) and runs
them through :data:`HANDLERS`, with the same arguments as its own commands.
Imports core only. What happened is said in plain words: on standard output
when it worked, on standard error (with a documented exit code) when it did not.
"""

from __future__ import annotations

from kb_assistant.core.paths import resolve_index_dir
from kb_assistant.core.sync import PublishResult, SyncResult, publish, sync
from kb_assistant.core.sync.pull import OFFLINE_CODES

EXIT_OFFLINE = 7
"""The remote could not be reached (or did not answer in time); nothing changed, the KB still answers."""
EXIT_CREDENTIALS = 8
"""The remote wants credentials git does not have; nothing changed."""
EXIT_BLOCKED = 9
"""Not done without losing something: local edits or commits in the way, a rewritten upstream,
a detached HEAD, no upstream, an unfinished rebase or merge, or the remote refused the push."""
EXIT_CONFLICT = 10
"""Publish: others changed the same lines first; nothing published, the editor's commit kept."""
EXIT_NO_GIT = 11
"""git is not installed, or the KB folder is not in a git repository."""

_BLOCKED = frozenset({"sync-local-edits", "sync-diverged", "sync-force-pushed", "git-detached", "git-no-upstream",
                      "git-busy", "publish-local-edits", "publish-refused"})
_USAGE = frozenset({"publish-no-identity", "publish-no-message", "publish-path-outside", "publish-path-usage"})
SHOWN = 10
"""Files listed by name before "... and N more"."""


def add_commands(commands, with_kb) -> None:
    """Add ``sync`` and ``publish`` to the command line's sub-parsers (``with_kb`` adds ``--kb``/``--index``)."""
    sync_parser = commands.add_parser("sync", help="fetch and fast-forward a KB kept in git; re-index what changed")
    with_kb(sync_parser)
    publish_parser = commands.add_parser("publish", help="commit and push the saved articles of a KB kept in git")
    with_kb(publish_parser)
    publish_parser.add_argument("-m", "--message", required=True, help="what changed, in a few words")
    publish_parser.add_argument("paths", nargs="*", metavar="PATHS",
                                help="KB-relative files or folders (default: every changed file of the KB)")


def exit_code(code: str, cause: str | None = None) -> int:
    """The exit code of a sync or publish outcome (0 for the good ones)."""
    cause = cause or code
    if code in ("sync-updated", "sync-up-to-date", "sync-ahead", "publish-done", "publish-nothing"):
        return 0
    if cause in OFFLINE_CODES:
        return EXIT_OFFLINE
    if cause == "git-credentials":
        return EXIT_CREDENTIALS
    if code in ("publish-conflict", "publish-unresolved"):
        return EXIT_CONFLICT
    if code in ("git-missing", "git-no-repo"):
        return EXIT_NO_GIT
    if code in _BLOCKED:
        return EXIT_BLOCKED
    return 2 if code in _USAGE else 1


def _sentence(message) -> str:
    text = str(message)
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def _files(paths, out) -> None:
    for path in list(paths)[:SHOWN]:
        print(f"  {path}", file=out)
    if len(paths) > SHOWN:
        print(f"  ... and {len(paths) - SHOWN} more", file=out)


def _count(number: int) -> str:
    return f"{number} file" if number == 1 else f"{number} files"


def _reindex(args, kb_root, paths, stderr, stdout) -> None:
    """Bring the search index up to date (the same incremental update ``kb-assistant index`` does)."""
    from kb_assistant.cli import Progress
    from kb_assistant.core.search import SearchService

    with SearchService(kb_root, resolve_index_dir(kb_root, paths, getattr(args, "index", None))) as service:
        report = service.update(progress=Progress("Indexing", stderr))
    print(f"Index updated: {report.added} added, {report.changed} changed, {report.deleted} removed.", file=stdout)


def cmd_sync(args, kb_root, paths, settings, stdin, stdout, stderr) -> int:
    """``kb-assistant sync``: fetch, fast-forward when nothing is lost, re-index the changed files."""
    result: SyncResult = sync(kb_root, data_dir=paths.data_dir)
    if result.code == "sync-updated":
        print(f"{_count(len(result.changed))} updated from {result.upstream} "
              f"({(result.before or '')[:10]} -> {(result.after or '')[:10]}).", file=stdout)
        _files(result.changed, stdout)
        if result.changed:
            _reindex(args, kb_root, paths, stderr, stdout)
    elif result.ok:
        print(_sentence(result.message()), file=stdout)
    else:
        print(f"kb-assistant: {result.message()}", file=stderr)
        if result.code not in ("git-no-repo",):
            print("The knowledge base stays as it is on this computer; search answers from it.", file=stderr)
    return exit_code(result.code)


def cmd_publish(args, kb_root, paths, settings, stdin, stdout, stderr) -> int:
    """``kb-assistant publish -m MESSAGE [PATHS]``: commit the saved articles and push them."""
    result: PublishResult = publish(kb_root, args.message, args.paths or None,
                                    include_usage=settings.share_usage, data_dir=paths.data_dir)
    if result.published:
        print(f"Published {_count(len(result.files))} to {result.upstream} ({(result.commit or '')[:10]}).",
              file=stdout)
        _files(result.files, stdout)
        if result.rebased:
            print(f"Others had published first: their changes came in here too ({_count(len(result.changed))}).",
                  file=stdout)
        if result.changed:
            _reindex(args, kb_root, paths, stderr, stdout)
    elif result.code == "publish-nothing":
        print(_sentence(result.message()), file=stdout)
    else:
        print(f"kb-assistant: {result.message()}", file=stderr)
        if result.conflicts:
            for conflict in result.conflicts:
                print(f"  conflict: {conflict.path}", file=stderr)
            print("Nothing was published. Resolve them in the app (Publish shows theirs and mine), or with git.",
                  file=stderr)
    return exit_code(result.code, result.cause)


HANDLERS = {"sync": cmd_sync, "publish": cmd_publish}
"""Command name -> handler, as ``cli.main`` calls them."""

