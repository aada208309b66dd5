"""Fixtures of the search tests: the sample KB, a service over it, an open index reader."""

from __future__ import annotations

import datetime as dt

import pytest
from whoosh import index as whoosh_index

from kb_assistant.core.search import SearchService
from kb_assistant.core.search.indexer import INDEX_NAME, live_generation, update_index
from tests.core.search.helpers import KB_FILES


@pytest.fixture
def kb_root(write_kb):
    """The sample KB (see ``helpers.KB_FILES``) in a temporary folder."""
    return write_kb(KB_FILES)


@pytest.fixture
def service(kb_root, tmp_path):
    """A service over the sample KB, indexed, with a fixed "today"."""
    with SearchService(kb_root, tmp_path / "index", today=dt.date(2026, 11, 27)) as svc:
        svc.update()
        yield svc


@pytest.fixture
def open_reader(tmp_path):
    """Index a KB folder and return a Whoosh reader over it (closed after the test).

    For tests of the modules below the service (query, scoring), which work on a reader.
    """
    opened = []

    def make(root):
        index_dir = tmp_path / f"reader-index-{len(opened)}"
        update_index(index_dir, root)
        index = whoosh_index.open_dir(str(live_generation(index_dir)), indexname=INDEX_NAME)
        reader = index.reader()
        opened.append((index, reader))
        return reader

    yield make
    for index, reader in opened:
        reader.close()
        index.close()
