"""Production safety the settings cannot give by themselves.

``refuse_insecure_start`` runs where the site starts serving (config/wsgi.py: gunicorn, runserver): with DEBUG off
and the development SECRET_KEY anyone could forge sessions and password-reset tokens, so the site does not start.
Management commands (migrate, ingest) still run with the development key, as on a laptop.

``client_ip`` is the address login attempts are counted against (django-axes).
"""
from django.core.exceptions import ImproperlyConfigured

DEVELOPMENT_SECRET_KEY = "django-insecure-development-only-key-set-SECRET_KEY-in-production"


def refuse_insecure_start(settings):
    if not settings.DEBUG and settings.SECRET_KEY == DEVELOPMENT_SECRET_KEY:
        raise ImproperlyConfigured(
            "DEBUG is off and SECRET_KEY is the development key: set SECRET_KEY to a long random value "
            "(python3 -c 'import secrets; print(secrets.token_urlsafe(50))'), or DEBUG=1 on a laptop.")


def client_ip(request):
    """The client's address. Behind the TLS proxy (BEHIND_TLS_PROXY) REMOTE_ADDR is the proxy's, shared by every
    client, so the address the proxy appended last to X-Forwarded-For is taken: a client can put anything before
    it, but not after it."""
    from django.conf import settings

    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    if settings.SECURE_PROXY_SSL_HEADER and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return request.META.get("REMOTE_ADDR")
