"""Learning mode: browse the KB, reading paths, self-checks and flashcards, what changed."""
