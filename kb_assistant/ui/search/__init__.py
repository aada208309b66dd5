"""Search as you type: the controller (debounce, request ids), the results model and view, the search worker thread."""
