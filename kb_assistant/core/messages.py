"""The English text of every error and problem the core reports, by code.

The core never builds a user-visible sentence itself: an error (:class:`~kb_assistant.core.errors.KbError`)
or a problem (:class:`~kb_assistant.core.models.Problem`) carries a stable
``code`` and short ``values``; the sentence is the code's template here,
formatted with those values. The command line prints the English; the window
looks each template up in its Qt translation (``ui.system.messages``) and
formats the translated template with the same values.

Templates use ``{name}`` fields only (no format specs, no literal braces), so a
translation can reorder them freely. Values are short texts or whole numbers;
texts written by someone else (PyYAML's description of a YAML error, the
operating system's reason a file cannot be read) stay untranslated values.
"""

from __future__ import annotations

import reprlib
from collections.abc import Mapping
from dataclasses import dataclass, field

from kb_assistant.core.messages_input import INPUT_MESSAGES
from kb_assistant.core.messages_sync import SYNC_MESSAGES
from kb_assistant.core.translatable import QT_TRANSLATE_NOOP


@dataclass(frozen=True)
class Message:
    """A sentence not yet written out: a code and the values of its template.

    A value may itself be a :class:`Message` (the reason a file could not be
    read, inside "cannot save ...: {reason}"), so that the window translates the
    inner sentence too instead of showing English inside a Russian one.
    """

    code: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)

    def __str__(self) -> str:
        return english(self.code, self.values)


CONTEXT = "Messages"
"""The translation context of every template (the first argument of each call below)."""

UNKNOWN_CODE = "unknown-code"

