"""Widgets shared by several features (the sanitized article view)."""
