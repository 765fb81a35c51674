"""The page benchmark's URLconf: the site's, plus /ok/, a view that answers "ok" without reading the database. It
goes through every middleware, so it is the framework's floor: each page is measured beside it in the same run."""
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns


def ok(request):
    return HttpResponse("ok", content_type="text/plain")


urlpatterns = [path("ok/", ok), *site_urlpatterns]
