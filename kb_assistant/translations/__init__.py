"""Compiled Qt translations (.qm); sources in resources/translations, built by tools/update_translations.py."""
