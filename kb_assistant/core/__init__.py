"""Qt-free core of KB Assistant: articles, templates, search, settings."""
