"""The whole knowledge base: finding and loading its files, _kb.yml, and where links lead."""
