"""Shared test setup: plain static storage (no collectstatic in tests) and a logged-in staff client."""
import pytest


@pytest.fixture(autouse=True)
def test_settings(settings):
    """Plain HTTP and static files straight from the source tree, as in development."""
    settings.SECURE_SSL_REDIRECT = False
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client.force_login(user)
    client.user = user
    return client
