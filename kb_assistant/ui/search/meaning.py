"""When the semantic matcher joins the window's search, and what it embeds after each load.

Qt-free on purpose: the search worker asks, on its loader thread, and hands the
model to its search thread by signal.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from kb_assistant.core.search.semantic import SemanticModel
from kb_assistant.core.search.service import embed_new_articles

log = logging.getLogger("kb_assistant.ui.search")


class MeaningJoin:
    """The semantic model's state for one worker: not asked for, wanted, loaded, or given up.

    Args:
        load: loads the model (``core.search.semantic.load_model``); None: words alone, always.
    """

    def __init__(self, load: Callable[[], SemanticModel | None] | None) -> None:
        self._load = load
        self.model: SemanticModel | None = None
        self.wanted = False

    @property
    def pending(self) -> bool:
        """Whether the model may still join (it can be loaded and has not been asked for)."""
        return self._load is not None and not self.wanted and self.model is None

    @property
    def joined(self) -> bool:
        """Whether the model is loaded (its vectors are handed to the search after the next load)."""
        return self.model is not None

    def after_load(self, kb_root: Path, index_dir: Path, unchanged: bool) -> tuple[SemanticModel, bool] | None:
        """On the loader thread, after a load: the model (loaded the first time) and whether vectors changed.

        None when meaning is not wanted, cannot be loaded (then never tried again), or a
        refresh found nothing changed once the model was in.
        """
        if not self.wanted or (unchanged and self.model is not None):
            return None
        try:
            self.model = self.model or self._load()  # None: not installed or unreadable (logged once)
            self.wanted = self.model is not None
            if self.model is None:
                return None
            return self.model, embed_new_articles(kb_root, index_dir, self.model)
        except Exception:  # noqa: BLE001 - meaning only adds to the words
            log.exception("embedding the new articles failed; they are found by their words")
            return None
