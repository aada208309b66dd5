"""The window's side of the usage log (``core.usage``)."""
