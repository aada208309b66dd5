"""Python-Markdown extensions of KB Assistant, one per module, each with ``makeExtension``."""
