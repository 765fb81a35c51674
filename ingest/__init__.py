"""Turning source articles into meetings, participants, statements and commitments."""

# Bumped whenever extraction changes what it produces; stored on every Source, and a source stored by another
# version is extracted again on the next ingest ("2": the third session of 2026-12-06).
EXTRACTOR_VERSION = "2"
