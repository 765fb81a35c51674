"""Shared test setup: plain HTTP and plain static files for the whole session, and a logged-in staff client."""
import pytest
from django.test import override_settings


@pytest.fixture(autouse=True, scope="session")
def test_settings():
    """Plain HTTP and static files straight from the source tree, as in development.

    Session-wide, because the live server builds its middleware once, when it starts.
    """
    with override_settings(
        SECURE_SSL_REDIRECT=False,
        STORAGES={
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    ):
        yield


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.org", "a-long-password-1")
    client.force_login(user)
    client.user = user
    return client
