"""Desktop integration shared by every feature: tray, single instance, translations, theme, background tasks, file watching, garbage collection."""
