"""Typed user settings stored as JSON in the user config folder.

Unknown keys are kept on save so that an older version never erases what a
newer one wrote; a broken file is reported and replaced by defaults without
being overwritten until the user saves.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path

from kb_assistant.core.errors import SettingsError
from kb_assistant.core.messages import clip, os_reason

log = logging.getLogger("kb_assistant.settings")

SETTINGS_FILE = "settings.json"


@dataclass
class Settings:
    """What the user chose: profile, defaults for replies, the KB folder, appearance."""

    agent_name: str = ""
    agent_signature: str = ""
    company: str = ""
    default_channel: str = "email"
    greeting_snippet: str = ""
    closing_snippet: str = ""
    kb_dir: str = ""
    ui_language: str = "system"
    theme: str = "system"
    font_size: int = 0
    extra: dict = field(default_factory=dict)


def load_settings(path: Path) -> tuple[Settings, SettingsError | None]:
    """Read settings from ``path``.

    Returns:
        the settings (defaults where missing or invalid) and what was wrong with
        the file (None when it was fine or absent), to be shown, not raised.
    """
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings(), None
    except (OSError, UnicodeDecodeError) as exc:
        return Settings(), SettingsError("settings-unreadable", path=str(path), reason=os_reason(exc))
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError) as exc:
        return Settings(), SettingsError("settings-invalid", path=str(path), reason=clip(str(exc)))
    if not isinstance(data, dict):
        return Settings(), SettingsError("settings-not-object", path=str(path))
    settings = Settings()
    known = {f.name: f for f in fields(Settings) if f.name != "extra"}
    for key, value in data.items():
        spec = known.get(key)
        if spec is None:
            settings.extra[key] = value
        elif isinstance(value, type(getattr(settings, key))) and not isinstance(value, bool):
            setattr(settings, key, value)
        else:
            log.warning("%s: ignoring %s=%r (wrong type)", path, key, value)
    return settings, None


def save_settings(path: Path, settings: Settings) -> None:
    """Write ``settings`` to ``path`` atomically (temporary file, flush, rename)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    data = asdict(settings)
    extra = data.pop("extra")
    data.update({k: v for k, v in extra.items() if k not in data})
    handle = tempfile.NamedTemporaryFile(
        "w", encoding="utf-8", dir=path.parent, prefix=".settings-", suffix=".tmp", delete=False
    )
    try:
        with handle:
            json.dump(data, handle, ensure_ascii=False, indent=2)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise
