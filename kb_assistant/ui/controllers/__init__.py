"""QtCore-only controllers: state and logic behind the widgets, testable without a window."""
