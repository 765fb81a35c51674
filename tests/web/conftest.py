"""The browsing tests' small world of meetings, for the tests of what the site lets in and out."""
from tests.browse.conftest import world  # noqa: F401 (a fixture)
