"""The hostile-input harness: one bad file (or one unlucky one) must never stop search for the team.

Issue 16 found crashes, hangs and leaks behind a single article, settings file,
draft or symbolic link. This package keeps every one of them, and their
neighbours, as a generated corpus that runs against the real entry points, each
case in a worker process with a time and a memory bound, so a regression fails a
test instead of hanging CI.

Files:

* ``corpus.py``: the cases, generated here (no committed binaries). A case is a
  small KB: ``good.md`` (always there, always searchable as "zanzibar") beside
  the hostile files, plus user files (settings, drafts, learning state), extra
  queries, a reply to render and file saves to try.
* ``worker.py``: runs cases one after the other in a separate process
  (``python -m tests.hostile.worker``), through ``kb-assistant check``,
  ``index``, ``search`` and ``reply`` (``kb_assistant.cli.main``, with the
  ``KB_ASSISTANT_*`` folders and ``--index`` pointed at the case's own), then
  the in-process paths of the window: the article preview, the editor's front
  matter document and live check, snippets, quizzes, "what changed", drafts,
  learning state and saves.
* ``harness.py``: starts the worker with an address-space limit
  (``RLIMIT_AS``, :data:`~tests.hostile.harness.MEMORY_BYTES`), gives each case
  :data:`~tests.hostile.harness.CASE_SECONDS` (a hang guard, not a speed
  assertion), kills and restarts the worker when a case overruns, and judges
  each outcome: crash, hang, data lost, wrong result.
* ``test_hostile.py``: one test per case; ``test_streams.py``: the command line
  as a real process (bytes that are not UTF-8 on standard input);
  ``test_properties.py``: Hypothesis where it finds more than examples do.
* ``report.py``: ``python -m tests.hostile.report`` prints the table of the
  issue (category, cases, crashes, hangs, data lost, wrong results).

Categories: ``front-matter`` (review dates past the calendar, wrong types, alias
bombs and deep nesting in every key), ``patterns`` (bracket, brace, backtick and
block runs in bodies, replies, snippets, quizzes and titles), ``kb-yml``
(``_kb.yml`` bombs, a folder, a link out, too large), ``json`` (settings,
drafts, learning state, title sidecars: not UTF-8, UTF-16, deep, long
numbers, ``NaN``, wrong values), ``links`` (files and folders linked out of
the KB, loops, links inside), ``encodings`` (binary after 8 KB, a BOM with
bad bytes, cp1251, broken UTF-16, empty, too large), ``queries`` (100 KB words,
many words, control characters) and ``saves`` (read-only, long names, writing
through links).
"""
