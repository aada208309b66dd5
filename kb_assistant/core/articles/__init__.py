"""One article: parsing, front matter (read and edit), the Markdown structure scan, the new-article template."""