MESSAGES: dict[str, str] = {
    UNKNOWN_CODE: QT_TRANSLATE_NOOP("Messages", "unexpected problem ({code})"),
    "unexpected-error": QT_TRANSLATE_NOOP("Messages", "unexpected error ({type}); the details are in the log"),
    # -- reading and writing files (core.files) --------------------------------------------------
    "binary-file": QT_TRANSLATE_NOOP("Messages", "binary file (contains NUL bytes)"),
    "broken-utf16": QT_TRANSLATE_NOOP("Messages", "broken UTF-16 text at byte {offset}"),
    "unknown-encoding": QT_TRANSLATE_NOOP(
        "Messages", "neither UTF-8 nor cp1251 (undecodable byte {byte} at offset {offset})"),
    "file-unreadable": QT_TRANSLATE_NOOP("Messages", "{path}: cannot read: {reason}"),
    "file-undecodable": QT_TRANSLATE_NOOP("Messages", "{path}: cannot read the text: {reason}"),
    "save-failed": QT_TRANSLATE_NOOP("Messages", "{path}: cannot save: {reason}"),
    "save-failed-unchanged": QT_TRANSLATE_NOOP(
        "Messages", "{path}: cannot save: {reason}; the file on disk is unchanged"),
    "temp-file-failed": QT_TRANSLATE_NOOP(
        "Messages", "{path}: cannot save: cannot create a temporary file in {folder}: {reason}"),
    "temp-name-taken": QT_TRANSLATE_NOOP("Messages", "{path}: cannot save: no free temporary file name in {folder}"),
    "folder-not-created": QT_TRANSLATE_NOOP("Messages", "{path}: cannot create its folder: {reason}"),
    "saved-not-readable": QT_TRANSLATE_NOOP("Messages", "{path}: saved, but cannot be read back: {reason}"),
    "check-failed": QT_TRANSLATE_NOOP("Messages", "{path}: cannot check the file on disk: {reason}"),
    "file-exists": QT_TRANSLATE_NOOP("Messages", "{path}: a file with this name already exists"),
    "encoding-change-needed": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}:{line}:{column}: the character '{char}' ({codepoint}) cannot be stored in "
        "{encoding}, the encoding of this file; save it as UTF-8 instead"),
    "invalid-character": QT_TRANSLATE_NOOP(
        "Messages",
        "{path}:{line}:{column}: the text holds an invalid character ({codepoint}) that no file "
        "can store"),
    "external-change": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the file was changed on disk since it was opened; not overwritten"),
    "external-delete": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the file was deleted since it was opened; not overwritten"),
    "autosave-folder-failed": QT_TRANSLATE_NOOP("Messages", "{path}: cannot create the autosave folder: {reason}"),
    "autosave-remove-failed": QT_TRANSLATE_NOOP("Messages", "{path}: cannot remove the autosaved draft: {reason}"),
    "autosave-unreadable": QT_TRANSLATE_NOOP("Messages", "cannot list autosaved drafts: {reason}"),
    "autosave-corrupt": QT_TRANSLATE_NOOP("Messages", "autosaved draft skipped: {reason}"),
    # why a JSON state file (a draft, learning progress) cannot be used: the {reason} of others
    "json-unreadable": QT_TRANSLATE_NOOP("Messages", "cannot read it: {reason}"),
    "json-not-text": QT_TRANSLATE_NOOP("Messages", "not text (undecodable byte at offset {offset})"),
    "json-invalid": QT_TRANSLATE_NOOP("Messages", "not valid JSON: {reason} (column {column})"),
    "json-too-deep": QT_TRANSLATE_NOOP("Messages", "nested too deeply"),
    "json-not-object": QT_TRANSLATE_NOOP("Messages", "not a JSON object"),
    "json-fields-invalid": QT_TRANSLATE_NOOP("Messages", "missing or invalid {names}"),
    "json-not-datetime": QT_TRANSLATE_NOOP("Messages", "'{name}' is not a date and time: {value}"),
    # -- why a JSON state file (continued) ------------------------------------------------------
    "json-not-whole-number": QT_TRANSLATE_NOOP("Messages", "'{name}' is not a whole number: {value}"),
    "json-not-time": QT_TRANSLATE_NOOP("Messages", "'{name}' is not a time: {value}"),
    "json-not-boolean": QT_TRANSLATE_NOOP("Messages", "'{name}' is not true or false: {value}"),
    "json-not-date": QT_TRANSLATE_NOOP("Messages", "'{name}' is not a date: {value}"),
    "json-field-not-object": QT_TRANSLATE_NOOP("Messages", "'{name}' is not a JSON object"),
    "json-snapshot-texts": QT_TRANSLATE_NOOP("Messages", "'path', 'title' and 'hash' must be texts"),
    "json-snapshot-sections": QT_TRANSLATE_NOOP("Messages", "'sections' must be a list of [name, hash] pairs"),
    "json-bad-record": QT_TRANSLATE_NOOP("Messages", "not a record this version can read"),
    # -- general errors (core.errors) -----------------------------------------------------------
    "kb-error": QT_TRANSLATE_NOOP("Messages", "something went wrong with the knowledge base"),
    "kb-not-found": QT_TRANSLATE_NOOP("Messages", "knowledge base folder not found: {path}"),
    "kb-not-given": QT_TRANSLATE_NOOP("Messages", "no knowledge base given: use --kb DIR"),
    "article-not-found": QT_TRANSLATE_NOOP("Messages", "no article with id '{id}'"),
    "not-a-snippet": QT_TRANSLATE_NOOP(
        "Messages", "'{id}' is not a snippet of this knowledge base; choose another greeting or closing"),
    "reply-not-found": QT_TRANSLATE_NOOP("Messages", "article '{id}' has no reply '{reply}'; it has: {names}"),
    "no-replies": QT_TRANSLATE_NOOP("Messages", "article '{id}' has no replies"),
    "snippet-reply-not-found": QT_TRANSLATE_NOOP("Messages", "'{id}' is a snippet: its only reply is '{title}'"),
    "unfilled-placeholder": QT_TRANSLATE_NOOP("Messages", "unfilled placeholders: {names}"),
    "clipboard-unavailable": QT_TRANSLATE_NOOP(
        "Messages", "no clipboard available: install xclip, xsel or wl-clipboard (Linux), or print the reply "
        "without --copy ({type})"),
    "index-failed": QT_TRANSLATE_NOOP("Messages", "the search index could not be opened, built or updated"),
    "index-locked": QT_TRANSLATE_NOOP(
        "Messages", "the index is being updated by another process; try again in a moment"),
    "index-write-failed": QT_TRANSLATE_NOOP("Messages", "{path}: the search index cannot be written: {reason}"),
    "index-worker-died": QT_TRANSLATE_NOOP(
        "Messages", "{path}: a process building the search index stopped unexpectedly; the index as it was "
        "is kept"),
    "index-stale": QT_TRANSLATE_NOOP("Messages", "{reason}; answering from the index as it was"),
    # why the index was built anew (the CLI's "Index rebuilt (...)", the window's notice of a repair)
    "index-new": QT_TRANSLATE_NOOP("Messages", "new index"),
    "index-rebuild-asked": QT_TRANSLATE_NOOP("Messages", "asked to rebuild"),
    "index-no-manifest": QT_TRANSLATE_NOOP("Messages", "no manifest"),
    "index-schema-changed": QT_TRANSLATE_NOOP("Messages", "schema version {old} -> {new}"),
    "index-other-kb": QT_TRANSLATE_NOOP("Messages", "index belongs to another KB"),
    "index-unreadable": QT_TRANSLATE_NOOP("Messages", "index unreadable ({reason})"),
    "index-damaged": QT_TRANSLATE_NOOP("Messages", "index damaged: {reason}"),
    "index-checksums-missing": QT_TRANSLATE_NOOP("Messages", "its checksums are missing or unreadable"),
    "index-file-missing": QT_TRANSLATE_NOOP("Messages", "{name} is missing"),
    "index-file-resized": QT_TRANSLATE_NOOP("Messages", "{name} has changed size"),
    "index-file-damaged": QT_TRANSLATE_NOOP("Messages", "{name} is damaged"),
    "index-repaired": QT_TRANSLATE_NOOP(
        "Messages", "The search index could not be used ({reason}) and has been rebuilt."),
    "search-failed": QT_TRANSLATE_NOOP("Messages", "search failed: {reason}"),
    "settings-invalid": QT_TRANSLATE_NOOP("Messages", "{path}: the settings cannot be used ({reason}); using defaults"),
    "settings-not-object": QT_TRANSLATE_NOOP("Messages", "{path}: settings must be a JSON object; using defaults"),
    "settings-unreadable": QT_TRANSLATE_NOOP("Messages", "{path}: cannot read settings: {reason}"),
    # -- one article file (core.articles) -------------------------------------------------------
    "too-large": QT_TRANSLATE_NOOP(
        "Messages", "file is {size_kib} KiB, larger than the {limit_mib} MiB an article may have; skipped"),
    "undecodable": QT_TRANSLATE_NOOP("Messages", "cannot read the text: {reason}; skipped"),
    "cp1251": QT_TRANSLATE_NOOP(
        "Messages", "file is not UTF-8; read as Windows-1251 (cp1251). Save it as UTF-8 to silence this warning"),
    "empty": QT_TRANSLATE_NOOP("Messages", "file is empty; skipped"),
    "no-title": QT_TRANSLATE_NOOP(
        "Messages",
        "article has no title: add 'title:' to the front matter or a '# ' heading; the file name "
        "is used meanwhile"),
    "reply-name": QT_TRANSLATE_NOOP("Messages", "reply heading has no name (use '## Reply: NAME')"),
    "duplicate-reply": QT_TRANSLATE_NOOP(
        "Messages", "two replies are called '{name}'; agents will not tell them apart"),
    "front-matter-unclosed": QT_TRANSLATE_NOOP(
        "Messages", "front matter starts with '---' but is never closed by a '---' line"),
    "front-matter-yaml": QT_TRANSLATE_NOOP("Messages", "front matter is not valid YAML: {problem}"),
    "front-matter-yaml-at": QT_TRANSLATE_NOOP("Messages", "front matter is not valid YAML at line {line}: {problem}"),
    "front-matter-character": QT_TRANSLATE_NOOP(
        "Messages", "front matter is not valid YAML at line {line}: character {char} is not allowed"),
    "front-matter-list": QT_TRANSLATE_NOOP("Messages", "front matter must be a mapping of keys to values, not a list"),
    "front-matter-text": QT_TRANSLATE_NOOP("Messages", "front matter must be a mapping of keys to values, not text"),
    "front-matter-not-mapping": QT_TRANSLATE_NOOP("Messages", "front matter must be a mapping of keys to values"),
    "front-matter-value-text": QT_TRANSLATE_NOOP("Messages", "'{key}' should be text, got {value}"),
    "front-matter-value-lang": QT_TRANSLATE_NOOP(
        "Messages", "'{key}' should be a language code such as 'ru' or 'en', got {value}"),
    "front-matter-value-list": QT_TRANSLATE_NOOP("Messages", "'{key}' should be a list of texts, got {value}"),
    "front-matter-value-translations": QT_TRANSLATE_NOOP(
        "Messages", "'{key}' should be a mapping of language to article id (ru: refund-ru), got {value}"),
    "front-matter-value-date": QT_TRANSLATE_NOOP("Messages", "'{key}' should be a date as YYYY-MM-DD, got {value}"),
    "front-matter-value-days": QT_TRANSLATE_NOOP(
        "Messages", "'{key}' should be a whole number of days above 0, got {value}"),
    "front-matter-value-type": QT_TRANSLATE_NOOP("Messages", "'{key}' should be 'article' or 'snippet', got {value}"),
    "front-matter-value-placeholders": QT_TRANSLATE_NOOP(
        "Messages", "'{key}' should be a list of placeholder names, got {value}"),
    "front-matter-broken": QT_TRANSLATE_NOOP("Messages", "the front matter cannot be edited: {reason}"),
    "front-matter-not-rewritable": QT_TRANSLATE_NOOP(
        "Messages", "the front matter cannot be rewritten without changing other keys; edit it in the text instead"),
    "value-not-text": QT_TRANSLATE_NOOP("Messages", "'{key}' must be text, not {type}"),
    "value-not-list": QT_TRANSLATE_NOOP("Messages", "'{key}' must be a list of texts"),
    "value-not-translations": QT_TRANSLATE_NOOP("Messages", "'{key}' must be a mapping of language to article id"),
    "value-not-date": QT_TRANSLATE_NOOP("Messages", "'{key}' must be a date as YYYY-MM-DD, got {value}"),
    "value-not-days": QT_TRANSLATE_NOOP("Messages", "'{key}' must be a whole number of days"),
    "value-days-below-one": QT_TRANSLATE_NOOP("Messages", "'{key}' must be at least 1 day"),
    # -- the whole KB: files, _kb.yml (core.kb) -------------------------------------------------
    "folder-unreadable": QT_TRANSLATE_NOOP("Messages", "cannot open folder: {reason}"),
    "folder-unlistable": QT_TRANSLATE_NOOP("Messages", "cannot list folder: {reason}"),
    "entry-unreadable": QT_TRANSLATE_NOOP("Messages", "cannot read: {reason}"),
    "unreadable": QT_TRANSLATE_NOOP("Messages", "cannot read file: {reason}"),
    "symlink-loop": QT_TRANSLATE_NOOP("Messages", "folder link leads back to a folder already read; skipped"),
    "broken-symlink": QT_TRANSLATE_NOOP("Messages", "symbolic link leads nowhere; skipped"),
    "duplicate-id-fallback": QT_TRANSLATE_NOOP(
        "Messages", "id '{id}' is already used by {other}; it is reachable as '{fallback}' meanwhile"),
    "duplicate-id-skipped": QT_TRANSLATE_NOOP("Messages", "id '{id}' is already used by {other}; skipped"),
    "kb-config-unreadable": QT_TRANSLATE_NOOP("Messages", "cannot read: {reason}"),
    "kb-config-yaml": QT_TRANSLATE_NOOP("Messages", "not valid YAML: {problem}"),
    "kb-config-not-mapping": QT_TRANSLATE_NOOP(
        "Messages", "must be a mapping (name:, default_lang:, synonyms:, paths:)"),
    "kb-config-synonyms": QT_TRANSLATE_NOOP(
        "Messages", "'synonyms' should be a list of groups, e.g. [[refund, money back, возврат]]"),
    "kb-config-synonym-group": QT_TRANSLATE_NOOP(
        "Messages", "synonym group {number} should list two or more words or phrases, got {value}"),
    "kb-config-placeholders": QT_TRANSLATE_NOOP(
        "Messages", "'placeholders' should map each name to its labels by language, e.g. order_id: en: Order number"),
    "kb-config-paths": QT_TRANSLATE_NOOP("Messages", "'paths' should be a list of learning paths"),
    "kb-config-categories": QT_TRANSLATE_NOOP(
        "Messages", "'categories' should map each folder to its labels, e.g. delivery: {{ru: Доставка, en: Delivery}}"),
    "kb-config-category": QT_TRANSLATE_NOOP(
        "Messages", "category {category} needs a label, or labels by language: {{ru: Доставка, en: Delivery}}"),
    "kb-config-path-not-mapping": QT_TRANSLATE_NOOP(
        "Messages", "learning path {number} should be a mapping with title, lang and articles"),
    "kb-config-path-incomplete": QT_TRANSLATE_NOOP(
        "Messages", "learning path {number} needs a 'title' and a list of 'articles'"),
    # -- checks across the KB (core.upkeep.check) -----------------------------------------------
    "empty-link": QT_TRANSLATE_NOOP("Messages", "empty [[ ]] link"),
    "broken-link": QT_TRANSLATE_NOOP("Messages", "[[{target}]] points to no article"),
    "broken-link-similar": QT_TRANSLATE_NOOP(
        "Messages", "[[{target}]] points to no article (did you mean '{suggestion}'?)"),
    "link-outside-kb": QT_TRANSLATE_NOOP("Messages", "link '{target}' leads outside the knowledge base"),
    "link-missing-file": QT_TRANSLATE_NOOP("Messages", "link '{target}' points to a file that does not exist"),
    # why a clicked link is not followed (core.kb.links; also article-not-found and link-outside-kb)
    "link-empty": QT_TRANSLATE_NOOP("Messages", "empty link"),
    "link-scheme-refused": QT_TRANSLATE_NOOP("Messages", "links of type '{scheme}:' are not opened"),
    "link-absolute": QT_TRANSLATE_NOOP("Messages", "absolute paths are not opened"),
    "link-no-article-at": QT_TRANSLATE_NOOP("Messages", "no article at '{target}'"),
    "broken-translation": QT_TRANSLATE_NOOP("Messages", "translation '{lang}: {target}' points to no article"),
    "broken-translation-similar": QT_TRANSLATE_NOOP(
        "Messages", "translation '{lang}: {target}' points to no article (did you mean '{suggestion}'?)"),
    "translation-lang": QT_TRANSLATE_NOOP("Messages", "translation '{lang}: {target}' is written in '{other_lang}'"),
    "duplicate-id": QT_TRANSLATE_NOOP("Messages", "id '{id}' is already used by {other}"),
    # what the editor warns about too, found by the same functions (core.articles.fence, .template)
    "front-matter-opening-damaged": QT_TRANSLATE_NOOP(
        "Messages", "the front matter cannot be read: line 1 must be exactly '---', so the lines up to line {closing} "
        "are read as article text and the article loses its title, questions and language"),
    "template-sample-question": QT_TRANSLATE_NOOP(
        "Messages", "the customer question is still the template's sample: write how customers really ask, or delete it"),
    "template-sample-body": QT_TRANSLATE_NOOP(
        "Messages", "this line is still the template's sample text: write your own"),
    "template-sample-reply": QT_TRANSLATE_NOOP(
        "Messages", "the reply is still the template's sample: write it, or delete it"),
    "stale": QT_TRANSLATE_NOOP("Messages", "review was due on {due} (reviewed {reviewed}, every {days} days)"),
    "bad-placeholder": QT_TRANSLATE_NOOP("Messages", "reply '{reply}': {issue}"),
    "unknown-placeholder": QT_TRANSLATE_NOOP(
        "Messages", "reply '{reply}': unknown placeholder '{placeholder}'; did you mean '{suggestion}'?"),
    "undeclared-placeholder": QT_TRANSLATE_NOOP(
        "Messages",
        "reply '{reply}': placeholder '{placeholder}' is not declared in _kb.yml; agents will be "
        "asked for it without a label"),
    "broken-path": QT_TRANSLATE_NOOP("Messages", "learning path '{path}' lists '{id}', which is no article"),
    "broken-path-similar": QT_TRANSLATE_NOOP(
        "Messages", "learning path '{path}' lists '{id}', which is no article (did you mean '{suggestion}'?)"),
    "path-lang": QT_TRANSLATE_NOOP(
        "Messages", "learning path '{path}' ({lang}) lists '{id}', written in '{other_lang}'"),
    # -- what is wrong with a placeholder: the {issue} of bad-placeholder (core.replies.templates) ---
    "placeholder-unclosed": QT_TRANSLATE_NOOP("Messages", "'{open}' without a closing '{close}' on the same line"),
    "placeholder-stray-close": QT_TRANSLATE_NOOP("Messages", "'{close}' without an opening '{open}'"),
    "placeholder-nested": QT_TRANSLATE_NOOP("Messages", "braces inside a placeholder: {text}"),
    "placeholder-empty-name": QT_TRANSLATE_NOOP("Messages", "placeholder without a name: {text}"),
    "placeholder-invalid-name": QT_TRANSLATE_NOOP("Messages", "invalid placeholder name '{name}': use a-z, 0-9 and _"),
    "placeholder-invalid-name-hint": QT_TRANSLATE_NOOP(
        "Messages", "invalid placeholder name '{name}': use a-z, 0-9 and _ (e.g. {hint})"),
    # -- quiz sections (core.learning.quiz) -----------------------------------------------------
    "quiz-empty": QT_TRANSLATE_NOOP(
        "Messages", "quiz section '{section}' has no questions; number them: '1. Question?'"),
    "quiz-duplicate": QT_TRANSLATE_NOOP(
        "Messages", "the question '{question}' is asked twice in this article; the second one is left out"),
    "quiz-stray-option": QT_TRANSLATE_NOOP(
        "Messages", "option outside a question; start the question with a number: '1. Question?'"),
    "quiz-mixed": QT_TRANSLATE_NOOP(
        "Messages", "question {number} has both options and a '>' answer; give it one kind of answer"),
    "quiz-text": QT_TRANSLATE_NOOP(
        "Messages", "text after question {number} is not part of it and is left out; indent it under the "
        "question, or start a new numbered question"),
    "quiz-question": QT_TRANSLATE_NOOP("Messages", "question {number} has no text"),
    "quiz-empty-option": QT_TRANSLATE_NOOP("Messages", "question {number} ('{question}') has an option without text"),
    "quiz-single-option": QT_TRANSLATE_NOOP(
        "Messages", "question {number} ('{question}') has a single option; add the wrong ones as '- [ ] ...'"),
    "quiz-no-correct": QT_TRANSLATE_NOOP(
        "Messages", "question {number} ('{question}') has no right option; mark it '- [x] ...'"),
    "quiz-unboxed-item": QT_TRANSLATE_NOOP(
        "Messages",
        "question {number} ('{question}'): a list item without a '[ ]' box is not an option and is "
        "left out"),
    "quiz-unboxed-options": QT_TRANSLATE_NOOP(
        "Messages", "question {number} ('{question}'): options need a box, '- [x] right' or '- [ ] wrong'"),
    "quiz-no-answer": QT_TRANSLATE_NOOP(
        "Messages",
        "question {number} ('{question}') has no answer; add options ('- [x] right', '- [ ] "
        "wrong') or an answer line '> ...'"),
    # -- the learner's state files (core.learning.store); {file} is one of the two -file names ---
    "learning-progress-file": QT_TRANSLATE_NOOP("Messages", "learning progress"),
    "learning-seen-file": QT_TRANSLATE_NOOP("Messages", "'what changed' snapshot"),
    "learning-unreadable": QT_TRANSLATE_NOOP(
        "Messages", "{file} cannot be read ({reason}); changes are not saved until it can"),
    "learning-newer-ignored": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} was written by a newer version of the app (format {version}, this one reads "
        "{supported}); it is ignored but not changed"),
    "learning-newer-read": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} was written by a newer version of the app (format {version}, this one reads "
        "{supported}); it is read but not changed"),
    "learning-stuck": QT_TRANSLATE_NOOP(
        "Messages",
        "{file} is unusable ({reason}) and cannot be moved aside ({error}); it is left as it is "
        "and changes are not saved"),
    "learning-moved-aside": QT_TRANSLATE_NOOP(
        "Messages", "{file} was unusable ({reason}); moved aside to {name} and started afresh"),
    "learning-record-reading": QT_TRANSLATE_NOOP(
        "Messages", "reading of '{key}' skipped, kept in the file as it is: {reason}"),
    "learning-record-card": QT_TRANSLATE_NOOP(
        "Messages", "flashcard '{key}' skipped, kept in the file as it is: {reason}"),
    "learning-record-seen": QT_TRANSLATE_NOOP(
        "Messages", "seen article '{key}' skipped, kept in the file as it is: {reason}"),
    "learning-folder-failed": QT_TRANSLATE_NOOP("Messages", "{path}: cannot create the learning folder: {reason}"),
    "learning-inside-kb": QT_TRANSLATE_NOOP(
        "Messages", "learning progress must be kept outside the knowledge base folder {kb}"),
    "learning-kept-elsewhere": QT_TRANSLATE_NOOP("Messages", "{reason}; learning progress is kept in {folder} for now"),
    # -- renaming an article (core.upkeep.rename) -----------------------------------------------
    "rename-invalid": QT_TRANSLATE_NOOP("Messages", "the rename cannot be done as asked"),
    "rename-failed": QT_TRANSLATE_NOOP("Messages", "the rename stopped part way"),
    "rename-gone": QT_TRANSLATE_NOOP("Messages", "{path}: the article is no longer there; nothing was changed"),
    "rename-path-empty": QT_TRANSLATE_NOOP("Messages", "cannot move {path} to '{new_path}': the new path is empty"),
    "rename-path-absolute": QT_TRANSLATE_NOOP(
        "Messages", "cannot move {path} to '{new_path}': give a path relative to the knowledge base folder"),
    "rename-path-outside": QT_TRANSLATE_NOOP(
        "Messages", "cannot move {path} to '{new_path}': the new path leaves the knowledge base folder"),
    "rename-path-empty-folder": QT_TRANSLATE_NOOP(
        "Messages", "cannot move {path} to '{new_path}': the new path has an empty or '.' folder name"),
    "rename-path-hidden": QT_TRANSLATE_NOOP(
        "Messages",
        "cannot move {path} to '{new_path}': '{name}' starts with '_' or '.', so the file would no "
        "longer be an article"),
    "rename-path-not-md": QT_TRANSLATE_NOOP(
        "Messages", "cannot move {path} to '{new_path}': an article's file name must end with '.md'"),
    "rename-path-same": QT_TRANSLATE_NOOP(
        "Messages", "cannot move {path} to '{new_path}': it is already the article's path"),
    "rename-path-file-folder": QT_TRANSLATE_NOOP(
        "Messages", "cannot move {path} to '{new_path}': '{folder}' is a file, not a folder"),
    "rename-target-exists": QT_TRANSLATE_NOOP(
        "Messages", "cannot move {path} to {new_path}: a file with that name already exists"),
    "rename-bad-id": QT_TRANSLATE_NOOP(
        "Messages", "{path}: '{id}' cannot be an id (empty, or holds '[', ']', '|' or a line break)"),
    "rename-id-taken": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the id '{id}' is already used by {other}; choose another id or path"),
    "rename-move-failed": QT_TRANSLATE_NOOP(
        "Messages", "cannot move {path} to {new_path}: {reason}; nothing was changed"),
    "rename-move-failed-unrestored": QT_TRANSLATE_NOOP(
        "Messages",
        "cannot move {path} to {new_path}: {reason}; and {path} could not be restored: it holds "
        "the edited text"),
    "rename-sidecar-failed": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was moved to {new_path}, but {sidecar} could not follow it: {reason}. No links "
        "were updated yet"),
    "rename-update-failed": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} was moved to {new_path}, but {file} could not be updated: {reason}. Changed: "
        "{changed}. Not updated: {pending}"),
    "rename-unfixable": QT_TRANSLATE_NOOP("Messages", "cannot update its links to '{old}': {reason}"),
    "rename-translation": QT_TRANSLATE_NOOP(
        "Messages", "translation '{old}' could not be updated automatically; change it to '{new}' by hand"),
    "rename-id-broken": QT_TRANSLATE_NOOP(
        "Messages", "the front matter is broken, so 'id: {new}' cannot be set; fix it first"),
    "rename-id": QT_TRANSLATE_NOOP("Messages", "could not set 'id: {new}' in the front matter; set it by hand"),
    "rename-path": QT_TRANSLATE_NOOP("Messages", "a learning path lists '{old}'; change it to '{new}' by hand"),
    "rename-encoding": QT_TRANSLATE_NOOP("Messages", "cannot be updated: {reason}"),
}
"""Code -> English template with ``{name}`` fields."""
MESSAGES.update(INPUT_MESSAGES | SYNC_MESSAGES)  # the catalogue's other parts: untrusted input, a KB in git

