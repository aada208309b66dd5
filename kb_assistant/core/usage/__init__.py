"""Usage kept privately: what agents searched, opened and copied, scrubbed of personal data."""
