"""PySide6 user interface of KB Assistant. Imports ``kb_assistant.core``, never the reverse."""