VALUE_CHARS = 80
"""The longest description of a bad value :func:`short_value` gives."""

_REPR = reprlib.Repr()
_REPR.maxlevel = 2
_REPR.maxlist = _REPR.maxtuple = _REPR.maxset = _REPR.maxdict = 4
_REPR.maxstring = _REPR.maxother = VALUE_CHARS


class _Missing(dict):
    """Format values that leave a field the template names as it is (``{name}``)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def template(code: str) -> str:
    """The English template of ``code`` (a generic one naming the code when it is unknown)."""
    return MESSAGES.get(code) or MESSAGES[UNKNOWN_CODE].replace("{code}", code)


def format_message(text: str, values: Mapping[str, object]) -> str:
    """Fill the ``{name}`` fields of a (possibly translated) template with ``values``.

    Values that are :class:`Message` s must be written out by the caller first
    (see :func:`english`). Never raises: a field without a value stays as written,
    and a template that is not a valid format string (a broken translation) is
    returned unformatted.
    """
    try:
        return text.format_map(_Missing(values))
    except (ValueError, IndexError, AttributeError, TypeError, KeyError):
        return text


def render(code: str, values: Mapping[str, object], translate) -> str:
    """The sentence of ``code``: ``translate(template)`` formatted, nested messages rendered the same way.

    Args:
        code: the message code.
        values: its values; a :class:`Message` among them is rendered first.
        translate: turns an English template into the one to show (the identity for English).
    """
    written = {
        name: render(value.code, value.values, translate) if isinstance(value, Message) else value
        for name, value in values.items()
    }
    return format_message(translate(template(code)), written)


def english(code: str, values: Mapping[str, object] | None = None) -> str:
    """The English sentence of ``code`` with ``values`` (what ``str()`` of an error gives)."""
    return render(code, values or {}, _same)


def _same(text: str) -> str:
    return text


def clip(text: str, limit: int = 200) -> str:
    """A text written by someone else (an OS or library reason) cut to ``limit`` characters."""
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def os_reason(exc: BaseException) -> str:
    """The system's own words for why a file operation failed (untranslated, short)."""
    return clip(getattr(exc, "strerror", None) or str(exc) or type(exc).__name__)


def short_value(value: object, limit: int = VALUE_CHARS) -> str:
    """A bounded description of a value someone wrote wrong (for "got ..." in a message).

    At most ``limit`` characters, and bounded work whatever the value: a YAML
    alias bomb (``tags: *j`` standing for millions of items) is described by its
    first few items, never expanded.
    """
    text = _REPR.repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"
