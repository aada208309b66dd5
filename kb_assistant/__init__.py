"""KB Assistant: a knowledge-base and canned-reply assistant for support teams."""

__version__ = "0.1.0"
