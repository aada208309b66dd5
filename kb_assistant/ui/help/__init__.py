"""Help: the keyboard shortcuts sheet."""
