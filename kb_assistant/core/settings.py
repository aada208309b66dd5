"""Typed user settings stored as JSON in the user config folder.

Unknown keys are kept on save so that an older version never erases what a
newer one wrote; a broken file is reported and replaced by defaults without
being overwritten until the user saves.

``signature_channels`` lists the channels whose copied replies get the agent's
signature under them (after the closing): e-mail only by default, never chat,
messenger or phone unless the agent ticks them. In the file it is a JSON list
such as ``["email", "messenger"]``.
"""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from kb_assistant.core.errors import SettingsError
from kb_assistant.core.files.jsonfile import JsonError, read_json
from kb_assistant.core.messages import short_value
from kb_assistant.core.models import CHANNELS
from kb_assistant.core.replies.customer import DEFAULT_IDLE_MINUTES

log = logging.getLogger("kb_assistant.settings")

SETTINGS_FILE = "settings.json"
SETTINGS_BYTES = 1024 * 1024
"""A settings file larger than this is not one (the app writes a few hundred bytes)."""
SIGNATURE_CHANNELS: tuple[str, ...] = ("email",)
"""The channels that get the signature under the reply until the agent chooses otherwise."""


@dataclass
class Settings:
    """What the user chose: profile, defaults for replies, the KB folder, appearance."""

    agent_name: str = ""
    agent_signature: str = ""
    company: str = ""
    default_channel: str = "email"
    greeting_snippet: str = ""
    closing_snippet: str = ""
    signature_channels: list[str] = field(default_factory=lambda: list(SIGNATURE_CHANNELS))
    customer_idle_minutes: int = DEFAULT_IDLE_MINUTES
    kb_dir: str = ""
    ui_language: str = "system"
    theme: str = "system"
    font_size: int = 0
    keep_usage: bool = True
    """Keep this machine's usage log of the KB (searches, opened articles, copied replies; scrubbed)."""
    share_usage: bool = False
    """Also write this installation's scrubbed aggregates to the KB's ``_usage/`` for the team."""
    scan_seconds: int = 60
    """Look for changes other machines made this often when no file-system event came (0: never)."""
    sync_minutes: int = 10
    """Sync a KB kept in git this often (0: only at start and on demand)."""
    author_name: str = ""
    author_email: str = ""
    """The name and e-mail an editor's published changes carry (empty: git's own)."""
    global_hotkey: str = "Ctrl+Alt+K"
    """The built-in global key that brings the window up for a new question ("": off, the desktop's shortcut)."""
    paste_back: bool = False
    """After a copy, paste into the window the hotkey came from (``ui.system.pasteback``)."""
    extra: dict = field(default_factory=dict)


CHOICES: dict[str, tuple[str, ...]] = {
    "default_channel": CHANNELS,
    "ui_language": ("system", "en", "ru"),
    "theme": ("system", "light", "dark", "high-contrast"),
}
"""The values a choice may take; anything else is reported and the default used."""
FONT_SIZES = range(0, 97)
"""Point sizes ``font_size`` may be (0: the system's)."""
SYNC_MINUTES = range(0, 24 * 60 + 1)
"""Minutes ``sync_minutes`` may be (0: only at start and on demand; at most a day)."""
SCAN_SECONDS = range(0, 3600 + 1)
"""Seconds ``scan_seconds`` may be (0: never; at most an hour)."""
IDLE_MINUTES = range(0, 24 * 60 + 1)
"""Minutes ``customer_idle_minutes`` may be (0: the values never go idle; at most a day)."""


def load_settings(path: Path) -> tuple[Settings, SettingsError | None]:
    """Read settings from ``path``.

    The file is read by the one safe JSON reader (:func:`~kb_assistant.core.files.jsonfile.read_json`):
    UTF-8 or UTF-16 with a byte-order mark (as Notepad saves), bounded in size,
    depth and number length. Every value is checked: a wrong type, an unknown
    choice (``"default_channel": "fax"``), a font size or an idle time
    (``customer_idle_minutes``, 0 to 1440) out of range is
    reported and its default used, the other settings kept. ``signature_channels``
    must be a list of known channels (``[]``: none); any other value (a string,
    ``["fax"]``, a number in the list) is reported and the default, e-mail only,
    used; duplicates are dropped and the channels kept in :data:`CHANNELS` order.

    Returns:
        the settings (defaults where missing or invalid) and what was wrong with
        the file (None when it was fine or absent), to be shown, not raised.
    """
    try:
        data = read_json(path, max_bytes=SETTINGS_BYTES)
    except JsonError as exc:
        if exc.missing:
            return Settings(), None
        code = "settings-unreadable" if exc.code in ("json-unreadable", "json-not-text") else "settings-invalid"
        return Settings(), SettingsError(code, path=str(path), reason=exc)
    if not isinstance(data, dict):
        return Settings(), SettingsError("settings-not-object", path=str(path))
    settings = Settings()
    known = {f.name for f in fields(Settings) if f.name != "extra"}
    ignored = []
    for key, value in data.items():
        if key not in known:
            settings.extra[key] = value
        elif _valid(key, value, getattr(settings, key)):
            setattr(settings, key, _normalized(key, value))
        else:
            log.warning("%s: ignoring %s=%s", path, key, short_value(value))
            ignored.append(key)
    if ignored:
        return settings, SettingsError("settings-values-ignored", path=str(path), names=", ".join(ignored))
    return settings, None


def _valid(key: str, value: object, default: object) -> bool:
    """Whether ``value`` may stand for the setting ``key`` (whose default is ``default``)."""
    if isinstance(default, bool) or isinstance(value, bool):
        return type(value) is type(default)  # true/false only where a switch is; never 1 for true
    if not isinstance(value, type(default)):
        return False
    if key in CHOICES:
        return value in CHOICES[key]
    if key == "font_size":
        return value in FONT_SIZES
    if key == "customer_idle_minutes":
        return value in IDLE_MINUTES
    if key == "scan_seconds":
        return value in SCAN_SECONDS
    if key == "sync_minutes":
        return value in SYNC_MINUTES
    if key == "signature_channels":
        return all(isinstance(channel, str) and channel in CHANNELS for channel in value)
    return True


def _normalized(key: str, value: object) -> object:
    """A valid value in its one spelling: signature channels once each, in :data:`CHANNELS` order."""
    if key == "signature_channels":
        return [channel for channel in CHANNELS if channel in value]
    return value


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically (the shared helper: temporary file, flush, rename, retried).

    Raises:
        StorageError: when the file cannot be written (the old settings stay).
    """
    from kb_assistant.core.files.storage import write_bytes_atomic

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = asdict(settings)
    extra = data.pop("extra")
    data.update({k: v for k, v in extra.items() if k not in data})
    write_bytes_atomic(path, json.dumps(data, ensure_ascii=False, indent=2).encode("utf-8"))
