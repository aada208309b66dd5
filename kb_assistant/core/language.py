"""Language detection and keyboard-layout repair for Russian and English text."""

from __future__ import annotations

import re

_CYRILLIC_WORD = re.compile(r"[а-яёА-ЯЁ]{2,}")
_LATIN_WORD = re.compile(r"[a-zA-Z]{2,}")
_CYRILLIC_LETTER = re.compile(r"[а-яёА-ЯЁ]")
_LATIN_LETTER = re.compile(r"[a-zA-Z]")

# The standard ЙЦУКЕН and QWERTY layouts, key by key (lower case, then shifted).
_EN_KEYS = "`qwertyuiop[]asdfghjkl;'zxcvbnm,./" + '~QWERTYUIOP{}ASDFGHJKL:"ZXCVBNM<>?'
_RU_KEYS = "ёйцукенгшщзхъфывапролджэячсмитьбю." + "ЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ,"
_EN_TO_RU = str.maketrans(_EN_KEYS, _RU_KEYS)
_RU_TO_EN = str.maketrans(_RU_KEYS, _EN_KEYS)


def detect_language(text: str, default: str = "en") -> str:
    """Guess ``"ru"`` or ``"en"`` from the words of ``text``.

    Russian technical texts are full of Latin product names and commands, so a
    text counts as Russian once a third of its words are Cyrillic.
    """
    cyrillic = len(_CYRILLIC_WORD.findall(text))
    latin = len(_LATIN_WORD.findall(text))
    if cyrillic + latin == 0:
        return default
    return "ru" if cyrillic * 2 >= latin else "en"


def query_language(text: str) -> str:
    """``"ru"`` or ``"en"`` when every letter of ``text`` is of one script, else ""."""
    has_cyrillic = bool(_CYRILLIC_LETTER.search(text))
    has_latin = bool(_LATIN_LETTER.search(text))
    if has_cyrillic == has_latin:
        return ""
    return "ru" if has_cyrillic else "en"


def en_to_ru_layout(text: str) -> str:
    """Retype text typed on the English layout as if the Russian layout was on.

    ``djpdhfn`` -> ``возврат``.
    """
    return text.translate(_EN_TO_RU)


def ru_to_en_layout(text: str) -> str:
    """Retype text typed on the Russian layout as if the English layout was on.

    ``руддщ`` -> ``hello``.
    """
    return text.translate(_RU_TO_EN)


def switch_layout(word: str) -> str | None:
    """Return ``word`` retyped on the other layout, or None when it is mixed or neither.

    Only words made entirely of letters of one layout (plus the punctuation keys
    that carry Russian letters, such as ``[`` for ``х`` and ``;`` for ``ж``) are
    switched, so ordinary words with digits or symbols are left alone.
    """
    if not word:
        return None
    if all(ch in _RU_KEYS for ch in word) and any(ch.isalpha() for ch in word):
        switched = ru_to_en_layout(word)
        return switched if re.fullmatch(r"[A-Za-z]+", switched) else None
    if all(ch in _EN_KEYS for ch in word) and any(ch.isalpha() for ch in word):
        switched = en_to_ru_layout(word)
        return switched if re.fullmatch(r"[а-яёА-ЯЁ]+", switched) else None
    return None


_TRAILING_PUNCTUATION = ",.;:!?'\"])}"


def switch_layout_keeping_punctuation(word: str) -> str | None:
    """Like :func:`switch_layout`, but a trailing run of punctuation is kept as typed.

    ``ghbdtn,`` is either ``приветб`` (the comma key is ``б``) or ``привет`` and a
    comma: :func:`switch_layout` reads the first, this the second. None when the
    word has no such run or its letters do not switch.
    """
    core = word.rstrip(_TRAILING_PUNCTUATION)
    if not core or core == word:
        return None
    switched = switch_layout(core)
    return switched + word[len(core):] if switched else None
