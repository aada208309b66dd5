"""Insights for editors (Tools → Insights): content gaps, the articles and replies in use, channels and languages."""
