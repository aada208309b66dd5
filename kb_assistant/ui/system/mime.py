"""Clipboard data made safely: every ``QMimeData`` the app hands to the clipboard comes from here.

Why: a ``QMimeData`` constructed in Python is a shiboken wrapper subclass whose
destructor calls back into Python. The clipboard owns what it is given and may
delete it after the interpreter has shut down (the offscreen platform keeps it
in a static that dies at process exit), which segfaults the process. A
``QMimeData`` created by Qt itself has no such destructor.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, QStringListModel


def new_mime_data() -> QMimeData:
    """Return an empty ``QMimeData`` created by Qt (not by Python).

    Give it to a ``QClipboard`` (which takes ownership) or call ``deleteLater()``
    on it. See the module docstring for why ``QMimeData()`` is not used.
    """
    model = QStringListModel([""])
    mime = model.mimeData([model.index(0, 0)])
    for name in mime.formats():
        mime.removeFormat(name)
    return mime
