"""The index codec: Whoosh 3's, with short posting lists kept in the term dictionary.

Most terms of a KB (product codes, names, word pairs) occur in a handful of
articles. Whoosh 3 writes each term's postings as a compressed block in the
postings file, and that per-term work dominated index builds. Its option to
inline short lists into the term dictionary exists but calls a method that is
not there (``set_inline`` instead of ``set_inlined``), so it was never usable;
this codec makes it work. Segments record their codec, so this class must stay
at this import path (see ``SCHEMA_VERSION``).
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3Codec, W3PostingsWriter
from whoosh.matching import ListMatcher

INLINE_LIMIT = 8
"""Posting lists shorter than this are stored inside the term dictionary."""


class InliningPostingsWriter(W3PostingsWriter):
    """A postings writer whose short lists go into the term info."""

    def finish_postings(self):
        if not self.written() and len(self) < self._inlinelimit:
            terminfo = self._terminfo
            terminfo.add_block(self)
            terminfo.set_inlined(self._ids, self._weights, self._values)
            self._terminfo = None
            return terminfo
        return super().finish_postings()


class InlinedPostingsMatcher(ListMatcher):
    """Reads inlined postings; an empty value is ``b""`` as the segment merger requires.

    Whoosh's ListMatcher answers ``""`` (text) for a posting without a value, and
    merging segments (after a few incremental updates) then stops on an assertion.
    """

    def value(self):
        value = super().value()
        return value if value else b""


class KbCodec(W3Codec):
    """Whoosh 3 codec with working inlining of short posting lists."""

    def __init__(self, blocklimit: int = 128, compression: int = 3, inlinelimit: int = INLINE_LIMIT) -> None:
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            ids, weights, values = terminfo.inlined_postings()
            return InlinedPostingsMatcher(ids, weights, values, format_, scorer=scorer, term=term,
                                          terminfo=terminfo)
        return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)

    def postings_writer(self, dbfile, byteids=False):
        return InliningPostingsWriter(
            dbfile, blocklimit=self._blocklimit, byteids=byteids,
            compression=self._compression, inlinelimit=self._inlinelimit,
        )
