"""The one analyzer for Russian and English text.

Whoosh pickles analyzers into the index schema, so the classes here must stay
at this import path; changing their behaviour means bumping
:data:`kb_assistant.core.search.schema.SCHEMA_VERSION` so indexes rebuild.
"""

from __future__ import annotations

import re
from functools import lru_cache

import Stemmer
from whoosh.analysis import Filter, Token, Tokenizer
from whoosh.lang import stopwords_for_language

# Words: runs of letters and digits, joined by inner apostrophes, dots or hyphens
# kept apart (so "e-mail" gives "e" and "mail"); "_" is a separator too.
TOKEN_PATTERN = r"[^\W_]+(?:['’][^\W_]+)?"
_CYRILLIC = re.compile(r"[а-яё]")
_LATIN = re.compile(r"[a-z]")

# PyStemmer runs the same Snowball algorithms as whoosh.lang.snowball, in C:
# stemming was most of the indexing time with the pure-Python stemmers.
_RU_STEM = Stemmer.Stemmer("russian").stemWord
_EN_STEM = Stemmer.Stemmer("english").stemWord

STOP_WORDS: frozenset[str] = frozenset(
    word.replace("ё", "е")
    for word in stopwords_for_language("ru") | stopwords_for_language("en")
)


@lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """Stem one case-folded word: Russian Snowball for Cyrillic, English for Latin.

    Mixed or other-script words (digits, product codes, Greek) are left as they
    are so they match exactly.
    """
    word = word.replace("ё", "е")
    if _CYRILLIC.search(word) and not _LATIN.search(word):
        return _RU_STEM(word) if len(word) > 2 else word
    if _LATIN.search(word) and not _CYRILLIC.search(word):
        return _EN_STEM(word.replace("’", "'")) if len(word) > 2 else word
    return word


class YoFilter(Filter):
    """Fold ``ё`` into ``е``: Russian writers use both for the same letter."""

    def __call__(self, tokens):
        for token in tokens:
            if "ё" in token.text:
                token.text = token.text.replace("ё", "е")
            yield token


class BilingualStemFilter(Filter):
    """Stem each token with the stemmer of its own script (see :func:`stem_word`)."""

    is_morph = True

    def __call__(self, tokens):
        for token in tokens:
            if not token.stopped:
                token.text = stem_word(token.text)
            yield token


@lru_cache(maxsize=200_000)
def index_form(raw: str) -> str:
    """The index term of a raw word: case-folded, ``ё`` folded, stemmed."""
    return stem_word(raw.lower().replace("ё", "е"))


class BilingualTokenizer(Tokenizer):
    """Tokenize, fold and stem in one pass.

    Equivalent to ``RegexTokenizer | LowercaseFilter | YoFilter |
    BilingualStemFilter`` but several times faster: indexing spends most of its
    time here, and a chain of generators per token is what costs.
    """

    def __init__(self, expression: str = TOKEN_PATTERN) -> None:
        self.expression = re.compile(expression)

    def __eq__(self, other) -> bool:
        return type(other) is type(self) and other.expression.pattern == self.expression.pattern

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        if not tokenize:
            token.original = token.text = value
            token.boost = 1.0
            if positions:
                token.pos = start_pos
            if chars:
                token.startchar, token.endchar = start_char, start_char + len(value)
            yield token
            return
        for pos, match in enumerate(self.expression.finditer(value)):
            raw = match.group(0)
            token.text = index_form(raw)
            token.boost = 1.0
            token.stopped = False
            if keeporiginal:
                token.original = raw
            if positions:
                token.pos = start_pos + pos
            if chars:
                token.startchar = start_char + match.start()
                token.endchar = start_char + match.end()
            yield token


class PairTokenizer(BilingualTokenizer):
    """Adjacent word pairs with a stop word in them ("how much", "не пришл") as terms.

    Stop words count little on their own, yet with their neighbour they carry
    the phrasing of a request ("how do I say", "not arrived"). Like Lucene's
    common grams, only pairs that include a stop word are kept: they capture
    that phrasing while keeping the number of distinct terms small.
    """

    def __call__(self, value, positions=False, chars=False, keeporiginal=False, removestops=True,
                 start_pos=0, start_char=0, tokenize=True, mode="", **kwargs):
        token = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        previous = None
        previous_stop = False
        pos = start_pos
        for match in self.expression.finditer(value):
            raw = match.group(0)
            current = index_form(raw)
            current_stop = is_stop_word(raw)
            if previous is not None and (previous_stop or current_stop):
                token.text = previous + " " + current
                token.boost = 1.0
                token.stopped = False
                if positions:
                    token.pos = pos
                    pos += 1
                if chars:
                    token.startchar = start_char + match.start()
                    token.endchar = start_char + match.end()
                yield token
            previous, previous_stop = current, current_stop


@lru_cache(maxsize=100_000)
def is_stop_word(raw: str) -> bool:
    """Whether a word (as written) is a Russian or English stop word."""
    return raw.lower().replace("ё", "е") in STOP_WORDS


def pair_terms(words: list[str]) -> list[str]:
    """The pair terms of consecutive words, as :class:`PairTokenizer` makes them."""
    return [
        f"{index_form(a)} {index_form(b)}"
        for a, b in zip(words, words[1:])
        if is_stop_word(a) or is_stop_word(b)
    ]


def bilingual_analyzer():
    """Return the analyzer used for every text field of the index."""
    return BilingualTokenizer()


_TOKENS = re.compile(TOKEN_PATTERN)


def tokenize(text: str) -> list[str]:
    """Split ``text`` into case-folded words with ``ё`` folded, without stemming."""
    folded = text.lower()
    if len(folded) == len(text) and "Σ" not in text:
        # one C-level pass: the confidence weighs every passage of a new result with this
        return _TOKENS.findall(folded.replace("ё", "е"))
    # a letter whose lower case is longer ("İ") may cut differently lowered, and a
    # capital sigma's lower case depends on what follows it: word by word, then
    return [m.group(0).lower().replace("ё", "е") for m in _TOKENS.finditer(text)]
