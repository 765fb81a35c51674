"""The API tests read the browsing tests' small world of meetings (tests/browse/conftest.py)."""
from tests.browse.conftest import world  # noqa: F401  (a fixture, used by name)
