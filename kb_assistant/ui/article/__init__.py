"""The open article: its view, find in the article, and the preview controller."""
