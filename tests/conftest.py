"""Shared test setup: plain HTTP and plain static files for the whole session, a logged-in staff client, and the
Hypothesis profiles (``--hypothesis-profile=fuzz`` for the long run ``make fuzz`` does)."""
import os

import pytest
from django.test import override_settings
from hypothesis import HealthCheck, settings

# Each property test's examples: 50 in the normal run, 1,700 under "fuzz" (about 10,000 over the six ingest
# properties). No deadline: an example forks an extraction worker, whose first start can be slow on a busy machine.
_HYPOTHESIS = dict(deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("quick", max_examples=50, **_HYPOTHESIS)
settings.register_profile("fuzz", max_examples=1700, **_HYPOTHESIS)
settings.load_profile("quick")


@pytest.fixture(autouse=True, scope="session")
def test_settings():
    """Plain HTTP and static files straight from the source tree, as in development; the page cache off (the
    query counts of the pages are their own, without its one query; tests/web/test_page_cache.py turns it on, and
    TEST_PAGE_CACHE=1 runs every test with it, which finds any page served stale after a test's write).

    Session-wide, because the live server builds its middleware once, when it starts.
    """
    with override_settings(
        PAGE_CACHE=os.environ.get("TEST_PAGE_CACHE") == "1",
        SECURE_SSL_REDIRECT=False,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        yield


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with an empty page cache: a test's rolled-back writes give the data version back to the
    value an earlier test may have cached other data under (meetings/pagecache.py). Only a local-memory cache is
    emptied: clearing a Redis cache (REDIS_URL set) would empty a database others may share."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            cache.clear()
    yield


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client.force_login(user)
    client.user = user
    return client
