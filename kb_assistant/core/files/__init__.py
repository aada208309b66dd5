"""Text files on disk: decoding, atomic writes and saves that never overwrite a change, autosaved drafts."""
