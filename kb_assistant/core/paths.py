"""User folders (config, cache, data, logs), each overridable by an environment variable.

Nothing here runs at import time; callers build an :class:`AppPaths` once (in
``app.py`` or ``cli.py``) and pass it on, and tests build one on temporary folders.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "kb-assistant"
ENV_CONFIG = "KB_ASSISTANT_CONFIG_DIR"
ENV_CACHE = "KB_ASSISTANT_CACHE_DIR"
ENV_DATA = "KB_ASSISTANT_DATA_DIR"
ENV_LOG = "KB_ASSISTANT_LOG_DIR"
ENV_INDEX = "KB_ASSISTANT_INDEX"
ENV_KB = "KB_ASSISTANT_KB"


@dataclass(frozen=True)
class AppPaths:
    """Where the app keeps its own files.

    ``log_dir`` (the log and crash files) defaults to ``logs`` in the data folder
    when not given, so a caller naming only the first three keeps its files together.
    """

    config_dir: Path
    cache_dir: Path
    data_dir: Path
    log_dir: Path | None = None

    def __post_init__(self) -> None:
        if self.log_dir is None:
            object.__setattr__(self, "log_dir", Path(self.data_dir) / "logs")

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> AppPaths:
        """Platform defaults, replaced by ``KB_ASSISTANT_*_DIR`` variables when set.

        The logs go to ``KB_ASSISTANT_LOG_DIR``, else beside a data folder given by
        ``KB_ASSISTANT_DATA_DIR`` (a portable or test set-up), else the platform's log folder.
        """
        env = os.environ if environ is None else environ
        data_dir = Path(env.get(ENV_DATA) or platformdirs.user_data_dir(APP_NAME))
        if env.get(ENV_LOG):
            log_dir = Path(env[ENV_LOG])
        elif env.get(ENV_DATA):
            log_dir = data_dir / "logs"
        else:
            log_dir = Path(platformdirs.user_log_dir(APP_NAME))
        return cls(
            config_dir=Path(env.get(ENV_CONFIG) or platformdirs.user_config_dir(APP_NAME)),
            cache_dir=Path(env.get(ENV_CACHE) or platformdirs.user_cache_dir(APP_NAME)),
            data_dir=data_dir,
            log_dir=log_dir,
        )

    def index_dir_for(self, kb_root: Path) -> Path:
        """The index folder of the KB at ``kb_root``, keyed by its resolved path."""
        return self.cache_dir / "indexes" / index_key(kb_root)

    def usage_dir_for(self, kb_root: Path) -> Path:
        """This user's usage log of the KB at ``kb_root`` (data, not cache: it is not rebuilt)."""
        return self.data_dir / "usage" / index_key(kb_root)


def index_key(kb_root: Path) -> str:
    """A readable, collision-safe folder name for a KB path."""
    resolved = str(Path(kb_root).expanduser().resolve())
    digest = hashlib.sha256(resolved.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    name = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(resolved).name).strip("-")[:40] or "kb"
    return f"{name}-{digest}"


def resolve_index_dir(
    kb_root: Path,
    paths: AppPaths,
    explicit: str | os.PathLike[str] | None = None,
    environ: Mapping[str, str] | None = None,
) -> Path:
    """The index folder to use: ``--index``, else ``KB_ASSISTANT_INDEX``, else the cache."""
    env = os.environ if environ is None else environ
    if explicit:
        return Path(explicit)
    if env.get(ENV_INDEX):
        return Path(env[ENV_INDEX])
    return paths.index_dir_for(kb_root)


def bundled_kb_dir() -> Path | None:
    """The sample KB shipped inside the package (``kb_assistant/sample_kb``), if present.

    The same folder in a source checkout, an installed wheel and a frozen bundle
    (``importlib.resources``); ``articles`` at the repository root links to it.
    """
    from importlib import resources

    try:
        candidate = Path(str(resources.files("kb_assistant") / "sample_kb"))
    except (ModuleNotFoundError, TypeError):  # pragma: no cover - a loader without files()
        candidate = Path(__file__).resolve().parents[1] / "sample_kb"
    return candidate if (candidate / "_kb.yml").is_file() else None


def choose_kb_root(explicit: str | None, configured: str = "", environ: Mapping[str, str] | None = None) -> Path:
    """The KB to open: ``--kb``, else ``KB_ASSISTANT_KB``, else the settings, else the bundled sample.

    Raises:
        KbNotFoundError: when nothing is given and no sample KB is installed.
    """
    from kb_assistant.core.errors import KbNotFoundError

    env = os.environ if environ is None else environ
    chosen = explicit or env.get(ENV_KB) or configured
    if chosen:
        return Path(chosen).expanduser()
    bundled = bundled_kb_dir()
    if bundled is None:
        raise KbNotFoundError("kb-not-given")
    return bundled
