"""Rendering Markdown: sanitized HTML for reading and pasting, and the plain-text shapes of each channel."""
