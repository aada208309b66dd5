"""The editor's upkeep of a KB: checks, reviews and renames."""
