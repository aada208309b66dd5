"""The English templates of the codes about untrusted input: the second part of the catalogue.

:data:`kb_assistant.core.messages.MESSAGES` holds these too (it is built from
both parts); they live here so that neither module outgrows the size every
module keeps. What they are about: the one safe JSON reader
(``core.files.jsonfile``), symbolic links that lead out of the KB
(``core.files.confine``), the bounds on front matter and ``_kb.yml`` values,
sizes, read-only files, names Windows cannot hold, settings values, help desk exports imported as usage history
(``core.usage.history``) and the command line's last resort.
"""

from __future__ import annotations

from kb_assistant.core.translatable import QT_TRANSLATE_NOOP

INPUT_MESSAGES: dict[str, str] = {
    # -- importing past conversations (core.usage.history) --------------------------------------
    "history-unreadable": QT_TRANSLATE_NOOP("Messages", "{path}: cannot read the history file: {reason}"),
    "history-too-large": QT_TRANSLATE_NOOP("Messages", "{path}: the history file is larger than {limit} MiB"),
    "history-not-text": QT_TRANSLATE_NOOP("Messages", "{path}: the history file is not text"),
    "history-no-text-column": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the CSV file has no 'text' column (expected columns: text, article)"),
    "history-no-text": QT_TRANSLATE_NOOP("Messages", "the record has no question text"),
    "history-not-json": QT_TRANSLATE_NOOP("Messages", "the line is not JSON"),
    "history-line-too-long": QT_TRANSLATE_NOOP("Messages", "the line is too long to be one question"),
    "history-record-invalid": QT_TRANSLATE_NOOP(
        "Messages", "expected a JSON object with \"text\" and \"chosen\" (a list of article ids)"),
    # -- why a JSON file cannot be used (core.files.jsonfile); the {reason} of others ----------
    "json-missing": QT_TRANSLATE_NOOP("Messages", "the file does not exist"),
    "json-too-large": QT_TRANSLATE_NOOP("Messages", "larger than {limit_mib} MiB"),
    "json-number-too-long": QT_TRANSLATE_NOOP("Messages", "a number is written with more than {limit} characters"),
    # -- symbolic links: inside the KB they work, out of it never (core.files.confine) -----------
    "symlink-outside-kb": QT_TRANSLATE_NOOP(
        "Messages", "symbolic link leads outside the knowledge base (to {target}); skipped"),
    "write-outside-kb": QT_TRANSLATE_NOOP(
        "Messages", "{path}: not saved: it leads outside the knowledge base (to {target}) through a symbolic link"),
    "read-outside-kb": QT_TRANSLATE_NOOP(
        "Messages", "{path}: not opened: it leads outside the knowledge base (to {target}) through a symbolic link"),
    # -- files of the KB ----------------------------------------------------------------------------
    "undecodable-name": QT_TRANSLATE_NOOP(
        "Messages", "the file name is not valid text (undecodable bytes); rename it. Skipped"),
    "sidecar-unusable": QT_TRANSLATE_NOOP("Messages", "title file skipped: {reason}"),
    "kb-config-not-file": QT_TRANSLATE_NOOP("Messages", "is not a file (a folder?); the KB settings in it are ignored"),
    "kb-config-too-big": QT_TRANSLATE_NOOP(
        "Messages",
        "'{key}' holds more than {limit} values once its YAML aliases are written out, nests deeper "
        "than {depth} levels or contains itself; it is ignored"),
    "front-matter-too-big": QT_TRANSLATE_NOOP(
        "Messages",
        "front matter holds more than {limit} values once its YAML aliases are written out, nests "
        "deeper than {depth} levels or contains itself (at key '{key}'); the front matter is ignored"),
    "front-matter-too-deep": QT_TRANSLATE_NOOP(
        "Messages", "front matter nests lists or mappings deeper than {depth} levels; it cannot be edited here"),
    "file-too-large": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the file is {size_kib} KiB, larger than the {limit_mib} MiB an article may have"),
    "file-read-only": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the file is read-only; it was not changed. Make it writable to save it"),
    # -- settings (core.settings) --------------------------------------------------------------------
    "settings-values-ignored": QT_TRANSLATE_NOOP(
        "Messages", "{path}: the settings {names} have values this version cannot use; their defaults are used"),
    # -- names Windows cannot hold (core.files.names): new articles, renames, check ------------------
    "windows-name-reserved": QT_TRANSLATE_NOOP(
        "Messages", "{path}: Windows cannot hold this name: CON, PRN, AUX, NUL, COM1 to COM9 and LPT1 to LPT9 "
        "are reserved there, with any extension; choose another name"),
    "windows-name-characters": QT_TRANSLATE_NOOP(
        "Messages", "{path}: Windows cannot hold this name: it has one of the characters < > : \" | ? *; "
        "choose another name"),
    "windows-name-trailing": QT_TRANSLATE_NOOP(
        "Messages", "{path}: Windows cannot hold this name: a file or folder name there cannot end "
        "with a dot or a space; choose another name"),
    # -- the command line ----------------------------------------------------------------------------
    "cli-unexpected": QT_TRANSLATE_NOOP(
        "Messages", "unexpected error ({type}: {reason}); nothing more was done. Please report it"),
}
"""Code -> English template with ``{name}`` fields (merged into ``messages.MESSAGES``)."""
