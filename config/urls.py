from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path
from django.views.generic import TemplateView

from meetings.pagecache import cached_page
from meetings.sitemaps import SITEMAPS

admin.site.site_header = "Ministerial staff"
admin.site.site_title = "Ministerial"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("sitemap.xml", cached_page(sitemap_views.index), {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
         name="sitemap"),
    path("sitemap-<section>.xml", cached_page(sitemap_views.sitemap), {"sitemaps": SITEMAPS}, name="sitemap_section"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
         name="robots"),
    path("api/", include("meetings.api.urls")),
    path("", include("meetings.urls")),
]
