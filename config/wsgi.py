"""WSGI entry point for gunicorn (``gunicorn config.wsgi``) and runserver; it refuses to serve with DEBUG off and
the development SECRET_KEY (config/security.py)."""
import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

from config.security import refuse_insecure_start

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
application = get_wsgi_application()
refuse_insecure_start(settings)
