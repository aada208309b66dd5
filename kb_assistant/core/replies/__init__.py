"""Replies: placeholders and templates, and composing greeting + reply + closing for a channel (one path for the CLI and the window)."""
