"""Turning source articles into meetings, participants, statements and commitments."""

# Bumped whenever extraction changes what it produces; stored on every Source.
EXTRACTOR_VERSION = "1"
