"""Report to developers: the form that copies a bug report as Markdown and plain text."""
