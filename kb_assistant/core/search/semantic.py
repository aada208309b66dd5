"""The meaning of a question: WordLlama's word vectors, read offline.

WordLlama (MIT, https://github.com/dleemiller/WordLlama) is a table of token
vectors distilled from a large language model: a text's vector is the mean of
its tokens' vectors, so "how would you say fly in italian" lands near an article
about translating though they share no word. Its wheel ships the 256-dimension
weights and the tokenizer; they are read here directly with ``safetensors`` and
``tokenizers``. The package's own code is never imported: it costs 0.44 s of
start-up (pydantic, requests), and its loader downloads what it misses, while a
support desk must work without a network and without surprises.

The model was trained on English. On Russian text it measured far below the
lexical search (hit@3 0.32 against 0.63 on a real Russian support set), so only
English questions and English articles take part (see :mod:`fusion`).
"""

from __future__ import annotations

import importlib.util
import logging
import sys
import threading
from pathlib import Path

log = logging.getLogger("kb_assistant.search.semantic")

MODEL_NAME = "wordllama-l2_supercat-256"
"""Which vectors; part of the saved vectors' file name, so another model never reads them."""
_PACKAGE = "wordllama"
_WEIGHTS = ("weights", "l2_supercat_256.safetensors")
_TOKENIZER = ("tokenizers", "l2_supercat_tokenizer_config.json")
_TENSOR = "embedding.weight"
SEMANTIC_TEXT_CHARS = 1500
"""How much of an article is embedded: its title, its questions and the start of its text.

Means of token vectors blur as a text grows; an article says what it is about first."""
SEMANTIC_LANGUAGE = "en"
"""The one language the model serves."""
_BATCH = 64
_SERIAL_TEXTS = 8
_MAX_TOKENS = 512
"""Tokens of one text that count (a question is far shorter; an article's start is about 350)."""


class SemanticModel:
    """Token vectors and their tokenizer; :meth:`embed` turns texts into unit vectors.

    Load it with :func:`load_model`. ``numpy`` arrays only: thread-safe for
    reading, and ``embed`` holds no state between calls.
    """

    def __init__(self, table, tokenizer) -> None:
        import numpy as np

        self._np = np
        self.table = np.ascontiguousarray(table, dtype=np.float32)
        self.dimensions = int(self.table.shape[1])
        self._tokenizer = tokenizer
        self._tokenizer.no_padding()
        self._tokenizer.enable_truncation(_MAX_TOKENS)

    def embed(self, texts: list[str]):
        """Unit vectors of ``texts`` as a float32 array of shape (len(texts), dimensions).

        A text without a single token (empty, or only spaces) is the zero vector:
        it resembles nothing.
        """
        np = self._np
        out = np.zeros((len(texts), self.dimensions), dtype=np.float32)
        last = self.table.shape[0] - 1
        for start in range(0, len(texts), _BATCH):
            # lone surrogates (pasted from broken text) are no text the tokenizer takes
            chunk = [text.encode("utf-8", "replace").decode("utf-8") for text in texts[start:start + _BATCH]]
            if len(chunk) > _SERIAL_TEXTS:
                encoded = self._tokenizer.encode_batch(chunk, add_special_tokens=False)
            else:  # a question and its completions: the batch's thread pool costs ten times the work
                encoded = [self._tokenizer.encode(text, add_special_tokens=False) for text in chunk]
            for offset, encoding in enumerate(encoded):
                ids = np.asarray(encoding.ids, dtype=np.int64)
                if not ids.size or not chunk[offset].strip():
                    continue
                vector = self.table[np.clip(ids, 0, last)].mean(axis=0)
                norm = float(np.linalg.norm(vector))
                if norm > 0:
                    out[start + offset] = vector / norm
        return out

    def embed_one(self, text: str):
        """The unit vector of one text (see :meth:`embed`)."""
        return self.embed([text])[0]


def model_files() -> tuple[Path, Path] | None:
    """Where the installed ``wordllama`` package keeps its weights and tokenizer, without importing it.

    A frozen bundle (``packaging/kb-assistant.spec``) carries the two files alone, in ``wordllama/``.
    """
    locations: list[str] = []
    if getattr(sys, "frozen", False) and hasattr(sys, "_MEIPASS"):
        locations.append(str(Path(sys._MEIPASS) / _PACKAGE))  # noqa: SLF001 - PyInstaller's folder
    try:
        spec = importlib.util.find_spec(_PACKAGE)
    except (ImportError, ValueError):
        spec = None
    if spec is not None and spec.submodule_search_locations:
        locations.extend(spec.submodule_search_locations)
    for location in locations:
        root = Path(location)
        weights, tokenizer = root.joinpath(*_WEIGHTS), root.joinpath(*_TOKENIZER)
        if weights.is_file() and tokenizer.is_file():
            return weights, tokenizer
    return None


_failure_logged = threading.Event()


def load_model(files: tuple[Path, Path] | None = None) -> SemanticModel | None:
    """The model from the installed package (or ``files``: weights, tokenizer), or None.

    None when the package, ``numpy``, ``safetensors`` or ``tokenizers`` is missing
    or a file cannot be read; search then works on words alone, and the log says
    why, once per process. Nothing is ever downloaded.
    """
    files = files or model_files()
    try:
        if files is None:
            raise FileNotFoundError(f"the {_PACKAGE} package with its weights is not installed")
        from safetensors import safe_open
        from tokenizers import Tokenizer

        weights, tokenizer_file = files
        with safe_open(str(weights), framework="np") as handle:
            table = handle.get_tensor(_TENSOR)
        tokenizer = Tokenizer.from_file(str(tokenizer_file))
        if table.ndim != 2 or table.shape[0] < 2:
            raise ValueError(f"unexpected weights of shape {table.shape}")
        return SemanticModel(table, tokenizer)
    except Exception as exc:  # noqa: BLE001 - any failure only means lexical search
        if not _failure_logged.is_set():
            _failure_logged.set()
            log.warning("semantic matching is off, search works on words alone: %s: %s", type(exc).__name__, exc)
        return None


def semantic_text(title: str, questions: str, text: str) -> str:
    """What of an article is embedded: title, questions, then its readable text, at most
    :data:`SEMANTIC_TEXT_CHARS` characters."""
    return "\n".join(part for part in (title, questions, text) if part)[:SEMANTIC_TEXT_CHARS]
