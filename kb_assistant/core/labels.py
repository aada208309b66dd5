"""Labels the core gives things the agent fills in, as translatable English (the window translates them)."""

from __future__ import annotations

from kb_assistant.core.translatable import QT_TRANSLATE_NOOP

PLACEHOLDER_CONTEXT = "Placeholders"
"""The translation context of placeholder labels: the window translates every label in it."""
BUILTIN_PLACEHOLDER_LABELS: dict[str, str] = {
    "agent_name": QT_TRANSLATE_NOOP("Placeholders", "Your name"),
    "agent_signature": QT_TRANSLATE_NOOP("Placeholders", "Your signature"),
    "company": QT_TRANSLATE_NOOP("Placeholders", "Company name"),
    "today": QT_TRANSLATE_NOOP("Placeholders", "Today's date"),
}
"""The fill-in form's labels of the built-in placeholders (see ``core.replies.templates``), in English."""
