"""Interface language: install KB Assistant's and Qt's own translators on the application.

The compiled ``.qm`` files ship in ``kb_assistant/translations`` (their sources
are ``resources/translations/*.ts``, see ``tools/update_translations.py``).
"""

from __future__ import annotations

import importlib.resources
import logging
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger("kb_assistant.ui.system.i18n")

LANGUAGES = ("ru", "en")  # languages with a translation; English is also the fallback
FALLBACK = "en"
_PACKAGE = "kb_assistant.translations"
_OWN = "kb_assistant_translator"  # objectName of the translators installed here
_LANGUAGE_PROPERTY = "kbAssistantUiLanguage"


def translations_dir() -> Path:
    """The folder holding the compiled ``kb_assistant_<lang>.qm`` files."""
    return Path(str(importlib.resources.files(_PACKAGE)))


def choose_language(ui_language: str, system_languages: Iterable[str]) -> str:
    """The language to show.

    Args:
        ui_language: the setting: ``"system"``, ``"ru"`` or ``"en"``.
        system_languages: the system's preferred languages, best first, as in
            ``QLocale.system().uiLanguages()`` (``"ru-RU"``, ``"en"`` ...).

    Returns:
        ``"ru"`` or ``"en"``: a forced language as is, otherwise the first
        system language we have, otherwise English.
    """
    if ui_language in LANGUAGES:
        return ui_language
    for name in system_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return FALLBACK


def language_for(ui_language: str) -> str:
    """The language :func:`install_translators` would show for the setting ``ui_language``."""
    return choose_language(ui_language, QLocale.system().uiLanguages())


def install_translators(app: QCoreApplication, ui_language: str) -> str:
    """Install the translators for ``ui_language`` on ``app``; call before building widgets.

    Loads our own translation and, when Qt ships one, Qt's ``qtbase`` translation
    (standard dialog buttons and the like). Translators installed by an earlier
    call are removed first, so calling it again switches the language: Qt then
    sends every widget a ``LanguageChange`` event, and widgets built after it speak
    the new language (``ui.session`` rebuilds the main window for that). The
    translators are children of ``app``, so they live as long as it does (and
    Python's garbage collector never takes one that is installed).

    Args:
        app: the application.
        ui_language: ``"system"`` (follow ``QLocale.system()``), ``"ru"`` or ``"en"``.

    Returns:
        The language actually used: ``"ru"`` or ``"en"``.
    """
    remove_translators(app)
    language = language_for(ui_language)
    own = _translator(app, "kb_assistant")
    data = (importlib.resources.files(_PACKAGE) / f"kb_assistant_{language}.qm").read_bytes()
    if own.load(data):
        own._data = data  # QTranslator reads the bytes in place: keep them alive with it
        app.installTranslator(own)
    else:
        log.warning("cannot load the %s translation", language)
        own.deleteLater()
    app.setProperty(_LANGUAGE_PROPERTY, language)
    if language != "en":
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        qt = _translator(app, "qtbase")
        if qt.load(f"qtbase_{language}", qt_dir):
            app.installTranslator(qt)
        else:
            log.info("no Qt translation for %s in %s", language, qt_dir)
            qt.deleteLater()
    return language


def ui_language(app: QCoreApplication | None = None) -> str:
    """The interface language :func:`install_translators` chose ("ru" or "en"; English before it ran).

    Widgets that show KB text per language (category labels, the default language
    of a new article, of flashcards) follow it.
    """
    app = app or QCoreApplication.instance()
    language = app.property(_LANGUAGE_PROPERTY) if app is not None else None
    return language if language in LANGUAGES else FALLBACK


def remove_translators(app: QCoreApplication) -> None:
    """Remove (and delete) every translator ``install_translators`` put on ``app``; English shows again."""
    app.setProperty(_LANGUAGE_PROPERTY, None)  # ui_language() then says English, as the strings are
    for translator in app.findChildren(QTranslator):
        if translator.objectName().startswith(_OWN):
            app.removeTranslator(translator)
            translator.setParent(None)  # now Python owns it: deleted with the last reference


def _translator(app: QCoreApplication, name: str) -> QTranslator:
    translator = QTranslator(app)
    translator.setObjectName(f"{_OWN}:{name}")
    return translator
