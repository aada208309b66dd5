"""Keyboard-layout repair: words typed on the wrong layout, retyped only on evidence.

"djpdhfn" is "возврат" typed with the English layout on; "руддщ" is "hello" on the
Russian one. A word is retyped only when the KB's vocabulary says so (see
:func:`repair_layout`); a letter or two, or a word still being typed, keeps its script.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from kb_assistant.core.language import (
    query_language,
    switch_layout,
    switch_layout_keeping_punctuation,
)
from kb_assistant.core.search.analysis import STOP_WORDS, stem_word, tokenize
from kb_assistant.core.search.terms import (
    EXPAND_MAX_LENGTH,
    FUZZY_MIN_LENGTH,
    TermStats,
)

LAYOUT_MIN_CHARS = 3
"""A word shorter than this is never retyped on its own evidence: "п", "c" and "не" are
letters or words of both layouts (and a prefix of thousands of terms)."""
LAYOUT_WORDS_KEPT = 10_000
"""Words whose layout reading is kept per index (a question's words are read again on every key)."""


@dataclass
class _LayoutWord:
    """One word of a question as typed and as retyped on the other layout, with the evidence."""

    typed: str
    alternative: str | None = None
    script: str = ""
    """The script the alternative is in ("ru" or "en"); the typed form is in the other."""
    typed_known: bool = False
    alternative_known: bool = False
    unfinished: bool = False

    @property
    def long(self) -> bool:
        return len(self.typed) >= LAYOUT_MIN_CHARS

    def vote(self) -> str:
        """The script this word says the question is in: "" when it says nothing clear."""
        if not self.alternative or not self.long or self.typed_known == self.alternative_known:
            return ""
        return self.script if self.alternative_known else _other_script(self.script)

    def flipped(self) -> str:
        """The script this word was meant in when it reads only on the other layout, else ""."""
        vote = self.vote()
        return vote if vote and vote == self.script else ""


def _other_script(script: str) -> str:
    return "en" if script == "ru" else "ru"


def _known_word(stats: TermStats, word: str, unfinished: bool, prefixes: bool) -> bool:
    """Whether every token of ``word`` is in the index (the unfinished last one as a prefix).

    With ``prefixes``, a finished token of three letters or more also counts when
    it starts a known term: "shopw" is a word of this KB's script, cut short.
    """
    tokens = tokenize(word)
    if not tokens:
        return False
    for position, token in enumerate(tokens):
        if stats.known(stem_word(token)):
            continue
        last = unfinished and position == len(tokens) - 1
        if len(token) <= EXPAND_MAX_LENGTH and (last or (prefixes and len(token) >= LAYOUT_MIN_CHARS)):
            if stats.has_prefix(token):
                continue
        return False
    return True


def _only_stop_words(word: str) -> bool:
    tokens = tokenize(word)
    return bool(tokens) and all(token in STOP_WORDS for token in tokens)


def _looks_like_a_typo(stats: TermStats, word: str) -> bool:
    """Whether a word is one edit from a known term (a typo the search corrects as typed)."""
    tokens = tokenize(word)
    return len(tokens) == 1 and FUZZY_MIN_LENGTH <= len(tokens[0]) <= EXPAND_MAX_LENGTH and bool(
        stats.near(stem_word(tokens[0]))
    )


def _layout_word(stats: TermStats, word: str, unfinished: bool) -> _LayoutWord:
    """How ``word`` reads as typed and on the other layout (kept per index: each key asks for every word again)."""
    found = stats.layout_words.get((word, unfinished))
    if found is None:
        if len(stats.layout_words) > LAYOUT_WORDS_KEPT:
            stats.layout_words.clear()
        found = stats.layout_words[(word, unfinished)] = _read_layout_word(stats, word, unfinished)
    return found


def _read_layout_word(stats: TermStats, word: str, unfinished: bool) -> _LayoutWord:
    found = _LayoutWord(word, unfinished=unfinished)
    typed_script = query_language(word)
    if not typed_script:
        return found
    found.typed_known = _known_word(stats, word, unfinished, prefixes=False)
    for alternative in (switch_layout(word), switch_layout_keeping_punctuation(word)):
        if alternative and query_language(alternative) == _other_script(typed_script):
            found.alternative, found.script = found.alternative or alternative, _other_script(typed_script)
            if _known_word(stats, alternative, unfinished, prefixes=False):
                found.alternative, found.alternative_known = alternative, True
                break
    if found.alternative_known and not found.typed_known:
        # only where it could stop a retype: a typed word cut short still reads as typed
        found.typed_known = _known_word(stats, word, unfinished, prefixes=True)
    return found


def _retype(stats: TermStats, word: _LayoutWord, others: dict[str, int], flipped: dict[str, int],
            written: dict[str, int]) -> bool:
    """Whether ``word`` was meant on the other layout, given the votes of the other words.

    ``others`` counts, per script, the other words of the question that read as
    known words only in that script (see :meth:`_LayoutWord.vote`); ``flipped``
    those of them that were typed on the wrong layout, as this word may have been
    (see :meth:`_LayoutWord.flipped`); ``written`` the other words per script they
    are typed in.
    """
    if not word.alternative:
        return False
    meant, typed = others.get(word.script, 0), others.get(_other_script(word.script), 0)
    meant_flipped = flipped.get(word.script, 0)
    if not word.alternative_known:
        # unknown both ways: a typo made on the wrong layout ("djphfn" for "возрат") is retyped
        # when the retyped word is one edit from a known one, the typed one is not, and the rest agrees
        # (the typed word's corrections are looked up first: the search needs them anyway)
        return (not word.unfinished and not word.typed_known and meant >= typed
                and not _looks_like_a_typo(stats, word.typed) and _looks_like_a_typo(stats, word.alternative))
    if word.long and not word.typed_known and not word.unfinished and not _only_stop_words(word.alternative):
        # a whole word that reads only on the other layout; but in a question of its own script,
        # one edit from a word of that script, it is a typo there ("a Russian question stays Russian")
        return typed <= meant or not _looks_like_a_typo(stats, word.typed)
    if word.long and not word.typed_known and word.unfinished:
        # a half-typed word that starts only other-layout terms: retyped when it is the
        # whole question ("djpd") or the rest of the question was typed on the wrong layout too
        # ("ltymub djpd"); "Как включить поддержку HTT" is a Russian question with an English word
        return (meant_flipped >= 1 and meant_flipped >= typed) or (typed == 0 and not written.get(word.script))
    # a short word, a stop word ("ghb" for "при") or one that reads both ways ("c" and "с"):
    # only with other words typed on the wrong layout ("Что такое S" keeps its S)
    return meant_flipped >= 1 and (typed == 0 or (not word.typed_known and meant_flipped >= typed))


def repair_layout(stats: TermStats, text: str, live: bool) -> str:
    """Retype words typed in the wrong keyboard layout, on evidence only.

    A word is retyped when, as typed, it is not a known word (nor, for the last
    word being typed, a known prefix) and its other-layout form is, weighing the
    other words of the question:

    * a whole word of three letters or more that reads only on the other layout
      is retyped ("refund djpdhfn" -> "refund возврат"), unless the rest of the
      question is in its script and it is one edit from a known word there (a typo
      the search corrects: "промокод в корзмне" stays Russian);
    * the word being typed is retyped when it is the whole question ("djpd" ->
      "возв") or the rest of the question was typed on the wrong layout too
      ("ltymub djpd" -> "деньги возв"); in a question typed right it keeps its
      script until it is finished ("Как включить поддержку HTT");
    * a word of one or two letters, a stop word ("ghb" for "при") or a word that
      reads both ways ("c" and "с") only with other words typed on the wrong layout
      ("rfr dthyenm" -> "как вернуть"), never alone: "п", "курьер не п", "how to c"
      and "Что такое S" are searched as typed.
    """
    words = text.split()
    if not words:
        return text
    unfinished_last = live and not text[-1:].isspace()
    found = [_layout_word(stats, word, unfinished_last and n == len(words) - 1) for n, word in enumerate(words)]
    votes = Counter(word.vote() for word in found)
    flips = Counter(word.flipped() for word in found)
    scripts = Counter(query_language(word.typed) for word in found)
    repaired = []
    for word in found:
        others, flipped, written = votes.copy(), flips.copy(), scripts.copy()
        others[word.vote()] -= 1
        flipped[word.flipped()] -= 1
        written[query_language(word.typed)] -= 1
        repaired.append(word.alternative if _retype(stats, word, others, flipped, written) else word.typed)
    return " ".join(repaired) + (" " if text[-1:].isspace() else "")
